import { describe, expect, it } from 'vitest';
import type { ItemTerm } from '../../knowledge/analysis.js';
import { phraseKeys } from '../../knowledge/text.js';
import { TokenTrie } from '../../knowledge/trie.js';
import { handDoc, lexiconOf, type Named } from '../../../test/support/analysis.js';
import { flowsStage } from './index.js';

const items = new TokenTrie<ItemTerm>();
for (const [term, item, category] of [['artillery shells', 'artillery shells', 'arms'], ['shells', 'artillery shells', 'arms'], ['grain', 'grain', 'food'], ['gas', 'natural gas', 'energy'], ['drones', 'drones', 'arms'], ['diplomatic support', 'diplomatic support', 'diplomatic-support'], ['aid', 'humanitarian aid', 'other'], ['fuel', 'fuel', 'energy'], ['money', 'money', 'finance'], ['loans', 'loans', 'finance']] as const) items.add(phraseKeys(term), { item, category });
const stage = flowsStage({ analysis: { items }, lexicon: lexiconOf('flows') });

const NAMES: Named[] = [
  ['North Korea', 'PRK', 'PRK'],
  ['Russia', 'RUS', 'RUS'],
  ['Russian', 'RUS', 'RUS', 'adj'],
  ['China', 'CHN', 'CHN'],
  ['Pakistan', 'PAK', 'PAK'],
  ['Norway', 'NOR', 'NOR'],
  ['Denmark', 'DNK', 'DNK'],
  ['Ukraine', 'UKR', 'UKR'],
  ['Iran', 'IRN', 'IRN'],
  ['Belarusian', 'BLR', 'BLR', 'adj'],
  ['Poland', 'POL', 'POL'],
];

function flowsOf(sentence: string, events: Parameters<typeof handDoc>[2] = []) {
  const d = handDoc([sentence], NAMES, events);
  stage.run(d);
  return d.flows!.map(({ giver, receiver, item, category, status }) => ({ giver, receiver, item, category, status }));
}

describe('stage flows', () => {
  it('names an organisation or a named group as a side by its id, as events do', () => {
    const d = handDoc(['Iran sent artillery shells to the Houthis.', 'The European Union sent grain to Ukraine.'], [...NAMES, ['Houthis', 'group:houthis', 'YEM'], ['European Union', 'org:eu', null]]);
    for (const m of d.mentions!) if (m.actor === 'org:eu') m.org = 'EU';
    stage.run(d);
    expect(d.flows!.map((f) => `${f.giver}→${f.receiver} ${f.item}`)).toEqual(['IRN→group:houthis artillery shells', 'org:eu→UKR grain']);
  });

  it('reads a delivery: the subject of a verb of giving gives, the one after "to" receives', () => {
    expect(flowsOf('North Korea sent artillery shells to Russia last year.')).toEqual([{ giver: 'PRK', receiver: 'RUS', item: 'artillery shells', category: 'arms', status: 'delivered' }]);
  });

  it('reads a want: the subject would receive, the one after "from" would give', () => {
    expect(flowsOf('Russia is seeking artillery shells from North Korea.')).toEqual([{ giver: 'PRK', receiver: 'RUS', item: 'artillery shells', category: 'arms', status: 'sought' }]);
  });

  it('reads a barter as two flows, opposite ways', () => {
    expect(flowsOf('North Korea swapped artillery shells for Russian grain.')).toEqual([
      { giver: 'PRK', receiver: 'RUS', item: 'artillery shells', category: 'arms', status: 'delivered' },
      { giver: 'RUS', receiver: 'PRK', item: 'grain', category: 'food', status: 'delivered' },
    ]);
  });

  it('drops a denied flow', () => {
    expect(flowsOf('North Korea denied that it sent artillery shells to Russia.')).toEqual([]);
  });

  it('marks a possible flow, and one the sentence\'s aid event promises', () => {
    expect(flowsOf('China could supply gas to Pakistan.')).toMatchObject([{ giver: 'CHN', receiver: 'PAK', status: 'possible' }]);
    expect(flowsOf('China is supplying gas to Pakistan.', [{ root: '07', modality: 'future' }])).toMatchObject([{ giver: 'CHN', receiver: 'PAK', status: 'promised' }]);
  });

  it('gives one flow per coordinated giver', () => {
    expect(flowsOf('Ukraine received artillery shells from Norway and Denmark.')).toMatchObject([
      { giver: 'NOR', receiver: 'UKR', item: 'artillery shells' },
      { giver: 'DNK', receiver: 'UKR', item: 'artillery shells' },
    ]);
  });

  it('does not take the source of a report for an item', () => {
    expect(flowsOf('According to Russian grain traders, North Korea sent artillery shells to Russia.')).toMatchObject([{ item: 'artillery shells' }]);
  });

  it('in a news report, a sentence of hostile acts transfers nothing, and a side a verb leaves open is the party the report has named most', () => {
    const run = (sentences: string[], events: Parameters<typeof handDoc>[2], genre: 'news' | 'analysis') => {
      const d = handDoc(sentences, NAMES, events);
      d.genreRead = genre;
      stage.run(d);
      return d.flows!.map((f) => `${f.giver ?? '?'}>${f.receiver ?? '?'} ${f.item}`);
    };
    const strike = [{ sentence: 0, root: '19', cameo: '190' }];
    expect(run(['Russia fired artillery shells delivered from North Korea at Ukraine on Monday.'], strike, 'news')).toEqual([]);
    // read as an analysis, the same words keep what the frame says: North Korea delivered them, to Russia that fired them
    expect(run(['Russia fired artillery shells delivered from North Korea at Ukraine on Monday.'], strike, 'analysis')).toEqual(['PRK>RUS artillery shells']);
    // the report has named China twice and Iran once before: China is the one Pakistan looks to
    expect(run(['China and Pakistan met in Beijing.', 'China and Iran talked.', 'Pakistan is looking for gas to ease shortages.'], [], 'news')).toEqual(['CHN>PAK natural gas']);
    // with no one else named, a one-sided flow is no transfer the report tells
    expect(run(['Pakistan is looking for gas to ease shortages.'], [], 'news')).toEqual([]);
  });

  it('reads the receiver after "to" past an attribution ("according to …")', () => {
    expect(flowsOf('According to Russian media, Norway has sent artillery shells to Ukraine.').map((f) => `${f.giver}>${f.receiver}`)).toEqual(['NOR>UKR']);
  });

  it('reads a flow only from an item a transfer frames', () => {
    // named, not transferred
    expect(flowsOf('Pakistan fired artillery shells at the border while China watched.')).toEqual([]);
    // a predicate in another clause does not frame the item
    expect(flowsOf('China sent envoys to Pakistan; Russia fired artillery shells at Ukraine.')).toEqual([]);
    // a participle of transfer right after the item frames it
    expect(flowsOf('Pakistan stored artillery shells supplied by China.').length).toBe(1);
  });

  it('reads each item with its own predicate, so one sentence may tell transfers both ways', () => {
    expect(flowsOf('Russia sent grain to North Korea, and North Korea shipped artillery shells to Russia.').map((f) => `${f.giver}>${f.receiver} ${f.item}`)).toEqual(['RUS>PRK grain', 'PRK>RUS artillery shells']);
  });

  it('reads a passive participle after the item: the agent gives, the clause\'s subject receives', () => {
    expect(flowsOf('Pakistan stored artillery shells supplied by China.')).toMatchObject([{ giver: 'CHN', receiver: 'PAK', item: 'artillery shells' }]);
    expect(flowsOf('Russia launched drones delivered from Iran.')).toMatchObject([{ giver: 'IRN', receiver: 'RUS', item: 'drones' }]);
  });

  it('reads support a verb gives a party it names, and backing for a group is no political support', () => {
    const d = handDoc(['Iran is supporting the Houthis.', 'China is supporting Pakistan.'], [...NAMES, ['Houthis', 'group:houthis', 'YEM']]);
    stage.run(d);
    expect(d.flows!.map((f) => `${f.giver}>${f.receiver} ${f.category}`)).toEqual(['IRN>group:houthis other', 'CHN>PAK diplomatic-support']);
  });

  it('reads no transfer in a condition or from a verb of nothing given', () => {
    expect(flowsOf('Pakistan will protest if China sends artillery shells to Iran.')).toEqual([]);
    expect(flowsOf('China gave no artillery shells to Pakistan.')).toEqual([]);
  });

  it('reads a status from the frame: a reported future promises, a giving asked for is sought', () => {
    expect(flowsOf('China said it would send artillery shells to Pakistan.')).toMatchObject([{ giver: 'CHN', receiver: 'PAK', status: 'promised' }]);
    expect(flowsOf('Pakistan is calling on China to support Iran.')).toMatchObject([{ giver: 'CHN', receiver: 'IRN', item: 'diplomatic support', status: 'sought' }]);
  });

  it('reads the owner of an item as the giver of a receiving verb, and no possessor as a subject', () => {
    expect(flowsOf('Russia gains access to Iran\'s drones.')).toMatchObject([{ giver: 'IRN', receiver: 'RUS', item: 'drones' }]);
    // an item the text leaves without a giver keeps it open (no single-sentence report to fill it from)
    expect(flowsOf('Russia and Iran met; Russia obtained artillery shells.')).toMatchObject([{ giver: null, receiver: 'RUS' }]);
  });

  it('reads a noun of the one who receives as a verb of receiving', () => {
    expect(flowsOf('Pakistan, the biggest buyer of Russian artillery shells, said nothing.')).toMatchObject([{ giver: 'RUS', receiver: 'PAK', item: 'artillery shells' }]);
  });

  it('reads the beneficiary after "to aid" and no aid in it, and the origin of a nominal transfer as its giver', () => {
    expect(flowsOf('Poland protested shipments of Belarusian fuel to aid Russia.').map((f) => `${f.giver}>${f.receiver} ${f.item}`)).toEqual(['BLR>RUS fuel']);
  });

  it('takes no enemy for a receiver, and fills the side from the text before', () => {
    const d = handDoc(['Russia is at war.', 'North Korea sent artillery shells to fight against Ukraine.'], NAMES);
    d.genreRead = 'news';
    stage.run(d);
    expect(d.flows!.map((f) => `${f.giver}>${f.receiver}`)).toEqual(['PRK>RUS']);
  });

  it('reads a deployment as a transfer only to a receiver it names', () => {
    expect(flowsOf('Russia deployed artillery shells to Iran.')).toMatchObject([{ giver: 'RUS', receiver: 'IRN' }]);
    expect(flowsOf('Pakistan accused Iran of deploying artillery shells near the border.')).toEqual([]);
  });

  const news = (sentences: string[], names: Named[] = NAMES) => {
    const d = handDoc(sentences, names);
    d.genreRead = 'news';
    stage.run(d);
    return d.flows!.map((f) => `${f.giver ?? '?'}>${f.receiver ?? '?'} ${f.item} ${f.status}`);
  };

  it('reads a sum of money as money given, one flow per sum, a party right before a later sum giving it', () => {
    expect(news(['The donors met in Oslo to help Ukraine.', 'Norway pledged $40 million, Denmark $25 million and Poland €10 million.'])).toEqual(['NOR>UKR money promised', 'DNK>UKR money promised', 'POL>UKR money promised']);
    expect(flowsOf('China lent Pakistan 2 billion yuan.')).toMatchObject([{ giver: 'CHN', receiver: 'PAK', item: 'money', category: 'finance' }]);
  });

  it('reads no sum that measures goods, and the price of a sale the other way', () => {
    expect(flowsOf('Norway sent $30 million of fuel to Ukraine.').map((f) => `${f.giver}>${f.receiver} ${f.item}`)).toEqual(['NOR>UKR fuel']);
    expect(flowsOf('China promised $3 billion in loans to Pakistan.').map((f) => `${f.giver}>${f.receiver} ${f.item}`)).toEqual(['CHN>PAK loans']);
    expect(flowsOf('Pakistan bought drones from China in a $500 million deal.').map((f) => `${f.giver}>${f.receiver} ${f.item}`)).toEqual(['CHN>PAK drones', 'PAK>CHN money']);
    // ("the $7 billion package of deals" measures trade, no transfer)
    expect(flowsOf('Russia and China welcomed a $7 billion package of trade deals.')).toEqual([]);
  });

  it('takes the place a purpose phrase names as the receiver of what is given', () => {
    const d = handDoc(['China will provide $20 million for flood relief in Haiti.'], [...NAMES, ['Haiti', 'HTI', 'HTI', 'place']]);
    stage.run(d);
    expect(d.flows!.map((f) => `${f.giver}>${f.receiver} ${f.item} ${f.status}`)).toEqual(['CHN>HTI money promised']);
  });

  it('keeps a giver the text names as no party unknown, in a report too', () => {
    expect(news(['Poland and Ukraine met in Warsaw.', 'Ukraine asked its partners for drones.'])).toEqual(['?>UKR drones sought']);
    // with no one named as asked, the party the report names most gives
    expect(news(['Poland and Ukraine met in Warsaw.', 'Ukraine is looking for drones.'])).toEqual(['POL>UKR drones sought']);
  });

  it('carries the receiver of a flow on to the next sentences that leave it open', () => {
    // (the report names Norway as much as Ukraine: the receiver of the flow before decides)
    expect(news(['Norway sent fuel to Ukraine.', 'Denmark pledged $25 million.'])).toEqual(['NOR>UKR fuel delivered', 'DNK>UKR money promised']);
  });

  it('reads the origin of a nominal\'s item as its giver, and fills its receiver from the report', () => {
    expect(news(['Norway and Ukraine met in Oslo.', 'Officials confirmed a further handover of Russian drones.'])).toEqual(['RUS>NOR drones delivered']);
    expect(flowsOf('China handed out fuel to Pakistan.')).toMatchObject([{ giver: 'CHN', receiver: 'PAK', item: 'fuel' }]);
  });

  it('reads "the Iran-backed group" as backing for the group the report names', () => {
    const names: Named[] = [...NAMES, ['Houthis', 'group:houthis', 'YEM']];
    expect(news(['The Houthis seized a ship.', 'The Iran-backed group met in Sanaa.'], names)).toEqual(['IRN>group:houthis diplomatic support delivered']);
    // (no group named: no receiver)
    expect(news(['Pakistan seized a ship.', 'The Iran-backed group met in Sanaa.'])).toEqual([]);
  });
});
