import { num } from '../format';

/** Previous / next links over a list endpoint; `href(offset)` builds the link for a page. */
export function Pager({ total, offset, limit, href, label = 'results' }: { total: number; offset: number; limit: number; href: (offset: number) => string; label?: string }) {
  if (total <= 0) return null;
  const from = Math.min(total, offset + 1);
  const to = Math.min(total, offset + limit);
  const prev = offset > 0 ? Math.max(0, offset - limit) : null;
  const next = offset + limit < total ? offset + limit : null;
  return (
    <nav class="pager" aria-label={`Pages of ${label}`}>
      <span class="pager-info">
        {num(from)}–{num(to)} of {num(total)} {label}
      </span>
      {prev !== null ? (
        <a class="btn" href={href(prev)} rel="prev">
          ← Previous
        </a>
      ) : (
        <span class="btn disabled" aria-disabled="true">
          ← Previous
        </span>
      )}
      {next !== null ? (
        <a class="btn" href={href(next)} rel="next">
          Next →
        </a>
      ) : (
        <span class="btn disabled" aria-disabled="true">
          Next →
        </span>
      )}
    </nav>
  );
}

/** `?offset=` as a non-negative integer. */
export function offsetOf(q: URLSearchParams): number {
  const n = Number(q.get('offset') ?? 0);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}
