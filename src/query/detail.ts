/** One document with every record found in it: the reader view (`GET /api/documents/:id`). */
import type { Queryable } from '../store/store.js';
import { getDocument } from './documents.js';
import { listEvents } from './events.js';
import { documentFlows, mentionRecord, type MentionRow } from './records.js';
import { agreements, claims } from './views.js';

/** The document (id or unique prefix) with its sentences, mentions, events, claims, flows and agreements; null if unknown. */
export async function documentDetail(q: Queryable, id: string) {
  const d = await getDocument(q, id);
  if (!d) return null;
  const [mentions, ev, cl, fl, ag] = await Promise.all([
    q.query<MentionRow>('SELECT idx, start_off, end_off, text, actor_id, country, role, via FROM mentions WHERE doc_id = $1 ORDER BY idx', [d.id]),
    listEvents(q, { doc: d.id, limit: 10000, sort: 'date' }),
    claims(q, { doc: d.id, limit: 10000 }),
    q.query<Record<string, unknown>>('SELECT * FROM flow_evidence WHERE doc_id = $1 ORDER BY start_off', [d.id]),
    agreements(q, { doc: d.id, limit: 1000 }),
  ]);
  const { sentenceSpans, dropped, ...doc } = d;
  return {
    ...doc,
    sentences: sentenceSpans,
    dropped,
    mentions: mentions.map(mentionRecord),
    events: ev.items,
    claims: cl.items,
    flows: documentFlows(fl, d.id),
    agreements: ag.items,
  };
}
