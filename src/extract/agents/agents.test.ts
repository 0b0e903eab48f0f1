import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../core/doc.js';
import type { ActorKnowledge } from '../../knowledge/actors.js';
import { compileLexicon } from '../../knowledge/lexicon.js';
import { tokenize } from '../../knowledge/text.js';
import { mention } from '../../../test/support/doc.js';
import YAML from 'yaml';
import { readFileSync } from 'node:fs';
import { agentsStage, UNNAMED_ARMED } from './index.js';

const actors = {
  titleRoles: new Map([['police', 'COP'], ['court', 'JUD'], ['gunmen', 'REB'], ['militants', 'REB'], ['commander', 'MIL'], ['spokesperson', 'GOV'], ['foreign ministry', 'GOV']]),
  people: new Map(),
  actors: new Map(),
  countryName: new Map([['DEU', 'Germany'], ['GUY', 'Guyana']]),
  // the knowledge's namer for a branch (compileActorKnowledge builds it from the lexicon's labels)
  branch: (country: string, role: string) => ({ id: `${country}${role}`, name: `${{ COP: 'Police', CVL: 'Civilians' }[role] ?? role} of ${{ DEU: 'Germany' }[country] ?? country}`, kind: role === 'COP' ? 'government' : 'other', country, org: null, role, aliases: [] }),
} as unknown as ActorKnowledge;
const lexicon = compileLexicon({
  'lexicon/places.yaml': YAML.parse(readFileSync(new URL('../../../data/lexicon/places.yaml', import.meta.url), 'utf8')),
});

function run(text: string, ms: (s: { text: string }) => ReturnType<typeof mention>[]) {
  const doc = makeDoc({ id: 'd', text, published: null, authors: [], sentences: [{ idx: 0, text, start: 0, paragraph: 0 }] });
  const s = doc.sentences[0];
  s.keys = tokenize(text);
  s.mentions = ms(s);
  s.places = [];
  doc.actors = new Map();
  agentsStage({ actors, lexicon }).run(doc);
  return { mentions: doc.mentions!.map((m) => `${m.text}→${m.actor}${m.country ? `/${m.country}` : ''}`), actors: doc.actors };
}

describe('agents', () => {
  it('an unnamed agent placed by a country is that country’s branch', () => {
    const r = run('Police in Germany detained two men.', (s) => [mention(s, 'Germany', 'DEU')]);
    expect(r.mentions).toEqual(['Police in Germany→DEUCOP/DEU']);
    expect(r.actors.get('DEUCOP')).toMatchObject({ name: 'Police of Germany', kind: 'government' });
  });

  it('armed men with no name and no country are the unnamed armed group', () => {
    expect(run('Gunmen attacked a convoy.', () => []).mentions).toEqual([`Gunmen→${UNNAMED_ARMED}`]);
  });

  it('"pro-" before a nationality adjective names a stance, not a nationality', () => {
    expect(run('Pro-Russian protesters gathered.', (s) => [mention(s, 'Russian', 'RUS', { via: 'adj' })]).mentions).toEqual([]);
  });

  it('armed men named by a stance ("pro-Russian separatists") are an armed group of no stated country, not the state', () => {
    const r = run('Fighting between pro-Russian separatists and the army resumed.', (s) => [mention(s, 'Russian separatists', 'RUSSEP', { via: 'role', country: 'RUS', role: 'SEP' })]);
    expect(r.mentions).toEqual([`Russian separatists→${UNNAMED_ARMED}`]);
    expect(run('Pro-Kremlin activists rallied.', (s) => [mention(s, 'Kremlin activists', 'RUSOPP', { via: 'role', country: 'RUS', role: 'OPP' })]).mentions).toEqual([]);
  });

  it('an unknown person takes the country of the role phrase in apposition', () => {
    const r = run('The German commander in Mali, General Jan Weber, spoke.', (s) => [mention(s, 'German commander', 'DEUMIL', { via: 'role', country: 'DEU' }), mention(s, 'Jan Weber', 'person:jan-weber', { country: null, via: 'title' })]);
    expect(r.mentions).toContain('Jan Weber→person:jan-weber/DEU');
  });

  it('unnamed police and protesters take the country of the place their sentence names', () => {
    const text = 'Police arrested dozens of protesters in Harare.';
    const doc = makeDoc({ id: 'd', text, published: null, authors: [], sentences: [{ idx: 0, text, start: 0, paragraph: 0 }] });
    const s = doc.sentences[0];
    s.keys = tokenize(text);
    s.mentions = [];
    const at = text.indexOf('Harare');
    s.places = [{ span: [at, at + 6], location: { name: 'Harare', country: 'ZWE', lat: 0, lon: 0 } }];
    doc.actors = new Map();
    const titled = { ...actors, titleRoles: new Map([['police', 'COP'], ['protesters', 'OPP']]) } as unknown as ActorKnowledge;
    agentsStage({ actors: titled, lexicon }).run(doc);
    expect(doc.mentions!.map((m) => `${m.text}→${m.actor}`)).toEqual(['Police→ZWECOP', 'protesters in Harare→ZWEOPP']);
  });

  it('a person the data lacks, named before an apposition with a title, takes the country of the state in the apposition', () => {
    const text = "Aykhan Hajizade, spokesperson for Azerbaijan's foreign ministry, said the talks failed.";
    const r = run(text, (s) => [mention(s, "Azerbaijan's foreign ministry", 'AZEGOV', { via: 'role', country: 'AZE', role: 'GOV' })]);
    expect(r.mentions).toContain('Aykhan Hajizade→person:aykhan-hajizade/AZE');
    expect(r.actors.get('person:aykhan-hajizade')).toMatchObject({ kind: 'person', country: 'AZE' });
    // a list of places before a comma is no name, and an apposition with no title names nobody
    expect(run('Kharkiv Oblast, a region of Ukraine, was shelled.', (s) => [mention(s, 'Ukraine', 'UKR')]).mentions).toEqual(['Ukraine→UKR/UKR']);
  });
});
