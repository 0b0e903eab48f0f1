/** What every store driver offers: SQL with parameters, and transactions. */

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Store extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  readonly location: string;
  /** run `fn` in one transaction; rolled back if it throws */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
