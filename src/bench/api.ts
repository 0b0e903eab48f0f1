/**
 * API latency on a large store: 100,000 generated events (random dyads, codes, dates),
 * written straight into the store, then the main queries through the HTTP layer in process.
 */
import { createServer } from '../api/server.js';
import type { Knowledge } from '../app/pipeline.js';
import type { Store } from '../store/store.js';
import { dateSort } from '../store/records.js';

const COUNTRIES = ['RUS', 'PRK', 'CHN', 'USA', 'KOR', 'JPN', 'UKR', 'IRN', 'ISR', 'IND', 'PAK', 'DEU', 'FRA', 'GBR', 'TUR', 'BLR', 'SYR', 'VNM', 'PHL', 'TWN'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
}

/** `knowledge` gives the codebook the generated events are coded from. */
export async function fillStore(store: Store, knowledge: Knowledge, events: number, docs = 1000): Promise<void> {
  const r = rng(11);
  const codes = knowledge.codebook.codes().filter((c) => c.code.length === 3);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  await store.query(
    `INSERT INTO documents (id, origin, title, published, sha256, chars, text)
     SELECT 'd_bench' || g, 'bench', 'Generated briefing ' || g, '2024-01-01', md5(g::text) || md5(g::text), 40, 'Generated text for document ' || g || ' of the benchmark.'
       FROM generate_series(1, $1::int) g`,
    [docs],
  );
  await store.query(
    `INSERT INTO sentences (doc_id, idx, start_off, end_off, section, paragraph, kind, text)
     SELECT id, 0, 0, chars, NULL, 0, 'body', text FROM documents WHERE origin = 'bench'`,
  );
  await store.query(
    `INSERT INTO actors (id, name, kind, country, org, role, successor, aliases)
     SELECT c, c, 'state', c, NULL, NULL, NULL, '[]'::jsonb FROM unnest($1::text[]) c ON CONFLICT DO NOTHING`,
    [COUNTRIES],
  );
  const BATCH = 5000;
  for (let b = 0; b < events; b += BATCH) {
    const n = Math.min(BATCH, events - b);
    const rows = Array.from({ length: n }, (_, i) => {
      const src = pick(COUNTRIES);
      let tgt = pick(COUNTRIES);
      if (tgt === src) tgt = COUNTRIES[(COUNTRIES.indexOf(src) + 1) % COUNTRIES.length];
      const c = pick(codes);
      const y = 2015 + Math.floor(r() * 11), m = 1 + Math.floor(r() * 12), d = 1 + Math.floor(r() * 28);
      const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      return { doc: `d_bench${1 + ((b + i) % docs)}`, id: `e_b${b + i}`, src, tgt, c, date };
    });
    await store.query(
      `INSERT INTO events (doc_id, id, sentence, start_off, end_off, quote, source, source_country, target, target_country, cameo, root, plover,
         goldstein, quad, date, date_sort, modality, form, confidence, cluster, reason)
       SELECT d, i, 0, 0, 10, 'generated', s, s, t, t, c, substr(c, 1, 2), p, g, q, dt, dt::date, 'factual', 'clause', 0.8, 'k_' || s || t || c || dt, 'bench'
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::real[], $8::int[], $9::text[]) AS x(d, i, s, t, c, p, g, q, dt)`,
      [rows.map((x) => x.doc), rows.map((x) => x.id), rows.map((x) => x.src), rows.map((x) => x.tgt), rows.map((x) => x.c.code), rows.map((x) => x.c.plover),
        rows.map((x) => x.c.goldstein), rows.map((x) => x.c.quad), rows.map((x) => dateSort(x.date))],
    );
  }
  await store.query('ANALYZE');
}

export async function apiLatency(store: Store, runs = 25): Promise<Record<string, { p50: number; p95: number }>> {
  // the server keeps answers until the next write (embedded store); the bench measures the computation, not the kept answer
  const app = await createServer({ store, cache: false });
  const queries: Record<string, string> = {
    events_page: '/api/events?limit=100',
    events_dyad: '/api/events?dyad=RUS,PRK&limit=100',
    events_filtered: '/api/events?country=CHN&root=19&since=2020-01-01&until=2022-12-31&limit=100',
    dyad_series_month: '/api/dyads/RUS/PRK/series?interval=month',
    network_all: '/api/network',
    network_window: '/api/network?since=2023-01-01&until=2024-12-31',
    stats: '/api/stats',
    actors: '/api/actors',
    search: '/api/search?q=generated%20briefing',
  };
  const out: Record<string, { p50: number; p95: number }> = {};
  for (const [name, times] of Object.entries(await timeQueries(app, queries, runs))) {
    const q = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))] * 10) / 10;
    out[name] = { p50: q(0.5), p95: q(0.95) };
  }
  await app.close();
  return out;
}

/** Each query's times in ms, `runs` of them after two warm-up runs, sorted; a query that does not answer 200 stops the bench. */
export async function timeQueries(app: Awaited<ReturnType<typeof createServer>>, queries: Record<string, string>, runs: number): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {};
  for (const [name, url] of Object.entries(queries)) {
    const times: number[] = [];
    for (let i = 0; i < runs + 2; i++) {
      const t = performance.now();
      const res = await app.inject({ method: 'GET', url });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      if (i >= 2) times.push(performance.now() - t);
    }
    out[name] = times.sort((a, b) => a - b);
  }
  return out;
}
