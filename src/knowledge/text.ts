/**
 * The one tokenizer that dictionaries and text share, so a name compiled from data
 * matches the same name in a sentence ("Jong-un" → Jong - un on both sides).
 */

export interface Tok {
  /** folded: lower case, no diacritics, curly apostrophes straightened */
  key: string;
  text: string;
  start: number;
  end: number;
  /** first letter upper case */
  cap: boolean;
  /** every letter upper case (an acronym) */
  upper: boolean;
}

const TOKEN = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;

const ASCII = /^[\x00-\x7f]*$/;

export function fold(s: string): string {
  if (ASCII.test(s)) return s.toLowerCase();
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/[‐‑‒–—]/g, '-')
    .toLowerCase();
}

export function tokenize(text: string, offset = 0): Tok[] {
  const out: Tok[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    const first = t[0];
    out.push({
      key: fold(t),
      text: t,
      start: offset + m.index!,
      end: offset + m.index! + t.length,
      cap: first !== first.toLowerCase(),
      upper: t.length > 1 && t === t.toUpperCase() && t !== t.toLowerCase(),
    });
  }
  return out;
}

/** Keys of a dictionary phrase: tokens folded; "U.S." and "US" stay distinct phrases. */
export function phraseKeys(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.key);
}

export function slug(name: string): string {
  return fold(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
