/**
 * The one tokenizer that dictionaries and text share, so a name compiled from data
 * matches the same name in a sentence ("Jong-un" → Jong - un on both sides).
 */

import type { KeyToken } from '../core/doc.js';
/** a folded token (the core's KeyToken) */
export type Tok = KeyToken;

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

/** A fast, stable 64-bit string hash (cyrb53) as 16 hex digits: record ids, not security. */
export function hash64(s: string): string {
  let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}
