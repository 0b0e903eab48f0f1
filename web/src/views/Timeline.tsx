import { apiUrl, fetchAll, useJson, useLoader, type EventRec, type List } from '../api';
import { EventTable } from '../components/EventTable';
import { DateRange, Field, FilterForm, Select } from '../components/Filters';
import { offsetOf, Pager } from '../components/Pager';
import { PlotChart } from '../components/PlotChart';
import { QuadLegend } from '../components/Quad';
import { Empty, LoadState } from '../components/Status';
import { CAMEO_ROOTS, isCountry, isoToDate, MODALITIES, num, QUAD_COLORS, QUAD_LABELS } from '../format';
import { link, queryObject, type QueryInit, type Route } from '../router';

const LIMIT = 50;
const BINS = ['week', 'month', 'year'] as const;

/** URL filters → /api/events parameters. A three-letter code means "any actor of that country". */
export function eventParams(q: Record<string, string>): QueryInit {
  const actor = q.actor?.trim() ?? '';
  return {
    actor: actor && !isCountry(actor) ? actor : null,
    country: actor && isCountry(actor) ? actor : null,
    root: q.root,
    modality: q.modality,
    since: q.since,
    until: q.until,
  };
}

export function Timeline({ route }: { route: Route }) {
  const q = queryObject(route.query);
  const offset = offsetOf(route.query);
  const bin = (BINS as readonly string[]).includes(q.bin) ? q.bin : 'month';
  const sort = q.sort === 'date' ? 'date' : '-date';
  const params = eventParams(q);

  const page = useJson<List<EventRec>>(apiUrl('/events', { ...params, sort, limit: LIMIT, offset }));
  const chartKey = apiUrl('/events', params);
  const all = useLoader(chartKey, (signal) => fetchAll<EventRec>('/events', params, signal, 5000));

  const rows = (all.data?.items ?? [])
    .map((e) => ({ date: isoToDate(e.date), quad: e.quad, precise: (e.date ?? '').length }))
    .filter((r): r is { date: Date; quad: EventRec['quad']; precise: number } => r.date !== null)
    .sort((a, b) => a.quad - b.quad);
  const undated = (all.data?.items.length ?? 0) - rows.length;

  return (
    <section>
      <h1>Timeline</h1>
      <FilterForm route={route} view="timeline" keep={['bin', 'sort']} label="Filter events">
        <Field label="Actor or country">
          <input name="actor" type="text" defaultValue={q.actor ?? ''} placeholder="RUS or an actor id" autocomplete="off" spellcheck={false} />
        </Field>
        <Field label="CAMEO root">
          <Select name="root" value={q.root ?? ''} options={CAMEO_ROOTS.map(([code, label]) => [code, `${code} ${label}`])} any="Any" />
        </Field>
        <Field label="Modality">
          <Select name="modality" value={q.modality ?? ''} options={[...MODALITIES]} any="Any" />
        </Field>
        <DateRange since={q.since} until={q.until} />
      </FilterForm>

      <div class="chart-head">
        <h2>Events per {bin}</h2>
        <div class="seg" role="group" aria-label="Bar width">
          {BINS.map((b) => (
            <a key={b} class="btn" href={link('timeline', { ...q, bin: b, offset: null })} aria-current={b === bin ? 'true' : undefined}>
              {b}
            </a>
          ))}
        </div>
      </div>
      <QuadLegend />
      <LoadState error={all.error} loading={all.loading && !all.data} what="the chart" />
      {all.data && rows.length ? (
        <PlotChart
          label={`Events per ${bin}, stacked by quad class`}
          deps={[all.data, bin]}
          render={(Plot, width) =>
            Plot.plot({
              width,
              height: 260,
              marginLeft: 44,
              marginBottom: 30,
              x: { type: 'utc', label: null },
              y: { grid: true, label: 'Events', tickFormat: 'd' },
              color: { type: 'ordinal', domain: [1, 2, 3, 4], range: [1, 2, 3, 4].map((k) => QUAD_COLORS[k]) },
              marks: [
                Plot.rectY(
                  rows,
                  Plot.binX<import('@observablehq/plot').RectYOptions>(
                    { y: 'count', title: (v: number[]) => `${v.length} × ${QUAD_LABELS[v[0]]}` },
                    { x: 'date', fill: 'quad', title: 'quad', interval: bin as 'week' | 'month' | 'year', inset: 0.5 },
                  ),
                ),
                Plot.ruleY([0]),
              ],
            })
          }
        />
      ) : all.data ? (
        <Empty>No dated events match these filters.</Empty>
      ) : null}
      {all.data ? (
        <p class="muted small">
          {num(rows.length)} dated events charted
          {undated > 0 ? `, ${num(undated)} without a date left out` : ''}
          {all.data.capped ? ` (the first ${num(all.data.items.length)} of ${num(all.data.total)})` : ''}.
        </p>
      ) : null}

      <div class="chart-head">
        <h2>Events</h2>
        <div class="seg" role="group" aria-label="Order">
          <a class="btn" href={link('timeline', { ...q, sort: '-date', offset: null })} aria-current={sort === '-date' ? 'true' : undefined}>
            Newest first
          </a>
          <a class="btn" href={link('timeline', { ...q, sort: 'date', offset: null })} aria-current={sort === 'date' ? 'true' : undefined}>
            Oldest first
          </a>
        </div>
      </div>
      <LoadState error={page.error} loading={page.loading && !page.data} what="events" />
      {page.data ? (
        page.data.items.length ? (
          <>
            <EventTable items={page.data.items} caption="Events matching the filters" />
            <Pager total={page.data.total} offset={offset} limit={LIMIT} href={(o) => link('timeline', { ...q, offset: o || null })} label="events" />
          </>
        ) : (
          <Empty>No events match these filters.</Empty>
        )
      ) : null}
    </section>
  );
}
