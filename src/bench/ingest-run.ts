/**
 * One timed ingest in a process of its own (#15, `npm run bench`): `node dist/bench/ingest-run.js
 * FEED DB THREADS [pool]`: THREADS 1 is all in process, above 1 (or with `pool`) extraction in
 * that many worker threads beside this one that writes. Prints one JSON line: documents stored and failed, seconds from the pipeline's
 * (or the threads') loading to the last document stored, and the process's peak resident set
 * (store opening, threads and all), so each thread count starts cold and is measured alone.
 */
import { createDefaultPipeline } from '../app/pipeline.js';
import { ingestPaths } from '../app/ingest.js';
import { openStore } from '../app/store.js';
import { createExtractPool } from '../app/workers/pool.js';

async function main(feed: string, db: string, threads: number, how?: string): Promise<void> {
  const store = await openStore(db);
  const t0 = performance.now();
  let first = 0;
  const pool = how === 'pool' ? createExtractPool(threads) : undefined;
  const r = await ingestPaths(store, threads > 1 || pool ? null : await createDefaultPipeline(), [feed], {
    threads,
    guard: pool,
    onDocument: () => {
      first ||= performance.now();
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  await pool?.close();
  await store.close();
  console.log(JSON.stringify({
    threads,
    pool: !!pool || threads > 1,
    stored: r.stored.length,
    failed: r.failed.length,
    seconds,
    first_seconds: (first - t0) / 1000,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  }));
}

const [feed, db, threads, how] = process.argv.slice(2);
await main(feed, db, Number(threads ?? 1), how);
