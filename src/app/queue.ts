/**
 * A queue of ingest work on PostgreSQL (#15), on pg-boss: `ingest --queue` reads the files and
 * enqueues each document it read (the raw document itself, with the run's defaults, as the job's
 * payload: a worker on another machine needs no access to the files, and a file changed after
 * enqueueing cannot change what is stored); `worker` processes them on any number of machines,
 * through the same writer as a local ingest (batches, one transaction each, per document on a
 * failure); a failed document is retried with exponential backoff and, after its last try, kept
 * as a dead letter that `jobs` lists and `jobs --retry` sends back.
 *
 * Idempotent end to end: a document is stored by one transaction with its rows, keyed by its id
 * (INSERT … ON CONFLICT DO NOTHING), so a job run twice — its worker killed after the commit, a
 * job expired while still running, the same file enqueued twice — finds it stored ("unchanged").
 */
import { StatecraftError } from '../core/errors.js';
import type { RawDocument } from '../core/types.js';
import type { Store } from '../store/store.js';
import { openQueue, type JobSendOptions } from '../store/queue.js';
import { addJobResult, documentsOf, startRun, type IngestDefaults, type IngestOptions, type IngestReport } from './ingest.js';
import { createDefaultPipeline, type Pipeline } from './pipeline.js';
import { createExtractPool, type ExtractPool } from './workers/pool.js';
import { runJob, type IngestFailure, type JobDefaults, type JobResult } from './workers/job.js';
import { createBatchWriter, type IngestItem, type Outcome } from './writer.js';

export { DEAD_LETTERS, INGEST_QUEUE } from '../store/queue.js';

/** what a job carries */
export interface IngestJob {
  raw: RawDocument;
  defaults: JobDefaults;
}

export interface QueueJobOptions {
  /** tries after the first (default 3) */
  retries?: number;
  /** seconds before the first retry; doubled (with jitter) each time (default 5) */
  retryDelay?: number;
  /** seconds a worker has for a job once it took it; past that the job is failed and retried (default 300) */
  jobTimeout?: number;
}

const DEFAULTS: JobSendOptions = { retries: 3, retryDelay: 5, jobTimeout: 300 };

function sendOptions(o: QueueJobOptions): JobSendOptions {
  return { retries: o.retries ?? DEFAULTS.retries, retryDelay: o.retryDelay ?? DEFAULTS.retryDelay, jobTimeout: o.jobTimeout ?? DEFAULTS.jobTimeout };
}

export interface EnqueueReport extends IngestReport {
  queued: { origin: string; locator?: string }[];
}

/** `ingest --queue`: read `paths` and enqueue every document read; read failures are reported as by `ingest`. */
export async function enqueuePaths(url: string, paths: string[], opts: IngestOptions & QueueJobOptions = {}): Promise<EnqueueReport> {
  const queue = await openQueue<IngestJob>(url);
  const run = await startRun(paths, opts);
  const queued: EnqueueReport['queued'] = [];
  const defaults: IngestDefaults = { published: opts.published ?? null, source: opts.source ?? null, title: opts.title ?? null };
  let jobs: IngestJob[] = [];
  const send = async () => {
    await queue.insert(jobs, sendOptions(opts));
    for (const j of jobs) queued.push({ origin: j.raw.origin, locator: j.raw.locator });
    jobs = [];
  };
  try {
    for await (const raw of documentsOf(run, opts)) {
      run.report.bytes += Buffer.byteLength(raw.text, 'utf8');
      jobs.push({ raw, defaults });
      if (jobs.length >= 200) await send();
    }
    await send();
  } finally {
    await queue.close();
  }
  return { ...run.finish(), queued };
}

export interface WorkerOptions {
  /** documents extracted at a time: above 1, in `concurrency - 1` threads beside this one (as `ingest --threads`) */
  concurrency?: number;
  /** jobs a worker takes at a time, written in one transaction (default 20) */
  batch?: number;
  /** stop once no job is waiting, retrying or running */
  untilEmpty?: boolean;
  /** seconds between polls of an empty queue (default 1) */
  pollSeconds?: number;
  onDocument?: (outcome: 'stored' | 'unchanged' | 'failed', what: IngestItem | IngestFailure) => void;
  /** stops the worker (SIGINT/SIGTERM) */
  signal?: AbortSignal;
}

export interface WorkerReport {
  stored: number;
  unchanged: number;
  failed: number;
  seconds: number;
}

/** a job's payload as sent by `ingest --queue`, or why it is not */
function jobOf(data: unknown): IngestJob {
  const d = data as Partial<IngestJob> | null;
  const r = d?.raw as Partial<RawDocument> | undefined;
  if (!r || typeof r.text !== 'string' || typeof r.origin !== 'string' || typeof r.kind !== 'string') {
    throw new StatecraftError('E201', 'a job in the ingest queue does not hold a document (raw.text, raw.origin, raw.kind): not sent by `statecraft ingest --queue`');
  }
  return { raw: r as RawDocument, defaults: d?.defaults ?? {} };
}

/** `worker`: take documents off the queue and store them until stopped (or, with `untilEmpty`, until none is left). */
export async function runWorker(store: Store, url: string, opts: WorkerOptions = {}): Promise<WorkerReport> {
  const t0 = performance.now();
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  const counts = { stored: 0, unchanged: 0, failed: 0 };
  const local: Pipeline = await createDefaultPipeline();
  const pool: ExtractPool | null = concurrency > 1 ? createExtractPool(concurrency - 1) : null;
  // with threads: to a thread while one has room, else here (so this thread extracts too)
  const extract = (job: IngestJob): JobResult | Promise<JobResult> => (pool && pool.backlog() === 0 ? pool.run(job) : runJob(local, job));
  const queue = await openQueue<IngestJob>(url, { supervise: true });

  const handle = async (jobs: { id: string; data: IngestJob }[]) => {
    const outcomes: Outcome[] = [];
    const w = createBatchWriter(store, { stored: [], unchanged: [], failed: [], bytes: 0 }, (o) => outcomes.push(o), { batch: jobs.length, whole: true });
    const bad = new Map<number, IngestFailure>();
    // every document of the batch to extraction first (threads when there are), then to the writer in order
    const results: ({ job: IngestJob; result: JobResult | Promise<JobResult> } | null)[] = [];
    for (const [i, j] of jobs.entries()) {
      // the threads' answers first (each hands its thread the next job): this thread extracts only what they cannot take yet
      if (pool) await new Promise<void>((resolve) => setImmediate(resolve));
      try {
        const job = jobOf(j.data);
        results.push({ job, result: extract(job) });
      } catch (e) {
        const message = (e as Error).message;
        bad.set(i, { origin: `job ${j.id}`, code: 'E201', message, line: `job ${j.id}: E201 ${message}` });
        results.push(null);
      }
    }
    for (const r of results) if (r) await addJobResult(w, r.job.raw, await r.result);
    await w.flush();
    // outcomes come one a document, in order: match them to their jobs
    let k = 0;
    const failedJobs: { id: string; f: IngestFailure }[] = [];
    jobs.forEach((j, i) => {
      const o: Outcome = bad.has(i) ? { k: 'failed', f: bad.get(i)! } : outcomes[k++];
      if (o.k === 'failed') {
        failedJobs.push({ id: j.id, f: o.f });
        counts.failed++;
        opts.onDocument?.('failed', o.f);
      } else {
        counts[o.k]++;
        opts.onDocument?.(o.k, o.item);
      }
    });
    // failed ones now (retried later, then dead letters); the others complete when this returns
    for (const { id, f } of failedJobs) await queue.fail(id, { code: f.code, message: f.line });
  };

  const pollSeconds = Math.max(0.5, opts.pollSeconds ?? 1);
  try {
    await queue.work({ batch: opts.batch ?? 20, pollSeconds, concurrency }, handle);
    await new Promise<void>((resolve) => {
      const stop = () => {
        clearInterval(timer);
        resolve();
      };
      const timer = setInterval(async () => {
        if (opts.untilEmpty && (await queue.pending().catch(() => 1)) === 0) stop();
      }, pollSeconds * 1000);
      opts.signal?.addEventListener('abort', stop, { once: true });
      if (opts.signal?.aborted) stop();
    });
  } finally {
    // a graceful stop lets the running batch finish (and complete its jobs) before the store closes
    await queue.close(true);
    await pool?.close();
  }
  return { ...counts, seconds: (performance.now() - t0) / 1000 };
}

export interface DeadLetter {
  id: string;
  origin: string;
  locator?: string;
  message: string;
  failed: string;
}

export interface JobsReport {
  /** the ingest queue's jobs by state (created, retry, active, completed, failed …) */
  states: Record<string, number>;
  dead: DeadLetter[];
}

/** `jobs`: the queue's jobs by state and its dead letters, oldest first. */
export async function listJobs(url: string): Promise<JobsReport> {
  const queue = await openQueue<IngestJob>(url);
  try {
    const dead = (await queue.deadLetters()).map((r) => ({
      id: r.id,
      origin: r.data?.raw?.origin ?? '?',
      locator: r.data?.raw?.locator,
      message: r.output?.message ?? r.output?.value?.message ?? JSON.stringify(r.output),
      failed: new Date(r.created_on).toISOString(),
    }));
    return { states: await queue.states(), dead };
  } finally {
    await queue.close();
  }
}

/** `jobs --retry`: every dead letter back on the ingest queue as a new job (then removed from the dead letters); how many. */
export async function retryDeadLetters(url: string, opts: QueueJobOptions = {}): Promise<number> {
  const queue = await openQueue<IngestJob>(url);
  try {
    return await queue.retryDeadLetters(sendOptions(opts));
  } finally {
    await queue.close();
  }
}
