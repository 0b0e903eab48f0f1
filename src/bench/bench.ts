/**
 * Benchmarks: ingest throughput and memory on a generated corpus; extraction throughput end
 * to end against the wink-nlp ceiling (sentences + POS alone over the same text, same run).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDefaultPipeline, loadKnowledge, type BuiltDocument } from '../app/pipeline.js';
import { ingestPaths } from '../app/ingest.js';
import { openStore } from '../app/store.js';
import { stats } from '../query/views.js';
import { generateCorpus } from './corpus.js';
import { benchRealistic, realisticTexts } from './realistic.js';
import { apiLatency, fillStore } from './api.js';
import { threadsAvailable } from '../app/workers/pool.js';
import { benchThreads } from './threads.js';
import { benchQueue } from './queue.js';
import { benchScale } from './scale.js';

const DOCS = Number(process.env.BENCH_DOCS ?? 5000);
/** The peak resident set size of a run: sampled every 50 ms from the call on, and whenever `sample` is called. */
function peakRss(): { sample: () => void; peak: () => number; stop: () => void } {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 50);
  return { sample, peak: () => peak, stop: () => clearInterval(timer) };
}

/**
 * #15: the views at a million events on both stores (`BENCH_1M=1 npm run bench`, about 15 minutes;
 * `BENCH_1M=only` skips everything else). BENCH_1M_EVENTS sets the size, BENCH_PG the server's admin URL.
 */
async function millionEvents(): Promise<Record<string, unknown>> {
  const news = fileURLToPath(new URL('../../test/golden/news/', import.meta.url));
  const pgUrl = process.env.BENCH_PG ?? process.env.STATECRAFT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const stores = (process.env.BENCH_1M_STORES ?? 'pglite,postgres').split(',') as ('pglite' | 'postgres')[];
  return benchScale({
    events: Number(process.env.BENCH_1M_EVENTS ?? 1_000_000),
    texts: realisticTexts(news).map((t) => t.text),
    knowledge: await loadKnowledge(),
    pgAdminUrl: pgUrl,
    stores,
    log: (l) => console.log(l),
  });
}

/**
 * #15: ingest of the restated reports with 1, 2 … extraction threads, each run in a process of its
 * own (`BENCH_ONLY=threads npm run bench` runs this part alone). BENCH_THREADS sets the counts
 * (default 1,2), BENCH_THREAD_REPEAT how many times the 400 reports are repeated (default 3: 1,200
 * documents, so loading the knowledge is not most of a run).
 */
async function ingestThreads(dir: string): Promise<Record<string, unknown>> {
  const news = fileURLToPath(new URL('../../test/golden/news/', import.meta.url));
  if (!existsSync(news) || !threadsAvailable()) return {};
  const counts = (process.env.BENCH_THREADS ?? '1,2').split(',').map(Number);
  return benchThreads(news, dir, counts, Number(process.env.BENCH_THREAD_REPEAT ?? 3));
}

async function main() {
  const results: Record<string, unknown> = { when: new Date().toISOString(), node: process.version, docs: DOCS };
  if (process.env.BENCH_1M === 'only') return write(await millionEvents());
  if (process.env.BENCH_ONLY === 'threads') {
    const dir = mkdtempSync(path.join(tmpdir(), 'statecraft-bench-'));
    try {
      return write({ when: results.when, node: results.node, ...(await ingestThreads(dir)) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const { sample, peak, stop } = peakRss();
  const dir = mkdtempSync(path.join(tmpdir(), 'statecraft-bench-'));
  try {
    // 1. ingest: files on disk → store, the whole pipeline
    const corpusDir = path.join(dir, 'corpus');
    mkdirSync(corpusDir);
    const corpus = generateCorpus(DOCS);
    const lines = corpus.map((d, i) => JSON.stringify({ id: `b${i}`, title: `Briefing ${i}`, date: d.published, text: d.text }));
    writeFileSync(path.join(corpusDir, 'feed.jsonl'), lines.join('\n'));
    const bytes = lines.reduce((n, l) => n + Buffer.byteLength(l), 0);
    const store = await openStore(path.join(dir, 'db'));
    const knowledge = await loadKnowledge();
    const pipeline = await createDefaultPipeline(knowledge);
    const t0 = performance.now();
    const r = await ingestPaths(store, pipeline, [corpusDir]);
    const secs = (performance.now() - t0) / 1000;
    sample();
    const { events: evs, mentions: ms } = await stats(store);
    await store.close();
    results.ingest_docs_per_s = round(r.stored.length / secs);
    results.ingest_mb_per_s = round(bytes / 1e6 / secs);
    results.ingest_seconds = round(secs);
    results.ingest_stored = r.stored.length;
    results.ingest_events = evs;
    results.ingest_mentions = ms;

    // 2. extraction alone (actors, places, events, dates, claims, flows, agreements), one core, vs the NLP ceiling
    const nlp = pipeline.nlp;
    const sentences: string[] = [];
    for (const d of corpus.slice(0, 2000)) for (const p of d.text.split('\n\n')) for (const [a, b] of nlp.sentences(p)) sentences.push(p.slice(a, b));
    // the ceiling, warm: one pass to JIT, the next one timed
    for (const s of sentences) nlp.tokens(s);
    const t1 = performance.now();
    for (const s of sentences) nlp.tokens(s);
    const ceilingSecs = (performance.now() - t1) / 1000;
    // documents of 20 sentences, one paragraph each, built outside the timer
    const docs: BuiltDocument[] = [];
    const BATCH = 20;
    for (let i = 0; i < sentences.length; i += BATCH) {
      const batch = sentences.slice(i, i + BATCH);
      let text = '';
      const ss = batch.map((s, idx) => {
        const start = text.length;
        text += s + ' ';
        return { idx, span: [start, start + s.length] as [number, number], text: s, section: null, paragraph: idx };
      });
      docs.push({
        id: `b${i}`, origin: 'bench', title: null, source: null, url: null, published: '2024-06-21', authors: [], language: 'en', sha256: '', chars: text.length, text,
        sections: [], paragraphs: ss.map((x) => x.span), paragraphKinds: ss.map(() => 'body' as const), sentences: ss, dropped: [],
      });
    }
    const run = () => {
      const t = performance.now();
      let mentions = 0;
      for (const d of docs) mentions += pipeline.extract(d).mentions.length;
      return { secs: (performance.now() - t) / 1000, mentions };
    };
    run(); // warm-up: JIT and caches, so the timed run measures steady state
    const full = run();
    results.extract_all_sentences_per_s = round(sentences.length / full.secs);
    results.nlp_ceiling_sentences_per_s = round(sentences.length / ceilingSecs);
    results.extract_share_of_ceiling = round(ceilingSecs / full.secs);
    results.mentions_per_s = round(full.mentions / full.secs);
    sample();
    // 2b. the coder on real-shaped news (restated reports of test/golden/news), against the NLP ceiling on the same sentences
    const news = fileURLToPath(new URL('../../test/golden/news/', import.meta.url));
    if (existsSync(news)) Object.assign(results, benchRealistic(pipeline, realisticTexts(news), Number(process.env.BENCH_REAL_REPEAT ?? 4)));
    sample();
    // 2c. ingest of the restated reports into a fresh store with 1 and 2 extraction threads (#15), each in a process of its own
    Object.assign(results, await ingestThreads(dir));
    // 2d. the same reports through the job queue: two worker processes on a scratch PostgreSQL database (#15)
    if (existsSync(news) && process.env.BENCH_QUEUE !== '0') {
      Object.assign(results, await benchQueue(news, dir, Number(process.env.BENCH_THREAD_REPEAT ?? 1), process.env.BENCH_PG ?? process.env.STATECRAFT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres'));
      sample();
    }
    // 3. API latency on a store of generated events
    const apiEvents = Number(process.env.BENCH_API_EVENTS ?? 100000);
    const apiStore = await openStore(path.join(dir, 'api-db'));
    const t3 = performance.now();
    await fillStore(apiStore, knowledge, apiEvents);
    results.api_store_events = apiEvents;
    results.api_fill_seconds = round((performance.now() - t3) / 1000);
    results.api_ms = await apiLatency(apiStore);
    await apiStore.close();
    sample();
    results.peak_rss_mb = round(peak() / 1e6);
  } finally {
    stop();
    rmSync(dir, { recursive: true, force: true });
  }
  if (process.env.BENCH_1M) Object.assign(results, await millionEvents());
  write(results);
}

function write(results: Record<string, unknown>) {
  const out = new URL('../../bench/results/latest.json', import.meta.url);
  let prev: Record<string, unknown> = {};
  try {
    prev = JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    /* first run */
  }
  // measured before extraction could be reached only through the pipeline (actors and events without the analysis stages)
  delete prev.code_sentences_per_s;
  delete prev.code_share_of_ceiling;
  writeFileSync(out, JSON.stringify({ ...prev, ...results }, null, 2) + '\n');
  for (const [k, v] of Object.entries(results)) console.log(`${k.padEnd(30)} ${typeof v === 'object' ? JSON.stringify(v) : v}`);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

await main();
