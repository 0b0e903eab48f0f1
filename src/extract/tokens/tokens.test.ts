import { describe, expect, it } from 'vitest';
import { makeDoc, type Token } from '../../core/doc.js';
import { mention } from '../../../test/support/doc.js';
import { tokensStage } from './index.js';

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
});
