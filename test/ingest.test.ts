/** Ingest stages on inputs written for these tests. */
import { describe, expect, it } from 'vitest';
import { cleanBlocks, classify, normalizeText, toBlocks } from '../src/ingest/clean.js';
import { bioNames, cleanName, parseByline, structure } from '../src/ingest/structure.js';
import { decodeText, readCsv, readJsonl, splitFrontMatter, stripMarkdown } from '../src/ingest/read.js';
import { readHtml } from '../src/ingest/html.js';
import { toIsoDate } from '../src/ingest/dates.js';
import { buildDocument } from '../src/ingest/document.js';
import { createNlp } from '../src/nlp/nlp.js';
import { StatecraftError } from '../src/core/errors.js';

/** the one-line description of what `fn` throws */
function failure(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof StatecraftError ? e.describe() : String(e);
  }
  return 'no error';
}

const P = (n: number) =>
  `Paragraph ${n} of the story explains in plain words how the two governments reached a deal on grain exports after weeks of talks, and why observers think it matters for the region.`;

describe('normalisation', () => {
  it('folds line endings, invisible characters and odd spaces', () => {
    expect(normalizeText('A\u00a0b\r\nc\u200b d  e\n\n\n\nf\u00ad')).toBe('A b\nc d e\n\nf');
  });
});

describe('boilerplate removal', () => {
  it('keeps the article, drops teasers between separators, calls to action and a repeated paragraph', () => {
    const page = [
      'Markets slide as traders weigh new rules.', '|', 'A minister resigns after a week of protests.', '|',
      'Grain Deal Reached After Long Talks', 'Create a free account to keep reading', 'Log In',
      P(1), P(1), P(2), P(3),
      'Mara Ostrovsky is a senior fellow at the Baltic Institute for Policy Studies.',
      'Already a subscriber? Log in.', 'View Comments', 'Read More',
      'Another story about a different topic ends here with a teaser.', '|', 'Sign up for the Daily Brief',
    ].join('\n');
    const r = cleanBlocks(toBlocks(normalizeText(page)));
    const kept = r.kept.map((b) => b.text);
    expect(kept).toEqual([P(1), P(2), P(3), 'Mara Ostrovsky is a senior fellow at the Baltic Institute for Policy Studies.']);
    expect(r.title).toBe('Grain Deal Reached After Long Talks');
    expect(r.dropped.some((d) => d.reason === 'repeated paragraph')).toBe(true);
  });

  it('keeps a short wire item whole', () => {
    const r = cleanBlocks(toBlocks('Japan protested to China on Monday.'));
    expect(r.kept.map((b) => b.text)).toEqual(['Japan protested to China on Monday.']);
  });

  it('classifies blocks by shape', () => {
    expect(classify('|')).toBe('sep');
    expect(classify('Subscribe to our newsletter')).toBe('cta');
    expect(classify('Photo: a wire service')).toBe('caption');
    expect(classify(P(1))).toBe('prose');
    expect(classify('Section Heading Here')).toBe('short');
  });

  it('joins hard-wrapped lines and splits runs of short lines', () => {
    const wrapped = 'This line is wrapped at about sixty characters as in mail\nand this line continues the same sentence to its end.';
    expect(toBlocks(wrapped)).toHaveLength(1);
    expect(toBlocks('Dana Moss\nSenior Fellow, Asia Program')).toHaveLength(2);
  });
});

describe('authors and sections', () => {
  it('parses bylines, bios and names without titles', () => {
    expect(parseByline('By Dr. Hana Lindqvist and Omar Haddad')).toEqual(['Hana Lindqvist', 'Omar Haddad']);
    expect(parseByline('By Jo Park, Director, Korea Program')).toEqual(['Jo Park']);
    expect(parseByline('By the numbers: what changed')).toBeNull();
    expect(bioNames('Lena Brandt is a research fellow at the Institute for Security Studies. Tom Reyes was an adviser.')).toEqual(['Lena Brandt', 'Tom Reyes']);
    expect(bioNames('Vladimir Putin is a former intelligence officer.')).toEqual([]);
    expect(cleanName('Prof. Ana María de la Cruz')).toBeNull();
    expect(cleanName('Amb. Daniel Kim')).toBe('Daniel Kim');
  });

  it('finds sections with their own bylines', () => {
    const blocks = cleanBlocks(toBlocks(normalizeText([
      'Three Views on the Pact', '',
      'Why Moscow Signed', '', 'By Ana Ruiz', 'Senior Fellow, Europe Program', '', P(1), '', P(2), '',
      'Why Beijing Hesitates', '', 'By Li Wen', 'Director, China Program', '', P(3), '', P(4),
    ].join('\n')))).kept;
    const st = structure(blocks, null);
    expect(st.title).toBe('Three Views on the Pact');
    expect(st.sections.map((s) => [s.title, s.authors])).toEqual([['Why Moscow Signed', ['Ana Ruiz']], ['Why Beijing Hesitates', ['Li Wen']]]);
    expect(st.authors).toEqual(['Ana Ruiz', 'Li Wen']);
  });

  it('builds a document whose spans index its text', () => {
    const nlp = createNlp();
    const d = buildDocument({ origin: 't', kind: 'plain', text: `Title Of The Piece\n\nBy Ana Ruiz\n\n${P(1)} ${P(2)}\n\n${P(3)}` }, nlp, { published: '2024-02-01' });
    expect(d.title).toBe('Title Of The Piece');
    expect(d.authors).toEqual(['Ana Ruiz']);
    expect(d.published).toBe('2024-02-01');
    for (const s of d.sentences) expect(d.text.slice(s.span[0], s.span[1])).toBe(s.text);
    expect(d.sentences.filter((s) => d.paragraphKinds[s.paragraph] === 'body')).toHaveLength(3);
    expect(d.id).toMatch(/^d_[0-9a-f]{20}$/);
    const again = buildDocument({ origin: 'other', kind: 'plain', text: `Title Of The Piece\r\n\r\nBy Ana Ruiz\n\n${P(1)} ${P(2)}\n\n${P(3)}` }, nlp);
    expect(again.id).toBe(d.id);
  });
});

describe('readers', () => {
  it('refuses binary, empty and non-UTF-8 input with the reason', () => {
    expect(failure(() => decodeText(new Uint8Array([0x89, 0x50, 0, 1]), 'x.txt'))).toMatch(/E101/);
    expect(failure(() => decodeText(new Uint8Array([]), 'x.txt'))).toMatch(/E102/);
    expect(failure(() => decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20]), 'x.txt'))).toMatch(/E104.*offset 3/);
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00]), 'x.txt')).toBe('A');
  });

  it('splits front matter and strips Markdown', () => {
    const { meta, body } = splitFrontMatter('---\ntitle: T\npublished: 2024-06-19\nauthors: [A B]\n---\nBody', 'f.md');
    expect(meta).toMatchObject({ title: 'T', authors: ['A B'] });
    expect(body).toBe('Body');
    expect(failure(() => splitFrontMatter('---\ntitle: [unclosed\n---\nx', 'f.md'))).toMatch(/E111/);
    expect(stripMarkdown('## Heading\n\nSome **bold** and [a link](http://x).')).toBe('Heading\n\nSome bold and a link.');
  });

  it('reads JSONL and CSV feeds, naming the bad line', () => {
    const j = readJsonl('{"text":"one","date":"2024-01-02"}\n{bad\n\n{"content":"two","title":"T"}\n{"title":"no text"}', 'feed.jsonl');
    expect(j.docs.map((d) => d.text)).toEqual(['one', 'two']);
    expect(j.failures.map((f) => f.describe())).toEqual([expect.stringMatching(/^feed\.jsonl:line 2: E105/), expect.stringMatching(/^feed\.jsonl:line 5: E107/)]);
    const c = readCsv('id,title,published,body\n1,"A, b",2024-03-04,"Text with ""quotes"",\nand a newline"\n2,x\n3,C,2024-05,Plain\n', 'f.csv');
    expect(c.docs.map((d) => [d.title, d.published])).toEqual([['A, b', '2024-03-04'], ['C', '2024-05']]);
    expect(c.docs[0].text).toContain('"quotes"');
    expect(c.failures).toHaveLength(1);
    expect(c.failures[0].describe()).toMatch(/f\.csv:line \d+: E106/);
  });

  it('reads HTML through readability with meta tags, never running scripts', () => {
    const html = `<html><head><meta property="og:title" content="Envoys Meet"><meta property="article:published_time" content="2024-05-02T09:00:00Z">
      <meta name="author" content="Rita Gomes"><meta property="og:site_name" content="Wire Desk"><script>globalThis.pwned = 1</script></head>
      <body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Envoys Meet</h1><p>${P(1)}</p><p>${P(2)} <img src=x onerror="globalThis.pwned=2"></p></article>
      <footer>All rights reserved</footer></body></html>`;
    const d = readHtml(html, 'page.html');
    expect(d).toMatchObject({ title: 'Envoys Meet', published: '2024-05-02', source: 'Wire Desk', authors: ['Rita Gomes'] });
    expect(d.text).toContain(P(2));
    expect(d.text).not.toContain('Home');
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('normalises metadata dates at their precision', () => {
    expect(toIsoDate('2023-09-13T08:00:00Z')).toBe('2023-09-13');
    expect(toIsoDate('20080804')).toBe('2008-08-04');
    expect(toIsoDate('2024-6')).toBe('2024-06');
    expect(toIsoDate('September 13, 2023')).toBe('2023-09-13');
    expect(toIsoDate('March 2022')).toBe('2022-03');
    expect(toIsoDate('not a date')).toBeNull();
  });

  it('reads a date no calendar has (year 0000, a 13th month, 31 February) as no date, so the store never refuses the document', () => {
    expect(toIsoDate('0000-01-01')).toBeNull();
    expect(toIsoDate('2023-13-01')).toBeNull();
    expect(toIsoDate('2023-02-31')).toBeNull();
    expect(toIsoDate('00000101')).toBeNull();
    expect(toIsoDate('1999-12-31')).toBe('1999-12-31');
  });
});

describe('authors', () => {
  it('writes a byline in capitals as names are written, so one person is one holder; acronyms stay', () => {
    const nlp = createNlp();
    const doc = buildDocument({ origin: 't', kind: 'plain', text: `By DANIEL KIM and Ana Ruiz\n\n${P(1)}\n\n${P(2)}`, authors: ['IISS', 'JEAN-YVES LE DRIAN'] }, nlp);
    expect(doc.authors).toEqual(expect.arrayContaining(['Daniel Kim', 'Ana Ruiz', 'IISS', 'Jean-Yves Le Drian']));
    expect(doc.authors).not.toContain('DANIEL KIM');
  });
});
