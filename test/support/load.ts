/**
 * A load run from a worker thread (its own event loop, so the clients do not slow the server they
 * measure when both live in one process): `clients` concurrent clients, each opening its connection
 * first, then requesting `urls` in turn for `ms`; every other request varies its page (offset=…) so
 * the store is read rather than only kept answers.
 */
import { Worker } from 'node:worker_threads';

export interface LoadResult {
  /** status of each request, in the order they finished */
  statuses: number[];
  /** milliseconds of each, same order */
  times: number[];
  /** requests that failed without an answer (connection errors) */
  errors: string[];
  /** the first 503: its Retry-After header and body */
  busy: { retryAfter: string | null; body: string } | null;
}

const CLIENT = `
const { parentPort, workerData: { base, urls, clients, ms } } = require('node:worker_threads');
(async () => {
  const statuses = [], times = [], errors = [];
  let busy = null;
  await Promise.all(Array.from({ length: clients }, async () => (await fetch(base + '/api/openapi.json')).arrayBuffer()));
  const end = Date.now() + ms;
  let n = 0;
  await Promise.all(Array.from({ length: clients }, async (_, c) => {
    for (let i = 0; Date.now() < end; i++) {
      let u = urls[(c + i) % urls.length];
      if (i % 2 === 1) u += (u.includes('?') ? '&' : '?') + 'offset=' + (n++ % 500);
      const t0 = performance.now();
      try {
        const r = await fetch(base + u);
        const body = await r.text();
        if (r.status === 503 && !busy) busy = { retryAfter: r.headers.get('retry-after'), body };
        statuses.push(r.status);
        times.push(performance.now() - t0);
        // a well-behaved client waits the Retry-After it was given
        if (r.status === 503) await new Promise((ok) => setTimeout(ok, 1000 * Number(r.headers.get('retry-after') ?? 1)));
      } catch (e) {
        errors.push(String(e && e.cause || e));
      }
    }
  }));
  parentPort.postMessage({ statuses, times, errors, busy });
})();
`;

export function loadRun(base: string, urls: string[], clients: number, ms: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const w = new Worker(CLIENT, { eval: true, workerData: { base, urls, clients, ms } });
    w.once('message', (m: LoadResult) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
  });
}
