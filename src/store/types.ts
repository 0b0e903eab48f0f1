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
  /**
   * Embedded store only: record in the directory's lock where this process's API listens and
   * the token the same user's `ingest` may upload with, so a second `ingest` goes through it.
   */
  advertise?(api: { url: string; token: string } | null): void;
}
