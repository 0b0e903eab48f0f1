/**
 * #15 the queue of workers on PostgreSQL (pg-boss): `ingest --queue` enqueues, two real
 * `statecraft worker` processes store every document once between them; a worker killed with
 * SIGKILL mid-run leaves nothing half stored, and after a restart every document is stored once;
 * a document that fails every try is a dead letter that `jobs` lists and `jobs --retry` sends back.
 * Each test on its own uniquely named database, dropped afterwards.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCli, feed, runCli, startCli, until } from './support/processes.js';
import { postgresStore, serverUnavailable, type TestStore } from './support/stores.js';

const dir = mkdtempSync(path.join(tmpdir(), 'statecraft-queue-'));
const opened: TestStore[] = [];
afterAll(async () => {
  for (const s of opened) await s.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const ROOT = process.cwd();
const n = async (t: TestStore, sql: string) => (await t.store.query<{ n: number }>(sql))[0].n;
const storedLines = (out: string) => out.split('\n').filter((l) => l.startsWith('stored ')).map((l) => l.split(/\s+/)[1]);

/** a fresh database with the feed (60 generated reports and the restated reports-A) and one document that cannot be stored, enqueued */
async function enqueued(tag: string, jobTimeout: number) {
  const t = await postgresStore();
  opened.push(t);
  const entry = await buildCli();
  const file = path.join(dir, `${tag}.jsonl`);
  writeFileSync(file, feed(tag, 60));
  const inputs = [file, path.join(ROOT, 'test/golden/news/reports-A.jsonl'), path.join(ROOT, 'samples/bad/whitespace.md')];
  const q = await runCli(entry, ['ingest', '--db', t.location, '--queue', '--retries', '1', '--retry-delay', '1', '--job-timeout', String(jobTimeout), ...inputs]);
  expect(q.code).toBe(0);
  const queued = Number(/^(\d+) queued, 0 failed/m.exec(q.out)?.[1]);
  expect(queued).toBeGreaterThan(100);
  return { t, entry, queued };
}

/** every job done; the documents are the queued ones less the one dead letter, each once, none without its sentences */
async function checkStoredOnce(t: TestStore, entry: string, queued: number) {
  expect(await n(t, `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'statecraft-ingest' AND state NOT IN ('completed', 'failed')`)).toBe(0);
  expect(await n(t, 'SELECT count(*)::int AS n FROM documents')).toBe(queued - 1);
  expect(await n(t, 'SELECT count(DISTINCT id)::int AS n FROM documents')).toBe(queued - 1);
  expect(await n(t, 'SELECT count(*)::int AS n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.doc_id = d.id)')).toBe(0);
  expect(await n(t, 'SELECT count(*)::int AS n FROM events e WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = e.doc_id)')).toBe(0);
  const jobs = await runCli(entry, ['jobs', '--db', t.location, '--json']);
  const r = JSON.parse(jobs.out) as { dead: { origin: string; message: string }[] };
  expect(r.dead).toHaveLength(1);
  expect(r.dead[0].origin).toMatch(/whitespace\.md$/);
  expect(r.dead[0].message).toMatch(/E102/);
}

describe('the job queue on PostgreSQL', () => {
  it('two worker processes store every document once between them; the dead letter is listed and retried', async (ctx) => {
    const why = await serverUnavailable();
    if (why) return ctx.skip(why);
    const { t, entry, queued } = await enqueued('two', 120);
    const workers = [0, 1].map(() => startCli(entry, ['worker', '--db', t.location, '--until-empty', '--batch', '10']));
    const done = await Promise.all(workers.map((w) => w.done));
    for (const d of done) expect(d.code, d.err).toBe(0);
    const [a, b] = done.map((d) => storedLines(d.out));
    // the work was shared, and no document was stored by both
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    expect(a.length + b.length).toBe(queued - 1);
    await checkStoredOnce(t, entry, queued);
    // the dead letter back on the queue: it fails again (its text is still empty) and is a dead letter again, once
    const retried = await runCli(entry, ['jobs', '--db', t.location, '--retry', '--retries', '0']);
    expect(retried.out).toMatch(/^1 dead letter sent back/m);
    const again = await runCli(entry, ['worker', '--db', t.location, '--until-empty']);
    expect(again.out).toMatch(/^0 stored, 0 unchanged, 1 failed/m);
    await checkStoredOnce(t, entry, queued);
  }, 600_000);

  it('a worker killed with SIGKILL mid-run: after a restart every document is stored once', async (ctx) => {
    const why = await serverUnavailable();
    if (why) return ctx.skip(why);
    const { t, entry, queued } = await enqueued('kill', 20);
    const first = startCli(entry, ['worker', '--db', t.location, '--batch', '5']);
    await until('the first worker storing', () => storedLines(first.out()).length >= 10, 300_000);
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    const before = await n(t, 'SELECT count(*)::int AS n FROM documents');
    expect(before).toBeLessThan(queued - 1);
    // its jobs still 'active' expire after --job-timeout (20 s) and are taken again by the restarted worker
    const second = await runCli(entry, ['worker', '--db', t.location, '--until-empty']);
    expect(second.code, second.err).toBe(0);
    await checkStoredOnce(t, entry, queued);
  }, 600_000);
});
