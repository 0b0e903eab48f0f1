/**
 * One store interface, two drivers: embedded PGlite (a directory) and a PostgreSQL
 * server (postgres:// URL). The SQL above this file is the same for both.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { StatecraftError } from '../core/errors.js';
import { acquireLock } from './lock.js';
import { migrate } from './migrations.js';
import type { Store } from './types.js';

export type { Queryable, Store } from './types.js';
export { LOCK_FILE, StoreBusyError, describeHolder, lockHolder, type LockInfo } from './lock.js';

export interface OpenOptions {
  migrate?: boolean;
  /** embedded store: the holder's role recorded in the lock (`serve` advertises its address later) */
  role?: 'serve';
  /** embedded store held by a `serve` that is still starting: wait this long for it to say where it listens */
  waitForServeMs?: number;
}

/** `--db` value, else $STATECRAFT_DB, else ./.statecraft */
export function resolveLocation(db?: string): string {
  return db || process.env.STATECRAFT_DB || './.statecraft';
}

export function isServerUrl(loc: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(loc);
}

/** a location fit to print: a postgres:// URL without its password */
export function redactLocation(location: string): string {
  return location.replace(/^(postgres(?:ql)?:\/\/[^:@/]*):[^@/]*@/i, '$1:***@');
}

function wrap(e: unknown, location: string): never {
  if (e instanceof StatecraftError) throw e;
  const shown = redactLocation(location);
  // drivers may echo the connection string: never print the password
  const pw = /^postgres(?:ql)?:\/\/[^:@/]*:([^@/]+)@/i.exec(location)?.[1];
  let message = `${(e as Error).message ?? e}`;
  if (pw) {
    let plain = pw;
    try {
      plain = decodeURIComponent(pw);
    } catch {
      /* not percent-encoded */
    }
    message = message.split(pw).join('***').split(plain).join('***');
  }
  throw new StatecraftError('E201', message, { file: shown });
}

/** the compiled thread that lays out a fresh store (absent when running from the TypeScript sources, as vitest does) */
const INITDB = new URL('./initdb-worker.js', import.meta.url);

/**
 * A fresh store's files made in a thread that then ends (src/store/initdb-worker.ts): the peak of
 * an ingest into a new store without the ~450 MB initdb leaves held (#15). From the sources, or a
 * store already laid out, nothing is done here and PGlite lays it out as it opens it.
 */
async function layOutFresh(dir: string): Promise<void> {
  if (existsSync(path.join(dir, 'PG_VERSION')) || INITDB.protocol !== 'file:' || !existsSync(fileURLToPath(INITDB))) return;
  await new Promise<void>((resolve, reject) => {
    const w = new Worker(INITDB, { workerData: { dir } });
    w.once('error', reject);
    w.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`laying out the store exited with code ${code}`))));
  });
}

async function openPglite(dir: string, opts: OpenOptions): Promise<Store> {
  const { PGlite } = await import('@electric-sql/pglite');
  const memory = dir === 'memory://';
  if (!memory) mkdirSync(dir, { recursive: true });
  // one owner per directory: taken before PGlite touches a file, released on close (a crash leaves it stale)
  const lock = memory ? null : await acquireLock(dir, { role: opts.role, waitForApiMs: opts.waitForServeMs });
  let db: InstanceType<typeof PGlite>;
  try {
    if (!memory) await layOutFresh(dir);
    db = await PGlite.create(memory ? undefined : dir);
  } catch (e) {
    lock?.release();
    throw e;
  }
  const q = (runner: { query: typeof db.query }) => async <T>(sql: string, params?: unknown[]) => {
    const r = await runner.query<T>(sql, params as unknown[]);
    return r.rows;
  };
  return {
    kind: 'pglite',
    location: dir,
    query: q(db),
    tx: (fn) => db.transaction((t) => fn({ query: q(t as unknown as { query: typeof db.query }) })),
    async close() {
      try {
        await db.close();
      } finally {
        lock?.release();
      }
    },
    advertise: lock ? (api) => lock.advertise(api) : undefined,
  };
}

async function openPostgres(url: string): Promise<Store> {
  const pg = (await import('pg')).default;
  // int8 and numeric come back as strings from pg; numbers from PGlite. Make them agree here, once.
  const types = {
    getTypeParser: (oid: number, format?: string) => {
      if (oid === 20 || oid === 1700) return (v: string) => (v === null ? null : Number(v));
      return pg.types.getTypeParser(oid, format as 'text');
    },
  };
  const pool = new pg.Pool({ connectionString: url, max: 4, types: types as never });
  pool.on('error', () => {
    /* idle client errors surface on the next query */
  });
  const q = (runner: { query: (s: string, p?: unknown[]) => Promise<{ rows: unknown[] }> }) => async <T>(sql: string, params?: unknown[]) =>
    (await runner.query(sql, params)).rows as T[];
  return {
    kind: 'postgres',
    location: url.replace(/\/\/[^@/]*@/, '//***@'),
    query: q(pool),
    async tx(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const r = await fn({ query: q(client) });
        await client.query('COMMIT');
        return r;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Open (and migrate) the store at `location`: a directory, `memory://`, or a postgres:// URL. */
export async function openStore(location?: string, opts: OpenOptions = {}): Promise<Store> {
  const loc = resolveLocation(location);
  let store: Store;
  try {
    store = isServerUrl(loc) ? await openPostgres(loc) : await openPglite(loc, opts);
  } catch (e) {
    wrap(e, loc);
  }
  if (opts.migrate !== false) {
    try {
      await migrate(store);
    } catch (e) {
      await store.close().catch(() => undefined);
      wrap(e, loc);
    }
  }
  return store;
}
