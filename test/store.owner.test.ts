/**
 * One owner per embedded store (#14), with real processes: the lock file, two ingests at once,
 * ingest beside serve (the documents go through the server), kill -9 of the holder.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLock, LOCK_FILE, processStart, StoreBusyError, type LockInfo } from '../src/store/lock.js';
import { openStore } from '../src/store/store.js';
import { buildCli, feed, runCli, startCli, until, type Running } from './support/processes.js';

const dir = mkdtempSync(path.join(tmpdir(), 'statecraft-owner-'));
let cli: string;
const children: Running[] = [];

/** an empty, migrated store made once: each test copies it instead of paying for initdb again */
const template = path.join(dir, 'template');
beforeAll(async () => {
  const [entry, store] = await Promise.all([buildCli(), openStore(template)]);
  cli = entry;
  await store.close();
});

function freshDb(name: string): string {
  const db = path.join(dir, name);
  cpSync(template, db, { recursive: true });
  return db;
}
afterAll(() => {
  for (const c of children) if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function writeFeed(name: string, tag: string, n: number): string {
  const f = path.join(dir, name);
  writeFileSync(f, feed(tag, n));
  return f;
}

function readLockFile(db: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(path.join(db, LOCK_FILE), 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

/** documents, and rows that point to no document (there must be none) */
async function inspect(db: string): Promise<{ docs: number; titles: string[]; orphans: number }> {
  const store = await openStore(db);
  try {
    const titles = (await store.query<{ title: string }>('SELECT title FROM documents ORDER BY title')).map((r) => r.title);
    const [{ n }] = await store.query<{ n: number }>(
      `SELECT ((SELECT count(*) FROM sentences s WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = s.doc_id))
             + (SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = e.doc_id))
             + (SELECT count(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = m.doc_id)))::int AS n`,
    );
    const dup = await store.query<{ n: number }>('SELECT count(*)::int AS n FROM (SELECT id FROM documents GROUP BY id HAVING count(*) > 1) x');
    expect(dup[0].n).toBe(0);
    return { docs: titles.length, titles, orphans: n };
  } finally {
    await store.close();
  }
}

/** a pid that is certainly dead: a child that has exited */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

const storedCount = (out: string) => Number(/^(\d+) stored, (\d+) unchanged, (\d+) failed/m.exec(out)?.[1] ?? NaN);

describe('the lock file', () => {
  it('records the holder (pid, host, start, command), is private to the user, and is removed on release', async () => {
    const db = mkdtempSync(path.join(dir, 'lock-'));
    const lock = await acquireLock(db, { command: 'statecraft ingest x' });
    const info = readLockFile(db)!;
    expect(info).toMatchObject({ pid: process.pid, host: hostname(), command: 'statecraft ingest x' });
    expect(Date.parse(info.since)).toBeGreaterThan(Date.now() - 60_000);
    expect(statSync(path.join(db, LOCK_FILE)).mode & 0o777).toBe(0o600);
    lock.release();
    expect(existsSync(path.join(db, LOCK_FILE))).toBe(false);
  });

  it('takes over a lock whose pid is dead on this host, or whose pid now belongs to a later process', async () => {
    const db = mkdtempSync(path.join(dir, 'stale-'));
    const stale: LockInfo = { pid: deadPid(), host: hostname(), since: '2020-01-01T00:00:00.000Z', command: 'statecraft ingest old', procStart: 1, nonce: 'dead' };
    writeFileSync(path.join(db, LOCK_FILE), JSON.stringify(stale));
    const lock = await acquireLock(db);
    expect(readLockFile(db)!.pid).toBe(process.pid);
    lock.release();
    // a live pid (our parent) whose start time is not the one recorded: the pid was reused
    const reused: LockInfo = { ...stale, pid: process.ppid, procStart: (processStart(process.ppid) ?? 0) + 12345 };
    writeFileSync(path.join(db, LOCK_FILE), JSON.stringify(reused));
    (await acquireLock(db)).release();
  });

  it('refuses while the holder lives, naming pid, command and since when; a lock from another host is never taken over', async () => {
    const db = mkdtempSync(path.join(dir, 'live-'));
    const live: LockInfo = { pid: process.ppid, host: hostname(), since: '2025-01-02T03:04:05.000Z', command: 'statecraft ingest big/', procStart: processStart(process.ppid), nonce: 'x' };
    writeFileSync(path.join(db, LOCK_FILE), JSON.stringify(live));
    const e = await acquireLock(db).catch((x) => x);
    expect(e).toBeInstanceOf(StoreBusyError);
    expect(e.code).toBe('E203');
    expect(e.describe()).toContain(`pid ${process.ppid}`);
    expect(e.describe()).toContain('statecraft ingest big/');
    expect(e.describe()).toContain('2025-01-02T03:04:05.000Z');
    writeFileSync(path.join(db, LOCK_FILE), JSON.stringify({ ...live, pid: deadPid(), host: 'elsewhere.example' }));
    const other = await acquireLock(db).catch((x) => x);
    expect(other).toBeInstanceOf(StoreBusyError);
    expect(other.describe()).toMatch(/on elsewhere\.example.*another host/);
  });
});

describe('two processes, one embedded store', () => {
  it('a second ingest while the first holds the store is refused with E203 naming the holder; nothing is lost and the store opens', async () => {
    const db = freshDb('two');
    const big = writeFeed('two-a.jsonl', 'Alpha', 40);
    const small = writeFeed('two-b.jsonl', 'Beta', 20);
    const a = startCli(cli, ['ingest', '--db', db, '--json', big]);
    children.push(a);
    const seen = await until('the first ingest to take the lock', () => readLockFile(db));
    expect(seen.pid).toBe(a.child.pid);
    const b = await runCli(cli, ['ingest', '--db', db, small]);
    expect(b.code, `second: ${b.err}${b.out}\nfirst: ${a.err()}\nseen: ${JSON.stringify(seen)}`).toBe(2);
    expect(b.err).toMatch(/E203 store in use: .* is held by pid \d+ on .*`statecraft ingest --db .*two-a\.jsonl`, since \d{4}-/);
    expect(b.err).toContain(`pid ${a.child.pid}`);
    const ra = await a.done;
    expect(ra.code).toBe(0);
    expect(JSON.parse(ra.out).stored).toHaveLength(40);
    expect(existsSync(path.join(db, LOCK_FILE))).toBe(false);
    // the refused one, run again, stores everything
    const again = await runCli(cli, ['ingest', '--db', db, small]);
    expect(again.code).toBe(0);
    expect(storedCount(again.out)).toBe(20);
    const s = await inspect(db);
    expect(s.docs).toBe(60);
    expect(s.orphans).toBe(0);
  });

  it('three ingests started together: each stores all or is refused; the store holds exactly what was reported stored', async () => {
    const db = freshDb('three');
    const files = ['Gamma', 'Delta', 'Epsilon'].map((t) => writeFeed(`three-${t}.jsonl`, t, 25));
    const runs = await Promise.all(files.map((f) => runCli(cli, ['ingest', '--db', db, f])));
    let stored = 0;
    for (const r of runs) {
      if (r.code === 0) stored += storedCount(r.out);
      else {
        expect(r.code).toBe(2);
        expect(r.err).toMatch(/E203 store in use: .* is held by pid \d+/);
      }
    }
    expect(runs.some((r) => r.code === 0)).toBe(true);
    const s = await inspect(db);
    expect(s.docs).toBe(stored);
    expect(s.orphans).toBe(0);
  });
});

describe('ingest beside serve', () => {
  it('goes through the running server: the documents are visible in its API, and readers are told who holds the store', async () => {
    const db = freshDb('served');
    const serve = startCli(cli, ['serve', '--db', db, '--port', '0']);
    children.push(serve);
    // start the ingest as soon as the server holds the store, before it listens: the ingest waits for its address
    await until('serve to take the lock', () => readLockFile(db), 60_000);
    const f = writeFeed('served.jsonl', 'Zeta', 30);
    const r = await runCli(cli, ['ingest', '--db', db, f]);
    expect(r.err, serve.err()).toMatch(/held by `statecraft serve` \(pid \d+\); sending the documents through it at http:\/\/127\.0\.0\.1:\d+/);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^30 stored, 0 unchanged, 0 failed/m);
    expect(r.out).toMatch(/^stored {5}d_[0-9a-f]{20} {2}Zeta report 0 /m);
    const lock = readLockFile(db)!;
    expect(lock.pid).toBe(serve.child.pid);
    expect(lock.api!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(statSync(path.join(db, LOCK_FILE)).mode & 0o777).toBe(0o600);
    const list = await (await fetch(`${lock.api!.url}/api/documents?limit=1000`)).json();
    expect(list.total).toBe(30);
    expect(list.items.map((d: { title: string }) => d.title)).toContain('Zeta report 29');
    // once more: unchanged, as a local ingest says
    const again = await runCli(cli, ['ingest', '--db', db, '--json', f]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out).unchanged).toHaveLength(30);
    // the route needs the lock's token
    const denied = await fetch(`${lock.api!.url}/api/ingest`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer nope' }, body: '{"documents":[]}' });
    expect(denied.status).toBe(401);
    // a reader cannot open the store beside the server: a clear error naming it
    const docs = await runCli(cli, ['docs', '--db', db]);
    expect(docs.code).toBe(2);
    expect(docs.err).toMatch(new RegExp(`E203 store in use: .* is held by pid ${serve.child.pid} .*\`statecraft serve --db .*, serving http://127\\.0\\.0\\.1:\\d+.*its API is at`));
    serve.child.kill('SIGTERM');
    const end = await serve.done;
    expect(end.code).toBe(0);
    expect(existsSync(path.join(db, LOCK_FILE))).toBe(false);
    const s = await inspect(db);
    expect(s.docs).toBe(30);
    expect(s.orphans).toBe(0);
  });
});

describe('kill -9 of the holder', () => {
  it('leaves a stale lock that the next owner takes over; the store opens with every stored document once', async () => {
    const db = freshDb('killed');
    // (enough documents that the ingest is still writing after 5 s on a quiet machine: 120 were done by then once ingest got faster)
    const big = writeFeed('killed-a.jsonl', 'Eta', 1000);
    const a = startCli(cli, ['ingest', '--db', db, big]);
    children.push(a);
    await until('the ingest to take the lock', () => readLockFile(db));
    // let it open the store, load the pipeline and write for a while, then kill it mid-ingest
    await new Promise((r) => setTimeout(r, 5000));
    expect(a.child.exitCode, a.err()).toBe(null);
    a.child.kill('SIGKILL');
    const ra = await a.done;
    expect(ra.signal).toBe('SIGKILL');
    expect(readLockFile(db)!.pid).toBe(a.child.pid); // left behind by the crash
    const small = writeFeed('killed-b.jsonl', 'Theta', 10);
    const b = await runCli(cli, ['ingest', '--db', db, small]);
    expect(b.err).not.toMatch(/E203/);
    expect(b.code).toBe(0);
    expect(storedCount(b.out)).toBe(10);
    const mid = await inspect(db);
    expect(mid.orphans).toBe(0);
    expect(mid.titles.filter((t) => t.startsWith('Theta'))).toHaveLength(10);
    // the rest of the killed run: what it stored is unchanged, the rest is stored now
    const rest = await runCli(cli, ['ingest', '--db', db, big]);
    expect(rest.code).toBe(0);
    const after = await inspect(db);
    expect(after.docs).toBe(1010);
    expect(after.orphans).toBe(0);
  });
});
