/** Read models over extracted records: events with filters, actors with counts. */
import type { Queryable } from '../store/store.js';
import { dateSort } from '../store/records.js';
import { listedEvent } from './records.js';

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

export function eventWhere(f: EventFilter): { sql: string; params: unknown[] } {
  const w: string[] = [];
  const p: unknown[] = [];
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

/** The last day an ISO date of any precision covers. */
function untilSort(d: string): string {
  if (/^\d{4}$/.test(d)) return `${d}-12-31`;
  if (/^\d{4}-\d{2}$/.test(d)) {
    const [y, m] = d.split('-').map(Number);
    // the month's last day, computed without Date.UTC (which reads years below 100 as 19xx)
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const last = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
    return `${d}-${last}`;
  }
  return d;
}

export async function listEvents(q: Queryable, f: EventFilter): Promise<{ items: Record<string, unknown>[]; total: number }> {
  const { sql, params } = eventWhere(f);
  const order = { date: 'e.date_sort ASC NULLS LAST', '-date': 'e.date_sort DESC NULLS LAST', goldstein: 'e.goldstein ASC', '-goldstein': 'e.goldstein DESC' }[f.sort ?? '-date'];
  const rows = await q.query<Record<string, unknown>>(
    `SELECT e.*, (SELECT count(DISTINCT e2.doc_id)::int FROM events e2 WHERE e2.cluster = e.cluster) AS corroboration
       FROM events e ${sql} ORDER BY ${order}, e.doc_id, e.start_off LIMIT ${Math.max(0, Math.min(f.limit ?? 200, 10000))} OFFSET ${Math.max(0, f.offset ?? 0)}`,
    params,
  );
  const total = (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM events e ${sql}`, params))[0].n;
  return { items: rows.map(listedEvent), total };
}

/** Event counts by period and quad class, with the same filters as the list: the timeline chart. */
export async function eventSeries(q: Queryable, f: EventFilter, interval: 'week' | 'month' | 'year') {
  const { sql, params } = eventWhere(f);
  // an event dated only to a year has no month: it counts in year series only (likewise months for weeks)
  const precise = interval === 'year' ? '' : interval === 'month' ? ' AND length(e.date) >= 7' : ' AND length(e.date) = 10';
  const cond = `${sql ? sql + ' AND' : 'WHERE'} e.date_sort IS NOT NULL${precise}`;
  const items = await q.query<{ start: string; quad: number; events: number }>(
    `SELECT to_char(date_trunc('${interval}', e.date_sort), 'YYYY-MM-DD') AS start, e.quad, count(*)::int AS events
       FROM events e ${cond} GROUP BY 1, 2 ORDER BY 1, 2`,
    params,
  );
  const all = (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM events e ${sql}`, params))[0].n;
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
  return q.query<ActorRow>(
    `SELECT a.id, a.name, a.kind, a.country, a.org, a.role, a.aliases, count(*)::int AS mentions, count(DISTINCT m.doc_id)::int AS documents
       FROM mentions m JOIN actors a ON a.id = m.actor_id ${w.length ? 'WHERE ' + w.join(' AND ') : ''}
      GROUP BY a.id ORDER BY count(*) DESC, a.id LIMIT ${f.limit ?? 100000} OFFSET ${f.offset ?? 0}`,
    p,
  );
}
