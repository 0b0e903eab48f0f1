import { useEffect } from 'preact/hooks';
import { nameOf, useLabels } from '../labels';
import { apiUrl, fetchAll, useLoader, type Agreement, type Compliance } from '../api';
import { EvidenceDetails, EvidenceList } from '../components/EvidenceList';
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
                      {a.parties.map((p) => (
                        <span class="chip small" key={p} title={p}>
                          {nameOf(l, p)}
                        </span>
                      ))}
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
      <p class="lede">Events and flows that bear on a sanctions regime or treaty provision.</p>
      <LoadState error={co.error} loading={co.loading && !co.data} what="compliance flags" />
      {co.data ? (
        co.data.items.length ? (
          <>
            <div class="table-wrap">
              <table class="compliance">
                <thead>
                  <tr>
                    <th scope="col">Subject</th>
                    <th scope="col">Regime</th>
                    <th scope="col">Provision</th>
                    <th scope="col">Reason</th>
                    <th scope="col">Evidence</th>
                  </tr>
                </thead>
                <tbody>
                  {co.data.items.map((c) => (
                    <tr key={c.id}>
                      <td title={c.subject}>{c.subject_label ?? c.subject}</td>
                      <td>{c.regime}</td>
                      <td>{c.provision}</td>
                      <td>{c.reason}</td>
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
