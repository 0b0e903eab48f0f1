/** Smaller failures of #14, each reproduced: E110 for files, whitespace-only feeds, one line per failure, no password printed. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StatecraftError } from '../src/core/errors.js';
import { readInput } from '../src/ingest/read.js';
import { openStore, redactLocation } from '../src/store/store.js';

const dir = mkdtempSync(path.join(tmpdir(), 'statecraft-edges-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('reading', () => {
  it('a .json or .log file is E110 whatever --stdin-format says (it applies to stdin only)', async () => {
    for (const name of ['data.json', 'server.log', 'README']) {
      const r = await readInput(file(name, 'Russia and China signed a treaty.'), { format: 'txt' });
      expect(r.docs).toEqual([]);
      expect(r.failures.map((f) => f.code)).toEqual(['E110']);
    }
  });

  it('a whitespace-only JSONL or CSV file is one E102 line, not silence or a line per row', async () => {
    const ws = ' \n\t\n'.repeat(150);
    for (const name of ['empty.jsonl', 'empty.csv']) {
      const r = await readInput(file(name, ws));
      expect(r.docs).toEqual([]);
      expect(r.failures.map((f) => f.describe())).toEqual([`${path.join(dir, name)}: E102 empty document (no text after cleaning): the feed holds no rows`]);
    }
  });

  it('a newline in a file name cannot forge a second failure line', () => {
    const e = new StatecraftError('E102', undefined, { file: 'evil\nok.txt: E999 forged' });
    expect(e.describe()).toBe('evil\\nok.txt: E999 forged: E102 empty document (no text after cleaning)');
    expect(e.describe()).not.toContain('\n');
  });
});

describe('connection errors', () => {
  it('never print the database password', async () => {
    expect(redactLocation('postgres://alice:s3cr%40t@db.example:5432/x')).toBe('postgres://alice:***@db.example:5432/x');
    const e = await openStore('postgres://alice:hunter2pw@127.0.0.1:1/nothing').catch((x) => x);
    expect(e).toBeInstanceOf(StatecraftError);
    expect(e.code).toBe('E201');
    expect(e.describe()).not.toContain('hunter2pw');
    expect(e.describe()).toContain('postgres://alice:***@127.0.0.1:1/nothing');
  });
});
