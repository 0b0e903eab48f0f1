import { apiUrl, useJson, type EventRec, type List } from '../api';
import { ActorOptions } from '../components/Suggest';
import { useLabels } from '../labels';
import { EventTable } from '../components/EventTable';
import { DateRange, Field, FilterForm, Select } from '../components/Filters';
import { offsetOf, Pager } from '../components/Pager';
import { PlotChart } from '../components/PlotChart';
import { QuadLegend } from '../components/Quad';
import { Empty, LoadState } from '../components/Status';
import { CAMEO_ROOTS, isCountry, isoToDate, MODALITIES, num, QUAD_COLORS, QUAD_LABELS } from '../format';
import { link, queryObject, type QueryInit, type Route } from '../router';

const LIMIT = 50;

interface SeriesAnswer {
  items: { start: string; quad: number; events: number }[];
  charted: number;
  left_out: number;
}

/** Whole-number ticks for stacked counts: small counts never show "1, 1, 2, 2". */
function integerTicks(rows: { x1: Date; events: number }[]): number[] {
  const totals = new Map<number, number>();
  for (const r of rows) totals.set(r.x1.getTime(), (totals.get(r.x1.getTime()) ?? 0) + r.events);
  const max = Math.max(1, ...totals.values());
  const step = Math.max(1, Math.ceil(max / 5));
  const out: number[] = [];
  for (let v = 0; v <= max; v += step) out.push(v);
  return out;
}

/** The start of the period after the one starting at `d`. */
function nextPeriod(d: Date, bin: string): Date {
  const n = new Date(d.getTime());
  if (bin === 'week') n.setUTCDate(n.getUTCDate() + 7);
  else if (bin === 'year') n.setUTCFullYear(n.getUTCFullYear() + 1);
  else n.setUTCMonth(n.getUTCMonth() + 1);
  return n;
}
const BINS = ['week', 'month', 'year'] as const;

/**
 * URL filters → /api/events parameters. The actor field goes to the API as typed: it takes an
 * actor id, an actor's name, or a country by code, name or demonym ("RUS", "Russia", "Russian":
 * any actor of that country), and answers a 400 that says an unknown value is unknown (#16).
 */
export function eventParams(q: Record<string, string>): QueryInit {
  const actor = q.actor?.trim() ?? '';
  return {
    actor: actor ? (isCountry(actor.toUpperCase()) && actor.length === 3 ? actor.toUpperCase() : actor) : null,
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
  const labels = useLabels();

  const page = useJson<List<EventRec>>(apiUrl('/events', { ...params, sort, limit: LIMIT, offset }));
  // the server counts events per period and quad class: the chart never loads the events themselves
  const all = useJson<SeriesAnswer>(apiUrl('/events/series', { ...params, interval: bin }));
  const rows = (all.data?.items ?? [])
    .map((r) => {
      const x1 = isoToDate(r.start);
      return x1 ? { x1, x2: nextPeriod(x1, bin), quad: r.quad as EventRec['quad'], events: r.events } : null;
    })
    .filter((r): r is { x1: Date; x2: Date; quad: EventRec['quad']; events: number } => r !== null)
    .sort((a, b) => a.quad - b.quad);
  const undated = all.data?.left_out ?? 0;

  return (
    <section>
      <h1>Timeline</h1>
      <FilterForm route={route} view="timeline" keep={['bin', 'sort']} label="Filter events">
        <Field label="Actor or country">
          <input name="actor" type="text" defaultValue={q.actor ?? ''} placeholder="Russia, RUS, Kim Jong Un" autocomplete="off" spellcheck={false} list="actor-names" />
        </Field>
        <Field label="CAMEO root">
          <Select name="root" value={q.root ?? ''} options={CAMEO_ROOTS.map(([code, label]) => [code, `${code} ${label}`])} any="Any" />
        </Field>
        <Field label="Modality">
          <Select name="modality" value={q.modality ?? ''} options={[...MODALITIES]} any="Any" />
        </Field>
        <DateRange since={q.since} until={q.until} />
      </FilterForm>
      <ActorOptions labels={labels} />

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
              y: { grid: true, label: 'Events', tickFormat: 'd', ticks: integerTicks(rows) },
              color: { type: 'ordinal', domain: [1, 2, 3, 4], range: [1, 2, 3, 4].map((k) => QUAD_COLORS[k]) },
              marks: [
                Plot.rectY(rows, {
                  x1: 'x1',
                  x2: 'x2',
                  y: 'events',
                  fill: 'quad',
                  inset: 0.5,
                  title: (r: { events: number; quad: number }) => `${r.events} × ${QUAD_LABELS[r.quad]}`,
                }),
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
          {num(all.data.charted)} dated events charted
          {undated > 0 ? `, ${num(undated)} without a date (or dated less precisely than a ${bin}) left out` : ''}.
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
