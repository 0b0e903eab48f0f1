import { describe, expect, it } from 'vitest';
import type { Wep } from '../../knowledge/analysis.js';
import { phraseKeys } from '../../knowledge/text.js';
import { TokenTrie } from '../../knowledge/trie.js';
import { handDoc as doc, lexiconOf, type Named } from '../../../test/support/analysis.js';
import { claimsStage } from './index.js';

const lexicon = lexiconOf('claims');
const wep = new TokenTrie<Wep>();
for (const [phrase, likelihood, modal] of [['will', 0.9, true], ['will probably', 0.7, false], ['likely', 0.675, false]] as const) wep.add(phraseKeys(phrase), { phrase, likelihood, modal });
const stage = claimsStage({ analysis: { wep, negators: new Set(['not']) }, lexicon });

const NAMES: Named[] = [
  ['Russia', 'RUS', 'RUS'],
  ['Syria', 'SYR', 'SYR'],
  ['Iran', 'IRN', 'IRN'],
  ['Washington', 'USA', 'USA'],
  ['Seoul', 'KOR', 'KOR'],
  ['China', 'CHN', 'CHN'],
  ['John Smith', 'person:john-smith', null],
];

describe('stage claims', () => {
  it('reads a prediction, its likelihood and the expert who holds it', () => {
    const d = doc(['Russia will probably expand its military presence in Syria next year, John Smith argued.'], NAMES);
    stage.run(d);
    expect(d.claims).toHaveLength(1);
    expect(d.claims![0]).toMatchObject({ kind: 'prediction', holder: 'John Smith', holder_kind: 'quoted', about: ['RUS', 'SYR'], likelihood: 0.7, wep: 'will probably', span: [0, 88] });
  });

  it('turns an estimate around after a negator, and gives an unquoted claim to the authors', () => {
    const d = doc(['Iran is not likely to abandon its nuclear programme this decade.'], NAMES);
    stage.run(d);
    expect(d.claims![0]).toMatchObject({ kind: 'prediction', holder: 'Jane Doe', holder_kind: 'author', about: ['IRN'], likelihood: 0.32, wep: 'not likely' });
  });

  it('names the source after "according to" when no mention stands there', () => {
    const d = doc(["According to Jane's Defence Weekly, China will launch a third carrier soon."], NAMES);
    stage.run(d);
    expect(d.claims![0]).toMatchObject({ kind: 'prediction', holder: "Jane's Defence Weekly", holder_kind: 'quoted', about: ['CHN'], likelihood: 0.9, wep: 'will' });
  });

  it('reads a recommendation', () => {
    const d = doc(['Washington should press Seoul to raise its defence spending quickly.'], NAMES);
    stage.run(d);
    expect(d.claims![0]).toMatchObject({ kind: 'recommendation', about: ['USA', 'KOR'], likelihood: null, wep: null });
  });

  it('finds no claim in news, a question, a short sentence, or an assessment about no country', () => {
    const d = doc(
      [
        'Russia met Syria in Damascus on Monday, a significant shift.',
        'Will Russia expand its military presence in Syria next year?',
        'Russia will win.',
        'This is a significant and troubling development for everyone involved.',
      ],
      NAMES,
      [{ sentence: 0, modality: 'factual', form: 'clause' }],
    );
    stage.run(d);
    expect(d.claims).toEqual([]);
    // the same sentence with no factual event in it is an assessment
    const e = doc(['Russia met Syria in Damascus on Monday, a significant shift.'], NAMES);
    stage.run(e);
    expect(e.claims![0]).toMatchObject({ kind: 'assessment', about: ['RUS', 'SYR'] });
  });
});
