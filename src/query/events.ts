/** Read models over extracted records: events with filters, actors with counts. */
import type { Queryable } from '../store/store.js';
import { EVENT_DIMS, rowCount, type EventDim } from '../store/aggregates.js';
import { dateSort } from '../store/records.js';
import { listedEvent } from './records.js';
import { aggregateFor, monthConditions, splitWindow, untilSort } from './rollup.js';

export interface EventFilter {
  actor?: string;
  country?: string;
  dyad?: [string, string];
  root?: string;
  since?: string;
  until?: string;
  modality?: string;
  doc?: string;
  limit?: number;
  offset?: number;
  sort?: 'date' | '-date' | 'goldstein' | '-goldstein';
}

/** the WHERE clause of a filter over `events e`; its parameters are appended to `p` (numbered after what it holds) */
export function eventWhere(f: EventFilter, p: unknown[] = []): { sql: string; params: unknown[] } {
  const w: string[] = [];
  const add = (cond: string, ...vals: unknown[]) => {
    let c = cond;
    for (const v of vals) {
      p.push(v);
      c = c.replace('?', `$${p.length}`);
    }
    w.push(c);
  };
  if (f.actor) add(`(e.source = ? OR e.target = ? OR ('org:' || lower(e.source_org)) = ? OR ('org:' || lower(e.target_org)) = ?)`, f.actor, f.actor, f.actor, f.actor);
  if (f.country) add('(e.source_country = ? OR e.target_country = ?)', f.country, f.country);
  if (f.dyad && !f.dyad.some((x) => x.startsWith('org:'))) {
    // two countries: the form the (source_country, target_country) index serves
    add('((e.source_country = ? AND e.target_country = ?) OR (e.source_country = ? AND e.target_country = ?))', f.dyad[0], f.dyad[1], f.dyad[1], f.dyad[0]);
  } else if (f.dyad) {
    // a side is a country code or an organisation's node id ("org:un")
    const side = (col: 'source' | 'target') => `(e.${col}_country = ? OR ('org:' || lower(e.${col}_org)) = ?)`;
    add(`((${side('source')} AND ${side('target')}) OR (${side('source')} AND ${side('target')}))`, f.dyad[0], f.dyad[0], f.dyad[1], f.dyad[1], f.dyad[1], f.dyad[1], f.dyad[0], f.dyad[0]);
  }
  if (f.root) add('e.root = ?', f.root);
  if (f.since) add('e.date_sort >= ?::date', dateSort(f.since));
  if (f.until) add('e.date_sort <= ?::date', untilSort(f.until));
  if (f.modality) add('e.modality = ?', f.modality);
  if (f.doc) add('e.doc_id = ?', f.doc);
  return { sql: w.length ? `WHERE ${w.join(' AND ')}` : '', params: p };
}

const TYPES: Record<EventDim, string> = { month: 'date', prec: 'smallint', src: 'text', tgt: 'text', root: 'text', quad: 'smallint', modality: 'text' };

/** the dimensions a filter needs of an aggregate; null when no aggregate can answer it (an actor, a document, an organisation's dyad) */
function filterDims(f: EventFilter): EventDim[] | null {
  if (f.actor || f.doc || f.dyad?.some((x) => x.startsWith('org:'))) return null;
  const d: EventDim[] = [];
  if (f.country || f.dyad) d.push('src', 'tgt');
  if (f.root) d.push('root');
  if (f.modality) d.push('modality');
  if (f.since || f.until) d.push('month');
  return d;
}

/**
 * The events a filter selects as rows of (the `dims` asked for, n, g): from the first aggregate
 * with every dimension needed for the whole months of the window, and from the events table for
 * the days at its ends (or for all of it, when no aggregate can answer). `n` counts events, `g`
 * sums their Goldstein scores; parameters are appended to `p`.
 */
export function eventSource(f: EventFilter, dims: EventDim[], p: unknown[]): string {
  const cols = (xs: string[]) => [...xs, ''].join(', ');
  const raw = (g: EventFilter) => `SELECT ${cols(dims.map((d) => `${EVENT_DIMS[d]} AS ${d}`))}1::bigint AS n, goldstein::numeric AS g FROM events e ${eventWhere(g, p).sql}`;
  const need = filterDims(f);
  const table = need && aggregateFor([...need, ...dims]);
  if (!table) return raw(f);
  const split = splitWindow(f.since, f.until);
  const parts: string[] = [];
  if (split.all || split.months) {
    const w: string[] = [];
    const add = (cond: string, ...vals: unknown[]) => {
      let c = cond;
      for (const v of vals) {
        p.push(v);
        c = c.split('?').join(`$${p.length}`);
      }
      w.push(c);
    };
    if (f.country) add('(src = ? OR tgt = ?)', f.country);
    if (f.dyad) {
      p.push(f.dyad[0], f.dyad[1]);
      w.push(`((src = $${p.length - 1} AND tgt = $${p.length}) OR (src = $${p.length} AND tgt = $${p.length - 1}))`);
    }
    if (f.root) add('root = ?', f.root);
    if (f.modality) add('modality = ?', f.modality);
    w.push(...monthConditions(split, p));
    parts.push(`SELECT ${cols(dims)}n, goldstein AS g FROM ${table}${w.length ? ` WHERE ${w.join(' AND ')}` : ''}`);
  }
  for (const e of split.edges) parts.push(raw({ ...f, since: e.from, until: e.to }));
  if (!parts.length) parts.push(`SELECT ${cols(dims.map((d) => `NULL::${TYPES[d]} AS ${d}`))}0::bigint AS n, 0::numeric AS g WHERE false`);
  return parts.join(' UNION ALL ');
}

/** how many events a filter selects (the aggregates answer what they can) */
export async function countEvents(q: Queryable, f: EventFilter): Promise<number> {
  const { actor, country, dyad, root, since, until, modality, doc } = f;
  if (![actor, country, dyad, root, since, until, modality, doc].some(Boolean)) return rowCount(q, 'events');
  const p: unknown[] = [];
  return (await q.query<{ n: number }>(`SELECT coalesce(sum(n), 0)::int AS n FROM (${eventSource(f, [], p)}) x`, p))[0].n;
}

export async function listEvents(q: Queryable, f: EventFilter): Promise<{ items: Record<string, unknown>[]; total: number }> {
  const { sql, params } = eventWhere(f);
  const order = { date: 'e.date_sort ASC NULLS LAST', '-date': 'e.date_sort DESC NULLS LAST', goldstein: 'e.goldstein ASC', '-goldstein': 'e.goldstein DESC' }[f.sort ?? '-date'];
  const rows = await q.query<Record<string, unknown>>(
    `SELECT e.*, (SELECT count(DISTINCT e2.doc_id)::int FROM events e2 WHERE e2.cluster = e.cluster) AS corroboration
       FROM events e ${sql} ORDER BY ${order}, e.doc_id, e.start_off LIMIT ${Math.max(0, Math.min(f.limit ?? 200, 10000))} OFFSET ${Math.max(0, f.offset ?? 0)}`,
    params,
  );
  const total = await countEvents(q, f);
  return { items: rows.map(listedEvent), total };
}

/** Event counts by period and quad class, with the same filters as the list: the timeline chart. */
export async function eventSeries(q: Queryable, f: EventFilter, interval: 'week' | 'month' | 'year') {
  const all = await countEvents(q, f);
  if (interval !== 'week') {
    // months and years: from the aggregates (an event dated only to a year counts in year series only)
    const p: unknown[] = [];
    const items = await q.query<{ start: string; quad: number; events: number }>(
      `SELECT to_char(date_trunc('${interval}', month), 'YYYY-MM-DD') AS start, quad::int AS quad, sum(n)::int AS events
         FROM (${eventSource(f, ['month', 'prec', 'quad'], p)}) x WHERE month IS NOT NULL${interval === 'month' ? ' AND prec >= 7' : ''}
        GROUP BY 1, 2 HAVING sum(n) > 0 ORDER BY 1, 2`,
      p,
    );
    const charted = items.reduce((n, r) => n + r.events, 0);
    return { items, total: items.length, events: all, charted, left_out: all - charted };
  }
  const { sql, params } = eventWhere(f);
  // weeks: from the events (an event dated only to a month or a year has no week)
  const cond = `${sql ? sql + ' AND' : 'WHERE'} e.date_sort IS NOT NULL AND length(e.date) = 10`;
  const items = await q.query<{ start: string; quad: number; events: number }>(
    `SELECT to_char(date_trunc('${interval}', e.date_sort), 'YYYY-MM-DD') AS start, e.quad, count(*)::int AS events
       FROM events e ${cond} GROUP BY 1, 2 ORDER BY 1, 2`,
    params,
  );
  const charted = items.reduce((n, r) => n + r.events, 0);
  return { items, total: items.length, events: all, charted, left_out: all - charted };
}

export interface ActorRow {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  org: string | null;
  role: string | null;
  aliases: string[];
  mentions: number;
  documents: number;
}

export async function listActors(q: Queryable, f: { doc?: string; country?: string; limit?: number; offset?: number }): Promise<ActorRow[]> {
  const p: unknown[] = [];
  const w: string[] = [];
  if (f.doc) {
    p.push(f.doc);
    w.push(`m.doc_id = $${p.length}`);
  }
  if (f.country) {
    p.push(f.country);
    w.push(`a.country = $${p.length}`);
  }
  if (!f.doc) {
    // every document: mentions and documents per actor from the aggregate
    return q.query<ActorRow>(
      `SELECT a.id, a.name, a.kind, a.country, a.org, a.role, a.aliases, x.mentions, x.documents
         FROM (SELECT actor_id, sum(mentions)::int AS mentions, sum(documents)::int AS documents FROM agg_actors GROUP BY actor_id HAVING sum(mentions) > 0) x
         JOIN actors a ON a.id = x.actor_id ${w.length ? 'WHERE ' + w.join(' AND ') : ''}
        ORDER BY x.mentions DESC, a.id LIMIT ${f.limit ?? 100000} OFFSET ${f.offset ?? 0}`,
      p,
    );
  }
  return q.query<ActorRow>(
    `SELECT a.id, a.name, a.kind, a.country, a.org, a.role, a.aliases, count(*)::int AS mentions, count(DISTINCT m.doc_id)::int AS documents
       FROM mentions m JOIN actors a ON a.id = m.actor_id ${w.length ? 'WHERE ' + w.join(' AND ') : ''}
      GROUP BY a.id ORDER BY count(*) DESC, a.id LIMIT ${f.limit ?? 100000} OFFSET ${f.offset ?? 0}`,
    p,
  );
}
