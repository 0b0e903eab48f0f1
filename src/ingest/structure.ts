/**
 * Find a cleaned article's structure: title, bylines, per-section bylines, headings,
 * author bios and name-and-title lines. Authors are stored as written, without titles.
 */
import * as chrono from 'chrono-node';
import type { Block } from './clean.js';

export type ParagraphKind = 'body' | 'heading' | 'byline' | 'affiliation' | 'bio' | 'signature';

export interface StructuredBlock {
  text: string;
  kind: ParagraphKind;
  /** authors this block names (bylines, bios, signatures) */
  authors: string[];
}

const NAME_WORD = "(?:[A-Z][\\p{L}'’\\-]+|[A-Z]\\.)";
const PARTICLE = '(?:de|da|van|von|der|den|bin|al|el|la|le|du|dos|del)';
const NAME = `${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)?${NAME_WORD}){1,3}`;
const NAME_RE = new RegExp(`^${NAME}$`, 'u');
const HONORIFIC = /^(?:dr|prof|professor|mr|mrs|ms|amb|ambassador|gen|general|col|sir|dame|rev)\.?\s+/i;
const BYLINE = /^(?:by|written by|words by|author[s]?:)\s+(.+)$/i;
const TERMINAL = /[.!?]["”’)\]]*$/;
const ROLE_WORDS = /\b(?:fellow|director|professor|president|chair|editor|analyst|researcher|correspondent|reporter|author|scholar|journalist|lecturer|associate|adviser|advisor|dean|founder|program|programme|center|centre|institute|university|school|foundation|endowment|studies|columnist|writer|contributor|coordinator|specialist|think tank)\b/i;
const BIO_VERB = new RegExp(
  `^(${NAME})\\s+(?:is|was|serves as|has served as|has been|holds|leads|directs|teaches|writes)\\b`,
  'u',
);
const MONTHS = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/** A personal name as written, titles stripped; null if it does not look like one. */
export function cleanName(raw: string): string | null {
  let s = raw.trim().replace(/[.,;:]+$/, '').replace(/\s+/g, ' ');
  while (HONORIFIC.test(s)) s = s.replace(HONORIFIC, '');
  if (!NAME_RE.test(s)) return null;
  const words = s.split(' ');
  if (words.some((w) => MONTHS.test(w) && w.length <= 9 && /^(?:January|February|March|April|June|July|August|September|October|November|December)$/.test(w))) return null;
  if (ROLE_WORDS.test(s)) return null;
  return s;
}

/** "By A, B and C" → names; affiliations after a comma are dropped when they are not names. */
export function parseByline(text: string): string[] | null {
  const m = BYLINE.exec(text.trim());
  if (!m || text.length > 160) return null;
  const parts = m[1].split(/\s*(?:,|;|\band\b|&|\|)\s*/).map((p) => p.trim()).filter(Boolean);
  const names: string[] = [];
  for (const p of parts) {
    const n = cleanName(p);
    if (n) names.push(n);
    else if (names.length === 0) return null;
    else break; // the rest is an affiliation or title
  }
  return names.length ? names : null;
}

/** Names an author-bio block introduces: "NAME is a senior fellow at …". */
export function bioNames(text: string): string[] {
  const names: string[] = [];
  for (const sent of text.split(/(?<=[.!?])\s+(?=[A-Z])/)) {
    const m = BIO_VERB.exec(sent);
    if (m && ROLE_WORDS.test(sent)) {
      const n = cleanName(m[1]);
      if (n) names.push(n);
    }
  }
  return names;
}

function isHeading(b: Block, next: Block | undefined): boolean {
  const t = b.text;
  // a question standing alone before an answer is a Q&A heading
  const question = b.kind === 'prose' && /\?["”’]?$/.test(t) && t.split(/\s+/).length <= 16;
  if (b.kind !== 'short' && !question) return false;
  if (t.length > 120 || TERMINAL.test(t.replace(/\?$/, ''))) return false;
  if (!/^[\p{Lu}\p{N}"“‘'(]/u.test(t)) return false;
  if (BYLINE.test(t)) return false;
  return next !== undefined && (next.kind === 'prose' || BYLINE.test(next.text));
}

export interface Structure {
  blocks: StructuredBlock[];
  title: string | null;
  authors: string[];
  sections: { title: string; authors: string[]; start: number; end: number }[];
  /** the date of a date line at the top of the article ("April 29, 2025", "NAME | Saturday, October 26, 2024"), if any */
  published: string | null;
  /** blocks of the page's head that are not the article: the lines above its headline, section labels, date lines */
  dropped: { reason: string; text: string }[];
}

const words = (s: string) => s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
/** the separators of a line of items: "ASIA | RUSSIA", "Home › World", "NAME · April 3, 2025" */
const ITEM_SEP = /\s*[|•·›»]\s*|\s+[>/]\s+|\s+[–—-]\s+/;

/**
 * A line that only dates the article: a full date (day, month and year), with at most bylines,
 * names and one- or two-word labels beside it ("April 29, 2025", "By NAME | April 29, 2025",
 * "NAME | Saturday, October 26, 2024 | Updated 6:05 pm"). A headline that holds a date has more
 * words around it and is no date line.
 */
export function dateLine(text: string): { date: string; authors: string[] } | null {
  if (text.length > 140) return null;
  const found = chrono.parse(text, new Date(Date.UTC(2100, 0, 1)));
  const full = found.find((r) => r.start.isCertain('year') && r.start.isCertain('month') && r.start.isCertain('day'));
  if (!full) return null;
  let rest = text;
  for (const r of found) rest = rest.replace(r.text, ' | ');
  const authors: string[] = [];
  for (const item of rest.split(/\s*[|•·,;]\s*|\s+[–—-]\s+/).map((x) => x.trim()).filter((x) => /\p{L}/u.test(x))) {
    const by = parseByline(item) ?? (cleanName(item) ? [cleanName(item)!] : null);
    if (by) authors.push(...by);
    else if (words(item) > 2) return null;
  }
  const c = full.start;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${c.get('year')}-${pad(c.get('month')!)}-${pad(c.get('day')!)}`, authors };
}

/** A line of short labels between separators: a section label or breadcrumb ("ASIA | RUSSIA | SECURITY", "Home › World › Asia"). */
export function labelLine(text: string): boolean {
  const items = text.split(ITEM_SEP).map((x) => x.trim()).filter(Boolean);
  if (items.length < 2 || words(text) > 12) return false;
  return items.every((x) => /\p{L}/u.test(x) && words(x) <= 3 && !TERMINAL.test(x));
}

/** "NAME, Agency" or "NAME | Agency" under a headline: a byline without "By" (the name first, at most four words after it). */
function nameLine(text: string): string[] | null {
  if (text.length > 80 || TERMINAL.test(text)) return null;
  const [first, ...rest] = text.split(/\s*[,|•·]\s*/);
  const name = cleanName(first);
  if (!name || rest.length === 0 || rest.some((x) => words(x) > 4)) return null;
  return [name];
}

function headlineShaped(b: Block): boolean {
  return b.kind === 'short' && words(b.text) >= 3 && !TERMINAL.test(b.text) && !BYLINE.test(b.text) && !labelLine(b.text) && !dateLine(b.text);
}

/** How far down the page the article's head (headline, date line, byline) may start. */
const HEAD_BLOCKS = 12;

/**
 * The article's head, by its shape: a headline directly above a date line (or a byline and a date
 * line). What lies
 * above that headline is the page's top (site name, menu, section labels) and goes; date lines
 * give the date and their names, and section labels go wherever they are in the head.
 */
function readHead(blocks: Block[]): { title: number; skip: Map<number, string>; published: string | null; authors: Map<number, string[]> } {
  const skip = new Map<number, string>();
  const authors = new Map<number, string[]>();
  let published: string | null = null;
  let firstProse = blocks.findIndex((b) => b.kind === 'prose');
  if (firstProse < 0) firstProse = blocks.length;
  const head = Math.min(firstProse, HEAD_BLOCKS);
  let anchor = -1;
  for (let i = 0; i < head; i++) {
    const t = blocks[i].text;
    const d = dateLine(t);
    if (d) {
      published ??= d.date;
      skip.set(i, 'date line');
      if (d.authors.length) authors.set(i, d.authors);
    } else if (labelLine(t)) skip.set(i, 'section label');
    if ((d || parseByline(t)) && anchor < 0) anchor = i;
  }
  let title = -1;
  // a dated head: the date line is the anchor or right under a byline that is (a byline alone may sit under a section heading)
  const dated = anchor >= 0 && (skip.get(anchor) === 'date line' || skip.get(anchor + 1) === 'date line');
  if (anchor > 0 && dated) {
    let j = anchor - 1;
    // "NAME, Agency" between the headline and the date line is a byline
    while (j > 0 && nameLine(blocks[j].text) && blocks[j].text.includes(',')) {
      authors.set(j, nameLine(blocks[j].text)!);
      j--;
    }
    if (headlineShaped(blocks[j])) {
      title = j;
      for (let i = 0; i < j; i++) if (!skip.has(i)) skip.set(i, 'above the headline');
      // a name line under the headline and before the first paragraph is a byline
      for (let i = anchor + 1; i < head; i++) {
        const n = skip.has(i) || parseByline(blocks[i].text) ? null : nameLine(blocks[i].text);
        if (n) authors.set(i, n);
      }
    }
  }
  return { title, skip, published, authors };
}

/**
 * Label blocks and find sections: a section starts at a heading and runs to the next.
 * `knownTitle` comes from metadata; `titleGuess` is the cleaner's guess (the first headline-shaped
 * line above the article), which a headline found above the article's date line or byline replaces.
 */
export function structure(blocks: Block[], knownTitle: string | null, titleGuess: string | null = null): Structure {
  const out: StructuredBlock[] = [];
  const headInfo = readHead(blocks);
  const dropped: Structure['dropped'] = [];
  for (const [i, reason] of [...headInfo.skip].sort((a, b) => a[0] - b[0])) if (!headInfo.authors.has(i)) dropped.push({ reason, text: blocks[i].text });
  const headTitle = headInfo.title >= 0 ? blocks[headInfo.title].text : null;
  const headAuthors = new Map(headInfo.authors);
  // the head's furniture goes before anything else is read; its date lines' names stay authors
  const kept = blocks.filter((_, i) => !headInfo.skip.has(i) || headInfo.authors.has(i));
  const keptIndex = blocks.map((_, i) => i).filter((i) => !headInfo.skip.has(i) || headInfo.authors.has(i));
  blocks = kept;
  let title = knownTitle ?? headTitle ?? titleGuess;
  let start = 0;
  // the headline above the date line or byline is the title's line: not body text
  const headAt = headInfo.title >= 0 ? keptIndex.indexOf(headInfo.title) : -1;
  if (headAt === 0 && title && squashEq(blocks[0].text, title)) start = 1;
  else if (headAt === 0 && !knownTitle) start = 1;
  // a short first line is the title when none is known; dropped from the body when it is (or repeats) the title
  if (start === 0 && headAt < 0 && blocks.length > 1 && blocks[0].kind === 'short' && !TERMINAL.test(blocks[0].text) && !BYLINE.test(blocks[0].text)) {
    if (!title) {
      title = blocks[0].text;
      start = 1;
    } else if (squashEq(blocks[0].text, title)) start = 1;
  }
  // trailing bios and signatures: scan backwards over the tail. The first block is never tail:
  // a piece that is one paragraph ("Lee Jae-myung was sworn in as president …") is the article, not a bio
  const tailKinds = new Map<number, { kind: ParagraphKind; authors: string[] }>();
  for (let i = blocks.length - 1; i > start; i--) {
    const t = blocks[i].text;
    const bio = bioNames(t);
    if (bio.length) {
      tailKinds.set(i, { kind: 'bio', authors: bio });
      continue;
    }
    const name = blocks[i].kind === 'short' ? cleanName(t) : null;
    const nextIsRole = i + 1 < blocks.length && blocks[i + 1].kind === 'short' && ROLE_WORDS.test(blocks[i + 1].text);
    if (name && nextIsRole) {
      tailKinds.set(i, { kind: 'signature', authors: [name] });
      tailKinds.set(i + 1, { kind: 'signature', authors: [] });
      continue;
    }
    if (blocks[i].kind === 'short' && ROLE_WORDS.test(t) && !TERMINAL.test(t)) continue; // a title line under a signature name
    break;
  }
  let afterByline = false;
  for (let i = start; i < blocks.length; i++) {
    const b = blocks[i];
    const head = headAuthors.get(keptIndex[i]);
    if (head) {
      out.push({ text: b.text, kind: 'byline', authors: head });
      afterByline = true;
      continue;
    }
    const tail = tailKinds.get(i);
    if (tail) {
      out.push({ text: b.text, kind: tail.kind, authors: tail.authors });
      afterByline = false;
      continue;
    }
    const by = parseByline(b.text);
    if (by) {
      out.push({ text: b.text, kind: 'byline', authors: by });
      afterByline = true;
      continue;
    }
    if (afterByline && b.kind === 'short' && !TERMINAL.test(b.text)) {
      out.push({ text: b.text, kind: 'affiliation', authors: [] });
      continue;
    }
    afterByline = false;
    out.push({ text: b.text, kind: isHeading(b, blocks[i + 1]) ? 'heading' : 'body', authors: [] });
  }
  // sections exist when the piece has two or more headings
  const headings = out.map((b, i) => (b.kind === 'heading' ? i : -1)).filter((i) => i >= 0);
  const sections: Structure['sections'] = [];
  if (headings.length >= 2) {
    headings.forEach((h, k) => {
      const end = (k + 1 < headings.length ? headings[k + 1] : out.length) - 1;
      // a section's end stops before trailing bios and signatures
      let e = end;
      while (e > h && (out[e].kind === 'bio' || out[e].kind === 'signature')) e--;
      const authors: string[] = [];
      for (let j = h + 1; j <= e && j <= h + 3; j++) if (out[j].kind === 'byline') authors.push(...out[j].authors);
      sections.push({ title: out[h].text, authors: dedupe(authors), start: h, end: e });
    });
  }
  const authors = dedupe(out.flatMap((b) => b.authors));
  return { blocks: out, title, authors, sections, published: headInfo.published, dropped };
}

function squashEq(a: string, b: string): boolean {
  const f = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return f(a) === f(b);
}

export function dedupe(names: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of names) {
    const k = n.toLowerCase();
    if (!seen.has(k)) {
      seen.add(k);
      out.push(n);
    }
  }
  return out;
}
