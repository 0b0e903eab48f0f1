import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../core/doc.js';
import type { ActorKnowledge } from '../../knowledge/actors.js';
import { compileLexicon } from '../../knowledge/lexicon.js';
import { tokenize } from '../../knowledge/text.js';
import { mention } from '../../../test/support/doc.js';
import { corefStage } from './index.js';

const lexicon = compileLexicon({ 'lexicon/coref.yaml': YAML.parse(readFileSync(new URL('../../../data/lexicon/coref.yaml', import.meta.url), 'utf8')) });
const actors = { actors: new Map([['org:eu', { id: 'org:eu', name: 'European Union', kind: 'igo', country: null, org: 'EU', role: null, aliases: [] }]]) } as unknown as ActorKnowledge;

function run(sentences: string[], ms: ((s: { text: string; start: number; idx: number }) => ReturnType<typeof mention>[])[]) {
  let text = '';
  const ss = sentences.map((t, idx) => {
    const start = text.length ? text.length + 1 : 0;
    text += (text ? ' ' : '') + t;
    return { idx, text: t, start, paragraph: 0 };
  });
  const doc = makeDoc({ id: 'd', text, published: null, authors: [], sentences: ss });
  doc.actors = new Map();
  for (const s of doc.sentences) {
    s.keys = tokenize(s.text, s.start);
    s.mentions = ms[s.idx](s);
  }
  corefStage({ actors, lexicon }).run(doc);
  return doc.sentences.map((s) => s.mentions!.filter((m) => m.via === 'coref').map((m) => `${m.text}→${m.actor}`));
}

describe('coref', () => {
  it('"He" opening a sentence is the person named first in the one before', () => {
    expect(run(['Kim Jong Un arrived in Vladivostok on Tuesday.', 'He later met Putin.'], [(s) => [mention(s, 'Kim Jong Un', 'person:kim-jong-un', { country: 'PRK' })], (s) => [mention(s, 'Putin', 'person:putin', { country: 'RUS' })]])).toEqual([[], ['He→person:kim-jong-un']]);
  });

  it('"It" is a state or organisation, never a person', () => {
    expect(run(['Finland closed its border, Prime Minister Orpo said.', 'It blamed Russia.'], [(s) => [mention(s, 'Finland', 'FIN'), mention(s, 'Orpo', 'person:orpo', { country: 'FIN' })], (s) => [mention(s, 'Russia', 'RUS')]])).toEqual([[], ['It→FIN']]);
  });

  it('"the bloc" is the organisation named before', () => {
    expect(run(['The EU adopted new sanctions on Russia.', 'The bloc also warned Belarus.'], [(s) => [mention(s, 'EU', 'org:eu', { org: 'EU', country: null })], (s) => [mention(s, 'Belarus', 'BLR')]])).toEqual([[], ['The bloc→org:eu']]);
  });

  it('a pronoun after an actor of its own sentence is left to the clause reader', () => {
    expect(run(['Kim arrived in Vladivostok.', 'Putin said he was pleased.'], [(s) => [mention(s, 'Kim', 'person:kim-jong-un', { country: 'PRK' })], (s) => [mention(s, 'Putin', 'person:putin', { country: 'RUS' })]])).toEqual([[], []]);
  });

  it('an unambiguous referring noun anywhere in a sentence is the last fitting actor named before it', () => {
    const houthis = (s: { text: string; start: number; idx: number }) => [mention(s, 'Houthis', 'group:houthis', { country: 'YEM' })];
    const r = run(['The Houthis fired missiles at ships.', 'The US announced a ceasefire with the militias.'], [houthis, (s) => [mention(s, 'US', 'USA')]]);
    expect(r).toEqual([[], ['the militias→group:houthis']]);
  });
});
