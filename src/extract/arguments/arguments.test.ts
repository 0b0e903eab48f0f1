import { describe, expect, it } from 'vitest';
import { createClauseKnowledge, type ClauseKnowledge } from '../clause/view.js';
import { eventLexicon, mention, oneSentenceDoc, patterns } from '../../../test/support/doc.js';
import { triggersStage } from '../triggers/index.js';
import { argumentsStage } from './index.js';

const k: ClauseKnowledge = createClauseKnowledge(
  patterns({
    verbs: {
      impose: { objects: { sanction: '163', curfew: null }, preps: ['on', 'against'] },
      hit: { code: '190', preps: ['at'] },
      buy: { from_source: { drone: '061' } },
      meet: { code: '040', symmetric: true },
      detain: { code: '173' },
      arrest: { code: '173' },
      back: { code: '051', objects: { rebel: '062' } },
      fire: { objects: { missile: '150', 'tear gas': '175' }, with_target: '195', preps: ['at'] },
      refuse: { code: '120', preps: ['to'] },
      encircle: { code: '150' },
      say: { attribution: true },
      defend: { code: '051' },
      warn: { code: '130' },
      criticize: { code: '111' },
    },
    nouns: {
      talk: { code: '040', symmetric: true, target: ['with'], source: [] },
      deal: { code: '057', symmetric: true, target: ['with'], source: [], participle: ['sign'], requires_participle: true },
      exercise: { code: '150', target: ['around'], source: ['by'], no_target: true, requires_modifier: true, modifiers: { 'live-fire': '150' } },
      aid: { code: '070', target: ['to'], source: ['from', 'by'] },
    },
  }),
  eventLexicon(),
);

function triggers(spec: string, ms: (s: { text: string }) => ReturnType<typeof mention>[]) {
  const { doc, s } = oneSentenceDoc(spec, ms);
  triggersStage(k).run(doc);
  argumentsStage(k).run(doc);
  return s.triggers!.map((t) => ({ code: t.code, src: t.sources.map((p) => `${p.m.actor}:${p.how}`), tgt: t.targets.map((p) => `${p.m.actor}:${p.how}`) }));
}

describe('arguments', () => {
  it('the object selects the sense, the preposition names the target', () => {
    expect(triggers('Russia/PROPN imposed/VERB:impose sanctions/NOUN:sanction on/ADP Japan/PROPN ./PUNCT', (s) => [mention(s, 'Russia', 'RUS'), mention(s, 'Japan', 'JPN')])).toEqual([{ code: '163', src: ['RUS:subject'], tgt: ['JPN:prep:on'] }]);
  });

  it('an object that names no event drops the verb ("imposed a curfew")', () => {
    expect(triggers('Russia/PROPN imposed/VERB:impose a/DET curfew/NOUN on/ADP Japan/PROPN ./PUNCT', (s) => [mention(s, 'Russia', 'RUS'), mention(s, 'Japan', 'JPN')])).toEqual([]);
  });

  it('a passive takes its agent as source and its subject as target', () => {
    expect(triggers('Ukraine/PROPN was/AUX:be hit/VERB:hit by/ADP Russia/PROPN ./PUNCT', (s) => [mention(s, 'Ukraine', 'UKR'), mention(s, 'Russia', 'RUS')])).toEqual([{ code: '190', src: ['RUS:by'], tgt: ['UKR:subject'] }]);
  });

  it('receiving: the giver after "from" is the source', () => {
    expect(triggers('India/PROPN bought/VERB:buy drones/NOUN:drone from/ADP Israel/PROPN ./PUNCT', (s) => [mention(s, 'India', 'IND'), mention(s, 'Israel', 'ISR')])).toEqual([{ code: '061', src: ['ISR:prep:from'], tgt: ['IND:subject'] }]);
  });

  it('a threat with no object is aimed at the first other side named in the clause it threatens', () => {
    const ms = (s: { text: string }) => [mention(s, 'Russia', 'RUS'), mention(s, 'Finland', 'FIN')];
    expect(triggers('Russia/PROPN warned/VERB:warn that/SCONJ there/PRON would/AUX be/AUX consequences/NOUN if/SCONJ Finland/PROPN joined/VERB ./PUNCT', ms)).toEqual([{ code: '130', src: ['RUS:subject'], tgt: ['FIN:complement'] }]);
  });

  it('reads a modifier the tokenizer split at its hyphen ("live-fire exercises")', () => {
    expect(triggers('Live/ADJ -/PUNCT fire/NOUN exercises/NOUN:exercise by/ADP the/DET Chinese/PROPN military/NOUN around/ADP Taiwan/PROPN began/VERB:begin ./PUNCT', (s) => [mention(s, 'Chinese military', 'CHNMIL'), mention(s, 'Taiwan', 'TWN')])).toEqual([{ code: '150', src: ['CHNMIL:by'], tgt: ['TWN:prep:around'] }]);
  });

  it('an event noun that is the subject of a passive light verb takes its agent as source ("aid was announced by Britain")', () => {
    expect(triggers('Aid/PROPN:aid to/ADP Malawi/PROPN was/AUX:be also/ADV announced/VERB:announce by/ADP Britain/PROPN ./PUNCT', (s) => [mention(s, 'Malawi', 'MWI'), mention(s, 'Britain', 'GBR')])).toEqual([{ code: '070', src: ['GBR:by'], tgt: ['MWI:prep:to'] }]);
  });

  it('coordinated subjects are all sources', () => {
    expect(triggers('Kim/PROPN and/CCONJ Putin/PROPN met/VERB:meet ./PUNCT', (s) => [mention(s, 'Kim', 'PRK'), mention(s, 'Putin', 'RUS')])).toEqual([{ code: '040', src: ['PRK:subject', 'RUS:subject'], tgt: [] }]);
  });

  it('unnamed people detained are the civilians of the actor’s own country', () => {
    expect(triggers('Belarus/PROPN detained/VERB:detain over/ADP 35,000/NUM people/NOUN:people ./PUNCT', (s) => [mention(s, 'Belarus', 'BLR')])).toEqual([{ code: '173', src: ['BLR:subject'], tgt: ['BLRCVL:object'] }]);
  });

  it('a mention inside an apposition describes the one before it: "Hungary, a NATO member, has refused"', () => {
    expect(triggers('Hungary/PROPN ,/PUNCT a/DET NATO/PROPN member/NOUN ,/PUNCT has/AUX:have refused/VERB:refuse to/ADP Ukraine/PROPN ./PUNCT', (s) => [mention(s, 'Hungary', 'HUN'), mention(s, 'NATO', 'org:nato', { org: 'NATO', country: null }), mention(s, 'Ukraine', 'UKR')])).toEqual([{ code: '120', src: ['HUN:subject'], tgt: ['UKR:prep:to'] }]);
  });

  it('an owner and title introduce one person in a coordinated subject', () => {
    const r = triggers("Chilean/ADJ President/PROPN Gabriel/PROPN Boric/PROPN and/CCONJ Argentina/PROPN 's/PART leader/NOUN Javier/PROPN Milei/PROPN met/VERB:meet ./PUNCT", (s) => [
      mention(s, 'Chilean', 'CHL', { via: 'adj' }),
      mention(s, 'Gabriel Boric', 'person:boric', { country: 'CHL' }),
      mention(s, 'Argentina', 'ARG'),
      mention(s, 'Javier Milei', 'person:milei', { country: 'ARG' }),
    ]);
    expect(r).toEqual([{ code: '040', src: ['person:boric:subject', 'person:milei:subject'], tgt: [] }]);
  });

  it('a phrase before the main clause has its subject as source ("After talks with X, Y said …")', () => {
    const r = triggers('After/ADP talks/NOUN:talk with/ADP Boric/PROPN ,/PUNCT Milei/PROPN said/VERB:say more/ADJ ./PUNCT', (s) => [mention(s, 'Boric', 'person:boric', { country: 'CHL' }), mention(s, 'Milei', 'person:milei', { country: 'ARG' })]);
    expect(r).toEqual([{ code: '040', src: ['person:milei:subject'], tgt: ['person:boric:prep:with'] }]);
  });

  it('an event noun takes the subject of its relative clause when that clause has its verb ("the deal that X and Y signed")', () => {
    const r = triggers('Chile/PROPN defended/VERB:defend the/DET deal/NOUN:deal that/PRON Peru/PROPN and/CCONJ Bolivia/PROPN signed/VERB:sign ./PUNCT', (s) => [mention(s, 'Chile', 'CHL'), mention(s, 'Peru', 'PER'), mention(s, 'Bolivia', 'BOL')]);
    expect(r.find((t) => t.code === '057')).toEqual({ code: '057', src: ['PER:subject', 'BOL:subject'], tgt: [] });
  });

  it('an arrest with no agent is the state’s: of the place after "in", else of the person arrested', () => {
    const home = triggers('Pedro/PROPN Ruiz/PROPN was/AUX:be arrested/VERB:arrest on/ADP Monday/PROPN ./PUNCT', (s) => [mention(s, 'Pedro Ruiz', 'person:pedro-ruiz', { country: 'PER' })]);
    expect(home).toEqual([{ code: '173', src: ['PERGOV:implied'], tgt: ['PERCVL:subject'] }]);
    const abroad = triggers('Two/NUM Peruvians/PROPN were/AUX:be detained/VERB:detain in/ADP Chile/PROPN ./PUNCT', (s) => [mention(s, 'Peruvians', 'PER', { via: 'adj' }), mention(s, 'Chile', 'CHL')]);
    expect(abroad).toEqual([{ code: '173', src: ['CHLGOV:implied'], tgt: ['PER:subject'] }]);
  });

  it('a launch aimed at someone is an attack, unless its object already names the force ("fired tear gas at")', () => {
    const missiles = triggers('Chile/PROPN fired/VERB:fire missiles/NOUN:missile at/ADP Peru/PROPN ./PUNCT', (s) => [mention(s, 'Chile', 'CHL'), mention(s, 'Peru', 'PER')]);
    expect(missiles).toEqual([{ code: '195', src: ['CHL:subject'], tgt: ['PER:prep:at'] }]);
    const gas = triggers('Police/NOUN in/ADP Lima/PROPN fired/VERB:fire tear/NOUN:tear gas/NOUN:gas at/ADP Peruvians/PROPN ./PUNCT', (s) => [mention(s, 'Police in Lima', 'PERCOP', { via: 'role', role: 'COP' }), mention(s, 'Peruvians', 'PERCVL', { via: 'role', role: 'CVL' })]);
    expect(gas).toEqual([{ code: '175', src: ['PERCOP:subject'], tgt: ['PERCVL:prep:at'] }]);
  });

  it('a participle right before its agent is a passive whose head noun is the object ("rebels backed by Chile")', () => {
    const r = triggers('Rebels/NOUN:rebel backed/VERB:back by/ADP Chile/PROPN seized/VERB:seize the/DET town/NOUN ./PUNCT', (s) => [mention(s, 'Rebels', 'group:sendero', { country: 'PER' }), mention(s, 'Chile', 'CHL')]);
    expect(r.find((t) => t.src.includes('CHL:by'))?.code).toBe('062');
  });

  it('a participle the tagger calls an adjective after a passive auxiliary and before its agent is the verb', () => {
    expect(triggers('Lithuania/PROPN was/AUX:be encircled/ADJ by/ADP Russian/ADJ warships/NOUN:warship ./PUNCT', (s) => [mention(s, 'Lithuania', 'LTU'), mention(s, 'Russian warships', 'RUSMIL')])).toEqual([{ code: '150', src: ['RUSMIL:by'], tgt: ['LTU:subject'] }]);
  });
});
