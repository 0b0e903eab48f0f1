/**
 * Boilerplate removal for text copied from web pages, with general signals only:
 * block length and sentence shape, link-like and call-to-action lines, separators,
 * repetition, and position (the article is the densest run of prose; what lies
 * beyond a wall of calls to action is not the article).
 */

export type BlockKind = 'prose' | 'short' | 'cta' | 'sep' | 'caption';

export interface Block {
  text: string;
  kind: BlockKind;
  /** index in the original sequence, for diagnostics */
  pos: number;
}

/** Unicode and whitespace normalisation applied to every document before anything else. */
export function normalizeText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t\f\v]/g, ' ')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(/ {2,}/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// Calls to action and site furniture that any publisher uses: phrases, not one site's lines.
const CTA = new RegExp(
  [
    'subscribe', 'subscription', 'subscriber', 'sign ?up', 'sign in', 'log ?in', 'log ?out', 'newsletter', 'cookies?',
    'privacy policy', 'terms of (?:use|service)', 'read more', 'view comments', 'comment guidelines', 'commenting',
    'join the conversation', 'share (?:this|on)', 'follow us', 'all rights reserved', 'advertisement', 'click here',
    'download (?:the|our) app', 'create an? [\\w ]{0,20}account', 'by submitting your email', 'opt out', 'unsubscribe',
    'related (?:stories|articles|posts|content)', 'recommended for you', 'most (?:popular|read)', 'stay (?:informed|updated|up to date)',
    'you[\'’]re on the list', 'sign up for', 'free trial', 'support our journalism', 'donate', 'skip to (?:main )?content',
    'back to top', 'print this', 'email this', 'not your account', 'already a (?:member|subscriber)', 'usernames?',
    'i[\'’]m interested in', 'more ways to', 'also available on', 'trending now', 'watch live', 'listen to this article',
  ].join('|'),
  'i',
);
const CTA_WORD = new RegExp(`\\b(?:${CTA.source})\\b`, 'i');
const SEP = /^[\s|•·‧∙◦▪●■□–—\-_*=~#+>/\\]*$/;
const CAPTION = /^(?:source|photo|image|credit|photograph|illustration|picture|video|graphic)s?(?: credit)?\s*[:|]/i;
/** a picture's credit in brackets at the end: "(Agency Photo/Name)", "(Name/Agency)" — two capitalised names around a slash */
const CREDIT = /\((?:[\p{Lu}][\p{L}.&'’-]*\s?){1,4}\/\s?(?:[\p{Lu}][\p{L}.&'’-]*\s?){1,4}\)$/u;
const lastSentence = (s: string) => s.split(/(?<=[.!?])\s+/).pop() ?? s;
const URLISH = /(?:https?:\/\/|www\.)\S+|\S+@\S+\.\w+|^@\w+/;
const TERMINAL = /[.!?]["”’)\]]*$/;

function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}

export function classify(text: string): BlockKind {
  if (SEP.test(text)) return 'sep';
  const words = wordCount(text);
  if (words < 30 && (CAPTION.test(text) || CAPTION.test(lastSentence(text)) || CREDIT.test(text))) return 'caption';
  // a call to action is short; inside a long paragraph the same word is just a word
  if (CTA_WORD.test(text) && (words < 45 || (text.match(new RegExp(CTA_WORD.source, 'gi'))?.length ?? 0) >= 3)) return 'cta';
  const urlish = text.match(new RegExp(URLISH.source, 'g'))?.length ?? 0;
  if (urlish > 0 && words < 12) return 'cta';
  if (words >= 8 && TERMINAL.test(text) && /^[\p{Lu}\p{N}"“‘'(]/u.test(text)) return 'prose';
  if (words >= 25) return 'prose';
  return 'short';
}

/**
 * Split normalised text into blocks. Blank-line paragraphs are blocks; inside one, a
 * hard-wrapped paragraph is joined, while a run of short independent lines (names,
 * titles, teaser headlines) is split line by line.
 */
export function toBlocks(text: string): string[] {
  const out: string[] = [];
  for (const para of text.split(/\n\s*\n/)) {
    const lines = para.split('\n').map((l) => l.trim()).filter(Boolean);
    if (lines.length === 0) continue;
    const body = lines.slice(0, -1);
    const hardWrapped = lines.length > 1 && body.every((l) => l.length >= 40 && l.length <= 100 && !TERMINAL.test(l));
    if (hardWrapped) out.push(lines.join(' '));
    else out.push(...lines);
  }
  return out;
}

function score(b: Block, prev?: Block, next?: Block): number {
  switch (b.kind) {
    case 'prose': {
      let s = 0.5 + wordCount(b.text) / 20;
      // a one-sentence line between separators is a teaser headline of another article
      if (prev?.kind === 'sep' || next?.kind === 'sep') s -= 3;
      return s;
    }
    case 'short':
      return prev?.kind === 'sep' || next?.kind === 'sep' ? -2 : -0.5;
    case 'caption':
      return -0.5;
    case 'sep':
      return -2;
    case 'cta':
      return -8;
  }
}

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

export interface CleanResult {
  kept: Block[];
  dropped: { reason: string; text: string }[];
  /** a headline found before the article, if any */
  title: string | null;
}

/** Keep the article, drop the page around it, keep one copy of a repeated paragraph. */
export function cleanBlocks(texts: string[]): CleanResult {
  const blocks: Block[] = texts.map((text, pos) => ({ text, kind: classify(text), pos }));
  const dropped: CleanResult['dropped'] = [];
  const scores = blocks.map((b, i) => score(b, blocks[i - 1], blocks[i + 1]));
  // the densest run of prose: maximum-sum contiguous segment
  let best = -Infinity, bestA = 0, bestB = -1, sum = 0, a = 0;
  scores.forEach((s, i) => {
    if (sum <= 0) {
      sum = 0;
      a = i;
    }
    sum += s;
    if (sum > best) {
      best = sum;
      bestA = a;
      bestB = i;
    }
  });
  let lo = bestA, hi = bestB;
  if (best <= 0) {
    // no prose run stands out (a short item): keep whatever is not furniture
    lo = 0;
    hi = blocks.length - 1;
  } else {
    // headings, bylines and affiliations sit just before and after the prose: take them until furniture starts
    while (lo > 0 && (blocks[lo - 1].kind === 'short' || blocks[lo - 1].kind === 'caption' || blocks[lo - 1].kind === 'prose') && !nextToSep(blocks, lo - 1)) lo--;
    while (hi < blocks.length - 1 && (blocks[hi + 1].kind === 'short' || blocks[hi + 1].kind === 'caption' || blocks[hi + 1].kind === 'prose') && !nextToSep(blocks, hi + 1) && !headsCta(blocks, hi + 1)) hi++;
  }
  // the page's headline: the topmost headline-shaped line before the article (teasers are sentences, furniture is CTA)
  let title: string | null = null;
  for (let i = 0; i < lo; i++) {
    const b = blocks[i];
    if (b.kind === 'short' && !TERMINAL.test(b.text) && wordCount(b.text) >= 3 && blocks[i + 1]?.kind !== 'sep') {
      title = b.text;
      break;
    }
  }
  const kept: Block[] = [];
  const seen: string[] = [];
  blocks.forEach((b, i) => {
    if (i < lo || i > hi) {
      if (b.kind !== 'sep') dropped.push({ reason: `outside the article (${b.kind})`, text: b.text });
      return;
    }
    if (b.kind === 'sep' || b.kind === 'cta' || b.kind === 'caption') {
      if (b.kind !== 'sep') dropped.push({ reason: b.kind, text: b.text });
      return;
    }
    const key = squash(b.text);
    if (key.length >= 40 && seen.some((s) => s === key || (s.length > key.length && s.includes(key)))) {
      dropped.push({ reason: 'repeated paragraph', text: b.text });
      return;
    }
    if (key.length >= 40) seen.push(key);
    kept.push(b);
  });
  return { kept, dropped, title };
}

/** a lone short line between the article's prose and a call to action is that call's heading ("Don't miss a story") */
function headsCta(blocks: Block[], i: number): boolean {
  return blocks[i].kind === 'short' && blocks[i - 1]?.kind === 'prose' && blocks[i + 1]?.kind === 'cta';
}

function nextToSep(blocks: Block[], i: number): boolean {
  return blocks[i - 1]?.kind === 'sep' || blocks[i + 1]?.kind === 'sep';
}
