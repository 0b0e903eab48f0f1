/**
 * A pool of extraction threads (#15), on Node's own worker_threads: N threads, each the budgeted
 * extraction thread of #14 (src/app/workers/guard.ts: knowledge loaded once, a document over its
 * time or heap budget fails E112/E113 and a fresh thread takes the rest; budget 0/0: none). Jobs
 * wait here in one line and each thread is handed a few at a time as it answers, so a slow
 * document holds up only its own thread. Results come back as promises; the caller consumes them
 * in input order.
 */
import { fileURLToPath } from 'node:url';
import { StatecraftError } from '../../core/errors.js';
import { createGuard, guardAvailable, type Budget, type DocumentGuard, type GuardedThread } from './guard.js';
import { toFailure, type Job, type JobResult } from './job.js';

/** whether extraction threads can be started from this build */
export function threadsAvailable(): boolean {
  return guardAvailable();
}

export interface ExtractPool extends DocumentGuard {
  run(job: Job): Promise<JobResult>;
  /** jobs waiting for a thread (every thread holds as many as it takes) */
  backlog(): number;
  /** the threads */
  size: number;
  close(): Promise<void>;
}

/** documents a thread holds at once: enough that it never waits for the writer's thread to hand it the next */
const DEPTH = 4;

/** No budget: a document takes what it takes (`ingest --doc-timeout 0 --doc-memory 0`, the queue's workers). */
export const NO_BUDGET: Budget = { timeoutMs: 0, memoryMb: 0 };

export function createExtractPool(threads: number, budget: Budget = NO_BUDGET): ExtractPool {
  if (!threadsAvailable()) throw new Error(`extraction threads need the compiled worker ${fileURLToPath(new URL('./guard-worker.js', import.meta.url))} (run \`npm run build\`), or use --threads 1`);
  const n = Math.max(1, Math.floor(threads));
  const workers: GuardedThread[] = Array.from({ length: n }, () => createGuard(budget));
  const queue: { job: Job; resolve: (r: JobResult) => void }[] = [];
  let closed = false;
  const dispatch = () => {
    while (!closed && queue.length) {
      // the thread with the fewest documents in hand, if one has room
      let best: GuardedThread | null = null;
      for (const w of workers) if (w.pending() < DEPTH && (!best || w.pending() < best.pending())) best = w;
      if (!best) return;
      const t = queue.shift()!;
      void best.run(t.job).then((r) => {
        t.resolve(r);
        dispatch();
      });
    }
  };
  return {
    size: n,
    run(job) {
      if (closed) return Promise.reject(new Error('the extraction pool is closed'));
      return new Promise<JobResult>((resolve) => {
        queue.push({ job, resolve });
        dispatch();
      });
    },
    backlog: () => queue.length,
    async close() {
      closed = true;
      // what never reached a thread fails as a thread fails what it held
      for (const { job, resolve } of queue.splice(0)) {
        const { origin, locator } = job.raw;
        resolve({ buildFailed: toFailure(new StatecraftError('E201', 'the extraction threads were closed before this document', { file: origin, locator }), origin, locator) });
      }
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
