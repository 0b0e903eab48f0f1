import { describe, expect, it } from 'vitest';
import { createSentenceView, createClauseKnowledge, type ClauseKnowledge } from '../clause/view.js';
import { eventLexicon, mention, oneSentenceDoc, patterns } from '../../../test/support/doc.js';
import { findCandidates, triggersStage } from './index.js';

const k: ClauseKnowledge = createClauseKnowledge(
  patterns({
    verbs: { impose: { objects: { sanction: '163', curfew: null } }, tighten: { code: '163' }, free: { code: '0841' }, kill: { code: '180' }, accuse: { code: '112' }, strike: { code: '195' } },
    nouns: { talk: { code: '046', target: ['with'] }, 'summit talk': { code: '043', target: ['with'] }, summit: { code: '043', target: ['with'] } },
  }),
  eventLexicon(),
);

function candidates(spec: string, ms: (s: { text: string }) => ReturnType<typeof mention>[]) {
  const { doc, s } = oneSentenceDoc(spec, ms);
  triggersStage(k).run(doc);
  return { s, cands: s.candidates! };
}

describe('triggers', () => {
  it('finds a pattern verb by its lemma, before reading any argument', () => {
    const { cands } = candidates('Russia/PROPN imposed/VERB:impose sanctions/NOUN:sanction on/ADP Japan/PROPN ./PUNCT', (s) => [mention(s, 'Russia', 'RUS'), mention(s, 'Japan', 'JPN')]);
    expect(cands).toEqual([{ tok: 1, verb: 'impose' }]);
  });

  it('reads a gerund after a comma as an act of its own, unless it tells what the main act did', () => {
    const a = candidates('Lima/PROPN expelled/VERB:expel the/DET envoy/NOUN ,/PUNCT accusing/VERB:accuse Quito/PROPN of/ADP spying/VERB:spy ./PUNCT', (s) => [mention(s, 'Lima', 'PER'), mention(s, 'Quito', 'ECU')]);
    expect(a.cands).toEqual([{ tok: 5, verb: 'accuse' }]);
    const b = candidates('Rockets/NOUN struck/VERB:strike Lima/PROPN ,/PUNCT killing/VERB:kill nine/NUM people/NOUN ./PUNCT', (s) => [mention(s, 'Lima', 'PER')]);
    expect(b.cands).toEqual([{ tok: 1, verb: 'strike' }]);
  });

  it('never reads a word inside an actor mention as a trigger', () => {
    const { cands } = candidates('The/DET Summit/PROPN Group/PROPN met/VERB:meet ./PUNCT', (s) => [mention(s, 'The Summit Group', 'group:summit')]);
    expect(cands).toEqual([]);
  });

  it('skips what did not happen: "would have tightened"', () => {
    const { cands } = candidates('The/DET EU/PROPN would/AUX have/AUX tightened/VERB:tighten curbs/NOUN:curb on/ADP Iran/PROPN ./PUNCT', (s) => [mention(s, 'EU', 'EU'), mention(s, 'Iran', 'IRN')]);
    expect(cands).toEqual([]);
  });

  it('reads a two-word event noun at its first word, and its head again on its own', () => {
    const { cands } = candidates('Kim/PROPN held/VERB:hold summit/NOUN talks/NOUN:talk with/ADP Putin/PROPN ./PUNCT', (s) => [mention(s, 'Kim', 'PRK'), mention(s, 'Putin', 'RUS')]);
    expect(cands).toEqual([{ tok: 2, noun: { key: 'summit talk', last: 3 } }, { tok: 3, noun: { key: 'talk', last: 3 } }]);
  });

  it('mends the tagger: a verb after a modal that it called an adjective', () => {
    const { s } = oneSentenceDoc('Seoul/PROPN would/AUX free/ADJ the/DET sailors/NOUN ./PUNCT', (s) => [mention(s, 'Seoul', 'KOR')]);
    const v = createSentenceView({ doc: 'd', idx: 0, text: s.text, start: 0, tokens: s.tokens!, mentions: s.mentions!, places: [] }, k);
    expect(findCandidates(v, k)).toEqual([{ tok: 2, verb: 'free' }]);
  });
});
