/** Writing documents and their sentences (reads are in src/query/documents.ts). */
import type { DocumentRecord } from '../core/types.js';
import type { Queryable } from './types.js';

export interface StoredDocumentInput extends DocumentRecord {
  paragraphKinds: string[];
}

export async function documentExists(q: Queryable, id: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM documents WHERE id = $1', [id])).length > 0;
}

/**
 * Insert a document and its sentences; false (and nothing written) when a document with its id
 * is already stored — by this process or, on a shared PostgreSQL server, by another one that got
 * there first (its transaction is waited for: the id's row lock decides).
 */
export async function insertDocument(q: Queryable, d: StoredDocumentInput): Promise<boolean> {
  const inserted = await q.query(
    `INSERT INTO documents (id, origin, title, source, url, published, authors, language, sha256, chars, text, sections, paragraphs, dropped)
     VALUES ($1,$2,$3,$4,$5,$6,$7::jsonb,$8,$9,$10,$11,$12::jsonb,$13::jsonb,$14::jsonb)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [d.id, d.origin, d.title, d.source, d.url, d.published, JSON.stringify(d.authors), d.language, d.sha256, d.chars, d.text,
      JSON.stringify(d.sections), JSON.stringify(d.paragraphs.map((p, i) => ({ span: p, kind: d.paragraphKinds[i] }))), JSON.stringify(d.dropped)],
  );
  if (!inserted.length) return false;
  const s = d.sentences;
  for (let i = 0; i < s.length; i += 2000) {
    const b = s.slice(i, i + 2000);
    await q.query(
      `INSERT INTO sentences (doc_id, idx, start_off, end_off, section, paragraph, kind, text)
       SELECT $1, * FROM unnest($2::int[], $3::int[], $4::int[], $5::int[], $6::int[], $7::text[], $8::text[])`,
      [d.id, b.map((x) => x.idx), b.map((x) => x.span[0]), b.map((x) => x.span[1]), b.map((x) => x.section), b.map((x) => x.paragraph),
        b.map((x) => d.paragraphKinds[x.paragraph]), b.map((x) => x.text)],
    );
  }
  return true;
}
