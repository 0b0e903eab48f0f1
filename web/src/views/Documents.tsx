import { apiUrl, useJson, type DocSummary, type List } from '../api';
import { offsetOf, Pager } from '../components/Pager';
import { Empty, LoadState } from '../components/Status';
import { fmtDate, num } from '../format';
import { link, type Route } from '../router';

const LIMIT = 50;

export function Documents({ route }: { route: Route }) {
  const offset = offsetOf(route.query);
  const { data, error, loading } = useJson<List<DocSummary>>(apiUrl('/documents', { limit: LIMIT, offset }));
  return (
    <section>
      <h1>Documents</h1>
      <LoadState error={error} loading={loading && !data} what="documents" />
      {data ? (
        data.items.length ? (
          <>
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Title</th>
                    <th scope="col">Source</th>
                    <th scope="col">Published</th>
                    <th scope="col">Authors</th>
                    <th scope="col" class="num">
                      Sentences
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((d) => (
                    <tr key={d.id}>
                      <td>
                        <a href={link('reader', {}, d.id)}>{d.title || d.id}</a>
                      </td>
                      <td>{d.source ?? <span class="muted">—</span>}</td>
                      <td class="nowrap">{fmtDate(d.published)}</td>
                      <td>{d.authors?.join(', ') || <span class="muted">—</span>}</td>
                      <td class="num">{num(d.sentences)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager total={data.total} offset={offset} limit={LIMIT} href={(o) => link('documents', { offset: o || null })} label="documents" />
          </>
        ) : (
          <Empty>No documents yet.</Empty>
        )
      ) : null}
    </section>
  );
}
