import type { EventRec } from '../api';
import { fmtDate, signed } from '../format';
import { link } from '../router';
import { ActorRef } from './Actor';
import { CodeBadge } from './Quad';

export function readerHref(e: { doc: string; id: string }): string {
  return link('reader', { hl: e.id }, e.doc);
}

function eventTitle(e: EventRec): string {
  const parts = [`Goldstein ${signed(e.goldstein)}`, `confidence ${Math.round(e.confidence * 100)}%`];
  if (e.attributed_to) parts.push(`according to ${e.attributed_to}`);
  if (e.location?.name) parts.push(`at ${e.location.name}`);
  if (e.corroboration > 1) parts.push(`${e.corroboration} reports`);
  return parts.join(' · ');
}

/** Events as a table (wide views) or as a list of cards (side panels). */
export function EventTable({ items, variant = 'table', caption }: { items: EventRec[]; variant?: 'table' | 'list'; caption?: string }) {
  if (variant === 'list') {
    return (
      <ol class="event-list">
        {items.map((e) => (
          <li key={e.id} class={`event-card q${e.quad}`} data-testid="event-row" data-id={e.id}>
            <div class="event-meta">
              <span class="date">{fmtDate(e.date)}</span>
              <ActorRef id={e.source} country={e.source_country} />
              <span aria-hidden="true">→</span>
              <span class="sr-only">to</span>
              <ActorRef id={e.target} country={e.target_country} />
            </div>
            <div class="event-code">
              <CodeBadge cameo={e.cameo} root={e.root} quad={e.quad} /> {e.modality !== 'factual' ? <span class="tag">{e.modality}</span> : null}
            </div>
            <a class="quote" href={readerHref(e)} data-testid="reader-link" title={eventTitle(e)}>
              {e.quote}
            </a>
          </li>
        ))}
      </ol>
    );
  }
  return (
    <div class="table-wrap">
      <table class="events">
        {caption ? <caption class="sr-only">{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Source</th>
            <th scope="col">Event</th>
            <th scope="col">Target</th>
            <th scope="col">Modality</th>
            <th scope="col">Quote</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id} class={`q${e.quad}`} data-testid="event-row" data-id={e.id}>
              <td class="nowrap">{fmtDate(e.date)}</td>
              <td>
                <ActorRef id={e.source} country={e.source_country} />
              </td>
              <td>
                <CodeBadge cameo={e.cameo} root={e.root} quad={e.quad} />
              </td>
              <td>
                <ActorRef id={e.target} country={e.target_country} />
              </td>
              <td>
                <span class={`tag mod-${e.modality}`}>{e.modality}</span>
              </td>
              <td class="quote-cell">
                <a href={readerHref(e)} data-testid="reader-link" title={eventTitle(e)}>
                  {e.quote}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
