/** Everything the store holds, as export records in the contract's order (docs/CONTRACT.md). */
import type { Queryable } from '../store/store.js';
import { actorRecord, claimRecord, documentRecord, eventRecord, flowRecord } from './records.js';
import { agreements, compliance, ledger } from './views.js';
import type { RegimeIndex } from './compliance.js';

type Row = Record<string, unknown>;

async function* paged<T>(q: Queryable, sql: string, key: (r: T) => unknown[], size = 5000): AsyncGenerator<T> {
  // keyset paging keeps memory flat on large stores
  let after: unknown[] | null = null;
  for (;;) {
    const rows: T[] = await q.query<T>(sql.replace('/*AFTER*/', after ? 'WHERE (k1, k2) > ($2, $3)' : ''), after ? [size, ...after] : [size]);
    for (const r of rows) yield r;
    if (rows.length < size) return;
    after = key(rows[rows.length - 1]);
  }
}

const keys = (r: Row) => [r.k1, r.k2];

/** documents, actors, events, claims, flows, agreements, compliance: each record once, each with its `type`; `regimes` groups the compliance flags (src/app/regimes.ts) */
export async function* exportRecords(q: Queryable, regimes: RegimeIndex = {}): AsyncGenerator<Row & { type: string }> {
  for await (const d of paged<Row>(
    q,
    `SELECT * FROM (SELECT d.id AS k1, '' AS k2, d.*, (SELECT count(*)::int FROM sentences s WHERE s.doc_id = d.id) AS n_sent FROM documents d) x /*AFTER*/ ORDER BY k1, k2 LIMIT $1`,
    keys,
  )) yield documentRecord(d) as Row & { type: string };
  for await (const a of paged<Row>(
    q,
    `SELECT * FROM (SELECT a.id AS k1, '' AS k2, a.* FROM actors a WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.actor_id = a.id)
        OR EXISTS (SELECT 1 FROM events e WHERE e.source = a.id OR e.target = a.id)) x /*AFTER*/ ORDER BY k1, k2 LIMIT $1`,
    keys,
  )) yield actorRecord(a) as Row & { type: string };
  for await (const e of paged<Row>(
    q,
    `SELECT * FROM (SELECT e.doc_id AS k1, e.id AS k2, e.*, (SELECT count(DISTINCT e2.doc_id)::int FROM events e2 WHERE e2.cluster = e.cluster) AS corroboration
        FROM events e) x /*AFTER*/ ORDER BY k1, k2 LIMIT $1`,
    keys,
  )) yield eventRecord(e) as Row & { type: string };
  for await (const c of paged<Row>(q, `SELECT * FROM (SELECT c.doc_id AS k1, c.id AS k2, c.* FROM claims c) x /*AFTER*/ ORDER BY k1, k2 LIMIT $1`, keys)) {
    yield claimRecord(c) as Row & { type: string };
  }
  // flows, agreements and compliance aggregate evidence across documents: page by their own keys
  // (agreements and compliance come as records already; the ledger's rows lack only the type)
  const same = (r: Row) => r;
  const lists: [(r: Row) => Row, (p: { limit: number; offset: number }) => Promise<{ items: Row[] }>][] = [
    [flowRecord, (p) => ledger(q, p)],
    [same, (p) => agreements(q, p)],
    [same, (p) => compliance(q, p, regimes)],
  ];
  for (const [record, fetch] of lists) {
    for (let offset = 0; ; offset += 1000) {
      const { items } = await fetch({ limit: 1000, offset });
      for (const r of items) yield record(r) as Row & { type: string };
      if (items.length < 1000) break;
    }
  }
}
