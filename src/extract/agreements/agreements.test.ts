import { describe, expect, it } from 'vitest';
import { handDoc, lexiconOf, type Named } from '../../../test/support/analysis.js';
import { agreementsStage } from './index.js';

// the signing date is read by the date finder, with its own words
const stage = agreementsStage({ lexicon: lexiconOf('agreements', 'dates') });

const NAMES: Named[] = [
  ['Russia', 'RUS', 'RUS'],
  ['North Korea', 'PRK', 'PRK'],
  ['Washington', 'USA', 'USA'],
  ['China', 'CHN', 'CHN'],
  ['Pakistan', 'PAK', 'PAK'],
];

function agreementsOf(sentences: string[], events: Parameters<typeof handDoc>[2] = []) {
  const d = handDoc(sentences, NAMES, events);
  stage.run(d);
  return d.agreements!;
}

describe('stage agreements', () => {
  it('reads a signed treaty, its parties and date, and gives it the articles the next sentences cite', () => {
    const rows = agreementsOf([
      'On June 19, 2024, Russia and North Korea signed the Treaty on Comprehensive Strategic Partnership.',
      'Article 4 of the treaty obliges each side to provide military assistance if the other is attacked.',
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ name: 'Treaty on Comprehensive Strategic Partnership', parties: ['PRK', 'RUS'], signed: '2024-06-19', status: 'signed', quote: 'Treaty on Comprehensive Strategic Partnership' });
    expect(rows[0].articles).toEqual([{ number: 4, summary: 'obliges each side to provide military assistance if the other is attacked', topics: ['mutual-defense'] }]);
    // the sentence describing the article is evidence of the same agreement
    expect(rows[1]).toMatchObject({ agreement: rows[0].agreement, quote: expect.stringMatching(/^Article 4 of the treaty/) });
  });

  it('gives the status the sentence states', () => {
    expect(agreementsOf(['Washington withdrew from the Intermediate-Range Nuclear Forces Treaty in 2019.'])).toMatchObject([{ name: 'Intermediate-Range Nuclear Forces Treaty', status: 'withdrawn' }]);
    expect(agreementsOf(['China and Pakistan are negotiating a free trade agreement.'])).toMatchObject([{ name: 'free trade agreement', status: 'negotiating', parties: ['CHN', 'PAK'] }]);
  });

  it('knows agreements by their short names, and takes a bare agreement word for no name', () => {
    expect(agreementsOf(['Russia suspended its part in New START last year.'])).toMatchObject([{ name: 'New START', status: 'suspended' }]);
    expect(agreementsOf(['The Agreement was long.'])).toEqual([]);
  });

  it('gives unqualified articles to a treaty built from the signing event when none is named', () => {
    const rows = agreementsOf(['Article 3 of the new treaty covers trade and investment.'], [
      { cameo: '057', source_country: 'RUS', target_country: 'PRK', date: '2024-06-19', span: [0, 9], quote: 'signed it' },
    ]);
    expect(rows[0]).toMatchObject({ name: 'Treaty between PRK and RUS', parties: ['PRK', 'RUS'], signed: '2024-06-19', status: 'signed' });
    expect(rows[0].articles).toEqual([{ number: 3, summary: 'covers trade and investment', topics: ['economic'] }]);
  });

  it('gives another document\'s article to that document, not to the treaty', () => {
    const rows = agreementsOf([
      'Russia and North Korea signed the Treaty on Comprehensive Strategic Partnership.',
      'It invokes the UN Charter\'s Article 51 on self-defence.',
    ]);
    expect(rows.map((r) => [r.name, r.articles.map((a) => a.number)])).toEqual([
      ['Treaty on Comprehensive Strategic Partnership', []],
      ['UN Charter', [51]],
      // the sentence describing the article, evidence again
      ['UN Charter', [51]],
    ]);
  });

  it('a kind with no name of its own is one agreement per set of parties; a quotation that mentions a treaty is no name', () => {
    const a = agreementsOf(['Russia and North Korea signed a security pact on Monday.']);
    const b = agreementsOf(['China and Pakistan signed a security pact last year.']);
    expect(a[0].agreement).not.toBe(b[0].agreement);
    expect(agreementsOf(['Russia and North Korea reaffirmed their security pact.'])[0].agreement).toBe(a[0].agreement);
    const quoted = agreementsOf(['Washington said its diplomats "had done their work in line with practice and the Vienna Convention, as always," and China agreed.']);
    expect(quoted.map((r) => r.name)).not.toContain('had done their work in line with practice and the Vienna Convention, as always,');
  });

  it('takes parties from the text\'s own words: not a state only mentioned beside the treaty', () => {
    // the treaty's signers, and a state the sentence names after it in a clause of its own
    const rows = agreementsOf(['Russia and North Korea signed the Treaty on Comprehensive Strategic Partnership on June 19, 2024, a move that worried China.']);
    expect(rows).toMatchObject([{ name: 'Treaty on Comprehensive Strategic Partnership', parties: ['PRK', 'RUS'], signed: '2024-06-19' }]);
    // an older treaty of another pair, in a sentence that also speaks of the new pact: its own clause's states
    const older = agreementsOf(['Because China has maintained a mutual defense treaty with North Korea since 1961, the newer Russian pact may pull Beijing into a war.']);
    expect(older).toMatchObject([{ name: 'mutual defense treaty', parties: ['CHN', 'PRK'] }]);
    // a charter a state is said to violate: no parties from that
    expect(agreementsOf(['Critics said Russia acted in plain violation of the UN Charter.'])[0]).toMatchObject({ name: 'UN Charter', parties: [] });
  });

  it('one treaty is one agreement across its mentions, and its date is the signing clause\'s, not a later year', () => {
    const rows = agreementsOf([
      'The Treaty on Comprehensive Strategic Partnership, signed by Russia and North Korea on 19 June 2024, revived ties that had cooled after a visit to Moscow in 1984.',
      'Pyongyang calls the Comprehensive Strategic Partnership treaty a shield.',
    ]);
    expect(new Set(rows.map((r) => r.agreement)).size).toBe(1);
    expect(rows[0]).toMatchObject({ parties: ['PRK', 'RUS'], signed: '2024-06-19' });
  });

  it('gives an article the topics of its own wording: a right of self-defence is not mutual defence', () => {
    const rows = agreementsOf([
      'Russia and North Korea signed the Treaty on Comprehensive Strategic Partnership.',
      'The treaty cites the UN Charter\'s Article 51, which recognises the inherent right of individual or collective self-defence, a choice some found odd given the war in Ukraine.',
    ]);
    const charter = rows.find((r) => r.name === 'UN Charter')!;
    expect(charter.articles).toEqual([{ number: 51, summary: 'recognises the inherent right of individual or collective self-defence', topics: ['self-defense'] }]);
  });

  it('gives unqualified articles to the treaty the piece names most, not to an older dated one it cites once', () => {
    const rows = agreementsOf([
      'Russia and North Korea signed the Treaty on Comprehensive Strategic Partnership.',
      'Its terms echo the 1961 Treaty between the Soviet Union and North Korea.',
      'Observers say the Treaty on Comprehensive Strategic Partnership goes further.',
      'Article 4 of the new treaty obliges each side to help the other if it is attacked.',
    ]);
    const byName = (n: string) => rows.find((r) => r.name.startsWith(n))!;
    expect(byName('Treaty on Comprehensive').articles.map((a) => a.number)).toEqual([4]);
    expect(byName('1961 Treaty').articles).toEqual([]);
  });
});
