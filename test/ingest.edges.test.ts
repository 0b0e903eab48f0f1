/** Smaller failures of #14, each reproduced: E110 for files, whitespace-only feeds, one line per failure, no password printed. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StatecraftError } from '../src/core/errors.js';
import { flattenHtml, htmlDepth, MAX_HTML_DEPTH, readHtml } from '../src/ingest/html.js';
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

  it('a page of only scripts is E108 (it was stored as a 199-sentence document reading "x")', async () => {
    const page = file('scripts-only.html', `<html><head><title>Scripts</title></head><body>${'<script>var x = "x"; document.write(x);</script>'.repeat(199)}<noscript></noscript></body></html>`);
    const r = await readInput(page);
    expect(r.docs).toEqual([]);
    expect(r.failures.map((f) => f.code)).toEqual(['E108']);
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

describe('deep HTML (bounded work)', () => {
  const deep = (n: number) =>
    `<html><head><title>Deep page</title><meta property="og:site_name" content="Wire &amp; Co"></head><body>${'<div><span>'.repeat(n / 2)}<p>Russia and China signed a treaty in Beijing on Monday, officials said &amp; confirmed.</p><p>The agreement covers energy and trade for a decade.</p>${'</span></div>'.repeat(n / 2)}<script>var x = "<div>";</script></body></html>`;

  it('100,000 nested elements: read in well under 5 s, with the text and the meta tags kept', async () => {
    const t0 = performance.now();
    const doc = readHtml(deep(100_000), 'deep.html');
    const seconds = (performance.now() - t0) / 1000;
    expect(seconds).toBeLessThan(5);
    expect(doc.text).toBe('Russia and China signed a treaty in Beijing on Monday, officials said & confirmed.\n\nThe agreement covers energy and trade for a decade.');
    expect(doc.title).toBe('Deep page');
    expect(doc.source).toBe('Wire & Co');
  });

  it('measures depth in one pass and leaves ordinary pages to the DOM and Readability', () => {
    expect(htmlDepth('<html><body><div><p>a<p>b<br><img src=x><ul><li>c<li>d</ul></div></body></html>')).toBe(4);
    expect(htmlDepth(deep(2000))).toBeGreaterThan(MAX_HTML_DEPTH);
    const flat = flattenHtml('<html><head><title>T</title></head><body><div>One <b>bold</b> line</div><!-- <div> --><style>p{}</style><p>Two</p></body></html>');
    expect(flat).toBe('<!doctype html><html><head><title>T</title></head><body><p>One bold line</p>\n<p>Two</p></body></html>');
  });
});
