import { useEffect } from 'preact/hooks';
import { nameOf, useLabels } from '../labels';
import { apiUrl, fetchAll, useLoader, type Agreement, type Compliance } from '../api';
import { ActorRef } from '../components/Actor';
import { EvidenceDetails, EvidenceList, spanHref } from '../components/EvidenceList';
import { Empty, LoadState } from '../components/Status';
import { fmtDate, num } from '../format';
import { link, type Route } from '../router';

export function Agreements({ route }: { route: Route }) {
  const l = useLabels();
  const ag = useLoader(apiUrl('/agreements'), (s) => fetchAll<Agreement>('/agreements', {}, s, 2000));
  const co = useLoader(apiUrl('/compliance'), (s) => fetchAll<Compliance>('/compliance', {}, s, 5000));

  // #/compliance opens this view at the compliance table
  useEffect(() => {
    if (route.view === 'compliance' && co.data) document.getElementById('compliance-h')?.scrollIntoView({ block: 'start' });
  }, [route.view, co.data]);

  return (
    <section>
      <h1>Agreements</h1>
      <LoadState error={ag.error} loading={ag.loading && !ag.data} what="agreements" />
      {ag.data ? (
        ag.data.items.length ? (
          <div class="agreements">
            {ag.data.items.map((a) => (
              <article class="agreement" key={a.id} aria-labelledby={`ag-${a.id}`}>
                <header>
                  <h2 id={`ag-${a.id}`}>{a.name}</h2>
                  <p class="ag-meta">
                    <span class={`status st-${a.status.replace(/[^a-z-]/gi, '')}`}>{a.status}</span>
                    <span>{a.signed ? `${a.status === 'signed' ? '' : 'signed '}${fmtDate(a.signed)}` : 'date of signing unknown'}</span>
                    <span class="parties">
                      {a.parties.length ? (
                        a.parties.map((p) => (
                          <span class="chip small" key={p} title={nameOf(l, p)}>
                            <ActorRef id={p} />
                          </span>
                        ))
                      ) : (
                        <span class="muted small">parties not stated</span>
                      )}
                    </span>
                  </p>
                </header>
                {a.articles.length ? (
                  <ol class="articles">
                    {a.articles.map((art) => (
                      <li key={art.number}>
                        <span class="art-num">Art. {art.number}</span>
                        <span class="art-summary">{art.summary}</span>
                        {art.topics.length ? (
                          <span class="topics">
                            {art.topics.map((t) => (
                              <span class="tag" key={t}>
                                {t}
                              </span>
                            ))}
                          </span>
                        ) : null}
                      </li>
                    ))}
                  </ol>
                ) : (
                  <p class="muted small">No articles extracted.</p>
                )}
                <details class="ev-details">
                  <summary>
                    {a.evidence.length} {a.evidence.length === 1 ? 'source' : 'sources'}
                  </summary>
                  <EvidenceList evidence={a.evidence} />
                </details>
              </article>
            ))}
          </div>
        ) : (
          <Empty>No agreements found in the documents yet.</Empty>
        )
      ) : null}

      <h1 id="compliance-h" class="section-h1">
        Compliance
      </h1>
      <p class="lede">One flag per event or flow and sanctions regime, with every provision of the regime it may breach. A flag is a pointer for a reader, not a legal finding.</p>
      <LoadState error={co.error} loading={co.loading && !co.data} what="compliance flags" />
      {co.data ? (
        co.data.items.length ? (
          <>
            <div class="table-wrap">
              <table class="compliance">
                <thead>
                  <tr>
                    <th scope="col">Flagged event or flow</th>
                    <th scope="col">Regime</th>
                    <th scope="col">Provisions it may breach</th>
                    <th scope="col">Evidence</th>
                  </tr>
                </thead>
                <tbody>
                  {co.data.items.map((c) => (
                    <tr key={c.id} data-testid="flag">
                      <td title={c.subject}>
                        {c.subject_kind ? <span class="tag">{c.subject_kind}</span> : null}{' '}
                        {c.evidence[0] ? (
                          <a href={c.subject_kind === 'event' ? link('reader', { hl: c.subject }, c.evidence[0].doc) : spanHref(c.evidence[0])} data-testid="subject-link">
                            {c.subject_label ?? c.subject}
                          </a>
                        ) : (
                          c.subject_label ?? c.subject
                        )}
                      </td>
                      <td title={c.regime_id}>{c.regime_name ?? c.regime}</td>
                      <td>
                        <ul class="provisions">
                          {(c.provisions ?? [{ resolution: c.regime, provision: c.provision, also: [], reason: c.reason }]).map((p) => (
                            <li key={`${p.resolution}|${p.provision}`} title={p.reason}>
                              {p.provision} <span class="muted small">({[p.resolution, ...p.also].join(', ')})</span>
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td>
                        <EvidenceDetails evidence={c.evidence} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {co.data.capped ? <p class="muted small">The first {num(co.data.items.length)} of {num(co.data.total)} flags.</p> : null}
          </>
        ) : (
          <Empty>No compliance flags.</Empty>
        )
      ) : null}
      <p class="muted small after-table">
        <a href={link('ledger')}>The ledger</a> lists the flows these flags are about.
      </p>
    </section>
  );
}
