/**
 * Precomputed aggregates (#15, a million events): what the overview, the network, the series and
 * the list totals would otherwise count over every event, kept up to date on write by
 * statement-level triggers (one aggregate row change per statement and group, not per row).
 *
 * - `agg_rows`: rows per large table (documents, sentences, events, mentions, claims, compliance);
 * - `agg_pairs`, `agg_months`, `agg_kinds`: events and the sum of their Goldstein scores by sides
 *   (the network's node ids: the country, else `org:` and the organisation) and quad class; by
 *   month of their date, date precision, sides and quad; by month, precision, root, quad and
 *   modality (EVENT_AGGREGATES);
 * - `agg_actors`: mentions and documents per actor.
 *
 * Every aggregate row carries `slot`, the writing backend's process id: concurrent writers (many
 * workers on one server) never update the same aggregate row, so the aggregates add no lock
 * waits and no deadlocks between them. Readers sum over slots. `refreshAggregates` recomputes all
 * of them from the tables (after a bulk load with the triggers off, or on Citus: docs/citus.md).
 */
import type { Queryable } from './types.js';

/** the tables whose rows `agg_rows` counts */
export const COUNTED_TABLES = ['documents', 'sentences', 'events', 'mentions', 'claims', 'compliance'] as const;

/** the node id of an event's side, as the network names it */
export const NODE = (side: 'source' | 'target', alias = '') => `coalesce(${alias}${side}_country, 'org:' || lower(${alias}${side}_org))`;

/** what an event is counted by: each dimension's expression over an events row */
export const EVENT_DIMS = {
  month: `date_trunc('month', date_sort)::date`,
  prec: 'length(date)::smallint',
  src: NODE('source'),
  tgt: NODE('target'),
  root: 'root',
  quad: 'quad::smallint',
  modality: 'modality',
} as const;
export type EventDim = keyof typeof EVENT_DIMS;

/**
 * The event aggregates: counts and Goldstein sums by their dimensions. Pairs (no time) serve the
 * whole network and the overview's dyads; months by pair the windows, dyad and country series and
 * the totals of lists filtered by country, dyad and window; months by kind the totals and series
 * filtered by root, modality and window.
 */
export const EVENT_AGGREGATES: { table: string; dims: EventDim[] }[] = [
  { table: 'agg_pairs', dims: ['src', 'tgt', 'quad'] },
  // (before months by pair: far fewer rows, so series and totals without a country read this one)
  { table: 'agg_kinds', dims: ['month', 'prec', 'root', 'quad', 'modality'] },
  { table: 'agg_months', dims: ['month', 'prec', 'src', 'tgt', 'quad'] },
];

const TYPES: Record<EventDim, string> = { month: 'date', prec: 'smallint', src: 'text', tgt: 'text', root: 'text', quad: 'smallint', modality: 'text' };

function eventAggregateSql(table: string, dims: EventDim[]): string[] {
  const cols = dims.join(', ');
  const exprs = dims.map((d) => EVENT_DIMS[d]).join(', ');
  const by = dims.map((_, i) => i + 2).join(', ');
  const upsert = (from: string, sign: string) => `BEGIN
       INSERT INTO ${table} AS a (slot, ${cols}, n, goldstein)
         SELECT pg_backend_pid(), ${exprs}, ${sign}count(*), ${sign}sum(goldstein::numeric) FROM ${from} GROUP BY ${by} ORDER BY ${by}
         ON CONFLICT (slot, ${cols}) DO UPDATE SET n = a.n + EXCLUDED.n, goldstein = a.goldstein + EXCLUDED.goldstein; RETURN NULL; END`;
  return [
    `CREATE TABLE ${table} (slot int NOT NULL, ${dims.map((d) => `${d} ${TYPES[d]}`).join(', ')}, n bigint NOT NULL, goldstein numeric NOT NULL)`,
    `CREATE UNIQUE INDEX ${table}_key ON ${table} (slot, ${cols}) NULLS NOT DISTINCT`,
    ...(dims.includes('src') ? [`CREATE INDEX ${table}_src ON ${table} (src, tgt)`, `CREATE INDEX ${table}_tgt ON ${table} (tgt, src)`] : []),
    ...(dims.includes('month') ? [`CREATE INDEX ${table}_month ON ${table} (month)`] : []),
    `CREATE FUNCTION ${table}_ins() RETURNS trigger LANGUAGE plpgsql AS $f$ ${upsert('agg_new', '')} $f$`,
    `CREATE FUNCTION ${table}_del() RETURNS trigger LANGUAGE plpgsql AS $f$ ${upsert('agg_old', '-')} $f$`,
    `CREATE TRIGGER events_${table}_ins AFTER INSERT ON events REFERENCING NEW TABLE AS agg_new FOR EACH STATEMENT EXECUTE FUNCTION ${table}_ins()`,
    `CREATE TRIGGER events_${table}_del AFTER DELETE ON events REFERENCING OLD TABLE AS agg_old FOR EACH STATEMENT EXECUTE FUNCTION ${table}_del()`,
  ];
}

/** the SQL of the migration that creates the aggregates, their triggers, and fills them from what is stored */
export function aggregateMigration(): string[] {
  const out: string[] = [
    `CREATE TABLE agg_rows (tbl text NOT NULL, slot int NOT NULL, n bigint NOT NULL, PRIMARY KEY (tbl, slot))`,
    ...EVENT_AGGREGATES.flatMap((a) => eventAggregateSql(a.table, a.dims)),
    `CREATE TABLE agg_actors (actor_id text NOT NULL, slot int NOT NULL, mentions bigint NOT NULL, documents bigint NOT NULL, PRIMARY KEY (actor_id, slot))`,
    // rows per table: one function for every counted table, inserts and deletes
    `CREATE FUNCTION agg_rows_ins() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN
       INSERT INTO agg_rows AS a (tbl, slot, n) SELECT TG_TABLE_NAME, pg_backend_pid(), count(*) FROM agg_new HAVING count(*) > 0
         ON CONFLICT (tbl, slot) DO UPDATE SET n = a.n + EXCLUDED.n; RETURN NULL; END $f$`,
    `CREATE FUNCTION agg_rows_del() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN
       INSERT INTO agg_rows AS a (tbl, slot, n) SELECT TG_TABLE_NAME, pg_backend_pid(), -count(*) FROM agg_old HAVING count(*) > 0
         ON CONFLICT (tbl, slot) DO UPDATE SET n = a.n + EXCLUDED.n; RETURN NULL; END $f$`,
    // an actor's documents: a (document, actor) pair counts once, when its first mentions arrive or its last ones go
    `CREATE FUNCTION agg_actors_ins() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN
       INSERT INTO agg_actors AS a (actor_id, slot, mentions, documents)
         SELECT g.actor_id, pg_backend_pid(), sum(g.c), count(*) FILTER (WHERE g.c = (SELECT count(*) FROM mentions m WHERE m.doc_id = g.doc_id AND m.actor_id = g.actor_id))
           FROM (SELECT doc_id, actor_id, count(*) AS c FROM agg_new GROUP BY 1, 2) g GROUP BY g.actor_id ORDER BY g.actor_id
         ON CONFLICT (actor_id, slot) DO UPDATE SET mentions = a.mentions + EXCLUDED.mentions, documents = a.documents + EXCLUDED.documents; RETURN NULL; END $f$`,
    `CREATE FUNCTION agg_actors_del() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN
       INSERT INTO agg_actors AS a (actor_id, slot, mentions, documents)
         SELECT g.actor_id, pg_backend_pid(), -sum(g.c), -count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id = g.doc_id AND m.actor_id = g.actor_id))
           FROM (SELECT doc_id, actor_id, count(*) AS c FROM agg_old GROUP BY 1, 2) g GROUP BY g.actor_id ORDER BY g.actor_id
         ON CONFLICT (actor_id, slot) DO UPDATE SET mentions = a.mentions + EXCLUDED.mentions, documents = a.documents + EXCLUDED.documents; RETURN NULL; END $f$`,
  ];
  for (const t of COUNTED_TABLES) {
    out.push(`CREATE TRIGGER ${t}_agg_rows_ins AFTER INSERT ON ${t} REFERENCING NEW TABLE AS agg_new FOR EACH STATEMENT EXECUTE FUNCTION agg_rows_ins()`);
    out.push(`CREATE TRIGGER ${t}_agg_rows_del AFTER DELETE ON ${t} REFERENCING OLD TABLE AS agg_old FOR EACH STATEMENT EXECUTE FUNCTION agg_rows_del()`);
  }
  out.push(
    `CREATE TRIGGER mentions_agg_ins AFTER INSERT ON mentions REFERENCING NEW TABLE AS agg_new FOR EACH STATEMENT EXECUTE FUNCTION agg_actors_ins()`,
    `CREATE TRIGGER mentions_agg_del AFTER DELETE ON mentions REFERENCING OLD TABLE AS agg_old FOR EACH STATEMENT EXECUTE FUNCTION agg_actors_del()`,
  );
  out.push(...refreshStatements());
  return out;
}

/** recompute every aggregate from the tables (slot 0) */
export function refreshStatements(): string[] {
  return [
    'DELETE FROM agg_rows',
    ...COUNTED_TABLES.map((t) => `INSERT INTO agg_rows (tbl, slot, n) SELECT '${t}', 0, count(*) FROM ${t}`),
    ...EVENT_AGGREGATES.flatMap(({ table, dims }) => [
      `DELETE FROM ${table}`,
      `INSERT INTO ${table} (slot, ${dims.join(', ')}, n, goldstein)
         SELECT 0, ${dims.map((d) => EVENT_DIMS[d]).join(', ')}, count(*), sum(goldstein::numeric) FROM events GROUP BY ${dims.map((_, i) => i + 2).join(', ')}`,
    ]),
    'DELETE FROM agg_actors',
    `INSERT INTO agg_actors (actor_id, slot, mentions, documents) SELECT actor_id, 0, count(*), count(DISTINCT doc_id) FROM mentions GROUP BY 1`,
  ];
}

/** Recompute the aggregates from the stored rows, in one transaction. */
export async function refreshAggregates(q: { tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> }): Promise<void> {
  await q.tx(async (t) => {
    for (const s of refreshStatements()) await t.query(s);
  });
}

/** rows of a counted table, from the aggregate */
export async function rowCount(q: Queryable, table: (typeof COUNTED_TABLES)[number]): Promise<number> {
  return (await q.query<{ n: number }>(`SELECT coalesce(sum(n), 0)::int AS n FROM agg_rows WHERE tbl = $1`, [table]))[0].n;
}
