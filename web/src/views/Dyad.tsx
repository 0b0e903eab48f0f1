import { apiUrl, useJson, type EventRec, type List, type SeriesPoint, type Stats } from '../api';
import { CountryOptions } from '../components/Suggest';
import { GoldsteinNote, GoldsteinSum } from '../components/Goldstein';
import { nameOf, useLabels } from '../labels';
import { EventTable } from '../components/EventTable';
import { DateRange, Field, FilterForm, Select } from '../components/Filters';
import { offsetOf, Pager } from '../components/Pager';
import { PlotChart } from '../components/PlotChart';
import { QuadLegend } from '../components/Quad';
import { Empty, LoadState } from '../components/Status';
import { CONFLICT_COLOR, COOP_COLOR, isCountry, num, QUAD_COLORS, QUAD_LABELS, signed } from '../format';
import { fillPeriods, thinTicks } from '../periods';
import { link, queryObject, type Route } from '../router';
import { SplitBar } from './Overview';

const LIMIT = 25;
const INTERVALS = ['week', 'month', 'year'] as const;

export function DyadView({ route }: { route: Route }) {
  const q = queryObject(route.query);
  // a code is upper-cased; a name ("North Korea") goes to the API as typed, which resolves it
  const asTyped = (v: string | undefined) => ((v ?? '').trim().length === 3 ? (v ?? '').trim().toUpperCase() : (v ?? '').trim());
  const a = asTyped(q.a);
  const b = asTyped(q.b);
  const interval = (INTERVALS as readonly string[]).includes(q.interval) ? q.interval : 'month';
  const offset = offsetOf(route.query);
  const ok = a.length > 0 && b.length > 0 && (isCountry(a) || a.length > 3) && (isCountry(b) || b.length > 3);
  const range = { since: q.since, until: q.until };

  const series = useJson<List<SeriesPoint>>(ok ? apiUrl(`/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/series`, { interval, ...range }) : null);
  const events = useJson<List<EventRec>>(ok ? apiUrl('/events', { dyad: `${a},${b}`, ...range, sort: '-date', limit: LIMIT, offset }) : null);
  const stats = useJson<Stats>(ok ? null : apiUrl('/stats'));

  const items = series.data?.items ?? [];
  const byPeriod = new Map(items.map((p) => [p.period, p]));
  const periods = fillPeriods(items.map((p) => p.period)) ?? items.map((p) => p.period);
  const full = periods.map(
    (p) => byPeriod.get(p) ?? { period: p, events: 0, quad1: 0, quad2: 0, quad3: 0, quad4: 0, goldstein: 0 },
  );
  const long = full.flatMap((p) =>
    ([1, 2, 3, 4] as const).map((k) => ({ period: p.period, quad: k, n: p[`quad${k}`] * (k <= 2 ? 1 : -1) })),
  ).filter((d) => d.n !== 0);
  const totals = items.reduce(
    (t, p) => ({ events: t.events + p.events, coop: t.coop + p.quad1 + p.quad2, conflict: t.conflict + p.quad3 + p.quad4, goldstein: t.goldstein + p.goldstein }),
    { events: 0, coop: 0, conflict: 0, goldstein: 0 },
  );
  const ticks = (width: number) => thinTicks(periods, Math.max(3, Math.floor(width / 70)));
  // counts are whole events: ticks at whole numbers only, never 0.5 (#16)
  const up = Math.max(0, ...full.map((p) => p.quad1 + p.quad2));
  const down = Math.max(0, ...full.map((p) => p.quad3 + p.quad4));
  const step = Math.max(1, Math.ceil(Math.max(up, down, 1) / 4));
  const countTicks: number[] = [];
  for (let v = -Math.ceil(down / step) * step; v <= up; v += step) countTicks.push(v);
  const l = useLabels();
  // both sides by name with the code beside it, whether typed as a code ("RUS") or a name ("russia")
  const named = (c: string) => {
    if (isCountry(c)) return `${nameOf(l, c)} (${c})`;
    const hit = Object.entries(l.countries).find(([, n]) => n.toLowerCase() === c.toLowerCase());
    return hit ? `${hit[1]} (${hit[0]})` : c;
  };
  const bad = (q.a || q.b) && !ok;

  return (
    <section>
      <h1>Dyad explorer</h1>
      <FilterForm
        route={route}
        view="dyad"
        label="Choose a dyad"
        normalize={(f) => ({ ...f, a: asTyped(f.a), b: asTyped(f.b) })}
      >
        <Field label="Country A">
          <input name="a" type="text" defaultValue={a} placeholder="RUS or Russia" maxLength={60} size={14} autocomplete="off" spellcheck={false} class="code-input" list="country-names" required />
        </Field>
        <Field label="Country B">
          <input name="b" type="text" defaultValue={b} placeholder="PRK or North Korea" maxLength={60} size={14} autocomplete="off" spellcheck={false} class="code-input" list="country-names" required />
        </Field>
        <Field label="Interval">
          <Select name="interval" value={interval} options={[...INTERVALS]} />
        </Field>
        <DateRange since={q.since} until={q.until} />
      </FilterForm>
      <CountryOptions labels={l} />
      {bad ? (
        <p class="error" role="alert">
          Give two countries, as codes (RUS, PRK) or names (Russia, North Korea).
        </p>
      ) : null}

      {!ok ? (
        <section aria-labelledby="pick-h">
          <h2 id="pick-h">Most active dyads</h2>
          <LoadState error={stats.error} loading={stats.loading} what="dyads" />
          {stats.data?.dyads.length ? (
            <ul class="chips">
              {stats.data.dyads.map((d) => (
                <li key={`${d.a}-${d.b}`}>
                  <a class="chip" href={link('dyad', { a: d.a, b: d.b, interval })}>
                    {d.a} – {d.b} <span class="muted">{num(d.events)}</span>
                  </a>
                </li>
              ))}
            </ul>
          ) : stats.data ? (
            <Empty>No dyads yet.</Empty>
          ) : null}
        </section>
      ) : (
        <>
          <h2 class="dyad-title">
            {named(a)} – {named(b)} <span class="muted">by {interval}</span>
          </h2>
          <LoadState error={series.error} loading={series.loading && !series.data} what="the series" />
          {series.data ? (
            items.length ? (
              <>
                <p class="summary">
                  <span>{num(totals.events)} dated events</span>
                  <SplitBar coop={totals.coop} conflict={totals.conflict} />
                  <span>
                    <GoldsteinSum /> <strong class={totals.goldstein >= 0 ? 'pos' : 'neg'}>{signed(totals.goldstein)}</strong>
                  </span>
                </p>
                <QuadLegend />
                <PlotChart
                  label={`${a}–${b} events per ${interval}: cooperation above the axis, conflict below`}
                  deps={[series.data, interval]}
                  render={(Plot, width) =>
                    Plot.plot({
                      width,
                      height: 260,
                      marginLeft: 52,
                      x: { domain: periods, ticks: ticks(width), label: null, padding: 0.15 },
                      y: { grid: true, label: '↑ cooperation · conflict ↓ (events)', ticks: countTicks, tickFormat: (d: number) => String(Math.abs(d)) },
                      color: { type: 'ordinal', domain: [1, 2, 3, 4], range: [1, 2, 3, 4].map((k) => QUAD_COLORS[k]) },
                      marks: [
                        Plot.barY(long, { x: 'period', y: 'n', fill: 'quad', title: (d: { period: string; quad: number; n: number }) => `${d.period}: ${Math.abs(d.n)} × ${QUAD_LABELS[d.quad]}` }),
                        Plot.ruleY([0]),
                      ],
                    })
                  }
                />
                <h3 class="chart-sub">Goldstein sum per {interval}</h3>
                <PlotChart
                  label={`${a}–${b} Goldstein sum per ${interval}`}
                  minHeight={180}
                  deps={[series.data, interval]}
                  render={(Plot, width) =>
                    Plot.plot({
                      width,
                      height: 180,
                      marginLeft: 52,
                      x: { domain: periods, ticks: ticks(width), label: null, padding: 0.15 },
                      y: { grid: true, label: 'Goldstein Σ (sum of scores, −10 to +10 each)' },
                      marks: [
                        Plot.ruleY([0], { stroke: '#868e96' }),
                        Plot.barY(full, { x: 'period', y: 'goldstein', fill: (d: SeriesPoint) => (d.goldstein >= 0 ? COOP_COLOR : CONFLICT_COLOR), fillOpacity: 0.18 }),
                        Plot.lineY(full, { x: 'period', y: 'goldstein', stroke: '#343a40', strokeWidth: 1.5, curve: 'linear' }),
                        Plot.dot(full.filter((d) => d.events > 0), {
                          x: 'period',
                          y: 'goldstein',
                          r: 3,
                          fill: (d: SeriesPoint) => (d.goldstein >= 0 ? COOP_COLOR : CONFLICT_COLOR),
                          title: (d: SeriesPoint) => `${d.period}: Goldstein Σ ${signed(d.goldstein)} over ${d.events} events`,
                        }),
                      ],
                    })
                  }
                />
                <GoldsteinNote />
                {interval !== 'year' ? (
                  <p class="muted small">Events dated only to a year (or, by week, to a month) count in coarser series only.</p>
                ) : null}
              </>
            ) : (
              <Empty>
                No dated events between {a} and {b}
                {q.since || q.until ? ' in this window' : ''}.
              </Empty>
            )
          ) : null}

          <h2>Events between {a} and {b}</h2>
          <LoadState error={events.error} loading={events.loading && !events.data} what="events" />
          {events.data ? (
            events.data.items.length ? (
              <>
                <EventTable items={events.data.items} caption={`Events between ${a} and ${b}`} />
                <Pager total={events.data.total} offset={offset} limit={LIMIT} href={(o) => link('dyad', { ...q, offset: o || null })} label="events" />
              </>
            ) : (
              <Empty>No events.</Empty>
            )
          ) : null}
        </>
      )}
    </section>
  );
}
