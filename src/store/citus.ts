/**
 * How the schema lays out on Citus (docs/citus.md): the large tables are distributed by document
 * (every row of one document on one node, so a document's write is one node's transaction and
 * the reader's joins stay local), the small ones are reference tables copied to every node.
 * test/citus.postgres.test.ts checks the catalog against this: every table is listed here, and
 * every primary key and unique index of a distributed table holds its distribution column.
 */
import { EVENT_AGGREGATES } from './aggregates.js';

/** distributed table → its distribution column (the document's id) */
export const CITUS_DISTRIBUTED: Readonly<Record<string, string>> = Object.freeze({
  documents: 'id',
  sentences: 'doc_id',
  mentions: 'doc_id',
  events: 'doc_id',
  claims: 'doc_id',
  flow_evidence: 'doc_id',
  agreement_evidence: 'doc_id',
  compliance: 'doc_id',
});

/** reference tables: actors, the schema's version, the aggregates */
export const CITUS_REFERENCE: readonly string[] = Object.freeze(['actors', 'schema_migrations', 'agg_rows', 'agg_actors', ...EVENT_AGGREGATES.map((a) => a.table)]);

/** The statements that lay the schema out on a Citus coordinator (after `statecraft` migrated it). */
export function citusLayout(): string[] {
  return [
    // triggers on distributed tables would run on the shards, which cannot write the coordinator's aggregates:
    // on Citus the aggregates are refreshed after ingest (refreshAggregates) instead of kept on write
    ...Object.keys(CITUS_DISTRIBUTED).flatMap((t) => [`DO $d$ DECLARE r record; BEGIN FOR r IN SELECT tgname FROM pg_trigger WHERE tgrelid = '${t}'::regclass AND NOT tgisinternal LOOP EXECUTE format('DROP TRIGGER %I ON ${t}', r.tgname); END LOOP; END $d$`]),
    ...CITUS_REFERENCE.map((t) => `SELECT create_reference_table('${t}')`),
    `SELECT create_distributed_table('documents', 'id')`,
    ...Object.entries(CITUS_DISTRIBUTED).filter(([t]) => t !== 'documents').map(([t, c]) => `SELECT create_distributed_table('${t}', '${c}', colocate_with => 'documents')`),
  ];
}
