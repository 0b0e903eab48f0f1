/**
 * Actor knowledge: world-countries for the bulk (names, demonyms, capitals) plus the
 * curated overlay in data/actors/. Loaded and compiled once into a token trie; the words that
 * shape it (articles, branch labels, pair phrases) are the lexicon's (data/lexicon/actors.yaml).
 *
 * Dated lookups (who held an office, which role a person had) take the date as an argument.
 * With no date the rule is the latest the data knows (see LATEST_DAY), never the wall clock.
 */
import { createRequire } from 'node:module';
import type { Actor } from '../core/types.js';
import { assertKnowledge } from './check.js';
import type { Lexicon } from './lexicon.js';
import { knowledgeSource, type KnowledgeDir } from './load.js';
import { fold, phraseKeys, slug, tokenize } from './text.js';
import { TokenTrie } from './trie.js';

export type EntryType = 'state' | 'adj' | 'branch' | 'org' | 'person' | 'short' | 'title' | 'ambiguous' | 'contextual' | 'pair';

export interface Entry {
  type: EntryType;
  /** actor id this phrase names (states, branches, orgs, persons, shorts) */
  actor?: string;
  country?: string | null;
  role?: string | null;
  /** title entries: the office a title phrase denotes, if it is one that has holders */
  office?: string | null;
  /** phrase case: 'upper' must match exactly (acronyms), 'cap' must start capitalised, 'any' */
  caseMode: 'upper' | 'cap' | 'any';
  /** the phrase as written in the data */
  phrase: string;
  /** a capital or seat of government: a place when used with a locative preposition */
  capital?: boolean;
  ambiguity?: Ambiguity;
  /** contextual names ("the North"): words that must occur in the document */
  context?: string[];
  pair?: 'leaders' | 'countries' | 'sides';
  /** a pair phrase that names its members ("the two Koreas") */
  members?: string[];
}

export interface Ambiguity {
  surface: string;
  candidates: string[];
  default: string | null;
  prefer_if: Record<string, string[]>;
}

export interface RoleSpan {
  role: string;
  title?: string;
  from: string | null;
  until: string | null;
  office?: string | null;
}

export interface Person {
  id: string;
  name: string;
  country: string | null;
  org?: string | null;
  names: string[];
  short: string[];
  roles: RoleSpan[];
}

export interface ActorKnowledge {
  trie: TokenTrie<Entry>;
  actors: Map<string, Actor>;
  people: Map<string, Person>;
  /** office → country → holders with dates */
  offices: Map<string, Map<string, { person: string; from: string | null; until: string | null }[]>>;
  /** lower-case title phrase → role code */
  titleRoles: Map<string, string>;
  /** country code → names used for it (for display) */
  countryName: Map<string, string>;
  /** a state's branch or community as an actor record ("Police of Germany", "Civilians of Belarus"), without adding it to `actors` */
  branch(country: string, role: string): Actor;
}

const require = createRequire(import.meta.url);

/** The fields of a world-countries record the compiler reads. */
export interface WorldCountry {
  cca3: string;
  unMember: boolean;
  independent: boolean;
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms?: { eng?: { m: string; f: string } };
  capital: string[];
}

export interface CountryOverlay {
  names?: string[];
  adjectives?: string[];
  ambiguous_names?: string[];
  context?: string[];
  government?: string[];
  military?: string[];
  media?: string[];
  drop_names?: string[];
  intelligence?: string[];
  legislature?: string[];
}

export interface CountriesFile {
  countries?: Record<string, CountryOverlay>;
  historical?: Record<string, { name: string; names?: string[]; adjectives?: string[]; successor?: string }>;
  extra_states?: Record<string, { name: string; names?: string[]; adjectives?: string[]; capital?: string }> | null;
  ambiguities?: Ambiguity[];
}

export interface OrgsFile {
  orgs?: { id: string; org: string | null; name: string; kind: string; country?: string | null; names?: string[] }[];
}

type RawPerson = Omit<Person, 'names' | 'short'> & { names?: string[]; short?: string[] };

export interface PeopleFile {
  people?: RawPerson[];
}

export interface RolesFile {
  roles?: Record<string, { label?: string; titles?: string[] }>;
  offices?: Record<string, string[]>;
}

/** What the actor knowledge is compiled from: the parsed data files (null when a file is absent). */
export interface ActorSources {
  /** world-countries' records */
  world: readonly WorldCountry[];
  /** data/actors/countries.yaml */
  countries: CountriesFile | null;
  /** data/actors/orgs.yaml */
  orgs: OrgsFile | null;
  /** data/actors/people.yaml (office holders since 2015), then people-history.yaml (2000–2014) */
  people: (PeopleFile | null)[];
  /** data/actors/roles.yaml */
  roles: RolesFile | null;
}

function caseModeOf(phrase: string, articles: ReadonlySet<string>): Entry['caseMode'] {
  const toks = tokenize(phrase);
  const letters = toks.filter((t) => /\p{L}/u.test(t.text));
  if (letters.length && letters.every((t) => t.upper || t.text.length === 1) && letters.some((t) => t.upper || /^\p{Lu}$/u.test(t.text))) return 'upper';
  const first = letters[0];
  if (first && first.cap) return 'cap';
  // "the Kremlin": the first content word decides
  const content = letters.find((t) => !articles.has(t.key));
  return content?.cap ? 'cap' : 'any';
}

const ROLE_KIND: Readonly<Record<string, Actor['kind']>> = Object.freeze({ GOV: 'government', MIL: 'military', SPY: 'government', MED: 'other', LEG: 'government', JUD: 'government', COP: 'government' });
const PAIR_KINDS: readonly string[] = Object.freeze(['leaders', 'countries', 'sides']);

/** Read data/actors/ (through the load's source) and world-countries and compile them (see compileActorKnowledge). */
export function loadActorKnowledge(dataDir: KnowledgeDir, lexicon: Lexicon): ActorKnowledge {
  const src = knowledgeSource(dataDir);
  assertKnowledge(src); // every file's schema and cross-references (./check.ts): a KnowledgeError stops start-up
  return compileActorKnowledge(
    {
      world: require('world-countries') as WorldCountry[],
      countries: src.load('actors/countries.yaml') as CountriesFile | null,
      orgs: src.load('actors/orgs.yaml') as OrgsFile | null,
      people: ['actors/people.yaml', 'actors/people-history.yaml'].map((f) => src.load(f) as PeopleFile | null),
      roles: src.load('actors/roles.yaml') as RolesFile | null,
    },
    lexicon,
  );
}

/** Compile parsed actor data into the token trie and the lookups (no file access: tests hand it small sources). */
export function compileActorKnowledge(src: ActorSources, lexicon: Lexicon): ActorKnowledge {
  const articles = lexicon.words('actor_articles');
  const branchLabel = lexicon.map('actor_branch_labels');
  const pairPhrases = lexicon.map('actor_pair_phrases');
  const pairMembers = lexicon.map('actor_pair_members');
  for (const [p, what] of pairPhrases) {
    if (!PAIR_KINDS.includes(what)) throw new Error(`data/lexicon: maps.actor_pair_phrases["${p}"]: "${what}" is not one of ${PAIR_KINDS.join(', ')}`);
  }
  for (const [p, members] of pairMembers) {
    if (members.split(' ').length < 2) throw new Error(`data/lexicon: maps.actor_pair_members["${p}"]: "${members}" is not two or more country codes separated by spaces`);
  }
  const trie = new TokenTrie<Entry>();
  const actors = new Map<string, Actor>();
  const people = new Map<string, Person>();
  const offices: ActorKnowledge['offices'] = new Map();
  const titleRoles = new Map<string, string>();
  const countryName = new Map<string, string>();
  const add = (phrase: string, e: Omit<Entry, 'caseMode' | 'phrase'>) => {
    const p = phrase.trim();
    if (!p) return;
    trie.add(phraseKeys(p), { ...e, phrase: p, caseMode: caseModeOf(p, articles) });
    if (e.actor && actors.has(e.actor)) {
      const a = actors.get(e.actor)!;
      if (!a.aliases.includes(p) && p !== a.name) a.aliases.push(p);
    }
  };
  const overlay = src.countries ?? {};
  const ov = overlay.countries ?? {};
  const ambiguous = new Set((overlay.ambiguities ?? []).map((a) => fold(a.surface)));
  const state = (code: string, name: string) => {
    countryName.set(code, name);
    if (!actors.has(code)) actors.set(code, { id: code, name, kind: 'state', country: code, org: null, aliases: [] });
  };
  const branchActor = (code: string, role: string): Actor => ({ id: `${code}${role}`, name: `${branchLabel.get(role) ?? role} of ${countryName.get(code) ?? code}`, kind: ROLE_KIND[role] ?? 'other', country: code, org: null, role, aliases: [] });
  const branch = (code: string, role: string) => {
    const id = `${code}${role}`;
    if (!actors.has(id)) actors.set(id, branchActor(code, role));
    return id;
  };

  // 1. the bulk: every country in world-countries; UN members claim shared demonyms first
  const sorted = [...src.world].sort((a, b) => Number(b.unMember) - Number(a.unMember));
  const claimedAdj = new Set<string>();
  for (const c of sorted) {
    const code = c.cca3;
    const o = ov[code] ?? {};
    const drop = new Set((o.drop_names ?? []).map(fold));
    state(code, c.name.common);
    const names = new Set([c.name.common, c.name.official, ...c.altSpellings.filter((s) => s.length >= 4 && /^[\p{Script=Latin}\s'’.\-()]+$/u.test(s) && !s.includes(','))]);
    for (const n of o.names ?? []) names.add(n);
    for (const n of names) if (!drop.has(fold(n)) && !ambiguous.has(fold(n))) add(n, { type: 'state', actor: code, country: code });
    const adjs = new Set<string>();
    if (c.demonyms?.eng) adjs.add(c.demonyms.eng.m).add(c.demonyms.eng.f);
    for (const a of o.adjectives ?? []) adjs.add(a);
    for (const a of adjs) {
      const k = fold(a);
      if (!a || claimedAdj.has(k) || drop.has(k) || ambiguous.has(k)) continue;
      if (!c.unMember && !c.independent) continue; // a territory never takes a sovereign's demonym
      claimedAdj.add(k);
      add(a, { type: 'adj', actor: code, country: code });
    }
    if (c.capital?.[0] && (c.unMember || c.independent) && !drop.has(fold(c.capital[0])) && !ambiguous.has(fold(c.capital[0]))) {
      add(c.capital[0], { type: 'branch', actor: branch(code, 'GOV'), country: code, role: 'GOV', capital: true });
    }
  }
  // 2. the curated overlay: metonyms, branches, state media, contextual names
  for (const [code, o] of Object.entries(ov)) {
    if (!countryName.has(code)) state(code, o.names?.[0] ?? code);
    const groups: [string[] | undefined, string][] = [[o.government, 'GOV'], [o.military, 'MIL'], [o.media, 'MED'], [o.intelligence, 'SPY'], [o.legislature, 'LEG']];
    for (const [list, role] of groups) for (const p of list ?? []) add(p, { type: 'branch', actor: branch(code, role), country: code, role, capital: role === 'GOV' && tokenize(p).length === 1 });
    for (const p of o.ambiguous_names ?? []) add(p, { type: 'contextual', actor: code, country: code, context: o.context ?? [] });
  }
  for (const [code, h] of Object.entries(overlay.historical ?? {})) {
    countryName.set(code, h.name);
    actors.set(code, { id: code, name: h.name, kind: 'state', country: code, org: null, aliases: [], successor: h.successor ?? null });
    for (const n of [h.name, ...(h.names ?? [])]) add(n, { type: 'state', actor: code, country: code });
    for (const a of h.adjectives ?? []) add(a, { type: 'adj', actor: code, country: code });
  }
  for (const [code, x] of Object.entries(overlay.extra_states ?? {})) {
    state(code, x.name);
    for (const n of [x.name, ...(x.names ?? [])]) add(n, { type: 'state', actor: code, country: code });
    for (const a of x.adjectives ?? []) add(a, { type: 'adj', actor: code, country: code });
    if (x.capital) add(x.capital, { type: 'branch', actor: branch(code, 'GOV'), country: code, role: 'GOV', capital: true });
  }
  for (const a of overlay.ambiguities ?? []) {
    for (const c of a.candidates) if (!countryName.has(c)) state(c, c);
    add(a.surface, { type: 'ambiguous', ambiguity: a });
  }

  // 3. organisations and armed groups
  const orgs = src.orgs?.orgs ?? [];
  for (const o of orgs) {
    actors.set(o.id, { id: o.id, name: o.name, kind: (o.kind === 'group' ? 'group' : o.kind === 'party' ? 'party' : 'igo') as Actor['kind'], country: o.country ?? null, org: o.org ?? null, aliases: [] });
    for (const n of new Set([o.name, ...(o.names ?? [])])) add(n, { type: 'org', actor: o.id, country: o.country ?? null });
  }

  // 4. people with dated roles
  // office holders since 2015 (people.yaml) and of 2000–2014 (people-history.yaml)
  const ppl = src.people.flatMap((f) => f?.people ?? []);
  for (const p of ppl) {
    const person: Person = { ...p, names: p.names ?? [p.name], short: p.short ?? [], roles: p.roles ?? [] };
    people.set(p.id, person);
    actors.set(p.id, { id: p.id, name: p.name, kind: 'person', country: p.country ?? null, org: p.org ?? null, role: person.roles.at(-1)?.role ?? null, aliases: [] });
    for (const n of new Set([p.name, ...person.names])) add(n, { type: 'person', actor: p.id, country: p.country ?? null });
    for (const s of person.short) add(s, { type: 'short', actor: p.id, country: p.country ?? null });
    for (const r of person.roles) {
      const office = r.office ?? null;
      if (!office || office === 'other') continue;
      const key = p.country ?? p.org ?? '';
      if (!offices.has(office)) offices.set(office, new Map());
      const byCountry = offices.get(office)!;
      if (!byCountry.has(key)) byCountry.set(key, []);
      byCountry.get(key)!.push({ person: p.id, from: r.from ?? null, until: r.until ?? null });
    }
  }

  // 5. titles and the offices they denote
  const roles = src.roles ?? {};
  const officeOf = new Map<string, string>();
  for (const [office, phrases] of Object.entries(roles.offices ?? {})) for (const p of phrases) officeOf.set(fold(p), office);
  for (const [role, r] of Object.entries(roles.roles ?? {})) {
    for (const t of r.titles ?? []) {
      const k = fold(t);
      // the more specific role wins when a title is listed twice ("defense minister": MIL over GOV)
      if (titleRoles.has(k) && role === 'GOV') continue;
      titleRoles.set(k, role);
    }
  }
  for (const [k, role] of titleRoles) {
    const office = officeOf.get(k) ?? null;
    trie.add(k.split(' ').length > 1 ? phraseKeys(k) : [k], { type: 'title', role, office, phrase: k, caseMode: 'any' });
  }
  for (const [k, office] of officeOf) {
    if (!titleRoles.has(k)) trie.add(phraseKeys(k), { type: 'title', role: office === 'defense_minister' ? 'MIL' : office === 'intelligence_chief' ? 'SPY' : 'GOV', office, phrase: k, caseMode: 'any' });
  }

  // 6. phrases for the pair in play
  for (const [p, what] of pairPhrases) trie.add(phraseKeys(p), { type: 'pair', pair: what as Entry['pair'], phrase: p, caseMode: 'any' });
  // pairs that name their members
  for (const [p, members] of pairMembers) {
    trie.add(phraseKeys(p), { type: 'pair', pair: 'countries', phrase: p, caseMode: 'any', members: members.split(' ') });
  }

  return { trie, actors, people, offices, titleRoles, countryName, branch: branchActor };
}

/**
 * The day an undated lookup is made on: later than any date in the data, so a text with no date
 * of its own (neither published nor given by the caller) reads every office and role as the
 * latest the data knows — the spans that have begun and have no end date. The same on every
 * run, never the wall clock.
 */
export const LATEST_DAY = '9999';

/**
 * The person holding `office` for `country` on `date` (ISO, any precision), if the data knows one.
 * With no date: the holder whose term has no end date (LATEST_DAY); of several, the last listed.
 */
export function officeHolder(k: ActorKnowledge, office: string, country: string, date: string | null): string | null {
  const holders = k.offices.get(office)?.get(country);
  if (!holders?.length) return null;
  const d = date ? (date.length === 4 ? `${date}-07-01` : date.length === 7 ? `${date}-15` : date) : LATEST_DAY;
  const at = holders.filter((h) => (!h.from || h.from <= d) && (!h.until || d < h.until));
  return at.length === 1 ? at[0].person : at.length > 1 ? at[at.length - 1].person : null;
}

/** The role a person held on a date (with no date: on LATEST_DAY); else the last listed. */
export function roleAt(p: Person, date: string | null): RoleSpan | null {
  const d = date ?? LATEST_DAY;
  const at = p.roles.filter((r) => (!r.from || r.from <= d) && (!r.until || d < r.until));
  return at.at(-1) ?? p.roles.at(-1) ?? null;
}

export function personId(name: string): string {
  return `person:${slug(name)}`;
}
