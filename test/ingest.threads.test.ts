/**
 * #15: `statecraft ingest --threads 2` (extraction in two worker threads, one writer) stores
 * exactly what `--threads 1 --doc-timeout 0 --doc-memory 0` (all in process) stores, and prints the same lines in the same order, failures
 * included. Runs the compiled CLI (worker threads load compiled JavaScript).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCli, runCli } from './support/processes.js';

const dir = mkdtempSync(path.join(tmpdir(), 'statecraft-threads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const INPUTS = ['samples/corpus', 'samples/bad', 'test/golden/news/reports-A.jsonl'];

describe('ingest --threads', () => {
  it('2 threads store the same documents, events, claims and flows as 1, with the same lines', async () => {
    const entry = await buildCli();
    const root = process.cwd();
    const runs = [];
    for (const n of [1, 2]) {
      const db = path.join(dir, `db${n}`);
      const how = n === 1 ? ['--threads', '1', '--doc-timeout', '0', '--doc-memory', '0'] : ['--threads', String(n)];
      const r = await runCli(entry, ['ingest', '--db', db, ...how, ...INPUTS.map((p) => path.join(root, p))]);
      const out = path.join(dir, `export${n}.jsonl`);
      const ex = await runCli(entry, ['export', '--db', db, '--out', out]);
      expect(ex.code).toBe(0);
      runs.push({ r, records: readFileSync(out, 'utf8').trim().split('\n').filter((l) => !l.includes('"type":"meta"')) });
    }
    const [one, two] = runs;
    expect(one.r.code).toBe(1); // samples/bad holds failures
    const lines = (s: string) => s.trim().split('\n').slice(0, -1); // all but the summary's timing
    expect(lines(two.r.out)).toEqual(lines(one.r.out));
    expect(two.r.out.split('\n').at(-1)!.replace(/\(.*\)/, '')).toBe(one.r.out.split('\n').at(-1)!.replace(/\(.*\)/, ''));
    const errs = (s: string) => s.split('\n').filter((l) => /E\d{3}/.test(l));
    expect(errs(two.r.err)).toEqual(errs(one.r.err));
    expect(errs(one.r.err).length).toBeGreaterThan(0);
    const kinds = (rs: string[]) => rs.reduce<Record<string, number>>((m, l) => ((m[JSON.parse(l).type] = (m[JSON.parse(l).type] ?? 0) + 1), m), {});
    expect(kinds(one.records)).toMatchObject({ document: expect.any(Number), event: expect.any(Number), claim: expect.any(Number), flow: expect.any(Number) });
    expect(two.records).toEqual(one.records);
  }, 300_000);
});
