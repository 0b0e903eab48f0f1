import type { Evidence } from '../api';
import { link } from '../router';

export const spanHref = (ev: Evidence): string => link('reader', { span: `${ev.span[0]},${ev.span[1]}` }, ev.doc);

/** Quotes that back a record, each linking to its place in the reader. */
export function EvidenceList({ evidence, max }: { evidence: Evidence[]; max?: number }) {
  const shown = max ? evidence.slice(0, max) : evidence;
  return (
    <ul class="evidence">
      {shown.map((ev, i) => (
        <li key={`${ev.doc}:${ev.span[0]}:${i}`}>
          <a href={spanHref(ev)} data-testid="reader-link">
            “{ev.quote}”
          </a>
        </li>
      ))}
      {max && evidence.length > max ? <li class="muted small">and {evidence.length - max} more</li> : null}
    </ul>
  );
}

/** A count that opens to the quotes. */
export function EvidenceDetails({ evidence }: { evidence: Evidence[] }) {
  if (!evidence.length) return <span class="muted">none</span>;
  if (evidence.length === 1)
    return (
      <a href={spanHref(evidence[0])} data-testid="reader-link" title={evidence[0].quote}>
        “{evidence[0].quote.length > 80 ? `${evidence[0].quote.slice(0, 79)}…` : evidence[0].quote}”
      </a>
    );
  return (
    <details class="ev-details">
      <summary>{evidence.length} sources</summary>
      <EvidenceList evidence={evidence} />
    </details>
  );
}
