/**
 * #15: the aggregates kept on write by triggers equal what counting the tables gives, after
 * multi-row writes and after documents are deleted (cascading to their records); and the views
 * that read them answer exactly what the events table answers (windows cut inside months).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillMillion } from '../src/bench/million.js';
import { realisticTexts } from '../src/bench/realistic.js';
import { loadKnowledge } from '../src/app/pipeline.js';
import { openStore, type Store } from '../src/store/store.js';
import { EVENT_AGGREGATES, EVENT_DIMS, refreshAggregates } from '../src/store/aggregates.js';
import { countEvents, eventSeries, eventWhere } from '../src/query/events.js';
import { dyadSeries, network, stats } from '../src/query/views.js';
import { splitWindow } from '../src/query/rollup.js';

const NEWS = new URL('./golden/news/', import.meta.url).pathname;

describe('aggregates kept on write', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore('memory://');
    await fillMillion(store, await loadKnowledge(), { events: 4000, texts: realisticTexts(NEWS).map((t) => t.text), batchDocs: 150 });
    // documents go, with their records (the delete triggers run on the cascade)
    await store.query(`DELETE FROM documents WHERE id IN ('d_m3', 'd_m17', 'd_m150', 'd_m151')`);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
  });

  it('splits a window into whole months and the days at its ends', () => {
    expect(splitWindow()).toEqual({ all: true, months: null, edges: [] });
    expect(splitWindow('2022-02-10', '2022-05-03')).toEqual({ all: false, months: { from: '2022-03-01', to: '2022-04-01' }, edges: [{ from: '2022-02-10', to: '2022-02-28' }, { from: '2022-05-01', to: '2022-05-03' }] });
    expect(splitWindow('2024', '2024-02')).toEqual({ all: false, months: { from: '2024-01-01', to: '2024-02-01' }, edges: [] });
    expect(splitWindow('2022-02-10', '2022-02-20')).toEqual({ all: false, months: null, edges: [{ from: '2022-02-10', to: '2022-02-20' }] });
    expect(splitWindow(undefined, '2019-12-30')).toEqual({ all: false, months: { from: null, to: '2019-11-01' }, edges: [{ from: '2019-12-01', to: '2019-12-30' }] });
  });

  it('equal the counts of the tables', async () => {
    const kept = async () => ({
      rows: await store.query(`SELECT tbl, sum(n)::int AS n FROM agg_rows GROUP BY tbl ORDER BY tbl`),
      events: await Promise.all(EVENT_AGGREGATES.map((a) => store.query(`SELECT ${a.dims.join(', ')}, sum(n)::int AS n, sum(goldstein)::float8 AS g FROM ${a.table} GROUP BY ${a.dims.join(', ')} HAVING sum(n) <> 0 ORDER BY ${a.dims.join(', ')}`))),
      actors: await store.query(`SELECT actor_id, sum(mentions)::int AS m, sum(documents)::int AS d FROM agg_actors GROUP BY 1 HAVING sum(mentions) <> 0 ORDER BY 1`),
    });
    const before = await kept();
    expect(before.rows.find((r) => r.tbl === 'events')?.n).toBe((await store.query<{ n: number }>('SELECT count(*)::int AS n FROM events'))[0].n);
    const direct = await store.query(`SELECT actor_id, count(*)::int AS m, count(DISTINCT doc_id)::int AS d FROM mentions GROUP BY 1 ORDER BY 1`);
    expect(before.actors).toEqual(direct);
    const pairs = await store.query(`SELECT ${EVENT_DIMS.src} AS src, ${EVENT_DIMS.tgt} AS tgt, quad, count(*)::int AS n, sum(goldstein::numeric)::float8 AS g FROM events GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
    expect(before.events[0]).toEqual(pairs);
    await refreshAggregates(store);
    expect(await kept()).toEqual(before);
  });

  it('answer the views as the events table does', async () => {
    const raw = async (f: Parameters<typeof eventWhere>[0]) => {
      const w = eventWhere(f);
      return (await store.query<{ n: number }>(`SELECT count(*)::int AS n FROM events e ${w.sql}`, w.params))[0].n;
    };
    for (const f of [{}, { country: 'USA' }, { dyad: ['USA', 'RUS'] as [string, string] }, { root: '04' }, { modality: 'future' as const },
      { since: '2021-03-17', until: '2023-08-02' }, { country: 'CHN', since: '2020-06-05' }, { root: '19', until: '2019-10-09' }, { country: 'RUS', root: '01' }]) {
      expect(await countEvents(store, f), JSON.stringify(f)).toBe(await raw(f));
    }
    const series = await eventSeries(store, { country: 'USA', since: '2018-03-12', until: '2024-07-20' }, 'month');
    const direct = await store.query(`SELECT to_char(date_trunc('month', date_sort), 'YYYY-MM-DD') AS start, quad, count(*)::int AS events FROM events
      WHERE (source_country = 'USA' OR target_country = 'USA') AND date_sort BETWEEN '2018-03-12' AND '2024-07-20' AND length(date) >= 7 GROUP BY 1, 2 ORDER BY 1, 2`);
    expect(series.items).toEqual(direct);
    const d = await dyadSeries(store, 'USA', 'RUS', 'year', '2017-05-09', '2023-11-30');
    const dd = await store.query(`SELECT to_char(date_trunc('year', date_sort), 'YYYY') AS period, count(*)::int AS events, round(sum(goldstein::numeric), 1)::float8 AS goldstein FROM events
      WHERE ((source_country = 'USA' AND target_country = 'RUS') OR (source_country = 'RUS' AND target_country = 'USA')) AND date_sort BETWEEN '2017-05-09' AND '2023-11-30' GROUP BY 1 ORDER BY 1`);
    expect(d.items.map((r) => ({ period: r.period, events: r.events, goldstein: r.goldstein }))).toEqual(dd);
    const net = await network(store, { since: '2019-02-14', until: '2022-09-03' });
    const top = net.edges.slice(0, 5).map((e) => `${e.source}~${e.target}:${e.events}`);
    const nd = await store.query<{ k: string }>(`SELECT least(${EVENT_DIMS.src}, ${EVENT_DIMS.tgt}) || '~' || greatest(${EVENT_DIMS.src}, ${EVENT_DIMS.tgt}) || ':' || count(*) AS k, count(*) AS n FROM events
      WHERE ${EVENT_DIMS.src} <> ${EVENT_DIMS.tgt} AND date_sort BETWEEN '2019-02-14' AND '2022-09-03' GROUP BY least(${EVENT_DIMS.src}, ${EVENT_DIMS.tgt}), greatest(${EVENT_DIMS.src}, ${EVENT_DIMS.tgt}) ORDER BY count(*) DESC, 1 LIMIT 5`);
    expect(top).toEqual(nd.map((r) => r.k));
    const s = await stats(store);
    expect(s.events).toBe(await raw({}));
    expect(s.documents).toBe((await store.query<{ n: number }>('SELECT count(*)::int AS n FROM documents'))[0].n);
  });
});
