import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { makeDoc, type Doc } from '../../core/doc.js';
import { compileActorKnowledge, officeHolder, roleAt, type ActorSources, type WorldCountry } from '../../knowledge/actors.js';
import { compileLexicon, LexiconError } from '../../knowledge/lexicon.js';
import { keysStage } from '../keys/index.js';
import { actorsStage } from './index.js';

// the actor words (data/lexicon/actors.yaml) and a hand-made world of five countries and a few office holders
const lexicon = compileLexicon({ 'lexicon/actors.yaml': YAML.parse(readFileSync(new URL('../../../data/lexicon/actors.yaml', import.meta.url), 'utf8')) });

const country = (cca3: string, common: string, demonym: string, capital: string, alt: string[] = []): WorldCountry => ({
  cca3, unMember: true, independent: true, name: { common, official: common }, altSpellings: alt, demonyms: { eng: { m: demonym, f: demonym } }, capital: [capital],
});

const sources: ActorSources = {
  world: [
    country('RUS', 'Russia', 'Russian', 'Moscow'),
    country('USA', 'United States', 'American', 'Washington', ['USA']),
    country('PRK', 'North Korea', 'North Korean', 'Pyongyang'),
    country('KOR', 'South Korea', 'South Korean', 'Seoul'),
    country('JOR', 'Jordan', 'Jordanian', 'Amman'),
  ],
  countries: { countries: { RUS: { government: ['Kremlin'] } } },
  orgs: null,
  people: [
    {
      people: [
        { id: 'person:vladimir-putin', name: 'Vladimir Putin', country: 'RUS', short: ['Putin'], roles: [{ role: 'GOV', from: '2012-05-07', until: null, office: 'head_of_state' }] },
        { id: 'person:dmitry-medvedev', name: 'Dmitry Medvedev', country: 'RUS', short: ['Medvedev'], roles: [{ role: 'GOV', from: '2008-05-07', until: '2012-05-07', office: 'head_of_state' }] },
        { id: 'person:sergei-shoigu', name: 'Sergei Shoigu', country: 'RUS', short: ['Shoigu'], roles: [{ role: 'MIL', from: '2012-11-06', until: '2024-05-12', office: 'defense_minister' }] },
        { id: 'person:andrei-belousov', name: 'Andrei Belousov', country: 'RUS', short: ['Belousov'], roles: [{ role: 'MIL', from: '2024-05-14', until: null, office: 'defense_minister' }] },
        { id: 'person:kim-jong-un', name: 'Kim Jong Un', country: 'PRK', short: ['Kim'], roles: [{ role: 'GOV', from: '2011-12-17', until: null, office: 'head_of_state' }] },
      ],
    },
  ],
  roles: {
    roles: { GOV: { titles: ['president', 'leader', 'officials'] }, MIL: { titles: ['defense minister', 'military'] } },
    offices: { head_of_state: ['president', 'leader'], defense_minister: ['defense minister'] },
  },
};
const actors = compileActorKnowledge(sources, lexicon);
const stages = [keysStage(), actorsStage({ actors, lexicon })];

/** a Doc of one paragraph, one sentence per string, run through keys → actors */
function read(sentences: string[], opts: { published?: string | null; readAt?: string | null; authors?: string[] } = {}): Doc {
  let at = 0;
  const ss = sentences.map((text, idx) => {
    const s = { idx, text, start: at, paragraph: 0 };
    at += text.length + 1;
    return s;
  });
  const doc = makeDoc({ id: 'd1', text: sentences.join(' '), published: opts.published ?? null, readAt: opts.readAt ?? null, authors: opts.authors ?? [], sentences: ss });
  for (const st of stages) st.run(doc);
  return doc;
}
const mentions = (doc: Doc) => doc.sentences.flatMap((s) => s.mentions!.map((m) => [m.text, m.actor, m.via]));

describe('actors stage', () => {
  it('finds people, states, adjectives and a government named by its seat', () => {
    const doc = read(['Russian President Vladimir Putin spoke with the Kremlin about Jordan.'], { published: '2023-03-01' });
    expect(mentions(doc)).toEqual([
      ['Russian', 'RUS', 'adj'],
      ['Vladimir Putin', 'person:vladimir-putin', 'dict'],
      ['Kremlin', 'RUSGOV', 'dict'],
      ['Jordan', 'JOR', 'dict'],
    ]);
    // the branch's display name takes its label from the lexicon
    expect(doc.actors!.get('RUSGOV')!.name).toBe('Government of Russia');
    // and any branch or community the later stages name is labelled the same way
    expect(actors.branch('RUS', 'CVL')).toMatchObject({ id: 'RUSCVL', name: 'Civilians of Russia', kind: 'other', country: 'RUS', role: 'CVL' });
    expect(actors.branch('RUS', 'COP')).toMatchObject({ name: 'Police of Russia', kind: 'government' });
  });

  it('reads no actor in a currency sign ("USA$5 million")', () => {
    const doc = read(['Jordan pledged USA$5 million to Russia.'], { published: '2023-03-01' });
    expect(mentions(doc)).toEqual([
      ['Jordan', 'JOR', 'dict'],
      ['Russia', 'RUS', 'dict'],
    ]);
  });

  it('reads a capital after a locative word, or before an event noun, as a place', () => {
    const doc = read(['Envoys gathered in Moscow.', 'The Pyongyang summit ended.', 'Moscow rejected the plan.']);
    expect(mentions(doc)).toEqual([
      ['Moscow', 'RUSGOV', 'place'],
      ['Pyongyang', 'PRKGOV', 'place'],
      ['Moscow', 'RUSGOV', 'dict'],
    ]);
    expect(mentions(read(['Drones struck targets in southern Russia.']))).toEqual([['Russia', 'RUS', 'place']]);
  });

  it('a capitalised name after a title that ends in a body word is no person ("the militant Freedom Brigade")', () => {
    expect(mentions(read(['Troops fought the militant Freedom Brigade near the border.'])).filter(([, a]) => a.startsWith('person:'))).toEqual([]);
  });

  it('resolves a role phrase to the office holder on the date the text is read against', () => {
    const sentence = ['The Russian defense minister visited the front.'];
    expect(mentions(read(sentence, { published: '2020-06-01' }))).toEqual([['The Russian defense minister', 'person:sergei-shoigu', 'role']]);
    expect(mentions(read(sentence, { published: '2025-01-10' }))).toEqual([['The Russian defense minister', 'person:andrei-belousov', 'role']]);
    // no publication date: the caller's date
    expect(mentions(read(sentence, { readAt: '2019-01-01' }))).toEqual([['The Russian defense minister', 'person:sergei-shoigu', 'role']]);
    // no date at all: the holder whose term has no end date, whatever the day the code runs
    expect(mentions(read(sentence))).toEqual([['The Russian defense minister', 'person:andrei-belousov', 'role']]);
  });

  it('keeps a generic or plural title a branch of the state', () => {
    expect(mentions(read(['Russian officials denied the report.'], { published: '2023-01-01' }))).toEqual([['Russian officials', 'RUSGOV', 'role']]);
  });

  it('binds a bare surname to a current office holder, or to the last full mention', () => {
    expect(mentions(read(['Putin said the talks would go on.']))).toEqual([['Putin', 'person:vladimir-putin', 'short']]);
    // not in office on the date: no one
    expect(mentions(read(['Medvedev said the talks would go on.'], { published: '2020-01-01' }))).toEqual([]);
    expect(mentions(read(['Medvedev said the talks would go on.'], { published: '2010-01-01' }))).toEqual([['Medvedev', 'person:dmitry-medvedev', 'short']]);
    expect(mentions(read(['Dmitry Medvedev arrived.', 'Medvedev said the talks would go on.'], { published: '2020-01-01' }))).toEqual([
      ['Dmitry Medvedev', 'person:dmitry-medvedev', 'dict'],
      ['Medvedev', 'person:dmitry-medvedev', 'short'],
    ]);
  });

  it('gives a surname to the author when an author\'s verb follows', () => {
    const doc = read(['Kim argues that sanctions failed.', 'Kim Jong Un fired a missile.'], { published: '2023-01-01', authors: ['Jane Kim'] });
    expect(mentions(doc)).toEqual([
      ['Kim', 'person:jane-kim', 'author'],
      ['Kim Jong Un', 'person:kim-jong-un', 'dict'],
    ]);
  });

  it('expands "the two Koreas" to its members and "the two leaders" to the pair in play', () => {
    expect(mentions(read(['The two Koreas traded fire.']))).toEqual([
      ['The two Koreas', 'KOR', 'pair'],
      ['The two Koreas', 'PRK', 'pair'],
    ]);
    const doc = read(['Vladimir Putin met Kim Jong Un.', 'The two leaders signed a pact.'], { published: '2024-06-19' });
    expect(mentions(doc).slice(2)).toEqual([
      ['The two leaders', 'person:vladimir-putin', 'pair'],
      ['The two leaders', 'person:kim-jong-un', 'pair'],
    ]);
  });

  it('takes "the two countries" to the pair the story is about, not a state named in passing just before', () => {
    const doc = read([
      'Russia and North Korea renewed their trade pact on Tuesday, and Russia agreed to buy more North Korean shells.',
      'The ministers also spoke of Jordan, where elections are due.',
      'The two countries will meet again in March.',
    ]);
    const pair = mentions(doc).filter((m) => m[2] === 'pair');
    expect(pair.map((m) => m[1]).sort()).toEqual(['PRK', 'RUS']);
  });

  it('in text typed in lower case, reads names that are not also common words', () => {
    const doc = read(['putin met officials from jordan and north korea on monday.'], { published: '2024-01-01' });
    expect(mentions(doc)).toEqual([
      ['putin', 'person:vladimir-putin', 'short'],
      ['north korea', 'PRK', 'dict'],
    ]);
  });
});

describe('dated lookups', () => {
  it('resolve with no date as the latest the data knows', () => {
    expect(officeHolder(actors, 'defense_minister', 'RUS', null)).toBe('person:andrei-belousov');
    expect(officeHolder(actors, 'defense_minister', 'RUS', '2016')).toBe('person:sergei-shoigu');
    expect(officeHolder(actors, 'defense_minister', 'RUS', '2024-05-13')).toBeNull();
    expect(roleAt(actors.people.get('person:dmitry-medvedev')!, null)?.office).toBe('head_of_state');
  });

  it('the compiler needs the lexicon\'s actor words', () => {
    expect(() => compileActorKnowledge(sources, compileLexicon({}))).toThrow(LexiconError);
  });
});
