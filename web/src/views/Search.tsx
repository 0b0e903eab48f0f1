import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { apiUrl, useJson, type List, type SearchHit } from '../api';
import { offsetOf, Pager } from '../components/Pager';
import { Empty, LoadState } from '../components/Status';
import { fmtDate, num } from '../format';
import { go, link, queryObject, type Route } from '../router';

const LIMIT = 20;

/** The snippet as text, with the marked ranges in <mark>. */
export function Marked({ text, marks }: { text: string; marks: [number, number][] }) {
  const out: ComponentChildren[] = [];
  let pos = 0;
  const sorted = [...(marks ?? [])].filter((m) => Array.isArray(m) && m[1] > m[0]).sort((a, b) => a[0] - b[0]);
  for (const [s0, e0] of sorted) {
    const s = Math.max(pos, Math.min(s0, text.length));
    const e = Math.min(e0, text.length);
    if (e <= s) continue;
    if (s > pos) out.push(text.slice(pos, s));
    out.push(<mark key={s}>{text.slice(s, e)}</mark>);
    pos = e;
  }
  if (pos < text.length) out.push(text.slice(pos));
  return <>{out}</>;
}

export function Search({ route }: { route: Route }) {
  const q = queryObject(route.query);
  const query = (q.q ?? '').trim();
  const offset = offsetOf(route.query);
  const { data, error, loading } = useJson<List<SearchHit>>(query ? apiUrl('/search', { q: query, limit: LIMIT, offset }) : null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!query) input.current?.focus();
  }, []);

  return (
    <section>
      <h1>Search</h1>
      <form
        key={route.raw}
        class="searchbox"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          const v = (new FormData(e.currentTarget).get('q') ?? '').toString().trim();
          go('search', { q: v });
        }}
      >
        <label for="q" class="sr-only">
          Search the documents
        </label>
        <input id="q" ref={input} name="q" type="search" defaultValue={query} placeholder='e.g. treaty, "mutual assistance", sanctions -iran' autocomplete="off" />
        <button type="submit" class="btn primary">
          Search
        </button>
      </form>
      <p class="muted small">Words match their forms; use "quotes" for a phrase, OR between alternatives and -word to exclude.</p>
      {query ? <LoadState error={error} loading={loading && !data} what="results" /> : null}
      {query && data ? (
        data.items.length ? (
          <>
            <p class="muted" role="status">
              {num(data.total)} {data.total === 1 ? 'sentence matches' : 'sentences match'} “{query}”.
            </p>
            <ol class="results" start={offset + 1}>
              {data.items.map((r) => (
                <li key={`${r.doc}:${r.sentence}`} class="result" data-testid="search-result">
                  <a class="result-title" href={link('reader', { s: r.sentence }, r.doc)} data-testid="reader-link">
                    {r.title || r.doc}
                  </a>
                  <span class="muted small"> {fmtDate(r.published)}</span>
                  <p class="snippet">
                    <Marked text={r.snippet ?? ''} marks={r.marks ?? []} />
                  </p>
                </li>
              ))}
            </ol>
            <Pager total={data.total} offset={offset} limit={LIMIT} href={(o) => link('search', { q: query, offset: o || null })} label="results" />
          </>
        ) : (
          <Empty>Nothing matches “{query}”.</Empty>
        )
      ) : null}
    </section>
  );
}
