/**
 * Read inputs (files, directories, stdin) into raw documents.
 * Each reader returns documents and failures; a failure never stops the others.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { parse as parseCsv } from 'csv-parse/sync';
import { StatecraftError } from '../core/errors.js';
import type { Genre, RawDocument } from '../core/types.js';
import { authorList } from './authors.js';
import { readHtml } from './html.js';
import { toIsoDate } from './dates.js';

/** Files larger than this are refused (a feed dump may hold many articles). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** One article's text larger than this is refused: no real article is this long. */
export const MAX_DOC_CHARS = 2 * 1024 * 1024;

export const TEXT_EXTS = new Set(['.txt', '.md', '.markdown', '.text']);
export const HTML_EXTS = new Set(['.html', '.htm', '.xhtml']);
export const FEED_EXTS = new Set(['.jsonl', '.ndjson', '.csv']);

export interface ReadOptions {
  /** column/field names for feeds */
  fields?: Partial<Record<'text' | 'title' | 'date' | 'url' | 'id' | 'authors' | 'source', string>>;
  /** used when the file name gives no format (stdin) */
  format?: 'txt' | 'md' | 'html' | 'jsonl' | 'csv';
}

export interface ReadResult {
  docs: RawDocument[];
  failures: StatecraftError[];
}

/** Expand paths: directories recursively (sorted, hidden files skipped), `-` for stdin. */
export async function expandPaths(paths: string[]): Promise<{ files: string[]; failures: StatecraftError[] }> {
  const files: string[] = [];
  const failures: StatecraftError[] = [];
  async function walk(p: string): Promise<void> {
    let st;
    try {
      st = await stat(p);
    } catch (e) {
      failures.push(new StatecraftError('E109', (e as NodeJS.ErrnoException).code ?? String(e), { file: p }));
      return;
    }
    if (st.isDirectory()) {
      const entries = (await readdir(p)).filter((n) => !n.startsWith('.')).sort();
      for (const n of entries) await walk(path.join(p, n));
    } else {
      files.push(p);
    }
  }
  for (const p of paths) {
    if (p === '-') files.push('-');
    else await walk(p);
  }
  return { files, failures };
}

/** Decode bytes as text: BOMs honoured, binary and invalid UTF-8 refused. */
export function decodeText(buf: Uint8Array, file: string): string {
  if (buf.length === 0) throw new StatecraftError('E102', 'the file is 0 bytes', { file });
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  const probe = buf.subarray(0, 8192);
  let control = 0;
  for (const b of probe) {
    if (b === 0) throw new StatecraftError('E101', 'contains NUL bytes', { file });
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (control / probe.length > 0.05) throw new StatecraftError('E101', `${control} control bytes in the first ${probe.length}`, { file });
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    const at = firstInvalidUtf8(buf);
    throw new StatecraftError('E104', `invalid byte 0x${buf[at]?.toString(16)} at offset ${at} (convert it to UTF-8, e.g. iconv -f latin1 -t utf-8)`, { file });
  }
}

function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    const n = b < 0x80 ? 0 : b >> 5 === 6 ? 1 : b >> 4 === 14 ? 2 : b >> 3 === 30 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if ((buf[i + k] ?? 0) >> 6 !== 2) return i;
    i += n + 1;
  }
  return i;
}

/** Split optional YAML front matter from a text or Markdown file. */
export function splitFrontMatter(text: string, file: string): { meta: Record<string, unknown>; body: string } {
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { meta: {}, body: text };
  let meta: unknown;
  try {
    meta = YAML.parse(m[1]);
  } catch (e) {
    throw new StatecraftError('E111', (e as Error).message.split('\n')[0], { file });
  }
  if (meta !== null && typeof meta !== 'object') throw new StatecraftError('E111', 'front matter is not a mapping', { file });
  return { meta: (meta ?? {}) as Record<string, unknown>, body: text.slice(m[0].length) };
}

function str(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const s = String(v).trim();
  return s ? s : null;
}

function fromMeta(meta: Record<string, unknown>): Partial<RawDocument> {
  return {
    title: str(meta.title),
    published: toIsoDate(str(meta.published ?? meta.date)),
    source: str(meta.source ?? meta.publisher ?? meta.site),
    url: str(meta.url ?? meta.link),
    authors: authorList(meta.authors ?? meta.author),
    genre: genreOf(meta.genre),
  };
}

function formatOf(file: string, opts: ReadOptions): string {
  if (file === '-') return opts.format ?? 'txt';
  const ext = path.extname(file).toLowerCase();
  if (TEXT_EXTS.has(ext)) return ext === '.md' || ext === '.markdown' ? 'md' : 'txt';
  if (HTML_EXTS.has(ext)) return 'html';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.csv') return 'csv';
  // `--stdin-format` is for stdin only: a .json or .log file is not an article (E110)
  return 'unknown';
}

async function readBytes(file: string): Promise<Uint8Array> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  }
  const st = await stat(file);
  if (st.size > MAX_FILE_BYTES) throw new StatecraftError('E103', `${st.size} bytes; the limit is ${MAX_FILE_BYTES} bytes per file`, { file });
  return readFile(file);
}

/**
 * How a file is named in its documents' `origin`, which the export and the API publish: a path
 * as the user typed it when relative; an absolute one relative to the working directory when
 * inside it, `~/…` when under the home directory, else as typed. The user's expanded home path
 * (`/home/alice/…`, what a shell makes of `~/…`) is never published.
 */
export function originOf(file: string, cwd = process.cwd(), home = safeHomedir()): string {
  if (file === '-') return 'stdin';
  if (!path.isAbsolute(file)) return file;
  const inside = (base: string) => {
    const rel = path.relative(base, file);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : rel === '' ? '.' : null;
  };
  const inCwd = cwd ? inside(cwd) : null;
  if (inCwd && inCwd !== '.') return inCwd;
  const inHome = home && home !== '/' ? inside(home) : null;
  if (inHome) return inHome === '.' ? '~' : `~/${inHome.split(path.sep).join('/')}`;
  return file;
}

function safeHomedir(): string {
  try {
    return homedir();
  } catch {
    return '';
  }
}

/** Read one file (or stdin) into raw documents. Never throws: failures are returned. */
export async function readInput(file: string, opts: ReadOptions = {}): Promise<ReadResult> {
  const origin = originOf(file);
  const failures: StatecraftError[] = [];
  try {
    const fmt = formatOf(file, opts);
    if (fmt === 'unknown') throw new StatecraftError('E110', `"${path.extname(file) || '(none)'}"; use .txt, .md, .html, .jsonl or .csv`, { file: origin });
    const text = decodeText(await readBytes(file), origin);
    // a feed of nothing but whitespace is one empty file, not silence (JSONL) or a failure per line (CSV)
    if ((fmt === 'jsonl' || fmt === 'csv') && !text.trim()) throw new StatecraftError('E102', 'the feed holds no rows', { file: origin });
    if (fmt === 'jsonl') return readJsonl(text, origin, opts);
    if (fmt === 'csv') return readCsv(text, origin, opts);
    if (fmt === 'html') return { docs: [readHtml(text, origin)], failures };
    const { meta, body } = splitFrontMatter(text, origin);
    const doc: RawDocument = { origin, text: body, kind: 'plain', ...fromMeta(meta) };
    if (fmt === 'md') doc.text = stripMarkdown(doc.text);
    return { docs: [doc], failures };
  } catch (e) {
    failures.push(e instanceof StatecraftError ? e : new StatecraftError('E109', String((e as Error).message ?? e), { file: origin }));
    return { docs: [], failures };
  }
}

/** Markdown to plain paragraphs: headings become heading lines, links their text, emphasis dropped. */
export function stripMarkdown(md: string): string {
  return md
    .replace(/^```[\s\S]*?^```[ \t]*$/gm, '')
    .replace(/^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/gm, '$1')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/^>[ \t]?/gm, '')
    .replace(/^[ \t]*(?:[-*+]|\d+\.)[ \t]+/gm, '')
    .replace(/^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$/gm, '');
}

function pick(rec: Record<string, unknown>, names: string[]): unknown {
  for (const n of names) {
    if (rec[n] !== undefined && rec[n] !== null && rec[n] !== '') return rec[n];
  }
  return undefined;
}

function feedRecord(rec: Record<string, unknown>, origin: string, locator: string, opts: ReadOptions): RawDocument {
  const f = opts.fields ?? {};
  const text = pick(rec, f.text ? [f.text] : ['text', 'content', 'body']);
  if (typeof text !== 'string' || !text.trim()) {
    throw new StatecraftError('E107', `expected a non-empty "${f.text ?? 'text|content|body'}" field`, { file: origin, locator });
  }
  return {
    origin,
    locator,
    text,
    kind: 'plain',
    title: str(pick(rec, f.title ? [f.title] : ['title', 'headline'])),
    published: toIsoDate(str(pick(rec, f.date ? [f.date] : ['date', 'published', 'published_at', 'pubdate']))),
    url: str(pick(rec, f.url ? [f.url] : ['url', 'link'])),
    source: str(pick(rec, f.source ? [f.source] : ['source', 'publisher', 'site'])),
    externalId: str(pick(rec, f.id ? [f.id] : ['id', 'guid'])),
    authors: authorList(pick(rec, f.authors ? [f.authors] : ['authors', 'author', 'byline'])),
    genre: genreOf(pick(rec, ['genre', 'type'])),
  };
}

/** a feed record's genre: "news"/"report" or "analysis"/"opinion"/"commentary"; anything else is told by the text */
function genreOf(v: unknown): Genre | null {
  const s = typeof v === 'string' ? v.trim().toLowerCase() : '';
  return ['news', 'report', 'wire'].includes(s) ? 'news' : ['analysis', 'opinion', 'commentary', 'essay'].includes(s) ? 'analysis' : null;
}

export function readJsonl(text: string, origin: string, opts: ReadOptions = {}): ReadResult {
  const docs: RawDocument[] = [];
  const failures: StatecraftError[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const locator = `line ${i + 1}`;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch (e) {
      failures.push(new StatecraftError('E105', (e as Error).message, { file: origin, locator }));
      return;
    }
    if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
      failures.push(new StatecraftError('E105', 'a line must be a JSON object', { file: origin, locator }));
      return;
    }
    try {
      docs.push(feedRecord(rec as Record<string, unknown>, origin, locator, opts));
    } catch (e) {
      failures.push(e as StatecraftError);
    }
  });
  return { docs, failures };
}

export function readCsv(text: string, origin: string, opts: ReadOptions = {}): ReadResult {
  const docs: RawDocument[] = [];
  const failures: StatecraftError[] = [];
  let rows: { record: Record<string, string>; line: number }[];
  try {
    rows = parseCsv(text, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      bom: true,
      relax_column_count: false,
      info: true,
      skip_records_with_error: true,
      on_skip: (err: { message?: string; lines?: number } | undefined) => {
        if (err) failures.push(new StatecraftError('E106', err.message ?? 'bad row', { file: origin, locator: err.lines ? `line ${err.lines}` : undefined }));
        return undefined;
      },
    } as never) as unknown as { record: Record<string, string>; info: { lines: number } }[] as never;
  } catch (e) {
    failures.push(new StatecraftError('E106', (e as Error).message, { file: origin }));
    return { docs, failures };
  }
  for (const row of rows as unknown as { record: Record<string, string>; info: { lines: number } }[]) {
    const locator = `line ${row.info.lines}`;
    try {
      docs.push(feedRecord(row.record, origin, locator, { ...opts, fields: lowerFields(opts.fields) }));
    } catch (e) {
      failures.push(e as StatecraftError);
    }
  }
  return { docs, failures };
}

function lowerFields(f: ReadOptions['fields']): ReadOptions['fields'] {
  if (!f) return f;
  return Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v?.toLowerCase()]));
}
