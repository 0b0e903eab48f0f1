/**
 * Versioned schema. Every extracted row carries `doc_id` and has it first in its key,
 * so the tables can later be distributed by document (Citus) without a redesign.
 * Only PostgreSQL 15 features: the same SQL runs on PGlite (PG 18) and the server.
 */
import { aggregateMigration } from './aggregates.js';
import type { Store } from './types.js';

/** `sql` is split at semicolons that end a line; `statements` (function bodies hold semicolons) are run as given */
export const MIGRATIONS: { version: number; name: string; sql: string; statements?: () => string[] }[] = [
  {
    version: 1,
    name: 'documents and sentences',
    sql: `
CREATE TABLE documents (
  id text PRIMARY KEY,
  origin text NOT NULL,
  title text,
  source text,
  url text,
  published text,
  authors jsonb NOT NULL DEFAULT '[]',
  language text NOT NULL DEFAULT 'en',
  sha256 text NOT NULL,
  chars int NOT NULL,
  text text NOT NULL,
  sections jsonb NOT NULL DEFAULT '[]',
  paragraphs jsonb NOT NULL DEFAULT '[]',
  dropped jsonb NOT NULL DEFAULT '[]',
  ingested_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_published ON documents (published);
CREATE TABLE sentences (
  doc_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx int NOT NULL,
  start_off int NOT NULL,
  end_off int NOT NULL,
  section int,
  paragraph int NOT NULL,
  kind text NOT NULL,
  text text NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
  PRIMARY KEY (doc_id, idx)
);
CREATE INDEX sentences_tsv ON sentences USING gin (tsv);
`,
  },
  {
    version: 2,
    name: 'actors, mentions and events',
    sql: `
CREATE TABLE actors (
  id text PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL,
  country text,
  org text,
  role text,
  successor text,
  aliases jsonb NOT NULL DEFAULT '[]'
);
CREATE TABLE mentions (
  doc_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx int NOT NULL,
  sentence int NOT NULL,
  start_off int NOT NULL,
  end_off int NOT NULL,
  text text NOT NULL,
  actor_id text NOT NULL,
  country text,
  org text,
  role text,
  via text NOT NULL,
  PRIMARY KEY (doc_id, idx)
);
CREATE INDEX mentions_actor ON mentions (actor_id);
CREATE TABLE events (
  doc_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  id text NOT NULL,
  sentence int NOT NULL,
  start_off int NOT NULL,
  end_off int NOT NULL,
  quote text NOT NULL,
  source text, source_country text, source_org text, source_role text,
  target text, target_country text, target_org text, target_role text,
  cameo text NOT NULL,
  root text NOT NULL,
  plover text,
  plover_mode text,
  goldstein real NOT NULL,
  quad int NOT NULL,
  date text,
  date_sort date,
  location jsonb,
  modality text NOT NULL,
  form text NOT NULL,
  attributed_to text,
  confidence real NOT NULL,
  cluster text NOT NULL,
  reason text NOT NULL,
  PRIMARY KEY (doc_id, id)
);
CREATE INDEX events_cluster ON events (cluster);
CREATE INDEX events_dyad ON events (source_country, target_country);
CREATE INDEX events_date ON events (date_sort);
CREATE INDEX events_root ON events (root);
`,
  },
  {
    version: 3,
    name: 'claims, flows, agreements, compliance',
    sql: `
CREATE TABLE claims (
  doc_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  id text NOT NULL,
  sentence int NOT NULL,
  start_off int NOT NULL,
  end_off int NOT NULL,
  quote text NOT NULL,
  holder text NOT NULL,
  holder_kind text NOT NULL,
  kind text NOT NULL,
  about jsonb NOT NULL DEFAULT '[]',
  likelihood real,
  wep text,
  PRIMARY KEY (doc_id, id)
);
CREATE INDEX claims_holder ON claims (holder);
CREATE TABLE flow_evidence (
  doc_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  flow_id text NOT NULL,
  giver text,
  receiver text,
  item text NOT NULL,
  category text NOT NULL,
  status text NOT NULL,
  start_off int NOT NULL,
  end_off int NOT NULL,
  quote text NOT NULL,
  PRIMARY KEY (doc_id, flow_id, start_off)
);
CREATE INDEX flow_evidence_flow ON flow_evidence (flow_id);
CREATE TABLE agreement_evidence (
  doc_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  agreement_id text NOT NULL,
  name text NOT NULL,
  parties jsonb NOT NULL DEFAULT '[]',
  signed text,
  status text NOT NULL,
  articles jsonb NOT NULL DEFAULT '[]',
  start_off int NOT NULL,
  end_off int NOT NULL,
  quote text NOT NULL,
  PRIMARY KEY (doc_id, agreement_id, start_off)
);
CREATE INDEX agreement_evidence_id ON agreement_evidence (agreement_id);
CREATE TABLE compliance (
  doc_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  id text NOT NULL,
  subject text NOT NULL,
  regime text NOT NULL,
  provision text NOT NULL,
  reason text NOT NULL,
  start_off int NOT NULL,
  end_off int NOT NULL,
  quote text NOT NULL,
  PRIMARY KEY (doc_id, id)
);
`,
  },
  {
    version: 4,
    name: 'a million events (#15): indexes for the sorted lists and filters, aggregates kept on write',
    sql: `
DROP INDEX events_date;
CREATE INDEX events_date ON events (date_sort, doc_id, start_off);
CREATE INDEX events_date_desc ON events (date_sort DESC NULLS LAST, doc_id, start_off);
CREATE INDEX events_goldstein ON events (goldstein, doc_id, start_off);
CREATE INDEX events_goldstein_desc ON events (goldstein DESC, doc_id, start_off);
CREATE INDEX events_source ON events (source);
CREATE INDEX events_target ON events (target);
CREATE INDEX events_source_org ON events (('org:' || lower(source_org)));
CREATE INDEX events_target_org ON events (('org:' || lower(target_org)));
CREATE INDEX events_target_dyad ON events (target_country, source_country);
CREATE INDEX documents_newest ON documents (published DESC NULLS LAST, ingested_at DESC, id);
CREATE INDEX claims_order ON claims (doc_id, start_off);
`,
    statements: aggregateMigration,
  },
];

/** the advisory lock every process migrating one PostgreSQL database takes (an arbitrary constant) */
const MIGRATION_LOCK = 4242;

/**
 * Bring the schema to the latest version. What exists is checked first, without a lock (an
 * up-to-date database, the usual case, is not locked at all). Otherwise every missing migration
 * runs in one transaction that first takes an advisory lock (PostgreSQL): processes opening a
 * fresh database at once wait for the first, then find the work done.
 */
export async function migrate(store: Store): Promise<number> {
  const latest = MIGRATIONS[MIGRATIONS.length - 1].version;
  if ((await currentVersion(store)) >= latest) return latest;
  await store.tx(async (q) => {
    if (store.kind === 'postgres') await q.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await q.query(`CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const current = (await q.query<{ v: number | null }>('SELECT max(version)::int AS v FROM schema_migrations'))[0]?.v ?? 0;
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      for (const stmt of m.sql.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) await q.query(stmt);
      for (const stmt of m.statements?.() ?? []) await q.query(stmt);
      await q.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
  });
  return latest;
}

/** the schema's version, 0 for an empty database (checked without creating anything) */
async function currentVersion(store: Store): Promise<number> {
  const exists = await store.query<{ t: string | null }>(`SELECT to_regclass('schema_migrations')::text AS t`);
  if (!exists[0]?.t) return 0;
  return (await store.query<{ v: number | null }>('SELECT max(version)::int AS v FROM schema_migrations'))[0]?.v ?? 0;
}
