/**
 * A country as a user types it: an ISO alpha-3 code ("PRK"), a name ("North Korea", "Russia"),
 * an official name or a common alternative ("DPRK"), or an English demonym ("North Korean").
 * Unknown input is an error that names the value, so "Russia" never silently becomes no rows
 * and "North Korea" never becomes NOR (Norway).
 */
import { createRequire } from 'node:module';
import { StatecraftError } from '../core/errors.js';

interface WorldCountry {
  cca3: string;
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms?: { eng?: { f: string; m: string } };
  unMember?: boolean;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/^the\s+/, '').replace(/[^a-z0-9]+/g, ' ').trim();

/** name or code → ISO alpha-3, built once per call site from the world-countries package */
export function createCountryResolver(): (input: string, option: string) => string {
  const require = createRequire(import.meta.url);
  const all = require('world-countries') as WorldCountry[];
  const codes = new Set(all.map((c) => c.cca3));
  const byName = new Map<string, string>();
  // UN members first: a name two entries share goes to the sovereign state
  for (const c of [...all].sort((a, b) => Number(!!b.unMember) - Number(!!a.unMember))) {
    for (const n of [c.name.common, c.name.official, ...c.altSpellings.filter((a) => a.length > 2), c.demonyms?.eng?.m, c.demonyms?.eng?.f]) {
      if (!n) continue;
      const k = fold(n);
      if (k && !byName.has(k)) byName.set(k, c.cca3);
    }
  }
  return (input, option) => {
    const raw = input.trim();
    if (/^[A-Za-z]{3}$/.test(raw) && codes.has(raw.toUpperCase())) return raw.toUpperCase();
    const hit = byName.get(fold(raw));
    if (hit) return hit;
    const near = [...byName.keys()].filter((k) => k.startsWith(fold(raw).slice(0, 4))).slice(0, 3);
    throw new StatecraftError('E301', `${option} "${input}": not a country code or name${near.length ? ` (did you mean ${near.map((k) => `"${k}" (${byName.get(k)})`).join(', ')}?)` : ''}`);
  };
}

/** ISO alpha-3 code → the country's common English name, for every country world-countries knows */
export function countryNames(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const all = require('world-countries') as WorldCountry[];
  return Object.fromEntries(all.map((c) => [c.cca3, c.name.common]));
}
