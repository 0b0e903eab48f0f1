/**
 * Citus-ready (#15), checked on plain PostgreSQL by reading the catalog of a freshly migrated,
 * uniquely named database: every table is either distributed by document (its distribution
 * column in every primary key and unique index, foreign keys between distributed tables on it)
 * or small enough to be a reference table; a table added later must say which (docs/citus.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresStore, serverUnavailable, type TestStore } from './support/stores.js';
import { CITUS_DISTRIBUTED, CITUS_REFERENCE } from '../src/store/citus.js';

const why = await serverUnavailable();

describe.skipIf(!!why)('Citus constraints on the schema (PostgreSQL catalog)', () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await postgresStore();
  }, 60_000);
  afterAll(async () => {
    await t?.dispose();
  });

  it('classifies every table as distributed by document or reference', async () => {
    const tables = (await t.store.query<{ name: string }>(`SELECT relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`)).map((r) => r.name);
    const classified = [...Object.keys(CITUS_DISTRIBUTED), ...CITUS_REFERENCE].sort();
    expect(tables).toEqual(classified);
  });

  it('puts the distribution column in every primary key and unique index of a distributed table', async () => {
    const rows = await t.store.query<{ tbl: string; idx: string; cols: string[] }>(
      `SELECT c.relname AS tbl, i.relname AS idx,
              array(SELECT a.attname FROM unnest(x.indkey) k JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k)::text[] AS cols
         FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
        WHERE x.indisunique AND c.relname = ANY($1::text[])`,
      [Object.keys(CITUS_DISTRIBUTED)],
    );
    const bad = rows.filter((r) => !r.cols.includes(CITUS_DISTRIBUTED[r.tbl])).map((r) => `${r.tbl}.${r.idx} (${r.cols.join(', ')})`);
    expect(bad).toEqual([]);
    // every distributed table has a primary key, and it leads with the distribution column (rows of one document together)
    const pks = rows.filter((r) => r.idx.endsWith('_pkey'));
    expect(pks.map((r) => r.tbl).sort()).toEqual(Object.keys(CITUS_DISTRIBUTED).sort());
    for (const pk of pks) expect(pk.cols[0], pk.tbl).toBe(CITUS_DISTRIBUTED[pk.tbl]);
  });

  it('joins distributed tables by foreign keys on the distribution column only, and no reference table points at a distributed one', async () => {
    const fks = await t.store.query<{ from_t: string; to_t: string; from_cols: string[]; to_cols: string[] }>(
      `SELECT cf.relname AS from_t, ct.relname AS to_t,
              array(SELECT a.attname FROM unnest(k.conkey) n JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = n)::text[] AS from_cols,
              array(SELECT a.attname FROM unnest(k.confkey) n JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = n)::text[] AS to_cols
         FROM pg_constraint k JOIN pg_class cf ON cf.oid = k.conrelid JOIN pg_class ct ON ct.oid = k.confrelid WHERE k.contype = 'f'`,
    );
    expect(fks.length).toBeGreaterThan(0);
    for (const fk of fks) {
      const from = CITUS_DISTRIBUTED[fk.from_t];
      const to = CITUS_DISTRIBUTED[fk.to_t];
      if (to) {
        expect(from, `${fk.from_t} → ${fk.to_t}: a reference table cannot point at a distributed one`).toBeDefined();
        expect(fk.from_cols.indexOf(from), `${fk.from_t} → ${fk.to_t}`).toBe(fk.to_cols.indexOf(to));
      }
    }
  });

  it('keeps reference tables free of document-sized columns', async () => {
    // a reference table is copied to every node: none holds text of documents or sentences
    const cols = await t.store.query<{ tbl: string; col: string }>(
      `SELECT table_name AS tbl, column_name AS col FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ANY($1::text[]) AND column_name IN ('text', 'quote', 'tsv')`,
      [CITUS_REFERENCE],
    );
    expect(cols).toEqual([]);
  });
});
