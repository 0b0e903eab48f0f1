import { describe, expect, it } from 'vitest';
import type { Wep } from '../../knowledge/analysis.js';
import { phraseKeys } from '../../knowledge/text.js';
import { TokenTrie } from '../../knowledge/trie.js';
import { handDoc as doc, lexiconOf, type Named } from '../../../test/support/analysis.js';
import { claimsStage } from './index.js';

const lexicon = lexiconOf('claims', 'coref', 'actors', 'events');
const wep = new TokenTrie<Wep>();
for (const [phrase, likelihood, modal] of [['will', 0.9, true], ['will probably', 0.7, false], ['likely', 0.675, false]] as const) wep.add(phraseKeys(phrase), { phrase, likelihood, modal });
const negators = new TokenTrie<string>();
for (const n of ['not', 'no longer']) negators.add(phraseKeys(n), n);
const stage = claimsStage({ analysis: { wep, negators }, lexicon });

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

  it('turns an estimate around after a negator of two words', () => {
    const d = doc(['Seoul is no longer likely to host the regional summit it proposed last spring.'], NAMES);
    stage.run(d);
    expect(d.claims![0]).toMatchObject({ likelihood: 0.32, wep: 'no longer likely' });
  });

  it('keeps an estimate whose negator stands too far away', () => {
    const d = doc(['No longer a candidate, Smith says China is likely to build a fourth carrier soon.'], NAMES);
    stage.run(d);
    expect(d.claims![0]).toMatchObject({ likelihood: 0.675, wep: 'likely' });
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

  it('in a news report, the narration holds no claims; each attributed statement is held by its speaker, named as the actor', () => {
    const d = doc(
      [
        'Russia moved troops to the border with Syria on Monday, a significant shift.',
        'John Smith said Russia will keep its bases in Syria for years to come.',
        'Iran accused Washington of arming rebels in Syria, according to state media.',
        'Talks in Geneva ended without an agreement after three days of meetings.',
      ],
      NAMES,
    );
    d.genre = 'news';
    d.actors = new Map([['person:john-smith', { id: 'person:john-smith', name: 'John Smith', kind: 'person', country: 'USA', org: null, role: null, aliases: [] }]]);
    stage.run(d);
    expect(d.claims!.map((c) => [c.sentence, c.holder, c.holder_kind, c.kind])).toEqual([
      [1, 'John Smith', 'quoted', 'prediction'],
      [2, 'Iran', 'quoted', 'assessment'],
    ]);
    // read as an analysis, the same text's judgements are its author's
    d.genre = 'analysis';
    stage.run(d);
    expect(d.claims!.some((c) => c.holder_kind === 'author')).toBe(true);
  });

  it('tells a report from an analysis by how much of it is attributed', () => {
    const report = doc(['Iran said the talks failed.', 'Washington said it regretted the decision.', 'Seoul added that it would wait.', 'China launched a satellite on Monday.'], NAMES);
    stage.run(report);
    expect(report.claims!.every((c) => c.holder_kind === 'quoted')).toBe(true);
    const essay = doc(['Russia will probably expand its military presence in Syria next year.', 'China is likely to benefit from a long war in the region.', 'Iran will not give up its programme, John Smith argued.'], NAMES);
    stage.run(essay);
    expect(essay.claims!.filter((c) => c.holder_kind === 'author')).toHaveLength(2);
  });

  it('reads a report as news by its verbs of report too ("accused", "urged"), so its narration holds no author claims', () => {
    const report = doc(['Iran accused Washington of arming rebels in Syria last year.', 'Seoul urged calm on Monday after the incident near the border with the North.', 'China launched a new weather satellite on Monday from its northern base.'], NAMES);
    stage.run(report);
    expect(report.genreRead).toBe('news');
    expect(report.claims!.every((c) => c.holder_kind === 'quoted')).toBe(true);
  });
});
