import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../core/doc.js';
import { compileLexicon } from '../../knowledge/lexicon.js';
import type { Gazetteer, Place } from '../../knowledge/places.js';
import { phraseKeys, tokenize } from '../../knowledge/text.js';
import { TokenTrie } from '../../knowledge/trie.js';
import { mention } from '../../../test/support/doc.js';
import { placesStage } from './index.js';

const place = (name: string, country: string, kind = 'city'): Place => ({ name, country, lat: 0, lon: 0, kind }) as Place;
const trie = new TokenTrie<Place>();
trie.add(phraseKeys('Kharkiv'), place('Kharkiv', 'UKR'));
trie.add(phraseKeys('Zaporizhzhia Nuclear Power Plant'), place('Zaporizhzhia Nuclear Power Plant', 'UKR', 'site'));
const towns = new Map([['nablus', place('Nablus', 'PSE')]]);
const gazetteer: Gazetteer = { trie, capital: (c) => (c === 'PRK' ? place('Pyongyang', 'PRK') : null), town: (keys) => towns.get(keys.join(' ')) ?? null };
const lexicon = compileLexicon({
  'lexicon/places.yaml': {
    version: 1,
    classes: {
      place_locatives: { doc: 'x', words: ['in', 'at', 'near'] },
      place_nouns: { doc: 'x', words: ['city', 'town'] },
      town_nouns: { doc: 'x', words: ['city', 'town'] },
    },
  },
});

function places(text: string, ms: (s: { text: string }) => ReturnType<typeof mention>[] = () => []) {
  const doc = makeDoc({ id: 'd', text, published: null, authors: [], sentences: [{ idx: 0, text, start: 0, paragraph: 0 }] });
  const s = doc.sentences[0];
  s.keys = tokenize(text);
  s.mentions = ms(s);
  placesStage({ places: gazetteer, lexicon }).run(doc);
  return s.places!.map((p) => `${p.location.name}${p.loose ? ' (loose)' : ''}`);
}

describe('places', () => {
  it('a city after a locative word is a place', () => expect(places('Drones struck in Kharkiv overnight.')).toEqual(['Kharkiv']));
  it('a city standing as an object is kept loose', () => expect(places('Russian drones pounded Kharkiv.')).toEqual(['Kharkiv (loose)']));
  it('a site is a place wherever it stands', () => expect(places('Inspectors toured Zaporizhzhia Nuclear Power Plant.')).toEqual(['Zaporizhzhia Nuclear Power Plant']));
  it('any town named as one ("the city of Nablus")', () => expect(places('Troops raided the city of Nablus.')).toEqual(['Nablus']));
  it('a capital the actor stage read as a place', () =>
    expect(places('Talks were held in Pyongyang.', (s) => [mention(s, 'Pyongyang', 'PRKGOV', { via: 'place' })])).toEqual(['Pyongyang']));
});
