/** Ingest use case: read → build → extract → store, one transaction per document. */
import { StatecraftError } from '../core/errors.js';
import { expandPaths, readInput, readJsonl, type ReadOptions } from '../ingest/read.js';
import { documentExists, insertDocument } from '../store/documents.js';
import { saveExtraction } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { RawDocument } from '../core/types.js';
import type { BuiltDocument, Extraction, Pipeline } from './pipeline.js';
import { createExtractPool } from './workers/pool.js';
import type { DocumentGuard } from './workers/guard.js';
import { ReportedFailure, toFailure, type IngestFailure, type JobResult } from './workers/job.js';

export type { IngestFailure };

export interface IngestOptions extends ReadOptions {
  /** defaults for documents that do not carry their own */
  published?: string | null;
  source?: string | null;
  title?: string | null;
  onProgress?: (done: number, total: number, file: string) => void;
  /** each outcome as soon as it is known: a document stored or unchanged, a failure (#16: progress one line a document) */
  onDocument?: (outcome: 'stored' | 'unchanged' | 'failed', what: IngestItem | IngestFailure) => void;
  /**
   * threads in all (#15): above 1, this thread is the one writer and documents are built and
   * extracted in `threads - 1` worker threads; 1 or none: everything in process. (Measured on 2
   * cores: 2 extraction threads beside the writer were slower than one thread in all.)
   */
  threads?: number;
  /**
   * the document budget (#14): each document is built and extracted in this guard's thread, which
   * is stopped when one overruns its time (E112) or heap (E113) and the others go on; without one,
   * in process (or in `threads - 1` worker threads, unbudgeted)
   */
  guard?: DocumentGuard;
}

export interface IngestItem {
  id: string;
  origin: string;
  title: string | null;
  sentences: number;
  events?: number;
}

export interface IngestReport {
  stored: IngestItem[];
  unchanged: IngestItem[];
  failed: IngestFailure[];
  seconds: number;
  bytes: number;
}

function failure(e: unknown, origin: string, locator?: string): IngestFailure {
  return e instanceof ReportedFailure ? e.failure : toFailure(e, origin, locator);
}

/** Store one raw document (build, extract, one transaction), recording the outcome in `report`. */
export async function ingestRaw(store: Store, pipeline: Pipeline, raw: RawDocument, report: IngestReport, opts: IngestOptions = {}, seenInRun = new Set<string>()): Promise<void> {
  await storeOne(store, raw, report, () => pipeline.build(raw, { published: opts.published, source: opts.source, title: opts.title }), (doc) => pipeline.extract(doc), seenInRun);
}

/** What a worker thread made of a document, stored by the same steps as in process (an extraction failure of a document already stored is no failure). */
function storeJobResult(store: Store, raw: RawDocument, r: JobResult, report: IngestReport, seenInRun: Set<string>): Promise<void> {
  return storeOne(store, raw, report, () => {
    if (r.buildFailed) throw new ReportedFailure(r.buildFailed);
    return r.built;
  }, () => {
    if (r.extractFailed) throw new ReportedFailure(r.extractFailed);
    return r.extraction!;
  }, seenInRun);
}

/** The one writer's steps for one document: unchanged when already stored, else its extraction in one transaction. */
async function storeOne(store: Store, raw: RawDocument, report: IngestReport, build: () => BuiltDocument, extract: (doc: BuiltDocument) => Extraction, seenInRun: Set<string>): Promise<void> {
  report.bytes += Buffer.byteLength(raw.text, 'utf8');
  try {
    const doc = build();
    const item: IngestItem = { id: doc.id, origin: doc.origin, title: doc.title, sentences: doc.sentences.length };
    if (seenInRun.has(doc.id) || (await documentExists(store, doc.id))) {
      report.unchanged.push(item);
      return;
    }
    const extraction = extract(doc);
    // another process may store the same document meanwhile (a shared PostgreSQL server): then it is unchanged
    const inserted = await store.tx(async (q) => {
      if (!(await insertDocument(q, doc))) return false;
      await saveExtraction(q, doc.id, extraction);
      return true;
    });
    seenInRun.add(doc.id);
    if (!inserted) {
      report.unchanged.push(item);
      return;
    }
    item.events = extraction.events.length;
    report.stored.push(item);
  } catch (e) {
    report.failed.push(failure(e, raw.origin, raw.locator));
  }
}

/** The defaults an ingest applies to documents that carry no value of their own. */
export interface IngestDefaults {
  published?: string | null;
  source?: string | null;
  title?: string | null;
}

/** Store raw documents read by another process (a local `ingest` beside `serve`): the same outcome lines as a local ingest. */
export async function ingestRawBatch(store: Store, pipeline: Pipeline | null, docs: RawDocument[], defaults: IngestDefaults = {}, signal?: AbortSignal, guard?: DocumentGuard): Promise<Omit<IngestReport, 'seconds' | 'bytes'>> {
  const r = emptyReport();
  const seen = new Set<string>();
  for (const raw of docs) {
    if (!(await turn(signal))) break;
    await (guard ? storeJobResult(store, raw, await guard.run({ raw, defaults }), r, seen) : ingestRaw(store, pipeline!, raw, r, defaults, seen));
  }
  return { stored: r.stored, unchanged: r.unchanged, failed: r.failed };
}

/**
 * Between two documents of a request: give the server's other requests their turn (extraction
 * is synchronous work, and the store's promises chain without one), and say whether to go on —
 * false once the client that sent the request has gone.
 */
async function turn(signal?: AbortSignal): Promise<boolean> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  return !signal?.aborted;
}

/** What each request of `ingestThroughServer` carries at most (a bigger document goes alone). */
const BATCH_BYTES = 4 * 1024 * 1024;

/**
 * Ingest `paths` through a running `serve` that holds the embedded store: the files are read
 * here (so failures name them exactly as a local ingest does) and the documents stored there,
 * in batches, over its `POST /api/ingest` with the token its lock records.
 */
export async function ingestThroughServer(api: { url: string; token: string }, paths: string[], opts: IngestOptions = {}): Promise<IngestReport> {
  const run = await startRun(paths, opts);
  const { report, flush } = run;
  const defaults: IngestDefaults = { published: opts.published, source: opts.source, title: opts.title };
  let batch: RawDocument[] = [];
  let size = 0;
  const send = async () => {
    if (!batch.length) return;
    const docs = batch;
    batch = [];
    size = 0;
    try {
      const res = await fetch(`${api.url}/api/ingest`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}` },
        body: JSON.stringify({ documents: docs, defaults }),
      });
      const body = (await res.json().catch(() => null)) as (Omit<IngestReport, 'seconds' | 'bytes'> & { message?: string }) | null;
      if (!res.ok || !body || !Array.isArray(body.stored)) throw new Error(`HTTP ${res.status}${body?.message ? `: ${body.message}` : ''}`);
      report.stored.push(...body.stored);
      report.unchanged.push(...body.unchanged);
      report.failed.push(...body.failed);
    } catch (e) {
      // the server stopped or refused: these documents are not stored, and each says so
      for (const d of docs) {
        report.failed.push(failure(new StatecraftError('E203', `sending to statecraft serve at ${api.url} failed: ${(e as Error).message}`, { file: d.origin, locator: d.locator }), d.origin, d.locator));
      }
    }
    flush();
  };
  for await (const raw of documentsOf(run, opts)) {
    const n = Buffer.byteLength(raw.text, 'utf8');
    report.bytes += n;
    if (size + n > BATCH_BYTES) await send();
    batch.push(raw);
    size += n;
  }
  await send();
  return run.finish();
}

/** What every ingest does first and last: the report and its reporter, the files the paths name (what cannot be read is reported), and the closing progress and time. */
async function startRun(paths: string[], opts: IngestOptions) {
  const t0 = performance.now();
  const report = emptyReport();
  const flush = reporter(report, opts.onDocument);
  const { files, failures } = await expandPaths(paths);
  report.failed.push(...failures.map((f) => failure(f, f.file ?? '?')));
  flush();
  const finish = (): IngestReport => {
    opts.onProgress?.(files.length, files.length, '');
    report.seconds = (performance.now() - t0) / 1000;
    return report;
  };
  return { report, flush, files, finish };
}

/** Each file's documents in input order, its progress told and its read failures reported as it is read. */
async function* documentsOf(run: Awaited<ReturnType<typeof startRun>>, opts: IngestOptions): AsyncGenerator<RawDocument> {
  const { files, report, flush } = run;
  for (let fi = 0; fi < files.length; fi++) {
    const file = files[fi];
    opts.onProgress?.(fi, files.length, file);
    const { docs, failures } = await readInput(file, opts);
    report.failed.push(...failures.map((f) => failure(f, file)));
    flush();
    yield* docs;
  }
}

/** a function that passes the report's entries added since its last call to `on` */
function reporter(report: IngestReport, on: IngestOptions['onDocument']): () => void {
  const seen = { failed: 0, stored: 0, unchanged: 0 };
  return () => {
    if (!on) return;
    for (const k of ['failed', 'stored', 'unchanged'] as const) while (seen[k] < report[k].length) on(k, report[k][seen[k]++]);
  };
}

export function emptyReport(): IngestReport {
  return { stored: [], unchanged: [], failed: [], seconds: 0, bytes: 0 };
}

/**
 * Ingest files, directories or - (stdin). With `opts.threads` above 1 the pipeline argument is
 * not used (pass a function that would make one, or null): each worker thread loads its own.
 */
export async function ingestPaths(store: Store, pipeline: Pipeline | null, paths: string[], opts: IngestOptions = {}): Promise<IngestReport> {
  if (opts.guard) return ingestPathsGuarded(store, opts.guard, paths, opts);
  if ((opts.threads ?? 1) > 1) return ingestPathsThreaded(store, paths, opts);
  if (!pipeline) throw new Error('ingestPaths: a pipeline is needed with one thread');
  const run = await startRun(paths, opts);
  const seenInRun = new Set<string>();
  for await (const raw of documentsOf(run, opts)) {
    await ingestRaw(store, pipeline, raw, run.report, opts, seenInRun);
    run.flush();
  }
  return run.finish();
}

/**
 * `ingestPaths` under the document budget (#14): each document is built and extracted in the
 * guard's thread, one at a time, and stored here; a document that overruns its time or heap fails
 * (E112, E113) and the next goes on in a fresh thread.
 */
async function ingestPathsGuarded(store: Store, guard: DocumentGuard, paths: string[], opts: IngestOptions): Promise<IngestReport> {
  const run = await startRun(paths, opts);
  const defaults = { published: opts.published, source: opts.source, title: opts.title };
  const seenInRun = new Set<string>();
  for await (const raw of documentsOf(run, opts)) {
    await storeJobResult(store, raw, await guard.run({ raw, defaults }), run.report, seenInRun);
    run.flush();
  }
  return run.finish();
}

/**
 * `ingestPaths` with extraction in `opts.threads - 1` worker threads beside this one, the writer (#15): files are read here, in
 * order; each document goes to the pool as it is read, and a bounded window of results is
 * consumed in input order by this thread, the one writer, so the report, its lines and the store
 * are the same as in process.
 */
async function ingestPathsThreaded(store: Store, paths: string[], opts: IngestOptions): Promise<IngestReport> {
  const threads = opts.threads ?? 1;
  const run = await startRun(paths, opts);
  const { report, flush, files } = run;
  const seenInRun = new Set<string>();
  const defaults = { published: opts.published, source: opts.source, title: opts.title };
  const pool = createExtractPool(threads - 1);
  // in input order: a file's read failures, then each of its documents with its result to come
  const pending: ({ failed: IngestFailure[] } | { raw: RawDocument; result: Promise<JobResult> })[] = [];
  let inFlight = 0;
  const WINDOW = (threads - 1) * 8;
  const settleHead = async () => {
    const head = pending.shift()!;
    if ('failed' in head) report.failed.push(...head.failed);
    else {
      inFlight--;
      await storeJobResult(store, head.raw, await head.result, report, seenInRun);
    }
    flush();
  };
  try {
    for (let fi = 0; fi < files.length; fi++) {
      const file = files[fi];
      opts.onProgress?.(fi, files.length, file);
      const { docs, failures: readFailures } = await readInput(file, opts);
      if (readFailures.length) pending.push({ failed: readFailures.map((f) => failure(f, file)) });
      for (const raw of docs) {
        pending.push({ raw, result: pool.run({ raw, defaults }) });
        inFlight++;
        while (inFlight >= WINDOW) await settleHead();
      }
      // read failures with nothing in flight ahead of them are reported at once, as in process
      while (pending.length && 'failed' in pending[0]) await settleHead();
    }
    while (pending.length) await settleHead();
  } finally {
    await pool.close();
  }
  return run.finish();
}

/** What an upload (`POST /api/documents`) did: the reports' items, and every failure as one line. */
export type UploadResult =
  | { read: true; stored: IngestItem[]; unchanged: IngestItem[]; failed: string[] }
  | { read: false; message: string };

/**
 * Ingest the JSONL articles of a request body. The pipeline is made only once an article was
 * read; when none was, nothing is stored and `message` says why.
 */
export async function ingestUpload(store: Store, pipeline: () => Promise<Pipeline>, body: string, signal?: AbortSignal, guard?: DocumentGuard): Promise<UploadResult> {
  const { docs, failures } = readJsonl(body, 'upload');
  if (!docs.length) return { read: false, message: `no article read (${failures.map((f) => f.describe()).join('; ') || 'empty'})` };
  // with a guard the documents are extracted in its thread: this one (a server's) never loads the knowledge
  const p = guard ? null : await pipeline();
  const r = emptyReport();
  const seen = new Set<string>();
  // each document in turn with the server's reads; stopped when the client goes
  for (const raw of docs) {
    if (!(await turn(signal))) break;
    await (guard ? storeJobResult(store, raw, await guard.run({ raw, defaults: {} }), r, seen) : ingestRaw(store, p!, raw, r, {}, seen));
  }
  return { read: true, stored: r.stored, unchanged: r.unchanged, failed: [...failures.map((f) => f.describe()), ...r.failed.map((f) => f.line)] };
}
