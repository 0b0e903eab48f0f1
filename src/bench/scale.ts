/**
 * #15 "a million events": fill a fresh embedded store and a fresh PostgreSQL database (a
 * uniquely named one, dropped afterwards) with `fillMillion`, then time every query behind a
 * view through the HTTP layer in process (kept answers off): p50/p95 over `runs` requests after
 * two warm-up ones. Returns `api_ms_1m: { pglite: {...}, postgres: {...} }` and the fill figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from '../api/server.js';
import type { Knowledge } from '../app/pipeline.js';
import { openStore, type Store } from '../store/store.js';
import { scratchDatabase } from '../store/scratch.js';
import { timeQueries } from './api.js';
import { fillMillion, type FillFigures } from './million.js';

export interface ScaleOptions {
  events: number;
  texts: string[];
  knowledge: Knowledge;
  /** admin URL of a PostgreSQL server (a database is created beside it); null: PGlite only */
  pgAdminUrl: string | null;
  runs?: number;
  stores?: ('pglite' | 'postgres')[];
  log?: (line: string) => void;
}

export type Latency = Record<string, { p50: number; p95: number }>;

/** the URLs behind the dashboard's views (and the CLI's lists), with parameters the fixture fills */
export function viewQueries(): Record<string, string> {
  return {
    stats_overview: '/api/stats',
    labels: '/api/labels',
    documents_page: '/api/documents?limit=50',
    document_reader: '/api/documents/d_m777',
    events_page: '/api/events?limit=100',
    events_first: '/api/events?sort=date&limit=1',
    events_last: '/api/events?sort=-date&limit=1',
    events_by_dyad: '/api/events?dyad=USA,RUS&limit=100',
    events_by_dyad_rare: '/api/events?dyad=PRK,ISR&limit=100',
    events_by_country: '/api/events?country=CHN&limit=100',
    events_by_actor: '/api/events?actor=org:un&limit=100',
    events_by_root: '/api/events?root=19&limit=100',
    events_by_window: '/api/events?since=2022-02-01&until=2022-03-15&limit=100',
    events_filtered: '/api/events?country=CHN&root=11&since=2020-01-01&until=2022-12-31&limit=100',
    events_by_goldstein: '/api/events?sort=goldstein&limit=100',
    timeline_series: '/api/events/series?interval=month',
    timeline_series_country: '/api/events/series?country=RUS&interval=week',
    dyad_series_month: '/api/dyads/USA/RUS/series?interval=month',
    dyad_series_week: '/api/dyads/USA/RUS/series?interval=week&since=2020-01-01',
    network_all: '/api/network',
    network_window: '/api/network?since=2023-01-01&until=2024-06-15',
    actors: '/api/actors?limit=100',
    search_word: '/api/search?q=sanctions',
    search_phrase: '/api/search?q=%22foreign%20minister%22%20talks',
    ledger: '/api/flows?limit=100',
    ledger_giver: '/api/flows?giver=USA&limit=100',
    claims: '/api/claims?limit=1000',
    claims_about: '/api/claims?about=RUS&limit=100',
    agreements: '/api/agreements?limit=1000',
    compliance: '/api/compliance?limit=1000',
  };
}

export async function latency(store: Store, runs = 20, queries = viewQueries()): Promise<Latency> {
  const app = await createServer({ store, cache: false, maxWaiting: 0 });
  const out: Latency = {};
  try {
    for (const [name, times] of Object.entries(await timeQueries(app, queries, runs))) {
      const q = (p: number) => Math.round(times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)] * 10) / 10;
      out[name] = { p50: q(0.5), p95: q(0.95) };
    }
  } finally {
    await app.close();
  }
  return out;
}

export async function benchScale(o: ScaleOptions): Promise<Record<string, unknown>> {
  const log = o.log ?? (() => undefined);
  const api: Record<string, Latency> = {};
  const fill: Record<string, unknown> = {};
  const stores = o.stores ?? ['pglite', 'postgres'];
  for (const kind of stores) {
    if (kind === 'postgres' && !o.pgAdminUrl) continue;
    const dir = kind === 'pglite' ? mkdtempSync(path.join(tmpdir(), 'statecraft-1m-')) : null;
    const db = kind === 'postgres' ? await scratchDatabase(o.pgAdminUrl!) : null;
    try {
      const store = await openStore(dir ?? db!.url);
      try {
        const t = performance.now();
        let shown = 0;
        const figures: FillFigures = await fillMillion(store, o.knowledge, {
          events: o.events,
          texts: o.texts,
          onProgress: (n) => {
            if (n - shown >= 100000) log(`  ${kind}: ${(shown = n)} events written, ${Math.round((performance.now() - t) / 1000)} s`);
          },
        });
        const secs = (performance.now() - t) / 1000;
        fill[kind] = { ...figures, seconds: Math.round(secs * 10) / 10, events_per_s: Math.round(figures.events / secs) };
        log(`  ${kind}: filled ${figures.events} events in ${Math.round(secs)} s; timing the views`);
        api[kind] = await latency(store, o.runs ?? 20);
      } finally {
        await store.close();
      }
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
      await db?.drop();
    }
  }
  const worst: Record<string, { query: string; p95: number }> = {};
  for (const [kind, l] of Object.entries(api)) {
    const [query, v] = Object.entries(l).sort((a, b) => b[1].p95 - a[1].p95)[0];
    worst[kind] = { query, p95: v.p95 };
  }
  return { api_1m_events: o.events, api_ms_1m: api, api_1m_fill: fill, api_1m_worst_p95: worst };
}
