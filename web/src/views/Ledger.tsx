import { apiUrl, useJson, type Flow, type List } from '../api';
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
  const { data, error, loading } = useJson<List<Flow>>(apiUrl('/flows', { ...filters, limit: LIMIT, offset }));
  return (
    <section>
      <h1>Ledger</h1>
      <p class="lede">What is given, promised or sought between actors: arms, troops, energy, money, support. Each row is backed by quotes.</p>
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
                        <details class="ev-details">
                          <summary>
                            <span class="ev-count">{f.evidence.length}</span> {f.evidence.length === 1 ? 'source' : 'sources'}
                          </summary>
                          <EvidenceList evidence={f.evidence} />
                        </details>
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
