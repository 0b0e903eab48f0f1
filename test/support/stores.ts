/**
 * Store factories for the shared suites: embedded PGlite in a temp dir, and a fresh
 * database on the PostgreSQL server (dropped afterwards). The server leg skips, with a
 * printed reason, only where no server answers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { scratchDatabase } from '../../src/store/scratch.js';
import { openStore, type Store } from '../../src/store/store.js';

export const PG_ADMIN_URL = process.env.STATECRAFT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestStore {
  store: Store;
  location: string;
  dispose(): Promise<void>;
}

export async function pgliteStore(): Promise<TestStore> {
  const dir = mkdtempSync(path.join(tmpdir(), 'statecraft-test-'));
  const store = await openStore(dir);
  return {
    store,
    location: dir,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let serverChecked: Promise<string | null> | null = null;
/** null when the server answers, else the reason it does not */
export function serverUnavailable(): Promise<string | null> {
  serverChecked ??= (async () => {
    const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
    try {
      await c.connect();
      await c.query('SELECT 1');
      return null;
    } catch (e) {
      return `no PostgreSQL server at ${PG_ADMIN_URL}: ${(e as Error).message}`;
    } finally {
      await c.end().catch(() => undefined);
    }
  })();
  return serverChecked;
}

export async function postgresStore(): Promise<TestStore> {
  const db = await scratchDatabase(PG_ADMIN_URL, 'statecraft_t');
  const store = await openStore(db.url);
  return {
    store,
    location: db.url,
    async dispose() {
      await store.close();
      await db.drop();
    },
  };
}
