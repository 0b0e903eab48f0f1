/** #15: `queue_docs_per_s` — two `statecraft worker` processes on one PostgreSQL database storing the restated reports (`npm run bench`). */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { openStore } from '../app/store.js';
import { scratchDatabase } from '../store/scratch.js';
import { enqueuePaths } from '../app/queue.js';
import { realisticTexts } from './realistic.js';

const round = (x: number) => Math.round(x * 100) / 100;
const CLI = fileURLToPath(new URL('../../bin/statecraft.js', import.meta.url));

function runWorker(url: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'worker', '--db', url, '--until-empty', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

/**
 * The restated reports (repeated `repeat` times under new ids) enqueued on a scratch database of
 * the server at `adminUrl` (dropped after), then stored by two worker processes: docs/s from the
 * workers' start (each loads the knowledge) to the last one's exit.
 */
export async function benchQueue(news: string, dir: string, repeat: number, adminUrl: string): Promise<Record<string, unknown>> {
  let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
  try {
    scratch = await scratchDatabase(adminUrl, 'statecraft_bench_queue');
  } catch (e) {
    return { queue_skipped: `no PostgreSQL server at ${adminUrl.replace(/\/\/[^@/]*@/, '//***@')}: ${(e as Error).message}` };
  }
  const { url } = scratch;
  try {
    const feed = path.join(dir, 'queue-feed.jsonl');
    const lines: string[] = [];
    for (let r = 0; r < repeat; r++) for (const t of realisticTexts(news)) lines.push(JSON.stringify({ id: `${t.id}-q${r}`, date: t.published, text: t.text }));
    writeFileSync(feed, lines.join('\n'));
    const q = await enqueuePaths(url, [feed]);
    const t = performance.now();
    const runs = await Promise.all([runWorker(url), runWorker(url)]);
    const secs = (performance.now() - t) / 1000;
    const each = runs.map((r) => Number(/^(\d+) stored/m.exec(r.out)?.[1] ?? 0));
    const store = await openStore(url);
    const docs = (await store.query<{ n: number }>('SELECT count(*)::int AS n FROM documents'))[0].n;
    await store.close();
    return {
      queue_docs: q.queued.length,
      queue_stored: docs,
      queue_workers_stored: each,
      queue_seconds: round(secs),
      queue_docs_per_s: round(each.reduce((a, b) => a + b, 0) / secs),
    };
  } finally {
    await scratch.drop().catch(() => undefined);
  }
}
