import { describe, expect, it } from 'vitest';
import { mention, oneSentenceDoc, patterns } from '../../../test/support/doc.js';
import { clauseKnowledge, runEventStages } from '../../../test/support/events.js';

const k = clauseKnowledge(
  patterns({
    verbs: {
      offer: { code: '030' },
      send: { code: '070', preps: ['to'] },
      accuse: { code: '112' },
      supply: { code: '070', preps: ['to'] },
      deny: { code: '0214' },
      threaten: { code: '130' },
      strike: { code: '190' },
      say: { code: '010', attribution: true },
      urge: { code: '020' },
      lift: { code: '081' },
    },
  }),
);

function coded(spec: string, ms: (s: { text: string }) => ReturnType<typeof mention>[]) {
  const { doc, s } = oneSentenceDoc(spec, ms);
  runEventStages(doc, k);
  return s.triggers!.map((t) => `${t.sources.map((p) => p.m.actor)}→${t.targets.map((p) => p.m.actor)} ${t.code} ${t.mood}`);
}

describe('governing verbs', () => {
  it('an offer to send aid is one intention (031), the aid is not coded', () => {
    expect(coded('China/PROPN offered/VERB:offer to/PART send/VERB:send aid/NOUN to/ADP Sudan/PROPN ./PUNCT', (s) => [mention(s, 'China', 'CHN'), mention(s, 'Sudan', 'SDN')])).toEqual(['CHN→SDN 031 factual']);
  });

  it('an accusation codes only itself', () => {
    expect(coded('Kyiv/PROPN accused/VERB:accuse Tehran/PROPN of/ADP supplying/VERB:supply drones/NOUN to/ADP Russia/PROPN ./PUNCT', (s) => [mention(s, 'Kyiv', 'UKRGOV'), mention(s, 'Tehran', 'IRNGOV'), mention(s, 'Russia', 'RUS')])).toEqual(['UKRGOV→IRNGOV 112 factual']);
  });

  it('a denial negates what it governs', () => {
    expect(coded('Iran/PROPN denied/VERB:deny supplying/VERB:supply drones/NOUN to/ADP Russia/PROPN ./PUNCT', (s) => [mention(s, 'Iran', 'IRN'), mention(s, 'Russia', 'RUS')])).toEqual(['IRN→RUS 070 negated']);
  });

  it('a threat to use force is 138', () => {
    expect(coded('Pyongyang/PROPN threatened/VERB:threaten to/PART strike/VERB:strike Seoul/PROPN ./PUNCT', (s) => [mention(s, 'Pyongyang', 'PRKGOV'), mention(s, 'Seoul', 'KORGOV')])).toEqual(['PRKGOV→KORGOV 138 factual']);
  });

  it('"X said it would not send": a refusal (121), a fact', () => {
    expect(coded('Hungary/PROPN said/VERB:say it/PRON would/AUX not/PART send/VERB:send weapons/NOUN:weapon to/ADP Ukraine/PROPN ./PUNCT', (s) => [mention(s, 'Hungary', 'HUN'), mention(s, 'Ukraine', 'UKR')])).toEqual(['HUN→UKR 121 factual']);
  });
});
