/**
 * Ingest reports progress as it goes (#16): with output to a pipe (logs, CI) each document's
 * line comes as it is stored, not all at the end, and a new store is announced before the
 * seconds its creation takes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCli, startCli, until } from './support/processes.js';

const dir = mkdtempSync(path.join(tmpdir(), 'statecraft-progress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ingest progress when output is not a terminal', () => {
  it('announces a new store and prints each document as it is stored', async () => {
    const entry = await buildCli();
    const run = startCli(entry, ['ingest', '--db', path.join(dir, 'db'), 'samples/corpus', 'samples/bad/empty.txt']);
    let exited = false;
    void run.done.then(() => (exited = true));
    await until('the new store announced', () => /creating a new store in .*db/.test(run.err()), 60_000);
    expect(run.out()).toBe('');
    await until('the first stored line', () => /^stored {5}d_/m.test(run.out()), 120_000);
    // the first document is out while the rest are still being read: the summary is not
    const early = run.out();
    expect(early).not.toMatch(/\d+ stored, \d+ unchanged, \d+ failed/);
    expect(exited).toBe(false);
    const r = await run.done;
    expect(r.code).toBe(1);
    const stored = r.out.split('\n').filter((l) => l.startsWith('stored '));
    expect(stored.length).toBe(20);
    expect(stored.length).toBeGreaterThan(early.split('\n').filter((l) => l.startsWith('stored ')).length);
    expect(r.err).toMatch(/empty\.txt: E102/);
    expect(r.out.trim().split('\n').at(-1)).toMatch(/^20 stored, 0 unchanged, 1 failed/);
  });
});
