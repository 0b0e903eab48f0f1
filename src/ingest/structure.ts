/**
 * Find a cleaned article's structure: title, bylines, per-section bylines, headings,
 * author bios and name-and-title lines. Authors are stored as written, without titles.
 */
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
}

/** Label blocks and find sections: a section starts at a heading and runs to the next. */
export function structure(blocks: Block[], knownTitle: string | null): Structure {
  const out: StructuredBlock[] = [];
  let title = knownTitle;
  let start = 0;
  // a short first line is the title when none is known; dropped from the body when it is (or repeats) the title
  if (blocks.length > 1 && blocks[0].kind === 'short' && !TERMINAL.test(blocks[0].text) && !BYLINE.test(blocks[0].text)) {
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
  return { blocks: out, title, authors, sections };
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
