/** Ingest use case: read → build → extract → store, in batches of documents (one transaction a batch, src/app/writer.ts). */
import { StatecraftError } from '../core/errors.js';
import { expandPaths, readInput, readJsonl, type ReadOptions } from '../ingest/read.js';
import type { Store } from '../store/store.js';
import type { RawDocument } from '../core/types.js';
import type { Pipeline } from './pipeline.js';
import { createExtractPool } from './workers/pool.js';
import type { DocumentGuard } from './workers/guard.js';
import { ReportedFailure, type IngestFailure, type JobResult } from './workers/job.js';
import { DEFAULT_BATCH, createBatchWriter, failure, type BatchWriter, type IngestItem } from './writer.js';

export type { IngestFailure, IngestItem };

export interface IngestOptions extends ReadOptions {
  /** defaults for documents that do not carry their own */
  published?: string | null;
  source?: string | null;
  title?: string | null;
  onProgress?: (done: number, total: number, file: string) => void;
  /** each outcome as soon as it is known: a document stored or unchanged, a failure (#16: progress one line a document) */
  onDocument?: (outcome: 'stored' | 'unchanged' | 'failed', what: IngestItem | IngestFailure) => void;
  /**
   * extraction threads (#15), when no `guard` is given: above 1, documents are built and extracted
   * in this many worker threads (unbudgeted) and this thread reads and is the one writer; 1 or
   * none: everything in process
   */
  threads?: number;
  /**
   * the extraction threads to use (#14, #15: one budgeted thread, or a pool of them from
   * src/app/workers/pool.ts): each document is built and extracted there (a thread is stopped when
   * a document overruns its time, E112, or heap, E113, and the others go on) and written here
   */
  guard?: DocumentGuard & { size?: number };
  /** documents written in one transaction (#15; default 50); 1 writes each alone */
  batch?: number;
}

export interface IngestReport {
  stored: IngestItem[];
  unchanged: IngestItem[];
  failed: IngestFailure[];
  seconds: number;
  bytes: number;
}

/** Store one raw document (build, extract, one transaction), recording the outcome in `report`. */
export async function ingestRaw(store: Store, pipeline: Pipeline, raw: RawDocument, report: IngestReport, opts: IngestOptions = {}): Promise<void> {
  const w = createBatchWriter(store, report, () => undefined, { batch: 1 });
  await addRaw(w, pipeline, raw, opts);
  await w.flush();
}

/** a raw document to the writer, built and extracted in process */
function addRaw(w: BatchWriter, pipeline: Pipeline, raw: RawDocument, opts: IngestDefaults): Promise<void> {
  return w.add(raw, () => pipeline.build(raw, { published: opts.published, source: opts.source, title: opts.title }), (doc) => pipeline.extract(doc));
}

/** What a worker thread made of a document, to the writer (an extraction failure of a document already stored is no failure). */
export function addJobResult(w: BatchWriter, raw: RawDocument, r: JobResult): Promise<void> {
  return w.add(raw, () => {
    if (r.buildFailed) throw new ReportedFailure(r.buildFailed);
    return r.built;
  }, () => {
    if (r.extractFailed) throw new ReportedFailure(r.extractFailed);
    return r.extraction!;
  });
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
  const w = createBatchWriter(store, r, () => undefined);
  for (const raw of docs) {
    if (!(await turn(signal))) break;
    await (guard ? addJobResult(w, raw, await guard.run({ raw, defaults })) : addRaw(w, pipeline!, raw, defaults));
  }
  await w.flush();
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
export async function startRun(paths: string[], opts: IngestOptions) {
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

/**
 * Each file's documents in input order, its progress told and its read failures reported as it
 * is read (to `readFailed` when given: a writer that reports them after the documents before them).
 */
export async function* documentsOf(run: Awaited<ReturnType<typeof startRun>>, opts: IngestOptions, readFailed?: (f: IngestFailure[]) => void): AsyncGenerator<RawDocument> {
  const { files, report, flush } = run;
  for (let fi = 0; fi < files.length; fi++) {
    const file = files[fi];
    opts.onProgress?.(fi, files.length, file);
    const { docs, failures } = await readInput(file, opts);
    const failed = failures.map((f) => failure(f, file));
    if (readFailed) readFailed(failed);
    else {
      report.failed.push(...failed);
      flush();
    }
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
 * Ingest files, directories or - (stdin). With extraction threads (`opts.guard`, or
 * `opts.threads` above 1) the pipeline argument is not used (pass null): each thread loads its own.
 */
export async function ingestPaths(store: Store, pipeline: Pipeline | null, paths: string[], opts: IngestOptions = {}): Promise<IngestReport> {
  if (opts.guard) return ingestPathsInThreads(store, opts.guard, paths, opts);
  if ((opts.threads ?? 1) > 1) {
    const pool = createExtractPool(opts.threads!);
    try {
      return await ingestPathsInThreads(store, pool, paths, opts);
    } finally {
      await pool.close();
    }
  }
  if (!pipeline) throw new Error('ingestPaths: a pipeline is needed with one thread');
  const run = await startRun(paths, opts);
  const w = createBatchWriter(store, run.report, run.flush, { batch: opts.batch });
  for await (const raw of documentsOf(run, opts, (f) => w.failed(f))) await addRaw(w, pipeline, raw, opts);
  await w.flush();
  return run.finish();
}

/** documents handed to the extraction threads and not yet written, at most, beyond a batch: the window that bounds an ingest's memory */
const IN_FLIGHT_PER_THREAD = 16;

/**
 * `ingestPaths` with extraction in threads (#15; under the document budget of #14 when the
 * threads have one): this thread reads the files in order, hands each document to `threads`
 * and is the one writer, in batches. Up to a window of documents (a batch and
 * IN_FLIGHT_PER_THREAD a thread) are out at once: the threads extract the next ones while a batch
 * is written, and no more than the window is ever held (backpressure: the next document is read
 * only when the oldest has been given to the writer). Results are consumed in input order, so the
 * report, its lines and the store are the same as in process.
 */
async function ingestPathsInThreads(store: Store, threads: DocumentGuard & { size?: number }, paths: string[], opts: IngestOptions): Promise<IngestReport> {
  const run = await startRun(paths, opts);
  const { files } = run;
  const defaults = { published: opts.published, source: opts.source, title: opts.title };
  const w = createBatchWriter(store, run.report, run.flush, { batch: opts.batch });
  const window = (opts.batch ?? DEFAULT_BATCH) + IN_FLIGHT_PER_THREAD * (threads.size ?? 1);
  // in input order: a file's read failures, then each of its documents with its result to come
  const pending: ({ failed: IngestFailure[] } | { raw: RawDocument; result: Promise<JobResult> })[] = [];
  let inFlight = 0;
  const settleHead = async () => {
    const head = pending.shift()!;
    if ('failed' in head) w.failed(head.failed);
    else {
      inFlight--;
      await addJobResult(w, head.raw, await head.result);
    }
  };
  for (let fi = 0; fi < files.length; fi++) {
    const file = files[fi];
    opts.onProgress?.(fi, files.length, file);
    const { docs, failures: readFailures } = await readInput(file, opts);
    if (readFailures.length) pending.push({ failed: readFailures.map((f) => failure(f, file)) });
    for (const raw of docs) {
      pending.push({ raw, result: threads.run({ raw, defaults }) });
      inFlight++;
      while (inFlight >= window) await settleHead();
    }
    // read failures with nothing in flight ahead of them are reported at once, as in process
    while (pending.length && 'failed' in pending[0]) await settleHead();
  }
  while (pending.length) await settleHead();
  await w.flush();
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
  const w = createBatchWriter(store, r, () => undefined);
  // each document in turn with the server's reads; stopped when the client goes
  for (const raw of docs) {
    if (!(await turn(signal))) break;
    await (guard ? addJobResult(w, raw, await guard.run({ raw, defaults: {} })) : addRaw(w, p!, raw, {}));
  }
  await w.flush();
  return { read: true, stored: r.stored, unchanged: r.unchanged, failed: [...failures.map((f) => f.describe()), ...r.failed.map((f) => f.line)] };
}
