/**
 * What samples/README.md and samples/bad/README.md say about each sample holds (#16): formats,
 * dates, titles, authors, sections, the traps (Daniel Kim is not Kim Jong Un), the page
 * furniture that must go, and how each bad input is reported. A claim the code does not meet
 * yet is written as `it.fails` with the reason, so it is visible and flips when fixed (none now).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths, type IngestReport } from '../src/app/ingest.js';
import { createDefaultPipeline } from '../src/app/pipeline.js';
import { documentDetail } from '../src/query/detail.js';
import { getDocument, listDocuments } from '../src/query/documents.js';
import type { DocumentSummary } from '../src/core/types.js';
import { pgliteStore, type TestStore } from './support/stores.js';

let ts: TestStore;
let corpus: IngestReport;
let bad: IngestReport;
let docs: DocumentSummary[];
const byFile = (name: string) => docs.filter((d) => d.origin.split('/').pop()!.split('#')[0] === name);
const one = (name: string) => {
  const d = byFile(name);
  expect(d, name).toHaveLength(1);
  return d[0];
};

beforeAll(async () => {
  ts = await pgliteStore();
  const pipeline = await createDefaultPipeline();
  corpus = await ingestPaths(ts.store, pipeline, ['samples/corpus']);
  bad = await ingestPaths(ts.store, pipeline, ['samples/bad']);
  docs = (await listDocuments(ts.store, { limit: 1000 })).items;
});
afterAll(async () => ts?.dispose());

describe('samples/README.md: corpus/', () => {
  it('holds 20 articles in 15 files, each stored', () => {
    expect(readFileSync('samples/README.md', 'utf8')).toMatch(/## corpus\/ \(20 articles in 15 files\)/);
    expect(corpus.failed).toEqual([]);
    expect(corpus.stored).toHaveLength(20);
    const files = new Set(docs.filter((d) => d.origin.includes('corpus/')).map((d) => d.origin.replace(/#.*$/, '')));
    expect([...files].sort()).toHaveLength(15);
  });

  it('dates every file as its table row says', () => {
    const rows = [...readFileSync('samples/README.md', 'utf8').matchAll(/^\| `corpus\/([^`]+)` \| [^|]+ \| ([^|]+) \|/gm)];
    expect(rows.length).toBe(15);
    for (const [, file, date] of rows) {
      if (file.startsWith('2025-04-29-raw-page-copy')) continue; // its date is in the body: see below
      const want = [...date.matchAll(/\d{4}-\d{2}-\d{2}/g)].map((m) => m[0]).sort();
      expect(byFile(file).map((d) => d.published).sort(), file).toEqual(want);
    }
  });

  it('reads front matter, a byline in the body and multi-author lists', () => {
    expect(one('2023-09-13-vostochny-summit.txt').authors).toEqual(['Daniel Kim', 'Anneliese Voss']);
    expect(one('2024-06-19-pyongyang-treaty.md').authors).toEqual(['Hana Lindqvist']);
    expect(one('2024-10-18-nis-troops-report.md').authors).toEqual(['Daniel Kim']);
    expect(one('2019-04-25-vladivostok-summit.txt').authors).toEqual(['Mara Ostrovsky']);
  });

  it('keeps the traps apart: Daniel Kim is not Kim Jong Un, Vladimir Halloran is not Putin', async () => {
    for (const file of ['2023-09-13-vostochny-summit.txt', '2023-07-27-shoigu-pyongyang.txt']) {
      const d = (await documentDetail(ts.store, one(file).id))!;
      for (const m of d.mentions) {
        if (/Daniel Kim/.test(m.text)) expect(m.actor, m.text).not.toBe('person:kim-jong-un');
        if (/Halloran/.test(m.text)) expect(m.actor, m.text).not.toBe('person:vladimir-putin');
      }
    }
  });

  it('makes the think-tank layout structure: three sections, each with its own author', async () => {
    const d = (await getDocument(ts.store, one('2024-12-12-meridian-three-views-treaty.txt').id))!;
    expect(d.sections).toHaveLength(3);
    for (const s of d.sections) expect(s.authors.length).toBe(1);
    // the bylines are upper case ("By DANIEL KIM"); names are stored as written
    expect(new Set(d.sections.map((s) => s.authors[0].toLowerCase()))).toEqual(new Set(['daniel kim', 'vladimir halloran', 'mara ostrovsky']));
  });

  it('reads saved HTML pages from their meta tags and drops the page around the article', async () => {
    const a = (await getDocument(ts.store, one('2024-01-04-nk-missiles-ukraine.html').id))!;
    expect(a.source).toBe('Eurasia Wire');
    expect(a.authors.length).toBeGreaterThan(0);
    expect(a.text).not.toMatch(/cookie|newsletter|subscribe/i);
    const b = one('2024-10-26-israel-strikes-iran.html');
    expect(b.source).toBe('Gulf & Levant Bulletin');
    expect(b.published).toBe('2024-10-26');
  });

  it('reads 4 JSONL records and 3 CSV rows, with quoted titles intact', () => {
    expect(byFile('2023-2025-mixed-wire.jsonl')).toHaveLength(4);
    const csv = byFile('2024-2025-trade-and-strait.csv');
    expect(csv).toHaveLength(3);
    expect(csv.some((d) => d.title?.includes('"Punishment"'))).toBe(true);
  });

  it('strips the raw page copy: calls to action, teasers, the comment policy, the duplicated first paragraph', async () => {
    const d = (await getDocument(ts.store, one('2025-04-29-raw-page-copy-kursk-confirmation.txt').id))!;
    for (const furniture of ['Sign Up', 'Log In', 'Read More', 'Comments are reviewed', 'Get the Crossroads Weekly', 'The Drone Factories']) expect(d.text, furniture).not.toContain(furniture);
    expect(d.text.split('North Korea on Monday publicly acknowledged').length - 1).toBe(1);
    expect(d.authors).toEqual(['Elena Brandt-Yoon']);
  });

  // #16, "Documents": the raw page copy's head (headline, date line, byline) is read by its shape
  it('finds the raw page copy\'s date in its body (2025-04-29)', () => {
    expect(one('2025-04-29-raw-page-copy-kursk-confirmation.txt').published).toBe('2025-04-29');
  });
  it('takes the raw page copy\'s headline, not a teaser, as its title', () => {
    expect(one('2025-04-29-raw-page-copy-kursk-confirmation.txt').title).toBe('Pyongyang Finally Admits What Everyone Knew: Its Soldiers Fought in Kursk');
  });
  it('drops the raw page copy\'s menu and section line', async () => {
    const d = (await getDocument(ts.store, one('2025-04-29-raw-page-copy-kursk-confirmation.txt').id))!;
    expect(d.text).not.toMatch(/ASIA \| RUSSIA \| SECURITY|^Menu$/m);
  });
});

describe('samples/bad/README.md', () => {
  const failure = (file: string) => bad.failed.filter((f) => f.origin.endsWith(file));
  it('rejects binary, empty, whitespace-only and Latin-1 files with a reason each', () => {
    expect(failure('binary.txt').map((f) => f.code)).toEqual(['E101']);
    expect(failure('empty.txt').map((f) => f.code)).toEqual(['E102']);
    expect(failure('whitespace.md').map((f) => f.code)).toEqual(['E102']);
    expect(failure('latin1.txt').map((f) => f.code)).toEqual(['E104']);
  });

  it('stores the two valid lines of broken.jsonl and names line 2', () => {
    expect(bad.stored.filter((s) => s.origin.includes('broken.jsonl'))).toHaveLength(2);
    const f = failure('broken.jsonl');
    expect(f.map((x) => x.code)).toEqual(['E105']);
    expect(f[0].line).toMatch(/broken\.jsonl:line 2: E105/);
  });

  it('reads broken.html leniently without its script, and stores good.txt', async () => {
    const html = bad.stored.find((s) => s.origin.endsWith('broken.html'));
    expect(html).toBeTruthy();
    const d = (await getDocument(ts.store, html!.id))!;
    expect(d.text).not.toMatch(/alert\(1\)/);
    expect(d.published).toBe('2023-02-18');
    expect(bad.stored.some((s) => s.origin.endsWith('good.txt'))).toBe(true);
  });
});
