import { describe, expect, it } from 'vitest';
import { createClauseKnowledge, createSentenceView, type ClauseKnowledge } from './view.js';
import { eventLexicon, mention, oneSentenceDoc, patterns } from '../../../test/support/doc.js';
import type { Mention } from '../../core/types.js';

const k: ClauseKnowledge = createClauseKnowledge(patterns({ verbs: { accuse: { code: '112' }, urge: { code: '020' }, say: { attribution: true } } }), eventLexicon());

/** the view of one hand-tagged sentence, and the index of a token by its text */
function view(spec: string, ms: (s: { text: string }) => Mention[]) {
  const { s } = oneSentenceDoc(spec, ms);
  const v = createSentenceView({ doc: 'd', idx: 0, text: s.text, start: 0, tokens: s.tokens!, mentions: s.mentions!, places: [] }, k);
  const at = (w: string) => s.tokens!.findIndex((t) => t.text === w);
  return { v, at };
}
const actors = (ps: { m: Mention }[]) => ps.map((p) => p.m.actor);

describe('clause view: subjects', () => {
  it('skips a relative clause set off by commas: the verb after it is its antecedent’s', () => {
    const { v, at } = view(
      'The/DET rebels/NOUN ,/PUNCT who/PRON have/AUX fought/VERB Peru/PROPN for/ADP years/NOUN ,/PUNCT have/AUX now/ADV signed/VERB a/DET truce/NOUN ./PUNCT',
      (s) => [mention(s, 'rebels', 'group:shining-path'), mention(s, 'Peru', 'PER')],
    );
    expect(actors(v.subjectOf(at('signed')))).toEqual(['group:shining-path']);
  });

  it('reads an apposition that opens with a title read as a role as describing the name before it', () => {
    const { v, at } = view(
      'General/PROPN Ada/PROPN Moss/PROPN ,/PUNCT commander/NOUN of/ADP Chile/PROPN \'s/PART navy/NOUN ,/PUNCT announced/VERB the/DET exercise/NOUN ./PUNCT',
      (s) => [mention(s, 'Ada Moss', 'person:ada-moss', { country: 'CHL' }), mention(s, "commander of Chile 's navy", 'CHLMIL', { via: 'role', country: 'CHL', role: 'MIL' })],
    );
    expect(actors(v.subjectOf(at('announced')))).toEqual(['person:ada-moss']);
  });

  it('gives a verb after "accused X of" or "urged X to" the object X as its subject', () => {
    const { v, at } = view(
      'Lima/PROPN accused/VERB:accuse Quito/PROPN of/ADP arming/VERB the/DET smugglers/NOUN ./PUNCT',
      (s) => [mention(s, 'Lima', 'PER'), mention(s, 'Quito', 'ECU')],
    );
    expect(actors(v.subjectOf(at('arming')))).toEqual(['ECU']);
    // an agent after "by" is no object of a verb: its own verb keeps the subject before it
    const b = view('Peru/PROPN used/VERB boats/NOUN sold/VERB by/ADP Chile/PROPN to/PART patrol/VERB the/DET coast/NOUN ./PUNCT', (s) => [mention(s, 'Peru', 'PER'), mention(s, 'Chile', 'CHL')]);
    expect(actors(b.v.subjectOf(b.at('patrol')))).toEqual(['PER']);
  });

  it('lets only verbs of control hand the act to their object ("urged X to leave", not "called in X to complain")', () => {
    const a = view('Quito/PROPN urged/VERB:urge Lima/PROPN to/PART withdraw/VERB ./PUNCT', (s) => [mention(s, 'Quito', 'ECU'), mention(s, 'Lima', 'PER')]);
    expect(actors(a.v.subjectOf(a.at('withdraw')))).toEqual(['PER']);
    const b = view('Quito/PROPN summoned/VERB:summon Lima/PROPN \'s/PART envoy/NOUN to/PART protest/VERB ./PUNCT', (s) => [mention(s, 'Quito', 'ECU'), mention(s, "Lima 's envoy", 'PERGOV')]);
    expect(actors(b.v.subjectOf(b.at('protest')))).toEqual(['ECU']);
  });

  it('does not make a speaker the subject of the clause he reports, unless a pronoun stands for him', () => {
    const a = view(
      'The/DET governor/NOUN of/ADP Lima/PROPN said/VERB:say Sunday/PROPN \'s/PART raids/NOUN had/AUX killed/VERB nine/NUM people/NOUN ./PUNCT',
      (s) => [mention(s, 'governor of Lima', 'PERGOV', { via: 'role' })],
    );
    expect(actors(a.v.subjectOf(a.at('killed')))).toEqual([]);
    const b = view('Quito/PROPN said/VERB:say it/PRON would/AUX expel/VERB the/DET envoy/NOUN ./PUNCT', (s) => [mention(s, 'Quito', 'ECU')]);
    expect(actors(b.v.subjectOf(b.at('expel')))).toEqual(['ECU']);
    // ("said … but called …": the second verb goes with the speech verb)
    const c = view(
      'Boric/PROPN said/VERB:say the/DET risk/NOUN was/AUX low/ADJ but/CCONJ called/VERB:call Lima/PROPN \'s/PART claims/NOUN false/ADJ ./PUNCT',
      (s) => [mention(s, 'Boric', 'person:gabriel-boric', { country: 'CHL' }), mention(s, 'Lima', 'PER')],
    );
    expect(actors(c.v.subjectOf(c.at('called')))).toEqual(['person:gabriel-boric']);
  });

  it('does not make the agent of a participle the subject of the clause ("forces backed by Chile marched …")', () => {
    const { v, at } = view(
      'Militias/NOUN backed/VERB by/ADP Chile/PROPN marched/VERB into/ADP the/DET city/NOUN ./PUNCT',
      (s) => [mention(s, 'Chile', 'CHL')],
    );
    expect(actors(v.subjectOf(at('marched')))).toEqual([]);
    // the agent of an event noun is: "raids by Chile killed …"
    const b = view('Raids/NOUN by/ADP Chile/PROPN killed/VERB nine/NUM people/NOUN ./PUNCT', (s) => [mention(s, 'Chile', 'CHL')]);
    expect(actors(b.v.subjectOf(b.at('killed')))).toEqual(['CHL']);
  });

  it('reads an absolute phrase: "with Chile and Peru mediating" has them as subject, and is no target of the verb before', () => {
    const { v, at } = view(
      'Ecuador/PROPN signed/VERB:sign a/DET truce/NOUN ,/PUNCT with/ADP Chile/PROPN and/CCONJ Peru/PROPN mediating/VERB:mediate ./PUNCT',
      (s) => [mention(s, 'Ecuador', 'ECU'), mention(s, 'Chile', 'CHL'), mention(s, 'Peru', 'PER')],
    );
    expect(actors(v.subjectOf(at('mediating')))).toEqual(['CHL', 'PER']);
    expect(v.targetAfter(at('truce'), ['with'], at('signed'))).toEqual([]);
    expect(v.absoluteGerund(at('mediating'))).toBe(true);
    // ("during" ends like a gerund but is none)
    const b = view('Lima/PROPN shared/VERB:share data/NOUN with/ADP Quito/PROPN during/ADP the/DET crisis/NOUN ./PUNCT', (s) => [mention(s, 'Lima', 'PER'), mention(s, 'Quito', 'ECU')]);
    expect(actors(b.v.targetAfter(b.at('data'), ['with'], b.at('shared')))).toEqual(['ECU']);
  });

  it('reads the mention after a subordinator as the subject of its own clause ("as Moscow readies …")', () => {
    const { v, at } = view(
      'Biden/PROPN visited/VERB Kyiv/PROPN as/SCONJ Moscow/PROPN readied/VERB a/DET new/ADJ offensive/NOUN ./PUNCT',
      (s) => [mention(s, 'Biden', 'person:joe-biden', { country: 'USA' }), mention(s, 'Kyiv', 'UKR'), mention(s, 'Moscow', 'RUS')],
    );
    expect(actors(v.subjectOf(at('readied')))).toEqual(['RUS']);
  });

  it('hangs a gerund after "by" or "after" on the finite verb of its clause', () => {
    const { v, at } = view(
      'Ecuador/PROPN answered/VERB the/DET raid/NOUN by/ADP expelling/VERB Peru/PROPN \'s/PART envoy/NOUN ./PUNCT',
      (s) => [mention(s, 'Ecuador', 'ECU'), mention(s, 'Peru', 'PER')],
    );
    expect(actors(v.subjectOf(at('expelling')))).toEqual(['ECU']);
  });
});

describe('clause view: objects', () => {
  it('reads the object after a phrasal particle, a part or a number of it, and a quantity', () => {
    const a = view('Chile/PROPN turned/VERB down/ADP Peru/PROPN \'s/PART offer/NOUN ./PUNCT', (s) => [mention(s, 'Chile', 'CHL'), mention(s, 'Peru', 'PER')]);
    expect(actors(a.v.targetAfter(a.at('turned'), [], a.at('turned')))).toEqual(['PER']);
    const b = view('Chile/PROPN freed/VERB the/DET same/ADJ number/NOUN of/ADP Peruvian/PROPN sailors/NOUN ./PUNCT', (s) => [mention(s, 'Chile', 'CHL'), mention(s, 'Peruvian sailors', 'PERMIL', { via: 'adj' })]);
    expect(b.v.targetAfter(b.at('freed'), [], b.at('freed')).map((p) => p.how)).toEqual(['object']);
    const c = view('The/DET army/NOUN detained/VERB more/ADJ than/ADP 300/NUM Bolivian/PROPN miners/NOUN ./PUNCT', (s) => [mention(s, 'Bolivian miners', 'BOLCVL', { via: 'adj' })]);
    expect(c.v.targetAfter(c.at('detained'), [], c.at('detained')).map((p) => p.how)).toEqual(['object']);
  });

  it('reads an object past a hyphened participle ("signed a long-awaited accord")', () => {
    const { v, at } = view('Chile/PROPN signed/VERB a/DET long/ADJ -/PUNCT awaited/VERB accord/NOUN with/ADP Peru/PROPN ./PUNCT', (s) => [mention(s, 'Chile', 'CHL'), mention(s, 'Peru', 'PER')]);
    expect(v.objectAfter(at('signed'), { accord: '057' })).toEqual({ code: '057', end: at('accord'), key: 'accord' });
  });

  it('lets a particle the table knows yield to an object noun after it ("pulled back its ambassadors")', () => {
    const { v, at } = view('Chile/PROPN pulled/VERB:pull back/ADV its/PRON ambassadors/NOUN:ambassador ./PUNCT', (s) => [mention(s, 'Chile', 'CHL')]);
    expect(v.objectAfter(at('pulled'), { back: '0874', ambassador: '161' })).toEqual({ code: '161', end: at('ambassadors'), key: 'ambassador' });
    const b = view('Chile/PROPN pulled/VERB:pull back/ADV ./PUNCT', (s) => [mention(s, 'Chile', 'CHL')]);
    expect(b.v.objectAfter(b.at('pulled'), { back: '0874', ambassador: '161' })).toEqual({ code: '0874', end: b.at('back'), key: 'back' });
  });

  it('does not read a place after a particle as the object ("flew over Bolivia")', () => {
    const { v, at } = view('Jets/NOUN flew/VERB over/ADP Bolivia/PROPN ./PUNCT', (s) => [mention(s, 'Bolivia', 'BOL', { via: 'place' })]);
    expect(v.targetAfter(at('flew'), [], at('flew')).filter((p) => p.how === 'object')).toEqual([]);
  });
});
