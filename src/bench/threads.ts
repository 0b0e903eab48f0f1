/** #15: ingest of the restated reports with 1 and 2 extraction threads (`npm run bench`). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createDefaultPipeline } from '../app/pipeline.js';
import { ingestPaths } from '../app/ingest.js';
import { openStore } from '../app/store.js';
import { realisticTexts } from './realistic.js';

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * Docs/s of `ingest --threads N` on the restated reports (repeated `repeat` times under new ids),
 * wall clock from the pipeline's (or the threads') loading to the last document stored.
 */
export async function benchThreads(news: string, dir: string, counts: number[], repeat: number): Promise<Record<string, unknown>> {
  const texts = realisticTexts(news);
  const feed = path.join(dir, 'real-feed.jsonl');
  const lines: string[] = [];
  for (let r = 0; r < repeat; r++) for (const t of texts) lines.push(JSON.stringify({ id: `${t.id}-${r}`, date: t.published, text: t.text }));
  writeFileSync(feed, lines.join('\n'));
  const out: Record<string, unknown> = { real_ingest_docs: lines.length };
  const perThreads: Record<string, number> = {};
  for (const n of counts) {
    const store = await openStore(path.join(dir, `threads-${n}-db`));
    const t = performance.now();
    const r = await ingestPaths(store, n > 1 ? null : await createDefaultPipeline(), [feed], { threads: n });
    const secs = (performance.now() - t) / 1000;
    await store.close();
    perThreads[n] = round(r.stored.length / secs);
    out[`real_ingest_docs_per_s_${n}_thread${n > 1 ? 's' : ''}`] = perThreads[n];
  }
  out.ingest_docs_per_s_threads = perThreads;
  if (perThreads[1] && perThreads[2]) out.real_ingest_speedup_2_threads = round(perThreads[2] / perThreads[1]);
  return out;
}
