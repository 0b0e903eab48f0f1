/**
 * Bounded work per document (#14): each document is built and extracted in an extraction thread
 * (node:worker_threads) whose heap is capped, one document at a time; the document that overruns
 * the time budget has its thread stopped and fails with E112, the one that overruns the memory
 * budget E113, and a fresh thread takes the documents after it. Extraction is synchronous code,
 * so a thread that can be stopped is the only way one pathological document (a 1 MB sentence of
 * 200,000 words took over ten minutes) cannot stall the rest of an ingest, or a server's reads.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { oneLine, StatecraftError } from '../../core/errors.js';
import { compiledEntry, toFailure, type IngestFailure, type Job, type JobResult, type Task } from './job.js';

/** the compiled worker entry beside this module (absent when running from the TypeScript sources, as vitest does) */
const ENTRY = new URL('./guard-worker.js', import.meta.url);

export interface Budget {
  /** wall time one document may take to build and extract, in ms (0: none) */
  timeoutMs: number;
  /** heap of the extraction thread, in MB: the knowledge (about 150 MB) and one document (0: Node's default) */
  memoryMb: number;
}

/** 60 s for one document (the slowest of the 400 real news reports takes well under 1 s); a 1 GB heap */
export const DEFAULT_BUDGET: Budget = { timeoutMs: 60_000, memoryMb: 1024 };

/** documents handed to the thread ahead of the one it works on, so it never waits for the writer */
const DEPTH = 4;

export interface DocumentGuard {
  run(job: Job): Promise<JobResult>;
  close(): Promise<void>;
}

/** one extraction thread under its budget, as the pool (src/app/workers/pool.ts) drives it */
export interface GuardedThread extends DocumentGuard {
  /** documents given and not yet answered */
  pending(): number;
}

/** whether the extraction thread can be started from this build */
export function guardAvailable(): boolean {
  return compiledEntry(ENTRY);
}


/** the pipeline's load failure, said of one document */
function loadFailure(f: IngestFailure, t: Task): JobResult {
  const { origin, locator } = t.job.raw;
  return { buildFailed: { ...f, origin, locator, line: oneLine(`${[origin, locator].filter(Boolean).join(':')}: ${f.code} ${f.message}`) } };
}

function failed(t: Task, code: 'E112' | 'E113' | 'E201', message: string): void {
  const { origin, locator } = t.job.raw;
  t.resolve({ buildFailed: toFailure(new StatecraftError(code, message, { file: origin, locator }), origin, locator) });
}

export function createGuard(budget: Budget = DEFAULT_BUDGET): GuardedThread {
  if (!guardAvailable()) throw new Error(`the document budget needs the compiled worker ${fileURLToPath(ENTRY)} (run \`npm run build\`)`);
  const queue: Task[] = [];
  /** sent to the current thread, in order: the first is the one it works on once ready */
  let held: Task[] = [];
  let worker: Worker | null = null;
  let ready = false;
  let timer: NodeJS.Timeout | null = null;
  let loadFailed: IngestFailure | null = null;
  let closed = false;
  let nextId = 0;

  const disarm = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  /** the budget of the document the thread works on now */
  const arm = () => {
    disarm();
    if (ready && held.length && budget.timeoutMs > 0) timer = setTimeout(overrun, budget.timeoutMs);
  };
  /** the thread is gone (stopped or dead): its first document has failed, the others go back to the front of the line */
  const lost = () => {
    disarm();
    const w = worker;
    worker = null;
    ready = false;
    queue.unshift(...held);
    held = [];
    if (w) void w.terminate();
    dispatch();
  };
  const overrun = () => {
    const head = held.shift();
    if (!head) return;
    failed(head, 'E112', `building and extracting it took over ${budget.timeoutMs / 1000} s (--doc-timeout); stopped, the other documents go on`);
    lost();
  };
  const spawn = () => {
    const w = new Worker(ENTRY, budget.memoryMb > 0 ? { resourceLimits: { maxOldGenerationSizeMb: budget.memoryMb } } : {});
    worker = w;
    w.on('message', (m: { ready?: true; loadFailed?: IngestFailure; id?: number; result?: JobResult }) => {
      if (w !== worker) return;
      if (m.ready) {
        ready = true;
        arm();
        return;
      }
      if (m.loadFailed) {
        // no thread will do better: every document says why
        loadFailed = m.loadFailed;
        for (const t of [...held, ...queue.splice(0)]) t.resolve(loadFailure(m.loadFailed, t));
        held = [];
        disarm();
        worker = null;
        void w.terminate();
        return;
      }
      const head = held[0];
      if (head && head.id === m.id) {
        held.shift();
        head.resolve(m.result!);
      }
      arm();
      dispatch();
    });
    w.on('error', (e: Error & { code?: string }) => {
      if (w !== worker) return;
      const head = held.shift();
      if (head) {
        if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') failed(head, 'E113', `building and extracting it needed over ${budget.memoryMb} MB of heap (--doc-memory); stopped, the other documents go on`);
        else failed(head, 'E201', `extraction thread failed: ${e.message}`);
      }
      lost();
    });
    w.on('exit', (code) => {
      if (w !== worker) return;
      const head = held.shift();
      if (head) failed(head, 'E201', `extraction thread exited with code ${code}`);
      lost();
    });
  };
  const dispatch = () => {
    if (closed || !queue.length) return;
    if (loadFailed) {
      for (const t of queue.splice(0)) t.resolve(loadFailure(loadFailed, t));
      return;
    }
    if (!worker) spawn();
    while (held.length < DEPTH && queue.length) {
      const t = queue.shift()!;
      held.push(t);
      worker!.postMessage({ id: t.id, job: t.job });
    }
    if (!timer) arm();
  };
  return {
    pending: () => held.length + queue.length,
    run(job) {
      if (closed) return Promise.reject(new Error('the document guard is closed'));
      return new Promise<JobResult>((resolve) => {
        queue.push({ id: nextId++, job, resolve });
        dispatch();
      });
    },
    async close() {
      closed = true;
      disarm();
      const w = worker;
      worker = null;
      for (const t of [...held.splice(0), ...queue.splice(0)]) failed(t, 'E201', 'the extraction thread was closed before this document');
      if (w) await w.terminate();
    },
  };
}
