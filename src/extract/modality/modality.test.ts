import { describe, expect, it } from 'vitest';
import { mention, oneSentenceDoc, patterns } from '../../../test/support/doc.js';
import { clauseKnowledge, runEventStages } from '../../../test/support/events.js';

const k = clauseKnowledge(patterns({ verbs: { send: { code: '070', preps: ['to'] }, say: { code: '010', attribution: true }, visit: { code: '042' } }, nouns: { visit: { code: '042', target: ['to'] } }, negating: ['refuse'] }));

function moods(spec: string, ms: (s: { text: string }) => ReturnType<typeof mention>[]) {
  const { doc, s } = oneSentenceDoc(spec, ms);
  runEventStages(doc, k);
  return s.triggers!.map((t) => [t.mood, t.attributed]);
}
const jp = (s: { text: string }) => [mention(s, 'Japan', 'JPN'), mention(s, 'Kenya', 'KEN')];

describe('modality', () => {
  it('factual by default', () => expect(moods('Japan/PROPN sent/VERB:send aid/NOUN to/ADP Kenya/PROPN ./PUNCT', jp)).toEqual([['factual', null]]));
  it('future after "will"', () => expect(moods('Japan/PROPN will/AUX send/VERB:send aid/NOUN to/ADP Kenya/PROPN ./PUNCT', jp)).toEqual([['future', null]]));
  it('possible after "may"', () => expect(moods('Japan/PROPN may/AUX send/VERB:send aid/NOUN to/ADP Kenya/PROPN ./PUNCT', jp)).toEqual([['possible', null]]));
  it('negated after "not"', () => expect(moods('Japan/PROPN did/AUX:do not/PART send/VERB:send aid/NOUN to/ADP Kenya/PROPN ./PUNCT', jp)).toEqual([['negated', null]]));
  it('"as expected" is no future', () => expect(moods('As/SCONJ expected/VERB:expect ,/PUNCT Japan/PROPN sent/VERB:send aid/NOUN to/ADP Kenya/PROPN ./PUNCT', jp)).toEqual([['factual', null]]));
  it('a planned visit is future', () =>
    expect(moods("Japan/PROPN 's/PART planned/ADJ visit/NOUN to/ADP Kenya/PROPN ./PUNCT", (s) => [mention(s, 'Japan', 'JPN'), mention(s, 'Kenya', 'KEN')])).toEqual([['future', null]]));
  it('"according to X" attributes the event', () =>
    expect(moods('Japan/PROPN sent/VERB:send aid/NOUN to/ADP Kenya/PROPN ,/PUNCT according/VERB:accord to/ADP India/PROPN ./PUNCT', (s) => [...jp(s), mention(s, 'India', 'IND')])).toEqual([['factual', 'IND']]));
});
