/**
 * Checks every knowledge file under data/: its schema (./schema/index.ts), the references
 * between files (CAMEO codes, PLOVER modes, item names, countries, organisations, roles,
 * offices, the CAMEO codes of the lexicon's code maps), the README's one-entry-per-phrase rule,
 * names defined once (ids, pattern keys, lexicon names), and a coverage summary.
 *
 * `checkKnowledge(source)` reports everything (`statecraft knowledge check`);
 * `assertKnowledge(source)` throws the first error as a KnowledgeError and is what the
 * loaders call at start-up — once per load: the result is kept on the load's KnowledgeSource
 * (../load.ts), whose parses the loaders reuse. Given a directory, either reads it afresh.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { KnowledgeError } from '../core/errors.js';
import { DEFAULT_DATA_DIR, knowledgeSource, type KnowledgeDir, type KnowledgeSource } from './load.js';
import type { CountriesFile, OrgsFile, PeopleFile, RolesFile } from './schema/actors.js';
import type { CodebookFile } from './schema/codebook.js';
import type { ItemsFile } from './schema/flows.js';
import { KNOWLEDGE_SCHEMAS, formatPath, schemaEntryFor, schemaIssues, schemasWith, type KnowledgeIssue, type KnowledgeRefs } from './schema/index.js';
import { patternCodes, type PatternsFile } from './schema/patterns.js';
import type { SitesFile } from './schema/places.js';
import type { SanctionsFile } from './schema/sanctions.js';
import type { WepFile } from './schema/wep.js';
import { fold } from './text.js';

export type { KnowledgeIssue } from './schema/index.js';

export interface RootCoverage {
  root: string;
  label: string;
  /** pattern rules (a verb's default, one object, one modifier, …) whose code is under this root */
  rules: number;
  /** codes of the root the book has */
  codes: number;
  /** codes of the root no pattern produces */
  uncovered: string[];
}

export interface KnowledgeCoverage {
  /** per file, the size of each top-level list or table */
  files: { file: string; counts: Record<string, number> }[];
  patterns: { roots: RootCoverage[]; uncovered: string[] };
  /** actors per kind */
  actors: Record<string, number>;
}

export interface KnowledgeReport {
  errors: KnowledgeIssue[];
  /** not fatal: files with no schema, phrases the extractor cannot match */
  warnings: KnowledgeIssue[];
  coverage: KnowledgeCoverage;
}

const require = createRequire(import.meta.url);

/** Every YAML file under the directory, as '/'-separated paths relative to it, sorted. */
function yamlFiles(dataDir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const d of readdirSync(path.join(dataDir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory()) walk(r);
      else if (d.name.endsWith('.yaml') || d.name.endsWith('.yml')) out.push(r);
    }
  };
  walk('');
  return out.sort();
}

const obj = (x: unknown): Record<string, unknown> => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {});
const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const strings = (xs: unknown[]): string[] => xs.filter((x): x is string => typeof x === 'string');

/** What the files define, read leniently from the parses (a broken file defines what it can). */
function referencesOf(files: Map<string, unknown>): KnowledgeRefs {
  const refs: KnowledgeRefs = {};
  const has = (f: string) => files.has(f) && files.get(f) != null;
  if (has('codebook/cameo.yaml')) refs.cameo = new Set(strings(arr(obj(files.get('codebook/cameo.yaml')).codes).map((c) => obj(c).code)));
  if (has('flows/items.yaml')) refs.items = new Set(strings(arr(obj(files.get('flows/items.yaml')).items).map((i) => obj(i).item)));
  const wc = require('world-countries') as { cca3: string }[];
  const countries = new Set(wc.map((c) => c.cca3));
  const ov = obj(files.get('actors/countries.yaml'));
  for (const k of [...Object.keys(obj(ov.historical)), ...Object.keys(obj(ov.extra_states))]) countries.add(k);
  refs.countries = countries;
  if (has('actors/orgs.yaml')) {
    const orgs = arr(obj(files.get('actors/orgs.yaml')).orgs).map(obj);
    refs.orgIds = new Set(strings(orgs.map((o) => o.id)));
    refs.orgCodes = new Set(strings(orgs.map((o) => o.org)));
  }
  if (has('actors/roles.yaml')) {
    const r = obj(files.get('actors/roles.yaml'));
    refs.roles = new Set(Object.keys(obj(r.roles)));
    refs.offices = new Set(Object.keys(obj(r.offices)));
  }
  const people = [...files.keys()].filter((f) => schemaEntryFor(f)?.files === 'actors/people*.yaml');
  if (people.length) refs.people = new Set(people.flatMap((f) => strings(arr(obj(files.get(f)).people).map((p) => obj(p).id))));
  return refs;
}

interface Raw {
  file: string;
  path: PropertyKey[];
  reason: string;
}

const TOKEN = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;
/** The key a trie files a phrase under: `phraseKeys(p).join(' ')` (./text.ts), without building tokens. */
function keyOf(p: string): string {
  return (fold(p).match(TOKEN) ?? []).join(' ');
}

/** One-entry-per-phrase: a phrase (as the tries key it) claimed by two entries is an error at the later one. */
class PhraseOwners {
  private owner = new Map<string, { entry: string; at: PropertyKey[]; file: string }>();
  constructor(private what: string) {}
  claim(out: Raw[], file: string, p: PropertyKey[], phrase: string, entry: string, keys = keyOf(phrase)): void {
    if (!keys) {
      out.push({ file, path: p, reason: `${JSON.stringify(phrase)} is an empty phrase: it matches nothing` });
      return;
    }
    const prev = this.owner.get(keys);
    if (!prev) this.owner.set(keys, { entry, at: p, file });
    else if (prev.entry !== entry) out.push({ file, path: p, reason: `${JSON.stringify(phrase)} is also ${prev.file === file ? '' : `in ${prev.file} `}at ${formatPath(prev.at)} (${prev.entry}): ${this.what}` });
  }
}

function duplicateChecks(files: Map<string, unknown>, valid: Set<string>, out: Raw[], warn: Raw[]): void {
  const ok = (f: string) => valid.has(f);
  if (ok('wep.yaml')) {
    const f = 'wep.yaml';
    const w = files.get(f) as WepFile;
    const own = new PhraseOwners('a phrase appears once in wep.yaml');
    w.scale.forEach((b, i) => b.phrases.forEach((p, j) => own.claim(out, f, ['scale', i, 'phrases', j], p, `scale ${b.label}`)));
    w.hedges.forEach((h, i) => own.claim(out, f, ['hedges', i, 'phrase'], h.phrase, `hedges[${i}]`));
    w.negation.patterns.forEach((n, i) => own.claim(out, f, ['negation', 'patterns', i, 'pattern'], n.pattern, `negation.patterns[${i}]`));
    // (a negator of several words, "no longer", is matched as its token sequence)
    const negators = new PhraseOwners('a negator appears once in wep.yaml');
    w.negation.negators.forEach((n, i) => negators.claim(out, f, ['negation', 'negators', i], n, `negation.negators[${i}]`));
  }
  if (ok('flows/items.yaml')) {
    const f = 'flows/items.yaml';
    const own = new PhraseOwners('a term belongs to exactly one item');
    (files.get(f) as ItemsFile).items.forEach((it, i) => {
      const terms: [string, PropertyKey[]][] = [[it.item, ['items', i, 'item']], ...(it.terms ?? []).map((t, j): [string, PropertyKey[]] => [t, ['items', i, 'terms', j]])];
      for (const [t, p] of terms) {
        own.claim(out, f, p, t, it.item);
        // the loader also enters "air defense" as "air-defense" and the other way round
        if (t.includes(' ')) own.claim(out, f, p, t, it.item, keyOf(t.replace(/ /g, '-')));
        else if (t.includes('-')) own.claim(out, f, p, t, it.item, keyOf(t.replace(/-/g, ' ')));
      }
    });
  }
  if (ok('places/sites.yaml')) {
    const f = 'places/sites.yaml';
    const own = new PhraseOwners('a place name belongs to one site');
    (files.get(f) as SitesFile).sites.forEach((s, i) => {
      own.claim(out, f, ['sites', i, 'name'], s.name, s.name);
      (s.names ?? []).forEach((n, j) => own.claim(out, f, ['sites', i, 'names', j], n, s.name));
    });
  }
  if (ok('actors/roles.yaml')) {
    const f = 'actors/roles.yaml';
    const r = files.get(f) as RolesFile;
    const titles = new PhraseOwners('a title appears under one role only');
    for (const [role, x] of Object.entries(r.roles)) x.titles.forEach((t, j) => titles.claim(out, f, ['roles', role, 'titles', j], t, role, fold(t)));
    const offices = new PhraseOwners('a role phrase resolves to one office');
    const allTitles = new Set(Object.values(r.roles).flatMap((x) => x.titles.map(fold)));
    for (const [office, list] of Object.entries(r.offices)) {
      list.forEach((t, j) => {
        offices.claim(out, f, ['offices', office, j], t, office, fold(t));
        if (!allTitles.has(fold(t))) out.push({ file: f, path: ['offices', office, j], reason: `${JSON.stringify(t)} is not a title under any role (every office phrase is also listed under a role)` });
      });
    }
  }
  if (ok('actors/countries.yaml')) {
    const f = 'actors/countries.yaml';
    const c = files.get(f) as CountriesFile;
    const own = new PhraseOwners('a phrase belongs to one state and one of its lists (two states needing it: an `ambiguities` entry)');
    const lists = ['names', 'adjectives', 'ambiguous_names', 'government', 'military', 'media', 'intelligence', 'legislature'] as const;
    for (const [code, o] of Object.entries(c.countries)) for (const l of lists) (o[l] ?? []).forEach((p, j) => own.claim(out, f, ['countries', code, l, j], p, `${code} ${l}`));
    for (const [code, h] of Object.entries(c.historical ?? {})) {
      own.claim(out, f, ['historical', code, 'name'], h.name, `${code} names`);
      (h.names ?? []).forEach((p, j) => own.claim(out, f, ['historical', code, 'names', j], p, `${code} names`));
      (h.adjectives ?? []).forEach((p, j) => own.claim(out, f, ['historical', code, 'adjectives', j], p, `${code} adjectives`));
    }
    for (const [code, x] of Object.entries(c.extra_states ?? {})) {
      own.claim(out, f, ['extra_states', code, 'name'], x.name, `${code} names`);
      (x.names ?? []).forEach((p, j) => own.claim(out, f, ['extra_states', code, 'names', j], p, `${code} names`));
      (x.adjectives ?? []).forEach((p, j) => own.claim(out, f, ['extra_states', code, 'adjectives', j], p, `${code} adjectives`));
      if (x.capital) own.claim(out, f, ['extra_states', code, 'capital'], x.capital, `${code} government`);
    }
    const surfaces = new PhraseOwners('a surface is settled by one ambiguity entry');
    (c.ambiguities ?? []).forEach((a, i) => surfaces.claim(out, f, ['ambiguities', i, 'surface'], a.surface, `ambiguities[${i}]`));
  }
  if (ok('actors/orgs.yaml')) {
    const f = 'actors/orgs.yaml';
    const own = new PhraseOwners('a name belongs to one organisation');
    const ids = new Map<string, number>();
    (files.get(f) as OrgsFile).orgs.forEach((o, i) => {
      if (ids.has(o.id)) out.push({ file: f, path: ['orgs', i, 'id'], reason: `"${o.id}" is also orgs[${ids.get(o.id)}]` });
      else ids.set(o.id, i);
      own.claim(out, f, ['orgs', i, 'name'], o.name, o.id);
      (o.names ?? []).forEach((n, j) => own.claim(out, f, ['orgs', i, 'names', j], n, o.id));
    });
  }
  // people: an id in one of the people files only, once
  const ids = new Map<string, string>();
  for (const f of [...files.keys()].filter((x) => ok(x) && schemaEntryFor(x)?.files === 'actors/people*.yaml')) {
    (files.get(f) as PeopleFile).people.forEach((p, i) => {
      const prev = ids.get(p.id);
      if (prev) out.push({ file: f, path: ['people', i, 'id'], reason: `"${p.id}" is also ${prev} (an id appears once, in one of the people files)` });
      else ids.set(p.id, `${f} people[${i}]`);
    });
  }
  // patterns: a verb or noun is defined in one pattern file only (the loader merges them); read leniently, so a file with a bad value is still compared
  const patternKeys = new Map<string, string>();
  for (const f of [...files.keys()].filter((x) => x.startsWith('patterns/')).sort((a, b) => Number(b === 'patterns/events.yaml') - Number(a === 'patterns/events.yaml'))) {
    const p = obj(files.get(f));
    for (const table of ['verbs', 'nouns'] as const) {
      for (const k of Object.keys(obj(p[table]))) {
        const prev = patternKeys.get(`${table}.${k}`);
        if (prev) out.push({ file: f, path: [table, k], reason: `"${k}" is also defined in ${prev}: a pattern key is defined in one file only` });
        else patternKeys.set(`${table}.${k}`, f);
      }
    }
  }
  // lexicon: a name (class, map or cue) is defined once across lexicon/*.yaml, as compileLexicon (./lexicon.ts) requires; read leniently, in the loader's order
  const lexiconNames = new Map<string, string>();
  for (const f of [...files.keys()].filter((x) => schemaEntryFor(x)?.files === 'lexicon/*.yaml')) {
    const l = obj(files.get(f));
    for (const kind of ['classes', 'maps', 'cues'] as const) {
      for (const name of Object.keys(obj(l[kind]))) {
        const prev = lexiconNames.get(name);
        if (prev) out.push({ file: f, path: [kind, name], reason: `"${name}" is also defined ${prev}: a lexicon name (class, map or cue) is defined once across the lexicon files` });
        else lexiconNames.set(name, `in ${f} at ${kind}.${name}`);
      }
    }
  }
  // sanctions: a regime id is unique across files
  const regimes = new Map<string, string>();
  for (const f of [...files.keys()].filter((x) => ok(x) && schemaEntryFor(x)?.files === 'sanctions/*.yaml')) {
    const id = (files.get(f) as SanctionsFile).id;
    if (regimes.has(id)) out.push({ file: f, path: ['id'], reason: `"${id}" is also the id of ${regimes.get(id)}` });
    else regimes.set(id, f);
  }
}

function countsOf(data: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(obj(data))) {
    if (Array.isArray(v)) out[k] = v.length;
    else if (v && typeof v === 'object') out[k] = Object.keys(v).length;
  }
  return out;
}

function coverageOf(files: Map<string, unknown>, valid: Set<string>): KnowledgeCoverage {
  const cov: KnowledgeCoverage = { files: [], patterns: { roots: [], uncovered: [] }, actors: {} };
  for (const [file, data] of files) cov.files.push({ file, counts: countsOf(data) });
  if (valid.has('codebook/cameo.yaml')) {
    const book = files.get('codebook/cameo.yaml') as CodebookFile;
    const uses = [...files.keys()].filter((f) => valid.has(f) && f.startsWith('patterns/')).flatMap((f) => patternCodes(files.get(f) as PatternsFile));
    const used = new Set(uses.map((u) => u.code));
    for (const root of book.codes.filter((c) => c.code.length === 2)) {
      const codes = book.codes.filter((c) => c.code.startsWith(root.code));
      // the root's own heading ("01") is no code an event takes: it is covered when its unspecified code ("010") is
      const covered = (code: string) => used.has(code) || (code.length === 2 && used.has(`${code}0`));
      const uncovered = codes.filter((c) => !covered(c.code)).map((c) => c.code);
      cov.patterns.roots.push({ root: root.code, label: root.label, rules: uses.filter((u) => u.code.startsWith(root.code)).length, codes: codes.length, uncovered });
      cov.patterns.uncovered.push(...uncovered);
    }
  }
  const wc = require('world-countries') as { unMember: boolean; independent: boolean }[];
  cov.actors['states (world-countries)'] = wc.length;
  cov.actors['of which UN members'] = wc.filter((c) => c.unMember).length;
  if (valid.has('actors/countries.yaml')) {
    const c = files.get('actors/countries.yaml') as CountriesFile;
    cov.actors['states with a curated overlay'] = Object.keys(c.countries).length;
    cov.actors['extra states'] = Object.keys(c.extra_states ?? {}).length;
    cov.actors['historical states'] = Object.keys(c.historical ?? {}).length;
    const branch = (k: 'government' | 'military' | 'media' | 'intelligence' | 'legislature') => Object.values(c.countries).filter((o) => o[k]?.length).length;
    cov.actors['branches: government'] = branch('government');
    cov.actors['branches: military'] = branch('military');
    cov.actors['branches: intelligence'] = branch('intelligence');
    cov.actors['branches: legislature'] = branch('legislature');
    cov.actors['branches: state media'] = branch('media');
    cov.actors['ambiguous surfaces'] = (c.ambiguities ?? []).filter((a) => a.candidates.length).length;
    cov.actors['stop phrases'] = (c.ambiguities ?? []).filter((a) => !a.candidates.length).length;
  }
  if (valid.has('actors/orgs.yaml')) {
    for (const o of (files.get('actors/orgs.yaml') as OrgsFile).orgs) {
      const k = `organisations: ${o.kind}`;
      cov.actors[k] = (cov.actors[k] ?? 0) + 1;
    }
  }
  let people = 0;
  for (const [f, d] of files) if (valid.has(f) && schemaEntryFor(f)?.files === 'actors/people*.yaml') people += (d as PeopleFile).people.length;
  cov.actors.people = people;
  if (valid.has('actors/roles.yaml')) {
    const r = files.get('actors/roles.yaml') as RolesFile;
    cov.actors.roles = Object.keys(r.roles).length;
    cov.actors['role titles'] = Object.values(r.roles).reduce((n, x) => n + x.titles.length, 0);
    cov.actors.offices = Object.keys(r.offices).length;
  }
  return cov;
}

/**
 * Check every knowledge file of a load (a source, or a directory read afresh): schemas,
 * cross-references, duplicate phrases, coverage. A later `assertKnowledge` on the same
 * source reuses the result.
 */
export function checkKnowledge(dataDir: KnowledgeDir = DEFAULT_DATA_DIR): KnowledgeReport {
  const src = knowledgeSource(dataDir);
  const r = run(src, true);
  src.checked = r.errors.length ? new KnowledgeError(r.errors[0], r.errors.length - 1, src.label) : null;
  return { errors: r.errors, warnings: r.warnings, coverage: r.coverage! };
}

/** `full`: every issue with its line, and coverage; otherwise (start-up) the first error with its line, and the count. */
function run(src: KnowledgeSource, full: boolean): { errors: KnowledgeIssue[]; warnings: KnowledgeIssue[]; count: number; coverage?: KnowledgeCoverage } {
  const errors: Raw[] = [];
  const warnings: Raw[] = [];
  const all = yamlFiles(src.dir);
  for (const e of KNOWLEDGE_SCHEMAS) {
    if (e.required && !all.some((f) => schemaEntryFor(f) === e)) errors.push({ file: e.files, path: [], reason: 'missing: this file is required' });
  }
  const files = new Map<string, unknown>();
  const lines = new Map<string, number | undefined>();
  for (const f of all) {
    if (!schemaEntryFor(f)) warnings.push({ file: f, path: [], reason: 'no schema registered for this file (add one to src/knowledge/schema/index.ts); it is loaded unchecked' });
    try {
      files.set(f, src.read(f));
    } catch (e) {
      if (!(e instanceof KnowledgeError)) throw e;
      errors.push({ file: f, path: [], reason: e.issue.reason });
      lines.set(`${f}|`, e.issue.line);
    }
  }
  const schemas = schemasWith(referencesOf(files));
  const valid = new Set<string>();
  for (const [f, data] of files) {
    if (!schemaEntryFor(f)) continue;
    const { raw } = schemaIssues(f, data, schemas);
    if (!raw.length) valid.add(f);
    for (const r of raw) errors.push({ file: f, ...r });
  }
  duplicateChecks(files, valid, errors, warnings);
  for (const f of valid) if (!errors.some((e) => e.file === f)) src.markValid(f);
  const issues = (list: Raw[]): KnowledgeIssue[] =>
    list.map((r) => {
      let line = lines.get(`${r.file}|${formatPath(r.path)}`);
      if (line === undefined && r.path.length && files.has(r.file)) line = src.lineOf(r.file, r.path);
      return { file: r.file, path: formatPath(r.path), reason: r.reason, ...(line ? { line } : {}) };
    });
  if (!full) return { errors: issues(errors.slice(0, 1)), warnings: [], count: errors.length };
  return { errors: issues(errors), warnings: issues(warnings), count: errors.length, coverage: coverageOf(files, valid) };
}

/**
 * Check every knowledge file of a load and throw the first error as a KnowledgeError (file,
 * key path, reason). Called by the loaders at start-up; on a source already checked (by this
 * or by `checkKnowledge`) it returns, or throws, at once.
 */
export function assertKnowledge(dataDir: KnowledgeDir = DEFAULT_DATA_DIR): void {
  const src = knowledgeSource(dataDir);
  if (src.checked === undefined) {
    const { errors, count } = run(src, false);
    src.checked = count ? new KnowledgeError(errors[0], count - 1, src.label) : null;
  }
  if (src.checked) throw src.checked;
}

/** One knowledge file, parsed and checked against its schema (formats only; references: assertKnowledge). */
export function validateKnowledgeFile(dataDir: KnowledgeDir, rel: string): unknown {
  return knowledgeSource(dataDir).load(rel);
}
