import { describe, expect, it } from 'vitest';
import { makeDoc, type Token } from '../../core/doc.js';
import { mention } from '../../../test/support/doc.js';
import { joinHyphens, retagVerbs, tokensStage } from './index.js';

describe('tokens', () => {
  it('tags only prose sentences that name an actor other than an author or a place', () => {
    const ss = ['Russia fired missiles.', 'It rained in Kyiv.', 'By Jane Doe'];
    let start = 0;
    const sentences = ss.map((text, idx) => ({ idx, text, start: (start += idx ? ss[idx - 1].length + 1 : 0), paragraph: idx, prose: idx < 2 }));
    const doc = makeDoc({ id: 'd', text: ss.join(' '), published: null, authors: ['Jane Doe'], sentences });
    doc.sentences[0].mentions = [mention(doc.sentences[0], 'Russia', 'RUS')];
    doc.sentences[1].mentions = [mention(doc.sentences[1], 'Kyiv', 'UKRGOV', { via: 'place' })];
    doc.sentences[2].mentions = [mention(doc.sentences[2], 'Jane Doe', 'author:jane-doe', { via: 'author' })];
    const seen: string[] = [];
    const tagger = { tokens: (text: string, offset = 0): Token[] => (seen.push(text), [{ text, norm: text, pos: 'X', lemma: text, start: offset, end: offset + text.length }]) };
    tokensStage(tagger).run(doc);
    expect(seen).toEqual(['Russia fired missiles.']);
    expect(doc.sentences[0].tokens![0].start).toBe(0);
    expect(doc.sentences[1].tokens).toBeUndefined();
  });

  it('reads a verb the tagger took for a plural noun between a subject and a determiner as the verb', () => {
    const tok = (text: string, pos: string, lemma = text.toLowerCase()): Token => ({ text, norm: text.toLowerCase(), pos, lemma, start: 0, end: 0 });
    const verbs = new Set(['plan', 'arm']);
    const toks = [tok('Biden', 'PROPN'), tok('plans', 'NOUN', 'plan'), tok('a', 'DET'), tok('visit', 'NOUN')];
    retagVerbs(toks, (l) => verbs.has(l));
    expect(toks.map((t) => t.pos)).toEqual(['PROPN', 'VERB', 'DET', 'NOUN']);
    // "the US arms sales": no determiner after it, a noun it stays
    const nouns = [tok('the', 'DET'), tok('US', 'PROPN'), tok('arms', 'NOUN', 'arm'), tok('sales', 'NOUN', 'sale')];
    retagVerbs(nouns, (l) => verbs.has(l));
    expect(nouns[2].pos).toBe('NOUN');
  });

  it('joins a hyphenated word the patterns know as one word ("cease-fire" is "ceasefire"); other hyphens stay as they are', () => {
    let at = 0;
    const tok = (text: string, pos: string, space = true): Token => {
      const t = { text, norm: text.toLowerCase(), pos, lemma: text.toLowerCase(), start: at, end: at + text.length };
      at += text.length + (space ? 1 : 0);
      return t;
    };
    const toks = [tok('a', 'DET'), tok('cease', 'VERB', false), tok('-', 'PUNCT', false), tok('fire', 'NOUN'), tok('and', 'CCONJ'), tok('Saudi', 'PROPN', false), tok('-', 'PUNCT', false), tok('led', 'VERB')];
    const out = joinHyphens(toks, (l) => l === 'ceasefire');
    expect(out.map((t) => `${t.text}/${t.lemma}/${t.pos}`)).toEqual(['a/a/DET', 'cease-fire/ceasefire/NOUN', 'and/and/CCONJ', 'Saudi/saudi/PROPN', '-/-/PUNCT', 'led/led/VERB']);
    expect([out[1].start, out[1].end]).toEqual([toks[1].start, toks[3].end]);
  });
});
