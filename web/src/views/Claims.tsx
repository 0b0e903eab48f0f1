import { fetchAll, apiUrl, useLoader, type Claim } from '../api';
import { ActorRef } from '../components/Actor';
import { CountryOptions } from '../components/Suggest';
import { nameOf, useLabels } from '../labels';
import { Field, FilterForm, Select } from '../components/Filters';
import { LikelihoodBar } from '../components/Likelihood';
import { Empty, LoadState } from '../components/Status';
import { CLAIM_KINDS, num } from '../format';
import { link, queryObject, type Route } from '../router';

const CAP = 3000;

export function Claims({ route }: { route: Route }) {
  const l = useLabels();
  const q = queryObject(route.query);
  const about = q.about && /^[a-z]{3}$/i.test(q.about) ? q.about.toUpperCase() : q.about;
  const params = { kind: q.kind, holder: q.holder, about };
  const { data, error, loading } = useLoader(apiUrl('/claims', params), (signal) => fetchAll<Claim>('/claims', params, signal, CAP));

  const groups = new Map<string, Claim[]>();
  for (const c of data?.items ?? []) {
    const g = groups.get(c.holder);
    if (g) g.push(c);
    else groups.set(c.holder, [c]);
  }
  const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));

  return (
    <section>
      <h1>Claims</h1>
      <p class="lede">Assessments, motives, predictions and recommendations, grouped by who holds them. Likelihood runs from 0 (no chance) to 1 (certain).</p>
      <FilterForm route={route} view="claims" label="Filter claims">
        <Field label="Kind">
          <Select name="kind" value={q.kind ?? ''} options={[...CLAIM_KINDS]} any="Any" />
        </Field>
        <Field label="Holder">
          <input name="holder" type="text" defaultValue={q.holder ?? ''} autocomplete="off" spellcheck={false} />
        </Field>
        <Field label="About (country)">
          <input name="about" type="text" defaultValue={q.about ?? ''} placeholder="PRK or North Korea" autocomplete="off" spellcheck={false} class="code-input" list="country-names" />
        </Field>
      </FilterForm>
      <CountryOptions labels={l} />
      <LoadState error={error} loading={loading && !data} what="claims" />
      {data ? (
        sorted.length ? (
          <>
            <p class="muted small">
              {num(data.items.length)} claims by {num(sorted.length)} holders
              {data.capped ? ` (the first ${num(data.items.length)} of ${num(data.total)})` : ''}.
            </p>
            <div class="claim-groups">
              {sorted.map(([holder, claims]) => (
                <section class="claim-group" key={holder} aria-label={`Claims held by ${nameOf(l, claims[0].holder_id ?? holder)}`}>
                  <h2 class="holder">
                    <a href={link('claims', { ...q, holder })} title={holder}>
                      <ActorRef id={claims[0].holder_id ?? holder} />
                    </a>{' '}
                    <span class="tag">{claims[0].holder_kind}</span> <span class="muted small">{claims.length}</span>
                  </h2>
                  <ul class="claims">
                    {claims.map((c) => (
                      <li key={c.id} class={`claim kind-${c.kind}`}>
                        <div class="claim-head">
                          <span class={`tag kind kind-${c.kind}`}>{c.kind}</span>
                          {c.about.map((a) => (
                            <a key={a} class="chip small" href={link('claims', { ...q, about: a })} title={a}>
                              {nameOf(l, a)}
                            </a>
                          ))}
                        </div>
                        <a class="claim-quote" href={link('reader', { hl: c.id }, c.doc)} data-testid="reader-link">
                          {c.quote}
                        </a>
                        <LikelihoodBar value={c.likelihood} wep={c.wep} />
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          </>
        ) : (
          <Empty>No claims match these filters.</Empty>
        )
      ) : null}
    </section>
  );
}
