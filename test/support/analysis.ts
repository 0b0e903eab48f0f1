/**
 * For the tests of the claims, flows, agreements and compliance stages only: a small Doc built
 * by hand (keys, mentions of the words named, events as given) and a lexicon of some of
 * data/lexicon's files, without loading the rest of the knowledge.
 */
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { makeDoc, type Doc } from '../../src/core/doc.js';
import type { EventRecord, Mention } from '../../src/core/types.js';
import { compileLexicon, type Lexicon } from '../../src/knowledge/lexicon.js';
import { tokenize } from '../../src/knowledge/text.js';

/** data/lexicon/<name>.yaml for each name, compiled */
export function lexiconOf(...names: string[]): Lexicon {
  const files: Record<string, unknown> = {};
  for (const n of names) files[`lexicon/${n}.yaml`] = YAML.parse(readFileSync(new URL(`../../data/lexicon/${n}.yaml`, import.meta.url), 'utf8'));
  return compileLexicon(files);
}

/** a mention to find: the words, the actor, its country, how it was found (default 'dict') */
export type Named = [words: string, actor: string, country: string | null, via?: string];

/**
 * A one-paragraph document of the sentences (joined by one space), its keys, a mention of every
 * occurrence of each named word, and the events given (only the fields a test needs).
 */
export function handDoc(sentences: string[], names: Named[], events: Partial<EventRecord>[] = [], published: string | null = '2024-06-20'): Doc {
  let text = '';
  const parts = sentences.map((t, idx) => {
    const start = text.length;
    text += t + ' ';
    return { idx, text: t, start, paragraph: 0 };
  });
  const d = makeDoc({ id: 'd1', text, published, authors: ['Jane Doe'], sentences: parts });
  const mentions: Mention[] = [];
  for (const s of d.sentences) {
    s.keys = tokenize(s.text, s.start);
    for (const [words, actor, country, via] of names) {
      for (let at = s.text.indexOf(words); at >= 0; at = s.text.indexOf(words, at + words.length)) {
        mentions.push({ doc: d.id, sentence: s.idx, span: [s.start + at, s.start + at + words.length], text: words, actor, country, org: null, role: null, via: via ?? 'dict' });
      }
    }
  }
  d.mentions = mentions.sort((a, b) => a.span[0] - b.span[0]);
  d.events = events.map((e) => ({ doc: d.id, sentence: 0, modality: 'factual', form: 'clause', ...e }) as EventRecord);
  return d;
}
