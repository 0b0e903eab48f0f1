/** `statecraft export --format jsonl`: the public contract (../shared/CONTRACT.md). */
import type { Queryable } from '../store/store.js';
import { agreements, claimJson, compliance, ledger } from '../query/views.js';

export const EXPORT_SCHEMA = 1;
export const GENERATOR = 'statecraft 0.1.0';

type Write = (line: string) => void | Promise<void>;

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

export async function exportJsonl(q: Queryable, write: Write, now = new Date()): Promise<Record<string, number>> {
  const counts: Record<string, number> = { meta: 1, document: 0, actor: 0, event: 0, claim: 0, flow: 0, agreement: 0, compliance: 0 };
  await write(JSON.stringify({ type: 'meta', id: 'meta', schema: EXPORT_SCHEMA, generator: GENERATOR, exported: now.toISOString().replace(/\.\d{3}Z$/, 'Z') }));
  for await (const d of paged<Record<string, unknown>>(
    q,
    `SELECT * FROM (SELECT d.id AS k1, '' AS k2, d.*, (SELECT count(*)::int FROM sentences s WHERE s.doc_id = d.id) AS n_sent FROM documents d) x /*AFTER*/ ORDER BY k1, k2 LIMIT $1`,
    (r) => [r.k1, r.k2],
  )) {
    counts.document++;
    await write(JSON.stringify({
      type: 'document', id: d.id, origin: d.origin, title: d.title, source: d.source, url: d.url, published: d.published,
      authors: d.authors, language: d.language, sha256: d.sha256, chars: d.chars, sentences: d.n_sent, sections: d.sections,
    }));
  }
  for await (const a of paged<Record<string, unknown>>(
    q,
    `SELECT * FROM (SELECT a.id AS k1, '' AS k2, a.* FROM actors a WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.actor_id = a.id)
        OR EXISTS (SELECT 1 FROM events e WHERE e.source = a.id OR e.target = a.id)) x /*AFTER*/ ORDER BY k1, k2 LIMIT $1`,
    (r) => [r.k1, r.k2],
  )) {
    counts.actor++;
    const rec: Record<string, unknown> = { type: 'actor', id: a.id, name: a.name, kind: a.kind, country: a.country, org: a.org, aliases: a.aliases };
    if (a.role) rec.role = a.role;
    if (a.successor) rec.successor = a.successor;
    await write(JSON.stringify(rec));
  }
  for await (const e of paged<Record<string, unknown>>(
    q,
    `SELECT * FROM (SELECT e.doc_id AS k1, e.id AS k2, e.*, (SELECT count(DISTINCT e2.doc_id)::int FROM events e2 WHERE e2.cluster = e.cluster) AS corroboration
        FROM events e) x /*AFTER*/ ORDER BY k1, k2 LIMIT $1`,
    (r) => [r.k1, r.k2],
  )) {
    counts.event++;
    await write(JSON.stringify(eventJson(e)));
  }
  for await (const c of paged<Record<string, unknown>>(q, `SELECT * FROM (SELECT c.doc_id AS k1, c.id AS k2, c.* FROM claims c) x /*AFTER*/ ORDER BY k1, k2 LIMIT $1`, (r) => [r.k1, r.k2])) {
    counts.claim++;
    await write(JSON.stringify(claimJson(c)));
  }
  // flows, agreements and compliance aggregate evidence across documents: page by their own keys
  const lists: [string, (p: { limit: number; offset: number }) => Promise<{ items: Record<string, unknown>[] }>][] = [
    ['flow', (p) => ledger(q, p)],
    ['agreement', (p) => agreements(q, p)],
    ['compliance', (p) => compliance(q, p)],
  ];
  for (const [type, fetch] of lists) {
    for (let offset = 0; ; offset += 1000) {
      const { items } = await fetch({ limit: 1000, offset });
      for (const r of items) {
        counts[type]++;
        await write(JSON.stringify({ type, ...r }));
      }
      if (items.length < 1000) break;
    }
  }
  return counts;
}

export function eventJson(e: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'event', id: e.id, doc: e.doc_id, span: [e.start_off, e.end_off], quote: e.quote,
    source: e.source, source_country: e.source_country, source_org: e.source_org, source_role: e.source_role,
    target: e.target, target_country: e.target_country, target_org: e.target_org, target_role: e.target_role,
    cameo: e.cameo, root: e.root, plover: e.plover, goldstein: Math.round(Number(e.goldstein) * 10) / 10, quad: e.quad,
    date: e.date, location: e.location ?? null, modality: e.modality, form: e.form, attributed_to: e.attributed_to,
    confidence: Math.round(Number(e.confidence) * 100) / 100, cluster: e.cluster, corroboration: e.corroboration ?? 1,
  };
}
