/**
 * A small pool of extraction threads (#15), on Node's own worker_threads: jobs are queued here and
 * each thread holds a few at a time; a thread that dies fails its document (with the reason) and is
 * replaced. Results come back as promises; the caller consumes them in input order.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { compiledEntry, toFailure, type Job, type JobResult, type Task } from './job.js';

/** the compiled worker entry beside this module (absent when running from the TypeScript sources, as vitest does) */
const ENTRY = new URL('./extract-worker.js', import.meta.url);

/** whether extraction threads can be started from this build */
export function threadsAvailable(): boolean {
  return compiledEntry(ENTRY);
}


export interface ExtractPool {
  run(job: Job): Promise<JobResult>;
  /** jobs waiting for a thread (every thread holds as many as it takes) */
  backlog(): number;
  close(): Promise<void>;
}

export function createExtractPool(threads: number): ExtractPool {
  if (!threadsAvailable()) throw new Error(`extraction threads need the compiled worker ${fileURLToPath(ENTRY)} (run \`npm run build\`), or use --threads 1`);
  const queue: Task[] = [];
  const live: Worker[] = [];
  // each thread holds up to DEPTH jobs, so it never waits for the writer's thread to hand it the next
  const DEPTH = 4;
  const busy = new Map<Worker, Task[]>();
  let nextId = 0;
  let closed = false;
  const dispatch = () => {
    for (const w of [...live]) {
      const held = busy.get(w) ?? [];
      while (held.length < DEPTH && queue.length) {
        const t = queue.shift()!;
        held.push(t);
        w.postMessage({ id: t.id, job: t.job });
      }
      busy.set(w, held);
    }
  };
  const spawn = () => {
    const w = new Worker(ENTRY);
    w.on('message', (m: { id: number; result: JobResult }) => {
      const held = busy.get(w) ?? [];
      const i = held.findIndex((t) => t.id === m.id);
      if (i >= 0) held.splice(i, 1)[0].resolve(m.result);
      dispatch();
    });
    const died = (e: unknown) => {
      const held = busy.get(w) ?? [];
      busy.delete(w);
      const i = live.indexOf(w);
      if (i >= 0) live.splice(i, 1);
      for (const t of held) t.resolve({ buildFailed: toFailure(new Error(`extraction thread failed: ${(e as Error)?.message ?? e}`), t.job.raw.origin, t.job.raw.locator) });
      if (!closed) {
        spawn();
        dispatch();
      }
    };
    w.on('error', died);
    w.on('exit', (code) => {
      if (live.includes(w)) died(new Error(`exited with code ${code}`));
    });
    live.push(w);
  };
  for (let i = 0; i < threads; i++) spawn();
  return {
    run(job) {
      return new Promise<JobResult>((resolve) => {
        queue.push({ id: nextId++, job, resolve });
        dispatch();
      });
    },
    backlog: () => queue.length,
    async close() {
      closed = true;
      const all = [...live];
      live.length = 0;
      busy.clear();
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}
