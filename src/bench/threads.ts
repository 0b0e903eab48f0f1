/** #15: ingest of the restated reports with 1 and 2 extraction threads (`npm run bench`). */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { realisticTexts } from './realistic.js';

const round = (x: number) => Math.round(x * 100) / 100;
const RUNNER = fileURLToPath(new URL('./ingest-run.js', import.meta.url));

/** one ingest in a fresh process (src/bench/ingest-run.ts) */
async function ingestRun(feed: string, db: string, threads: number): Promise<{ stored: number; failed: number; seconds: number; first_seconds: number; peak_rss_mb: number }> {
  const { stdout } = await promisify(execFile)(process.execPath, [RUNNER, feed, db, String(threads)], { maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

/**
 * Docs/s of an ingest with N extraction threads on the restated reports (repeated `repeat` times
 * as new documents) into a fresh PGlite store, each in a process of its own: wall clock from the
 * pipeline's (or the threads') loading to the last document stored; 1 is all in one thread (in
 * process), N above 1 is N extraction threads beside the reading and writing one. Also the peak
 * RSS of each process.
 */
export async function benchThreads(news: string, dir: string, counts: number[], repeat: number): Promise<Record<string, unknown>> {
  const texts = realisticTexts(news);
  const feed = path.join(dir, 'real-feed.jsonl');
  const lines: string[] = [];
  // a document's id is its text's hash: each repeat after the first ends with a short line of its own, so it is a new document
  for (let r = 0; r < repeat; r++) for (const t of texts) lines.push(JSON.stringify({ id: `${t.id}-${r}`, date: t.published, text: r ? `${t.text}\n\nEdition ${r + 1}.` : t.text }));
  writeFileSync(feed, lines.join('\n'));
  const out: Record<string, unknown> = { real_ingest_docs: lines.length };
  const perThreads: Record<string, number> = {};
  const rss: Record<string, number> = {};
  const fromFirst: Record<string, number> = {};
  for (const n of counts) {
    const r = await ingestRun(feed, path.join(dir, `threads-${n}-db`), n);
    if (r.stored !== lines.length) throw new Error(`bench: ${n} thread(s) stored ${r.stored} of ${lines.length} documents (${r.failed} failed)`);
    perThreads[n] = round(r.stored / r.seconds);
    rss[n] = Math.round(r.peak_rss_mb);
    fromFirst[n] = round((r.stored - 1) / (r.seconds - r.first_seconds));
    out[`real_ingest_docs_per_s_${n}_thread${n > 1 ? 's' : ''}`] = perThreads[n];
  }
  out.ingest_docs_per_s_threads = perThreads;
  out.ingest_docs_per_s_threads_from_first_doc = fromFirst;
  out.ingest_peak_rss_mb_threads = rss;
  if (perThreads[1] && perThreads[2]) out.real_ingest_speedup_2_threads = round(perThreads[2] / perThreads[1]);
  return out;
}
