import { apiUrl, useJson, type Stats } from '../api';
import { GoldsteinNote, GoldsteinSum } from '../components/Goldstein';
import { nameOf, useLabels } from '../labels';
import { LoadState } from '../components/Status';
import { COOP_COLOR, CONFLICT_COLOR, fmtDate, num, signed } from '../format';
import { link } from '../router';

const CARDS: { key: keyof Stats; label: string; href: string }[] = [
  { key: 'documents', label: 'Documents', href: link('documents') },
  { key: 'events', label: 'Events', href: link('timeline') },
  { key: 'actors', label: 'Actors', href: link('network') },
  { key: 'claims', label: 'Claims', href: link('claims') },
  { key: 'flows', label: 'Flows', href: link('ledger') },
  { key: 'agreements', label: 'Agreements', href: link('agreements') },
];

export function Overview() {
  const { data, error, loading } = useJson<Stats>(apiUrl('/stats'));
  const l = useLabels();
  return (
    <section class="overview">
      <h1>Overview</h1>
      <LoadState error={error} loading={loading && !data} what="the overview" />
      {data ? (
        <>
          <ul class="cards">
            {CARDS.map((c) => (
              <li key={c.key}>
                <a class="card" href={c.href}>
                  <span class="card-num">{num(data[c.key] as number)}</span>
                  <span class="card-label">{c.label}</span>
                </a>
              </li>
            ))}
          </ul>
          <p class="muted small">
            {num(data.sentences)} sentences · {num(data.mentions)} actor mentions · {num(data.compliance)} compliance flags
          </p>
          <div class="two-col">
            <section aria-labelledby="newest-h">
              <h2 id="newest-h">Newest documents</h2>
              {data.newest.length ? (
                <ol class="doc-list">
                  {data.newest.map((d) => (
                    <li key={d.id}>
                      <a href={link('reader', {}, d.id)}>{d.title || d.id}</a>
                      <span class="muted small">
                        {[d.source, fmtDate(d.published), d.authors?.length ? d.authors.join(', ') : null].filter(Boolean).join(' · ')}
                      </span>
                    </li>
                  ))}
                </ol>
              ) : (
                <p class="empty">No documents yet. Ingest some with `statecraft ingest`.</p>
              )}
              <p>
                <a href={link('documents')}>All documents →</a>
              </p>
            </section>
            <section aria-labelledby="dyads-h">
              <h2 id="dyads-h">Most active dyads</h2>
              {data.dyads.length ? (
                <div class="table-wrap">
                  <table class="dyads">
                    <thead>
                      <tr>
                        <th scope="col">Dyad</th>
                        <th scope="col" class="num">
                          Events
                        </th>
                        <th scope="col">Cooperation / conflict</th>
                        <th scope="col" class="num">
                          <GoldsteinSum />
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.dyads.map((d) => (
                        <tr key={`${d.a}-${d.b}`}>
                          <td>
                            <a href={link('dyad', { a: d.a, b: d.b, interval: 'month' })}>
                              {nameOf(l, d.a)} – {nameOf(l, d.b)}
                            </a>
                          </td>
                          <td class="num">{num(d.events)}</td>
                          <td>
                            <SplitBar coop={d.coop} conflict={d.conflict} />
                          </td>
                          <td class={`num ${d.goldstein >= 0 ? 'pos' : 'neg'}`}>{signed(d.goldstein)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <GoldsteinNote />
                </div>
              ) : (
                <p class="empty">No events between two countries yet.</p>
              )}
            </section>
          </div>
        </>
      ) : null}
    </section>
  );
}

/** Cooperative vs conflictual share of a dyad's events. */
export function SplitBar({ coop, conflict }: { coop: number; conflict: number }) {
  const total = coop + conflict || 1;
  return (
    <span class="splitbar-wrap" title={`${coop} cooperative, ${conflict} conflictual`}>
      <span class="splitbar" aria-hidden="true">
        <span style={{ width: `${(coop / total) * 100}%`, background: COOP_COLOR }} />
        <span style={{ width: `${(conflict / total) * 100}%`, background: CONFLICT_COLOR }} />
      </span>
      <span class="small">
        {num(coop)} / {num(conflict)}
      </span>
    </span>
  );
}
