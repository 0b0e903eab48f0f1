/** Writing documents and their sentences (reads are in src/query/documents.ts). */
import type { DocumentRecord } from '../core/types.js';
import type { Queryable } from './types.js';

export interface StoredDocumentInput extends DocumentRecord {
  paragraphKinds: string[];
}

export async function documentExists(q: Queryable, id: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM documents WHERE id = $1', [id])).length > 0;
}

/** the ids among `ids` already stored (one query for a batch of documents) */
export async function documentsStored(q: Queryable, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await q.query<{ id: string }>('SELECT id FROM documents WHERE id = ANY($1::text[])', [ids]);
  return new Set(rows.map((r) => r.id));
}

/**
 * Insert a document and its sentences; false (and nothing written) when a document with its id
 * is already stored — by this process or, on a shared PostgreSQL server, by another one that got
 * there first (its transaction is waited for: the id's row lock decides).
 */
export async function insertDocument(q: Queryable, d: StoredDocumentInput): Promise<boolean> {
  return (await insertDocuments(q, [d])).has(d.id);
}

/** rows a statement writes at most, so no statement's arrays grow without bound */
const CHUNK = 2000;

/**
 * Insert documents (distinct ids) and their sentences, a few statements for them all (#15
 * batched writes); the ids inserted — those not already stored — in a set.
 */
export async function insertDocuments(q: Queryable, docs: StoredDocumentInput[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  // in id order: writers sharing a PostgreSQL server take the ids' locks in one order and cannot deadlock
  // ingested_at a microsecond apart in input order: lists of the newest ingested first keep the order one transaction a document gave
  const order = new Map(docs.map((d, i) => [d.id, i]));
  const byId = [...docs].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  for (let i = 0; i < byId.length; i += CHUNK) {
    const b = byId.slice(i, i + CHUNK);
    const rows = await q.query<{ id: string }>(
      `INSERT INTO documents (id, origin, title, source, url, published, authors, language, sha256, chars, text, sections, paragraphs, dropped, ingested_at)
       SELECT id, origin, title, source, url, published, authors, language, sha256, chars, text, sections, paragraphs, dropped,
         now() + make_interval(secs => ord / 1e6)
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::text[], $9::text[], $10::int[],
         $11::text[], $12::jsonb[], $13::jsonb[], $14::jsonb[], $15::int[])
         AS t(id, origin, title, source, url, published, authors, language, sha256, chars, text, sections, paragraphs, dropped, ord)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [b.map((d) => d.id), b.map((d) => d.origin), b.map((d) => d.title), b.map((d) => d.source), b.map((d) => d.url), b.map((d) => d.published),
        b.map((d) => JSON.stringify(d.authors)), b.map((d) => d.language), b.map((d) => d.sha256), b.map((d) => d.chars), b.map((d) => d.text),
        b.map((d) => JSON.stringify(d.sections)), b.map((d) => JSON.stringify(d.paragraphs.map((p, i) => ({ span: p, kind: d.paragraphKinds[i] })))),
        b.map((d) => JSON.stringify(d.dropped)), b.map((d) => order.get(d.id)!)],
    );
    for (const r of rows) inserted.add(r.id);
  }
  const s = docs.filter((d) => inserted.has(d.id)).flatMap((d) => d.sentences.map((x) => ({ d, x })));
  for (let i = 0; i < s.length; i += CHUNK) {
    const b = s.slice(i, i + CHUNK);
    await q.query(
      `INSERT INTO sentences (doc_id, idx, start_off, end_off, section, paragraph, kind, text)
       SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::int[], $6::int[], $7::text[], $8::text[])`,
      [b.map(({ d }) => d.id), b.map(({ x }) => x.idx), b.map(({ x }) => x.span[0]), b.map(({ x }) => x.span[1]), b.map(({ x }) => x.section), b.map(({ x }) => x.paragraph),
        b.map(({ d, x }) => d.paragraphKinds[x.paragraph]), b.map(({ x }) => x.text)],
    );
  }
  return inserted;
}
