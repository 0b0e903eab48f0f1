/**
 * Read models behind the views: overview stats, dyad series, the network, the ledger,
 * claims, agreements and compliance. Aggregation happens in SQL, so the views stay fast
 * with a large store.
 */
import type { Queryable } from '../store/store.js';
import { rowCount } from '../store/aggregates.js';
import { dateSort } from '../store/records.js';
import { listDocuments } from './documents.js';
import { eventSource } from './events.js';
import { agreementRecord, claimRecord } from './records.js';
import { complianceFlags, type RegimeIndex } from './compliance.js';

const n = async (q: Queryable, sql: string, p: unknown[] = []) => (await q.query<{ n: number }>(sql, p))[0].n;

export async function stats(q: Queryable, regimes: RegimeIndex = {}) {
  const [documents, sentences, events, actors, mentions, claims, flows, agreements, compliance] = await Promise.all([
    rowCount(q, 'documents'),
    rowCount(q, 'sentences'),
    rowCount(q, 'events'),
    n(q, 'SELECT count(*)::int AS n FROM (SELECT actor_id FROM agg_actors GROUP BY actor_id HAVING sum(mentions) > 0) x'),
    rowCount(q, 'mentions'),
    rowCount(q, 'claims'),
    n(q, 'SELECT count(DISTINCT flow_id)::int AS n FROM flow_evidence'),
    n(q, 'SELECT count(DISTINCT agreement_id)::int AS n FROM agreement_evidence'),
    complianceFlags(q, { limit: 0 }, regimes).then((r) => r.total),
  ]);
  const newest = (await listDocuments(q, { limit: 8 })).items;
  // countries on both sides (a side's node is its country when it has one): from the aggregate of pairs
  const p: unknown[] = [];
  const dyads = await q.query<{ a: string; b: string; events: number; goldstein: number; coop: number; conflict: number }>(
    `SELECT least(src, tgt) AS a, greatest(src, tgt) AS b, sum(n)::int AS events,
            round(sum(g), 1)::float8 AS goldstein,
            coalesce(sum(n) FILTER (WHERE quad <= 2), 0)::int AS coop, coalesce(sum(n) FILTER (WHERE quad >= 3), 0)::int AS conflict
       FROM (${eventSource({}, ['src', 'tgt', 'quad'], p)}) x
      WHERE src IS NOT NULL AND tgt IS NOT NULL AND src NOT LIKE 'org:%' AND tgt NOT LIKE 'org:%' AND src <> tgt
      GROUP BY 1, 2 HAVING sum(n) > 0 ORDER BY events DESC, a, b LIMIT 10`,
    p,
  );
  return { documents, sentences, events, actors, mentions, claims, flows, agreements, compliance, newest, dyads };
}

export type Interval = 'week' | 'month' | 'year';

export async function dyadSeries(q: Queryable, a: string, b: string, interval: Interval, since?: string, until?: string) {
  const fmt = { week: 'IYYY-"W"IW', month: 'YYYY-MM', year: 'YYYY' }[interval];
  const p: unknown[] = [];
  // an event dated only to a year has no week or month: it counts in year series only. Months and years
  // come from the aggregates (whole months) and the events (the days at the window's ends); weeks from the events.
  const source =
    interval === 'week'
      ? `SELECT date_sort AS month, length(date)::smallint AS prec, quad::smallint AS quad, 1::bigint AS n, goldstein::numeric AS g FROM events e
          WHERE ((source_country = $1 AND target_country = $2) OR (source_country = $2 AND target_country = $1))${since ? (p.push(a, b, dateSort(since)), ` AND date_sort >= $3::date`) : (p.push(a, b), '')}${until ? (p.push(dateSort(until)), ` AND date_sort <= $${p.length}::date`) : ''}`
      : eventSource({ dyad: [a, b], since, until: until && dateSort(until) }, ['month', 'prec', 'quad'], p);
  const precise = interval === 'year' ? '' : interval === 'month' ? ' AND prec >= 7' : ' AND prec = 10';
  const items = await q.query<{ period: string; events: number; quad1: number; quad2: number; quad3: number; quad4: number; goldstein: number }>(
    `SELECT to_char(date_trunc('${interval}', month), '${fmt}') AS period, sum(n)::int AS events,
            coalesce(sum(n) FILTER (WHERE quad = 1), 0)::int AS quad1, coalesce(sum(n) FILTER (WHERE quad = 2), 0)::int AS quad2,
            coalesce(sum(n) FILTER (WHERE quad = 3), 0)::int AS quad3, coalesce(sum(n) FILTER (WHERE quad = 4), 0)::int AS quad4,
            round(sum(g), 1)::float8 AS goldstein
       FROM (${source}) x
      WHERE month IS NOT NULL${precise}
      GROUP BY 1 HAVING sum(n) > 0 ORDER BY 1`,
    p,
  );
  return { items, total: items.length };
}

export async function network(q: Queryable, opts: { since?: string; until?: string; min?: number }) {
  // the window's dates are its first days, as the events' date_sort (`until` 2024 is 2024-01-01)
  const p: unknown[] = [];
  const source = eventSource({ since: opts.since && dateSort(opts.since), until: opts.until && dateSort(opts.until) }, ['src', 'tgt', 'quad'], p);
  p.push(opts.min ?? 1);
  const edges = await q.query<{ source: string; target: string; events: number; coop: number; conflict: number; goldstein: number }>(
    `SELECT least(src, tgt) AS source, greatest(src, tgt) AS target, sum(n)::int AS events,
            coalesce(sum(n) FILTER (WHERE quad <= 2), 0)::int AS coop, coalesce(sum(n) FILTER (WHERE quad >= 3), 0)::int AS conflict,
            round(sum(g), 1)::float8 AS goldstein
       FROM (${source}) x
      WHERE src IS NOT NULL AND tgt IS NOT NULL AND src <> tgt
      GROUP BY 1, 2 HAVING sum(n) >= $${p.length} AND sum(n) > 0 ORDER BY events DESC, source, target LIMIT 500`,
    p,
  );
  const counts = new Map<string, number>();
  for (const e of edges) {
    counts.set(e.source, (counts.get(e.source) ?? 0) + e.events);
    counts.set(e.target, (counts.get(e.target) ?? 0) + e.events);
  }
  const ids = [...counts.keys()];
  const names = ids.length
    ? await q.query<{ id: string; name: string; kind: string }>(`SELECT id, name, kind FROM actors WHERE id = ANY($1::text[])`, [ids])
    : [];
  const nameOf = new Map(names.map((r) => [r.id, r]));
  return {
    nodes: ids.map((id) => ({ id, label: nameOf.get(id)?.name ?? id, kind: nameOf.get(id)?.kind ?? (id.startsWith('org:') ? 'igo' : 'state'), country: id.startsWith('org:') ? null : id, events: counts.get(id)! })),
    edges: edges.map((e) => ({ id: `${e.source}~${e.target}`, ...e })),
  };
}

interface Page {
  limit?: number;
  offset?: number;
}

function page(p: Page): string {
  return `LIMIT ${Math.max(0, Math.min(p.limit ?? 200, 10000))} OFFSET ${Math.max(0, p.offset ?? 0)}`;
}

export async function ledger(q: Queryable, f: { giver?: string; receiver?: string; category?: string } & Page) {
  const p: unknown[] = [];
  const w: string[] = [];
  for (const [col, v] of [['giver', f.giver], ['receiver', f.receiver], ['category', f.category]] as const) {
    if (v) {
      p.push(v);
      w.push(`${col} = $${p.length}`);
    }
  }
  const where = w.length ? `WHERE ${w.join(' AND ')}` : '';
  const items = await q.query<Record<string, unknown>>(
    `SELECT flow_id AS id, min(giver) AS giver, min(receiver) AS receiver, min(item) AS item, min(category) AS category,
            (array_agg(status ORDER BY CASE status WHEN 'delivered' THEN 0 WHEN 'promised' THEN 1 WHEN 'possible' THEN 2 ELSE 3 END))[1] AS status,
            jsonb_agg(jsonb_build_object('doc', doc_id, 'span', jsonb_build_array(start_off, end_off), 'quote', quote) ORDER BY doc_id, start_off) AS evidence
       FROM flow_evidence ${where} GROUP BY flow_id ORDER BY count(*) DESC, flow_id ${page(f)}`,
    p,
  );
  const total = await n(q, `SELECT count(DISTINCT flow_id)::int AS n FROM flow_evidence ${where}`, p);
  return { items, total };
}

/**
 * The ledger by dyad: one row per pair of sides (either direction), its flows each way with their
 * evidence, the pairs with the most evidence first. `actor`: pairs with this side; `category`:
 * only these flows. A flow whose giver or receiver the text does not say pairs with null.
 */
export async function ledgerDyads(q: Queryable, f: { actor?: string; category?: string } & Page) {
  const p: unknown[] = [];
  const w: string[] = [];
  if (f.actor) w.push(`(giver = $${p.push(f.actor)} OR receiver = $${p.length})`);
  if (f.category) w.push(`category = $${p.push(f.category)}`);
  const where = w.length ? `WHERE ${w.join(' AND ')}` : '';
  const flows = `WITH f AS (
    SELECT flow_id AS id, min(giver) AS giver, min(receiver) AS receiver, min(item) AS item, min(category) AS category,
           (array_agg(status ORDER BY CASE status WHEN 'delivered' THEN 0 WHEN 'promised' THEN 1 WHEN 'possible' THEN 2 ELSE 3 END))[1] AS status,
           jsonb_agg(jsonb_build_object('doc', doc_id, 'span', jsonb_build_array(start_off, end_off), 'quote', quote) ORDER BY doc_id, start_off) AS evidence
      FROM flow_evidence ${where} GROUP BY flow_id),
    d AS (SELECT nullif(least(coalesce(giver, ''), coalesce(receiver, '')), '') AS a, nullif(greatest(coalesce(giver, ''), coalesce(receiver, '')), '') AS b, f.* FROM f)`;
  const items = await q.query<{ a: string | null; b: string | null; flows: number; evidence_count: number; a_to_b: number; b_to_a: number; items: Record<string, unknown>[] }>(
    `${flows}
     SELECT a, b, count(*)::int AS flows, sum(jsonb_array_length(evidence))::int AS evidence_count,
            (count(*) FILTER (WHERE giver IS NOT DISTINCT FROM a AND a IS DISTINCT FROM b))::int AS a_to_b,
            (count(*) FILTER (WHERE giver IS NOT DISTINCT FROM b AND a IS DISTINCT FROM b))::int AS b_to_a,
            jsonb_agg(jsonb_build_object('type', 'flow', 'id', id, 'giver', giver, 'receiver', receiver, 'item', item, 'category', category, 'status', status, 'evidence', evidence)
                      ORDER BY (giver IS NOT DISTINCT FROM a) DESC, jsonb_array_length(evidence) DESC, id) AS items
       FROM d GROUP BY a, b ORDER BY sum(jsonb_array_length(evidence)) DESC, count(*) DESC, a NULLS LAST, b NULLS LAST ${page(f)}`,
    p,
  );
  const total = await n(q, `${flows} SELECT count(*)::int AS n FROM (SELECT 1 FROM d GROUP BY a, b) x`, p);
  return { items, total };
}

export async function claims(q: Queryable, f: { holder?: string; kind?: string; about?: string; doc?: string } & Page) {
  const p: unknown[] = [];
  const w: string[] = [];
  if (f.holder) {
    p.push(f.holder);
    w.push(`holder = $${p.length}`);
  }
  if (f.kind) {
    p.push(f.kind);
    w.push(`kind = $${p.length}`);
  }
  if (f.about) {
    p.push(JSON.stringify([f.about]));
    w.push(`about @> $${p.length}::jsonb`);
  }
  if (f.doc) {
    p.push(f.doc);
    w.push(`doc_id = $${p.length}`);
  }
  const where = w.length ? `WHERE ${w.join(' AND ')}` : '';
  const rows = await q.query<Record<string, unknown>>(`SELECT * FROM claims ${where} ORDER BY doc_id, start_off ${page(f)}`, p);
  const total = await n(q, `SELECT count(*)::int AS n FROM claims ${where}`, p);
  // a holder the text names as an actor ("US", "the Kremlin") with that actor's id beside it, so faces can say its name and code
  const holders = [...new Set(rows.map((r) => String(r.holder)))];
  const ids = holders.length
    ? await q.query<{ h: string; id: string }>(
        `SELECT DISTINCT ON (h) h, a.id FROM unnest($1::text[]) AS h
           JOIN actors a ON a.id = h OR lower(a.name) = lower(h) OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(a.aliases) x WHERE lower(x) = lower(h))
          ORDER BY h, (a.id = h) DESC, (lower(a.name) = lower(h)) DESC, length(a.id), a.id`,
        [holders],
      )
    : [];
  const idOf = new Map(ids.map((r) => [r.h, r.id]));
  return { items: rows.map((r) => ({ ...claimRecord(r), holder_id: idOf.get(String(r.holder)) ?? null })), total };
}

export async function agreements(q: Queryable, f: Page & { doc?: string } = {}) {
  const p: unknown[] = [];
  const where = f.doc ? (p.push(f.doc), `WHERE agreement_id IN (SELECT agreement_id FROM agreement_evidence WHERE doc_id = $1)`) : '';
  const rows = await q.query<Record<string, unknown>>(
    `SELECT agreement_id AS id, jsonb_agg(name) AS names_all, jsonb_agg(parties) AS parties_all, jsonb_agg(signed) AS signed_all,
            (array_agg(status ORDER BY status = 'referenced', start_off))[1] AS status,
            jsonb_agg(articles) AS articles_all,
            jsonb_agg(jsonb_build_object('doc', doc_id, 'span', jsonb_build_array(start_off, end_off), 'quote', quote) ORDER BY doc_id, start_off) AS evidence
       FROM agreement_evidence a ${where} GROUP BY agreement_id ORDER BY count(*) DESC, agreement_id ${page(f)}`,
    p,
  );
  const total = await n(q, `SELECT count(DISTINCT agreement_id)::int AS n FROM agreement_evidence ${where}`, p);
  return { items: rows.map(agreementRecord), total };
}

/** Compliance flags: one per subject and regime, listing the provisions it may breach (./compliance.ts). */
export const compliance = complianceFlags;
