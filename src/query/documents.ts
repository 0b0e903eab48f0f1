/** Reading documents and sentences: list, one by id or prefix, full-text search. */
import type { DocumentSummary, Section, Span } from '../core/types.js';
import { rowCount } from '../store/aggregates.js';
import type { Queryable } from '../store/store.js';
import { searchHit, sentenceRecord, sentenceSpan, type FullSentenceRow, type SentenceRow } from './records.js';

export type { DocumentSummary };

export async function listDocuments(q: Queryable, opts: { limit?: number; offset?: number } = {}): Promise<{ items: DocumentSummary[]; total: number }> {
  const items = await q.query<DocumentSummary>(
    `SELECT d.id, d.title, d.source, d.published, d.authors, d.chars, d.origin, d.url,
            (SELECT count(*)::int FROM sentences s WHERE s.doc_id = d.id) AS sentences
       FROM documents d ORDER BY d.published DESC NULLS LAST, d.ingested_at DESC, d.id
      LIMIT $1 OFFSET $2`,
    [opts.limit ?? 1000000, opts.offset ?? 0],
  );
  const total = await rowCount(q, 'documents');
  return { items, total };
}

export interface FullDocument extends DocumentSummary {
  text: string;
  sha256: string;
  language: string;
  sections: Section[];
  paragraphs: { span: Span; kind: string }[];
  dropped: { reason: string; text: string }[];
  sentenceSpans: { idx: number; span: Span; section: number | null; kind: string }[];
}

/** A document by id or unique id prefix (as `git` does for commits). */
export async function getDocument(q: Queryable, idOrPrefix: string): Promise<FullDocument | null> {
  const rows = await q.query<FullDocument & { n: number }>(
    `SELECT id, origin, title, source, url, published, authors, language, sha256, chars, text, sections, paragraphs, dropped
       FROM documents WHERE id = $1 OR id LIKE $2 ESCAPE '!' ORDER BY (id = $1) DESC LIMIT 2`,
    [idOrPrefix, `${idOrPrefix.replace(/[%_!]/g, (c) => '!' + c)}%`],
  );
  if (rows.length === 0) return null;
  if (rows.length > 1 && rows[0].id !== idOrPrefix) return null;
  const d = rows[0];
  const sents = await q.query<SentenceRow>(
    'SELECT idx, start_off, end_off, section, kind FROM sentences WHERE doc_id = $1 ORDER BY idx',
    [d.id],
  );
  d.sentenceSpans = sents.map(sentenceSpan);
  d.sentences = sents.length;
  return d;
}

/** Every stored document's id, in id order. */
export async function documentIds(q: Queryable): Promise<string[]> {
  return (await q.query<{ id: string }>('SELECT id FROM documents ORDER BY id')).map((r) => r.id);
}

/** A stored document with its sentences' text and paragraphs: what extraction reads again. */
export async function documentForExtraction(q: Queryable, id: string) {
  const d = await getDocument(q, id);
  if (!d) return null;
  const sents = await q.query<FullSentenceRow>(
    'SELECT idx, start_off, end_off, section, paragraph, text FROM sentences WHERE doc_id = $1 ORDER BY idx',
    [id],
  );
  return { document: d, sentences: sents.map(sentenceRecord) };
}

export interface SearchHit {
  doc: string;
  title: string | null;
  published: string | null;
  sentence: number;
  span: Span;
  rank: number;
  snippet: string;
  text: string;
}

/**
 * Full-text search over sentences (websearch syntax: "quoted phrases", OR, -not),
 * ranked, with highlighted snippets; `mark` wraps the matched words.
 */
export async function searchSentences(q: Queryable, query: string, opts: { limit?: number; offset?: number; mark?: [string, string] } = {}): Promise<{ items: SearchHit[]; total: number }> {
  const [open, close] = opts.mark ?? ['«', '»'];
  const items = await q.query<Omit<SearchHit, 'span'> & { start_off: number; end_off: number }>(
    `WITH qq AS (SELECT websearch_to_tsquery('english', $1) AS tq)
     SELECT s.doc_id AS doc, d.title, d.published, s.idx AS sentence, s.start_off, s.end_off, s.text,
            ts_rank(s.tsv, qq.tq)::float8 AS rank,
            ts_headline('english', s.text, qq.tq, $4) AS snippet
       FROM sentences s JOIN documents d ON d.id = s.doc_id, qq
      WHERE s.tsv @@ qq.tq
      ORDER BY rank DESC, d.published DESC NULLS LAST, s.doc_id, s.idx
      LIMIT $2 OFFSET $3`,
    [query, opts.limit ?? 20, opts.offset ?? 0, `StartSel=${open}, StopSel=${close}, HighlightAll=true`],
  );
  const total = (await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM sentences WHERE tsv @@ websearch_to_tsquery('english', $1)`,
    [query],
  ))[0].n;
  return { items: items.map((h) => searchHit({ ...h, snippet: trimSnippet(h.snippet, open, close) })), total };
}

/**
 * A whole highlighted sentence cut to about `max` words around its first match, at word
 * boundaries and never inside a name: a run of capitalised words ("Kim Jong Un") stays whole
 * (#16: snippets cut "…gives Kim Jong"). Short sentences are shown whole.
 */
export function trimSnippet(marked: string, open: string, close: string, max = 40): string {
  const words = marked.split(/\s+/).filter(Boolean);
  if (words.length <= max) return words.join(' ');
  const bare = (w: string) => w.split(open).join('').split(close).join('').replace(/^[^\p{L}\p{N}]+/u, '');
  const capital = (i: number) => i >= 0 && i < words.length && /^\p{Lu}/u.test(bare(words[i]));
  const first = Math.max(0, words.findIndex((w) => w.includes(open)));
  let start = Math.max(0, Math.min(first - 8, words.length - max));
  let end = Math.min(words.length, start + max);
  // a name the cut would split keeps its words (at most a few more)
  for (let k = 0; k < 4 && start > 0 && capital(start) && capital(start - 1) && !/[.,;:)]$/.test(bare(words[start - 1])); k++) start--;
  for (let k = 0; k < 4 && end < words.length && capital(end - 1) && capital(end) && !/[.,;:(]$/.test(bare(words[end - 1])); k++) end++;
  // a mark never opens inside the snippet without closing in it
  while (end < words.length && words.slice(start, end).join(' ').split(open).length > words.slice(start, end).join(' ').split(close).length) end++;
  return `${start > 0 ? '…' : ''}${words.slice(start, end).join(' ')}${end < words.length ? '…' : ''}`;
}
