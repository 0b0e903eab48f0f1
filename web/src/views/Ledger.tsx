import { apiUrl, useJson, type Flow, type FlowDyad, type List, type Loaded } from '../api';
import { ActorRef } from '../components/Actor';
import { CountryOptions } from '../components/Suggest';
import { useLabels } from '../labels';
import { EvidenceList } from '../components/EvidenceList';
import { Field, FilterForm, Select } from '../components/Filters';
import { offsetOf, Pager } from '../components/Pager';
import { Empty, LoadState } from '../components/Status';
import { FLOW_CATEGORIES } from '../format';
import { link, queryObject, type Route } from '../router';

const LIMIT = 50;

/** three letters are a country code, whatever their case; other actor ids stay as typed */
const cc = (s?: string) => (s && /^[a-z]{3}$/i.test(s) ? s.toUpperCase() : s);

export function Ledger({ route }: { route: Route }) {
  const l = useLabels();
  const q = queryObject(route.query);
  const offset = offsetOf(route.query);
  const filters = { giver: cc(q.giver), receiver: cc(q.receiver), category: q.category };
  const byDyad = q.by === 'dyad';
  const { data, error, loading } = useJson<List<Flow>>(byDyad ? null : apiUrl('/flows', { ...filters, limit: LIMIT, offset }));
  const dyads = useJson<List<FlowDyad>>(byDyad ? apiUrl('/flows/dyads', { actor: filters.giver ?? filters.receiver, category: filters.category, limit: LIMIT, offset }) : null);
  return (
    <section>
      <h1>Ledger</h1>
      <p class="lede">What is given, promised or sought between actors: arms, troops, energy, money, support. Each row is backed by quotes.</p>
      <p class="chips" role="group" aria-label="Show the ledger">
        <a class={`chip small${byDyad ? '' : ' active'}`} href={link('ledger', { ...q, by: null, offset: null })} aria-current={byDyad ? undefined : 'true'}>
          Every flow
        </a>
        <a class={`chip small${byDyad ? ' active' : ''}`} href={link('ledger', { ...q, by: 'dyad', offset: null })} aria-current={byDyad ? 'true' : undefined} data-testid="by-dyad">
          By dyad
        </a>
      </p>
      <FilterForm route={route} view="ledger" label="Filter flows" normalize={(f) => ({ ...f, giver: cc(f.giver), receiver: cc(f.receiver) })}>
        <Field label="Giver">
          <input name="giver" type="text" defaultValue={q.giver ?? ''} placeholder="PRK or North Korea" autocomplete="off" spellcheck={false} class="code-input" list="country-names" />
        </Field>
        <Field label="Receiver">
          <input name="receiver" type="text" defaultValue={q.receiver ?? ''} placeholder="RUS or Russia" autocomplete="off" spellcheck={false} class="code-input" list="country-names" />
        </Field>
        <Field label="Category">
          <Select name="category" value={q.category ?? ''} options={[...FLOW_CATEGORIES]} any="Any" />
        </Field>
      </FilterForm>
      <CountryOptions labels={l} />
      {byDyad ? <DyadGroups route={route} loaded={dyads} offset={offset} /> : null}
      <LoadState error={error} loading={loading && !data} what="flows" />
      {data ? (
        data.items.length ? (
          <>
            <div class="table-wrap">
              <table class="ledger">
                <thead>
                  <tr>
                    <th scope="col">Giver</th>
                    <th scope="col" aria-label="direction" />
                    <th scope="col">Receiver</th>
                    <th scope="col">Item</th>
                    <th scope="col">Category</th>
                    <th scope="col">Status</th>
                    <th scope="col">Evidence</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((f) => (
                    <tr key={f.id}>
                      <td>
                        {f.giver ? <a href={link('ledger', { giver: f.giver })} title={f.giver}><ActorRef id={f.giver} /></a> : <span class="muted">unknown</span>}
                      </td>
                      <td aria-hidden="true" class="muted">
                        →
                      </td>
                      <td>
                        {f.receiver ? <a href={link('ledger', { receiver: f.receiver })} title={f.receiver}><ActorRef id={f.receiver} /></a> : <span class="muted">unknown</span>}
                      </td>
                      <td>{f.item}</td>
                      <td>
                        <span class="tag">{f.category}</span>
                      </td>
                      <td>
                        <span class={`status st-${f.status}`}>{f.status}</span>
                      </td>
                      <td class="ev-cell">
                        <Sources evidence={f.evidence} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager total={data.total} offset={offset} limit={LIMIT} href={(o) => link('ledger', { ...q, offset: o || null })} label="flows" />
          </>
        ) : (
          <Empty>No flows match these filters.</Empty>
        )
      ) : null}
    </section>
  );
}

/** A flow's evidence, folded: how many sources, then their quotes. */
function Sources({ evidence }: { evidence: Parameters<typeof EvidenceList>[0]['evidence'] }) {
  return (
    <details class="ev-details">
      <summary>
        <span class="ev-count">{evidence.length}</span> {evidence.length === 1 ? 'source' : 'sources'}
      </summary>
      <EvidenceList evidence={evidence} />
    </details>
  );
}

/** The ledger by dyad: each pair of sides, its flows each way with their quotes. */
function DyadGroups({ route, loaded, offset }: { route: Route; loaded: Loaded<List<FlowDyad>>; offset: number }) {
  const q = queryObject(route.query);
  const { data, error, loading } = loaded;
  const way = (d: FlowDyad, from: string | null, to: string | null) => {
    const flows = d.items.filter((f) => f.giver === from && f.receiver === to);
    if (!flows.length) return null;
    return (
      <>
        <p class="dir">
          <ActorRef id={from} /> → <ActorRef id={to} /> <span class="muted small">{flows.length} {flows.length === 1 ? 'flow' : 'flows'}</span>
        </p>
        <ul class="dyad-flows">
          {flows.map((f) => (
            <li key={f.id}>
              {f.item} <span class="tag">{f.category}</span> <span class={`status st-${f.status}`}>{f.status}</span>
              <Sources evidence={f.evidence} />
            </li>
          ))}
        </ul>
      </>
    );
  };
  return (
    <>
      <LoadState error={error} loading={loading && !data} what="dyads" />
      {data ? (
        data.items.length ? (
          <>
            <div class="dyad-groups">
              {data.items.map((d) => (
                <section class="dyad-group" key={`${d.a}~${d.b}`} data-testid="dyad-group" aria-label={`Flows between ${d.a ?? 'unknown'} and ${d.b ?? 'unknown'}`}>
                  <h2>
                    <ActorRef id={d.a} /> – <ActorRef id={d.b} />{' '}
                    <span class="muted small">
                      {d.flows} {d.flows === 1 ? 'flow' : 'flows'}, {d.evidence_count} {d.evidence_count === 1 ? 'source' : 'sources'}
                    </span>
                  </h2>
                  {way(d, d.a, d.b)}
                  {d.a !== d.b ? way(d, d.b, d.a) : null}
                </section>
              ))}
            </div>
            <Pager total={data.total} offset={offset} limit={LIMIT} href={(o) => link('ledger', { ...q, offset: o || null })} label="dyads" />
          </>
        ) : (
          <Empty>No flows match these filters.</Empty>
        )
      ) : null}
    </>
  );
}
