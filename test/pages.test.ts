/**
 * The reader's general rules for pages (#16, "Documents"), each on a small page written for this
 * test (test/fixtures/pages): the title the page's headings agree on, the date from a <time>
 * element or a date line at the top of the body, page furniture removed by its markup or shape
 * and listed by `show --dropped` with its reason, bylines and picture credits out of the text.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInput } from '../src/ingest/read.js';
import { buildDocument } from '../src/ingest/document.js';
import { chooseTitle, readHtml } from '../src/ingest/html.js';
import { dateLine, labelLine } from '../src/ingest/structure.js';
import { createNlp } from '../src/nlp/nlp.js';
import { run } from '../src/cli/main.js';

const nlp = createNlp();
const dir = mkdtempSync(path.join(tmpdir(), 'statecraft-pages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function built(file: string) {
  const { docs, failures } = await readInput(path.join('test/fixtures/pages', file));
  expect(failures).toEqual([]);
  expect(docs).toHaveLength(1);
  return buildDocument(docs[0], nlp);
}
const reasonOf = (d: { dropped: { reason: string; text: string }[] }, text: string) => d.dropped.find((x) => x.text.includes(text))?.reason;

describe('title', () => {
  it('takes the headline the <h1> and <title> agree on over a teaser og:title', async () => {
    const d = await built('teaser-og-title.html');
    expect(d.title).toBe('Harbour Talks Resume in Valletta After a Two-Month Pause');
    expect(d.text).not.toContain('You Will Not Believe');
  });

  it('chooses by agreement, strips the site name from <title>, and ignores an <h1> no other source agrees with', () => {
    expect(chooseTitle({ h1: 'Ferry Line Reopens', og: 'Ferry Line Reopens', title: 'Ferry Line Reopens - Island Courier', site: 'Island Courier' })).toBe('Ferry Line Reopens');
    expect(chooseTitle({ h1: null, og: null, title: 'Ferry Line Reopens | Island Courier', site: 'Island Courier' })).toBe('Ferry Line Reopens');
    expect(chooseTitle({ h1: 'Island Courier', og: 'Ferry Line Reopens After Storm Repairs', title: 'Ferry Line Reopens After Storm Repairs', site: null })).toBe('Ferry Line Reopens After Storm Repairs');
    expect(chooseTitle({ h1: 'Island Courier', og: 'Ferry Line Reopens After Storm Repairs', title: null, site: null })).toBe('Ferry Line Reopens After Storm Repairs');
  });

  it('takes the headline above a plain page copy\'s date line, not the page\'s first headline-shaped line', async () => {
    const d = await built('head-and-credits.txt');
    expect(d.title).toBe('Baltic States Close Cod Grounds for a Third Year');
  });
});

describe('date', () => {
  it('reads a <time datetime> when the page has no date in its meta tags', async () => {
    expect((await built('teaser-og-title.html')).published).toBe('2024-03-05');
  });

  it('reads a date line at the top of the body when the page has neither', async () => {
    const d = await built('dated-in-body.html');
    expect(d.published).toBe('2023-11-14');
    expect(d.text).not.toMatch(/^November 14, 2023$/m);
    expect((await built('head-and-credits.txt')).published).toBe('2024-06-03');
  });

  it('tells a date line from a headline that holds a date', () => {
    expect(dateLine('April 29, 2025')?.date).toBe('2025-04-29');
    expect(dateLine('Rosa Teller | Friday, 7 March 2025 | Updated 9:10 am')).toEqual({ date: '2025-03-07', authors: ['Rosa Teller'] });
    expect(dateLine('By Rosa Teller · March 7, 2025')).toEqual({ date: '2025-03-07', authors: ['Rosa Teller'] });
    expect(dateLine('What Changed in Lisbon on March 7, 2025')).toBeNull();
    expect(dateLine('March 2025')).toBeNull(); // no day: not a publication date line
  });
});

describe('page furniture', () => {
  it('drops menus, breadcrumbs, section labels, dialogs, sidebars and footers, and lists each with its reason', async () => {
    const d = await built('furniture.html');
    for (const gone of ['small files on your device', 'Markets', 'Andes', 'TRADE', 'More from the region', 'Copper exports', 'Reprints by permission']) expect(d.text, gone).not.toContain(gone);
    expect(d.text).toMatch(/^Trade ministers of Bolivia/);
    expect(reasonOf(d, 'small files on your device')).toBe('dialog or banner');
    expect(reasonOf(d, 'Front page Region Markets Ideas')).toBe('navigation');
    expect(reasonOf(d, 'Front page › Region › Andes')).toBe('links');
    expect(reasonOf(d, 'TRADE | HEALTH | ANDES')).toBe('links');
    expect(reasonOf(d, 'Copper exports slow in Chile A new bridge')).toBe('sidebar');
    expect(reasonOf(d, 'Reprints by permission')).toBe('footer');
  });

  it('drops what lies above a plain copy\'s headline and its section label line', async () => {
    const d = await built('head-and-credits.txt');
    expect(d.text).toMatch(/^Estonia, Latvia and Lithuania/);
    expect(reasonOf(d, 'Sections')).toBe('above the headline');
    expect(reasonOf(d, 'EUROPE | FISHERIES')).toBe('section label');
  });

  it('knows a label line by its shape', () => {
    expect(labelLine('WORLD | TRADE | SECURITY')).toBe(true);
    expect(labelLine('Home › Europe › Baltic States')).toBe(true);
    expect(labelLine('Vilnius | The talks went on past midnight, officials said.')).toBe(false);
    expect(labelLine('Fisheries')).toBe(false);
  });
});

describe('bylines and captions', () => {
  it('keeps the author of a "By NAME" line or a "NAME, Agency" line, and the line leaves the text', async () => {
    const html = await built('furniture.html');
    expect(html.authors).toEqual(['Lucía Ferreyra-Dahl']);
    expect(html.text).not.toContain('By Lucía');
    expect(reasonOf(html, 'By Lucía Ferreyra-Dahl')).toBe('byline');
    const txt = await built('head-and-credits.txt');
    expect(txt.authors).toEqual(['Marta Kivi']);
    expect(txt.text).not.toContain('Coastline Wire');
    expect(reasonOf(txt, 'Marta Kivi, Coastline Wire')).toBe('byline');
  });

  it('drops a figure caption, a caption ending in a credit, and a bracketed photo credit', async () => {
    const html = await built('furniture.html');
    expect(html.text).not.toContain('pharmacy counter');
    expect(reasonOf(html, 'pharmacy counter')).toBe('caption');
    const txt = await built('head-and-credits.txt');
    expect(txt.text).not.toContain('Trawlers tied up');
    expect(reasonOf(txt, 'Trawlers tied up')).toBe('caption');
    // a sentence that merely mentions a photograph is prose
    expect(txt.text).toContain('Poland and Sweden');
  });

  it('reads the whole page when its only text is inside what looks like furniture', () => {
    const r = readHtml('<html><body><aside><p>Fishing boats in Gdańsk stayed in port on Friday as a storm crossed the southern Baltic, and the harbour master said the ferries to Sweden would not sail before Sunday.</p></aside></body></html>', 'x.html');
    expect(r.text).toContain('Fishing boats in Gdańsk');
  });
});

describe('statecraft show --dropped', () => {
  it('lists what the reader removed from an HTML page, and a Markdown file\'s byline', async () => {
    const db = path.join(dir, 'db');
    const out: string[] = [];
    const cli = async (...args: string[]) => {
      out.length = 0;
      const code = await run(['node', 'statecraft', ...args], { out: (s) => out.push(s), err: (s) => out.push(s) });
      return { code, out: out.join('\n') };
    };
    expect((await cli('ingest', '--db', db, 'test/fixtures/pages/furniture.html', 'samples/corpus/2024-06-19-pyongyang-treaty.md')).code).toBe(0);
    const docs = JSON.parse((await cli('docs', '--db', db, '--format', 'json')).out) as { id: string; title: string }[];
    const page = docs.find((d) => /Andean/.test(d.title))!;
    const shown = (await cli('show', '--db', db, '--dropped', page.id)).out;
    const list = shown.split('--- dropped ---')[1];
    expect(list).toMatch(/^\[navigation\] Front page Region Markets Ideas$/m);
    expect(list).toMatch(/^\[dialog or banner\] We and our partners/m);
    expect(list).toMatch(/^\[footer\] Cordillera Review, 2025/m);
    expect(list).toMatch(/^\[caption\] A pharmacy counter/m);
    const md = docs.find((d) => /Pact/.test(d.title))!;
    const mdShown = (await cli('show', '--db', db, '--dropped', md.id)).out;
    expect(mdShown.split('--- dropped ---')[1]).toMatch(/\[byline\] By Hana Lindqvist/);
  });
});
