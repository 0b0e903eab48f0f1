import { apiUrl, useJson, type EventRec, type List, type NetEdge, type Network } from '../api';
import { CyGraph, edgeColor, type Selection } from '../components/CyGraph';
import { EventTable } from '../components/EventTable';
import { DateRange, Field, FilterForm } from '../components/Filters';
import { Pager } from '../components/Pager';
import { Empty, LoadState } from '../components/Status';
import { CONFLICT_COLOR, COOP_COLOR, isCountry, num, signed } from '../format';
import { go, link, queryObject, type Route } from '../router';
import { nameOf, useLabels } from '../labels';
import { useMemo } from 'preact/hooks';
import { GoldsteinNote, GoldsteinSum } from '../components/Goldstein';

const LIMIT = 20;
const TABLE_ROWS = 40;

function parseSelection(q: Record<string, string>): Selection {
  if (q.edge) {
    const [a, b] = q.edge.split(',');
    if (a && b) return { kind: 'edge', a, b };
  }
  if (q.node) return { kind: 'node', id: q.node };
  return null;
}

export function NetworkView({ route }: { route: Route }) {
  const q = queryObject(route.query);
  const window_ = { since: q.since, until: q.until };
  const min = q.min && Number(q.min) > 1 ? Math.floor(Number(q.min)) : null;
  const raw = useJson<Network>(apiUrl('/network', { ...window_, min }));
  const l = useLabels();
  // nodes by name (#16): the server names the actors it stored; countries no text named as an actor ("SVK") get the country's name here
  const named = useMemo(
    () => (raw.data ? { ...raw.data, nodes: raw.data.nodes.map((n) => ({ ...n, label: n.label && n.label !== n.id ? n.label : nameOf(l, n.id) })) } : null),
    [raw.data, l],
  );
  const net = { ...raw, data: named };
  const sel = parseSelection(q);
  const eoff = Math.max(0, Math.floor(Number(q.eoff) || 0));

  const nodeOf = (id: string) => net.data?.nodes.find((n) => n.id === id);
  let eventsUrl: string | null = null;
  if (sel?.kind === 'node') {
    const n = nodeOf(sel.id);
    const country = n?.country ?? (isCountry(sel.id) ? sel.id : null);
    eventsUrl = apiUrl('/events', { ...(country ? { country } : { actor: sel.id }), ...window_, sort: '-date', limit: LIMIT, offset: eoff });
  } else if (sel?.kind === 'edge') {
    eventsUrl = apiUrl('/events', { dyad: `${sel.a},${sel.b}`, ...window_, sort: '-date', limit: LIMIT, offset: eoff });
  }
  const events = useJson<List<EventRec>>(eventsUrl);

  const base = { since: q.since, until: q.until, min: q.min };
  const selectNode = (id: string) => go('network', { ...base, node: id });
  const selectEdge = (a: string, b: string) => go('network', { ...base, edge: `${a},${b}` });

  const selEdge: NetEdge | undefined =
    sel?.kind === 'edge' ? net.data?.edges.find((e) => (e.source === sel.a && e.target === sel.b) || (e.source === sel.b && e.target === sel.a)) : undefined;
  const label = (id: string) => nodeOf(id)?.label ?? id;
  const edges = [...(net.data?.edges ?? [])].sort((x, y) => y.events - x.events);

  return (
    <section>
      <h1>Network</h1>
      <FilterForm route={route} view="network" label="Time window">
        <DateRange since={q.since} until={q.until} />
        <Field label="Min. events per link">
          <input name="min" type="number" min={1} step={1} defaultValue={q.min ?? '1'} class="num-input" />
        </Field>
      </FilterForm>
      <YearShortcuts q={q} />
      <ul class="legend" aria-label="Legend">
        <li>
          <span class="swatch line" style={{ background: COOP_COLOR }} aria-hidden="true" /> mostly cooperative
        </li>
        <li>
          <span class="swatch line" style={{ background: CONFLICT_COLOR }} aria-hidden="true" /> mostly conflictual
        </li>
        <li>
          <span class="swatch line" style={{ background: '#868e96' }} aria-hidden="true" /> even
        </li>
        <li>
          <span class="swatch round" aria-hidden="true" /> state (size: events)
        </li>
        <li>
          <span class="swatch org" aria-hidden="true" /> organisation
        </li>
      </ul>

      <LoadState error={net.error} loading={net.loading && !net.data} what="the network" />
      {net.data && !net.data.nodes.length ? <Empty>No events between two actors in this window.</Empty> : null}
      {net.data && net.data.nodes.length ? (
        <div class="network-layout">
          <div class="network-main">
            <CyGraph data={net.data} selection={sel} onNode={selectNode} onEdge={selectEdge} />
            <p class="muted small">
              {plural2(net.data.nodes.length, 'actor')}, {plural2(net.data.edges.length, 'link')}. Click a node or a link, or use the table below.
            </p>
          </div>
          <aside class="network-side" aria-labelledby="sel-h" aria-live="polite">
            {!sel ? (
              <>
                <h2 id="sel-h">Nothing selected</h2>
                <p class="muted">Select an actor to list its events, or a link to list the events between its two ends.</p>
              </>
            ) : (
              <>
                <h2 id="sel-h">
                  {sel.kind === 'node' ? label(sel.id) : `${label(sel.a)} – ${label(sel.b)}`}
                </h2>
                {sel.kind === 'node' ? (
                  <p class="muted small">
                    <code>{sel.id}</code> · {num(nodeOf(sel.id)?.events ?? 0)} events on its links ·{' '}
                    <a href={link('timeline', { actor: sel.id, since: q.since, until: q.until })}>timeline</a>
                  </p>
                ) : (
                  <p class="muted small">
                    {selEdge ? `${num(selEdge.events)} events: ${num(selEdge.coop)} cooperative, ${num(selEdge.conflict)} conflictual, Goldstein Σ ${signed(selEdge.goldstein)}` : ''}
                    {isCountry(sel.a) && isCountry(sel.b) ? (
                      <>
                        {selEdge ? ' · ' : ''}
                        <a href={link('dyad', { a: sel.a, b: sel.b, interval: 'month', since: q.since, until: q.until })}>dyad explorer</a>
                      </>
                    ) : null}
                  </p>
                )}
                <p>
                  <a href={link('network', base)} class="small">
                    Clear selection
                  </a>
                </p>
                <LoadState error={events.error} loading={events.loading && !events.data} what="events" />
                {events.data ? (
                  events.data.items.length ? (
                    <>
                      <EventTable items={events.data.items} variant="list" />
                      <Pager
                        total={events.data.total}
                        offset={eoff}
                        limit={LIMIT}
                        href={(o) => link('network', { ...q, eoff: o || null })}
                        label="events"
                      />
                    </>
                  ) : (
                    <Empty>No events.</Empty>
                  )
                ) : null}
              </>
            )}
          </aside>
        </div>
      ) : null}

      {net.data && edges.length ? (
        <section aria-labelledby="links-h">
          <h2 id="links-h">Links</h2>
          <div class="table-wrap">
            <table class="links">
              <thead>
                <tr>
                  <th scope="col">Between</th>
                  <th scope="col" class="num">
                    Events
                  </th>
                  <th scope="col" class="num">
                    Cooperative
                  </th>
                  <th scope="col" class="num">
                    Conflictual
                  </th>
                  <th scope="col" class="num">
                    <GoldsteinSum />
                  </th>
                </tr>
              </thead>
              <tbody>
                {edges.slice(0, TABLE_ROWS).map((e) => {
                  const active = sel?.kind === 'edge' && ((sel.a === e.source && sel.b === e.target) || (sel.a === e.target && sel.b === e.source));
                  return (
                    <tr key={e.id} class={active ? 'active' : ''}>
                      <td>
                        <span class="swatch line" style={{ background: edgeColor(e.coop, e.conflict) }} aria-hidden="true" />
                        <button type="button" class="linkish" onClick={() => selectNode(e.source)}>
                          {label(e.source)}
                        </button>{' '}
                        –{' '}
                        <button type="button" class="linkish" onClick={() => selectNode(e.target)}>
                          {label(e.target)}
                        </button>{' '}
                        <button type="button" class="btn small" onClick={() => selectEdge(e.source, e.target)} aria-pressed={active}>
                          Events
                        </button>
                      </td>
                      <td class="num">{num(e.events)}</td>
                      <td class="num">{num(e.coop)}</td>
                      <td class="num">{num(e.conflict)}</td>
                      <td class={`num ${e.goldstein >= 0 ? 'pos' : 'neg'}`}>{signed(e.goldstein)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {edges.length > TABLE_ROWS ? <p class="muted small">The {TABLE_ROWS} busiest of {num(edges.length)} links.</p> : null}
          <GoldsteinNote />
        </section>
      ) : null}
    </section>
  );
}

function plural2(n: number, w: string) {
  return `${num(n)} ${n === 1 ? w : `${w}s`}`;
}

/** One-click windows for each calendar year the events cover. */
function YearShortcuts({ q }: { q: Record<string, string> }) {
  const first = useJson<List<EventRec>>(apiUrl('/events', { sort: 'date', limit: 1 }));
  const last = useJson<List<EventRec>>(apiUrl('/events', { sort: '-date', limit: 1 }));
  const y0 = Number(first.data?.items[0]?.date?.slice(0, 4));
  const y1 = Number(last.data?.items[0]?.date?.slice(0, 4));
  const years: number[] = [];
  if (y0 && y1 && y1 >= y0) for (let y = Math.max(y0, y1 - 11); y <= y1; y++) years.push(y);
  return (
    <p class="shortcuts">
      <span class="muted small">Window:</span>
      <a class="chip" href={link('network', { min: q.min })} aria-current={!q.since && !q.until ? 'true' : undefined}>
        all time
      </a>
      {years.map((y) => {
        const since = `${y}-01-01`;
        const until = `${y}-12-31`;
        return (
          <a key={y} class="chip" href={link('network', { since, until, min: q.min })} aria-current={q.since === since && q.until === until ? 'true' : undefined}>
            {y}
          </a>
        );
      })}
    </p>
  );
}
