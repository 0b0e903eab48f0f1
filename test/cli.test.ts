/** The command line, in process: arguments, output and exit codes. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';

const dir = mkdtempSync(path.join(tmpdir(), 'statecraft-cli-'));
const db = path.join(dir, 'db');

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(['node', 'statecraft', ...args], { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('statecraft CLI', () => {
  it('ingests, names failures and exits 1 when anything failed', async () => {
    const r = await cli('ingest', '--db', db, 'samples/corpus/2024-06-19-pyongyang-treaty.md', 'samples/bad/empty.txt', 'samples/bad/good.txt');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/empty\.txt: E102/);
    expect(r.out).toMatch(/^2 stored, 0 unchanged, 1 failed/m);
    const again = await cli('ingest', '--db', db, '--json', 'samples/bad/good.txt');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out).unchanged).toHaveLength(1);
  });

  it('rejects a bad date with a clear message', async () => {
    const r = await cli('ingest', '--db', db, '--published', '13/09/2023', 'samples/bad/good.txt');
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/YYYY, YYYY-MM or YYYY-MM-DD/);
  });

  it('lists, shows, searches and exports', async () => {
    const docs = JSON.parse((await cli('docs', '--db', db, '--format', 'json')).out);
    expect(docs).toHaveLength(2);
    const treaty = docs.find((d: { title: string }) => /Pact/.test(d.title));
    const show = await cli('show', '--db', db, treaty.id.slice(0, 9));
    expect(show.out).toContain(`id: ${treaty.id}`);
    expect(show.out).toContain('authors: Hana Lindqvist');
    const search = await cli('search', '--db', db, 'treaty');
    expect(search.out).toMatch(/«[Tt]reaty»/);
    const out = path.join(dir, 'export.jsonl');
    const ex = await cli('export', '--db', db, '--out', out);
    expect(ex.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ type: 'meta', schema: 1 });
    expect(lines.filter((l) => l.type === 'document')).toHaveLength(2);
    const missing = await cli('show', '--db', db, 'd_nothing');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/E202/);
  });

  it('codes a sentence and explains why', async () => {
    const r = await cli('code', '--date', '2024-06-21', '--format', 'json', 'Putin visited Pyongyang on Wednesday.');
    const x = JSON.parse(r.out);
    const e = x.events.find((ev: { cameo: string }) => ev.cameo === '042');
    expect(e).toMatchObject({ source_country: 'RUS', target_country: 'PRK', date: '2024-06-19', modality: 'factual', form: 'clause' });
    expect(e.reason).toMatch(/visit/);
    const text = await cli('code', '--date', '2024-06-21', 'Putin visited Pyongyang on Wednesday.');
    expect(text.out).toMatch(/why: clause "visit" → 042/);
  });

  it('filters events and answers the records of later issues', async () => {
    const r = await cli('events', '--db', db, '--dyad', 'RUS,PRK', '--format', 'json');
    const { items } = JSON.parse(r.out);
    expect(items.length).toBeGreaterThan(0);
    for (const e of items) expect([e.source_country, e.target_country].sort()).toEqual(['PRK', 'RUS']);
    expect((await cli('events', '--db', db, '--dyad', 'RUS')).err).toMatch(/--dyad "RUS"/);
    expect((await cli('events', '--db', db, '--root', '42')).err).toMatch(/--root "42"/);
    const ag = JSON.parse((await cli('agreements', '--db', db, '--format', 'json')).out);
    expect(ag.items.some((a: { parties: string[] }) => a.parties.join() === 'PRK,RUS')).toBe(true);
    for (const cmd of ['claims', 'ledger', 'compliance', 'actors']) expect((await cli(cmd, '--db', db, '--format', 'csv')).code).toBe(0);
  });

  it('shows names first in its tables, CAMEO codes with their own labels (#16)', async () => {
    const ev = (await cli('events', '--db', db, '--dyad', 'Russia,North Korea')).out;
    expect(ev).toMatch(/Russia RUS|Vladimir Putin RUS|Government of Russia RUSGOV/);
    expect(ev).toMatch(/North Korea PRK|Kim Jong Un PRK|Government of North Korea PRKGOV/);
    expect(ev).toMatch(/\b042 make a visit/);
    const ag = (await cli('agreements', '--db', db)).out;
    expect(ag).toMatch(/North Korea PRK; Russia RUS/);
    const dy = (await cli('ledger', '--db', db, '--by-dyad')).out;
    expect(dy).toMatch(/^a\s+b\s+a_to_b/);
    expect(dy).toMatch(/North Korea PRK\s+Russia RUS|Russia RUS\s+North Korea PRK/);
    const actors = (await cli('actors', '--db', db)).out.split('\n');
    expect(actors[0]).toMatch(/^name\s+id/);
    const ru = JSON.parse((await cli('events', '--db', db, '--actor', 'Russian', '--format', 'json')).out);
    expect(ru.total).toBe(JSON.parse((await cli('events', '--db', db, '--actor', 'RUS', '--format', 'json')).out).total);
    const unknown = await cli('events', '--db', db, '--actor', 'Ruritania');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/E301 .*--actor "Ruritania": not a known actor or country/);
    const co = (await cli('compliance', '--db', db)).out;
    expect(co).not.toMatch(/\be_[0-9a-f]{8}/);
  });

  it('reprocesses stored documents without re-ingesting', async () => {
    const r = await cli('reprocess', '--db', db);
    expect(r.out).toMatch(/^reprocessed 2 documents/);
  });
});
