/**
 * Hand-built Docs for stage tests: a sentence from "word/POS[:lemma]" tokens, mentions by
 * their surface, a tiny pattern table, the two small lexicon files the event stages read.
 * Nothing here loads the full knowledge (dictionaries, gazetteer, codebook).
 */
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { makeDoc, type Doc, type DocSentence, type Token } from '../../src/core/doc.js';
import type { Mention } from '../../src/core/types.js';
import type { Codebook } from '../../src/knowledge/codebook.js';
import { compileLexicon, type Lexicon } from '../../src/knowledge/lexicon.js';
import type { NounPattern, Patterns, VerbPattern } from '../../src/knowledge/patterns.js';

/** "Russia/PROPN imposed/VERB:impose sanctions/NOUN:sanction ./PUNCT" → text and tokens */
export function tagged(spec: string, offset = 0): { text: string; tokens: Token[] } {
  const tokens: Token[] = [];
  let text = '';
  for (const part of spec.trim().split(/\s+/)) {
    const m = /^(.+)\/([A-Z]+)(?::(.+))?$/.exec(part);
    if (!m) throw new Error(`bad token spec "${part}"`);
    const [, word, pos, lemma] = m;
    if (text && pos !== 'PUNCT') text += ' ';
    const start = text.length;
    text += word;
    tokens.push({ text: word, norm: word.toLowerCase().replace(/[’‘]/g, "'"), pos, lemma: (lemma ?? word).toLowerCase(), start: start + offset, end: start + word.length + offset });
  }
  return { text, tokens };
}

/** A mention of `surface` (its n-th occurrence) in the sentence. */
export function mention(s: { text: string; start?: number; idx?: number }, surface: string, actor: string, extra: Partial<Mention> = {}, nth = 0): Mention {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = s.text.indexOf(surface, at + 1);
  if (at < 0) throw new Error(`"${surface}" not in "${s.text}"`);
  const start = (s.start ?? 0) + at;
  const country = /^[A-Z]{3}/.test(actor) ? actor.slice(0, 3) : null;
  return { doc: 'd', sentence: s.idx ?? 0, span: [start, start + surface.length], text: surface, actor, country, org: null, role: null, via: 'dict', ...extra };
}

/** A one-sentence Doc with tokens, mentions and places already assigned. */
export function oneSentenceDoc(spec: string, mentions: (s: { text: string }) => Mention[], published = '2024-05-01'): { doc: Doc; s: DocSentence } {
  const { text, tokens } = tagged(spec);
  const doc = makeDoc({ id: 'd', text, published, authors: [], sentences: [{ idx: 0, text, start: 0, paragraph: 0 }] });
  const s = doc.sentences[0];
  s.tokens = tokens;
  s.mentions = mentions({ text });
  s.places = [];
  doc.mentions = s.mentions;
  return { doc, s };
}

/** The event stages' lexicon: data/lexicon/events.yaml and conventions.yaml only. */
export function eventLexicon(): Lexicon {
  const read = (f: string) => YAML.parse(readFileSync(new URL(`../../data/lexicon/${f}`, import.meta.url), 'utf8'));
  return compileLexicon({ 'lexicon/events.yaml': read('events.yaml'), 'lexicon/conventions.yaml': read('conventions.yaml') });
}

/** A pattern table from a few hand-written entries. */
export function patterns(p: { verbs?: Record<string, Omit<VerbPattern, 'lemma'>>; nouns?: Record<string, Partial<Omit<NounPattern, 'noun'>> & { code: string }>; desire?: string[]; negating?: string[] }): Patterns {
  const verbs = new Map(Object.entries(p.verbs ?? {}).map(([lemma, v]) => [lemma, { lemma, ...v }]));
  const nouns = new Map(Object.entries(p.nouns ?? {}).map(([noun, n]) => [noun, { noun, target: [], source: [], ...n }]));
  return { verbs, nouns, desire: new Set(p.desire ?? []), negating: new Set(p.negating ?? []), attribution: new Set([...verbs.values()].filter((v) => v.attribution).map((v) => v.lemma)) };
}

/** A codebook of a few codes, labelled by hand. */
export function codebook(labels: Record<string, string>): Codebook {
  const info = (code: string) => ({ code, root: code.slice(0, 2), label: labels[code] ?? '?', goldstein: 0, quad: 1, plover: null, mode: null });
  return { lookup: info, has: (c) => c in labels, codes: () => Object.keys(labels).map(info) };
}
