/**
 * Actor recognition and in-document resolution.
 *
 * Longest match over tokens against the compiled dictionaries, then context: titles that
 * introduce or denote people, surnames bound to the last full mention, role phrases to the
 * office holder on the document's date, "the two leaders" to the pair in play, ambiguous
 * names by the document's words. Authors are people of their own and are matched first,
 * so a co-author named Kim is never Kim Jong Un.
 *
 * The document's date is an input (`DocInput.date`, the Doc's `readAt`); with none, offices and
 * roles are read as the latest the data knows (LATEST_DAY in knowledge/actors.ts), never as of
 * the wall clock. The words that decide a reading are the lexicon's (data/lexicon/actors.yaml).
 */
import type { Actor, Mention } from '../../core/types.js';
import { LATEST_DAY, officeHolder, roleAt, type ActorKnowledge, type Entry } from '../../knowledge/actors.js';
import type { Lexicon } from '../../knowledge/lexicon.js';
import { fold, slug, tokenize, type Tok } from '../../knowledge/text.js';
import { TokenTrie } from '../../knowledge/trie.js';

export interface SentenceInput {
  idx: number;
  text: string;
  start: number;
  /** the shared tokenizer's tokens, when the caller has them */
  toks?: Tok[];
}

export interface DocInput {
  id: string;
  /** the date the text is read against (ISO, any precision), or null: see LATEST_DAY */
  date: string | null;
  authors: string[];
  /** the whole text, for context words */
  text: string;
  sentences: SentenceInput[];
}

export interface ActorResult {
  mentions: Mention[];
  actors: Map<string, Actor>;
}

/** What the recogniser reads: the compiled actor dictionaries and the lexicon. */
export interface ActorsKnowledge {
  actors: ActorKnowledge;
  lexicon: Lexicon;
}

const NAME_TOKEN = /^\p{Lu}[\p{L}'’]*$/u;

/** a sentence typed in lower case: it starts lower-case, or almost nothing in it is capitalised */
function lowerCased(toks: Tok[]): boolean {
  const words = toks.filter((t) => /^\p{L}/u.test(t.text));
  if (words.length < 4) return false;
  if (!words[0].cap) return true;
  return words.slice(1).filter((t) => t.cap).length === 0 && words.length >= 8;
}

export function createActorRecognizer(kn: ActorsKnowledge) {
  const k = kn.actors;
  const lx = kn.lexicon;
  const ARTICLES = lx.words('actor_articles');
  const LOCATIVE = lx.words('actor_place_locatives');
  const DIRECTIONS = lx.words('actor_place_directions');
  const EVENT_NOUNS = lx.words('actor_capital_event_nouns');
  const DETERMINERS = lx.words('actor_role_determiners');
  const GENERIC_TITLES = lx.words('actor_generic_titles');
  const PLURAL_TITLE = lx.cue('actor_plural_title');
  /** capitalised at a sentence's start, but never a given name ("In Georgia, …") */
  const NOT_GIVEN_NAMES = lx.words('actor_not_given_names');
  const BODY_HEADS = lx.words('actor_body_name_heads');
  /** names that are also ordinary lower-case words: in lower-case text they stay words */
  const LOWER_WORDS = lx.words('actor_lower_case_words');
  const POSSESSIVE_GAPS = lx.words('actor_possessive_gaps');
  const TITLE_MODIFIERS = lx.words('actor_title_modifiers');
  const HEAD_TITLES = lx.words('actor_head_titles');
  const COUNTERPART_TITLES = lx.words('actor_counterpart_titles');
  const AUTHOR_VERBS = lx.words('actor_author_verbs');

  function caseOk(e: Entry, toks: Tok[], i: number, end: number, lower = false): boolean {
    if (e.caseMode === 'any') return true;
    const span = toks.slice(i, end).filter((t) => /\p{L}/u.test(t.text));
    if (e.caseMode === 'upper') return span.every((t) => t.upper || (t.text.length === 1 && t.cap));
    const first = span.find((t) => !ARTICLES.has(t.key));
    if (!first) return false;
    // "iSrael": any capital in the word marks a name typed carelessly
    if (first.cap || /\p{Lu}/u.test(first.text)) return true;
    // text written all in lower case ("putin met modi"): names that are not also common words
    return lower && first.key.length >= 3 && span.every((t) => !LOWER_WORDS.has(t.key));
  }

  /** An author's verb right after a surname ("Kim argues", "Cha and Kim examine"). */
  function authorVerbNear(toks: Tok[], j: number): boolean {
    for (let k = j; k < Math.min(toks.length, j + 4); k++) {
      if (AUTHOR_VERBS.has(toks[k].key)) return true;
      if (toks[k].key !== 'and' && toks[k].key !== ',' && !(toks[k].cap && NAME_TOKEN.test(toks[k].text))) return false;
    }
    return false;
  }

  /** a title that names a branch or a group, never one office holder ("officials", "the military") */
  const genericTitle = (key: string) => PLURAL_TITLE.test(key) || GENERIC_TITLES.has(key);

  function personActor(id: string, name: string, country: string | null, role: string | null, actors: Map<string, Actor>): void {
    if (!actors.has(id)) actors.set(id, { id, name, kind: 'person', country, org: null, role, aliases: [] });
  }

  return function recognize(doc: DocInput): ActorResult {
    const mentions: Mention[] = [];
    const actors = new Map<string, Actor>();
    const docFold = fold(doc.text);
    const wordCache = new Map<string, boolean>();
    const hasWord = (w: string) => {
      let v = wordCache.get(w);
      if (v === undefined) {
        v = new RegExp(`\\b${fold(w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(docFold);
        wordCache.set(w, v);
      }
      return v;
    };
    // authors: a per-document dictionary, matched before everything else
    const authorTrie = new TokenTrie<{ id: string; name: string }>();
    const authorSurnames = new Map<string, { id: string; name: string }>();
    for (const a of doc.authors) {
      let id = `person:${slug(a)}`;
      if (k.actors.has(id)) id = `author:${slug(a)}`;
      authorTrie.add(tokenize(a).map((t) => t.key), { id, name: a });
      authorSurnames.set(fold(a.split(/\s+/).at(-1) ?? ''), { id, name: a });
    }
    /** short form (folded) → person id of the last full mention */
    const lastFull = new Map<string, string>();
    const recent: Mention[] = [];

    const emit = (m: Omit<Mention, 'doc'>, entryActor?: Actor) => {
      // "US$3.9 million", "HK$": a currency's prefix names no actor
      if (doc.text[m.span[1]] === '$') return;
      const men: Mention = { doc: doc.id, ...m };
      mentions.push(men);
      recent.push(men);
      if (entryActor && !actors.has(entryActor.id)) actors.set(entryActor.id, { ...entryActor, aliases: [] });
      const a = actors.get(men.actor);
      if (a && men.via !== 'pair' && !a.aliases.includes(men.text) && men.text !== a.name) a.aliases.push(men.text);
    };
    const known = (id: string) => k.actors.get(id);
    const registerFull = (personId: string) => {
      const p = k.people.get(personId);
      for (const s of p?.short ?? []) lastFull.set(fold(s), personId);
      // the surname of a full name binds too ("Kim" after "Kim Jong Un")
      if (p) for (const n of p.names) lastFull.set(fold(n.split(/\s+/)[0]), personId);
    };

    for (const s of doc.sentences) {
      const toks = s.toks ?? tokenize(s.text, s.start);
      const lower = lowerCased(toks);
      let i = 0;
      while (i < toks.length) {
        // 1. authors first; a bare surname is the author's when an author's verb follows ("Kim argues")
        const sur = toks[i].cap ? authorSurnames.get(toks[i].key) : undefined;
        if (sur && !(toks[i + 1]?.cap && NAME_TOKEN.test(toks[i + 1].text)) && authorVerbNear(toks, i + 1)) {
          personActor(sur.id, sur.name, null, null, actors);
          emit({ sentence: s.idx, span: [toks[i].start, toks[i].end], text: toks[i].text, actor: sur.id, country: null, org: null, role: null, via: 'author' });
          i++;
          continue;
        }
        const am = authorTrie.matchesAt(toks, i)[0];
        if (am && toks[i].cap) {
          const [end, [a]] = am;
          personActor(a.id, a.name, null, null, actors);
          emit({ sentence: s.idx, span: [toks[i].start, toks[end - 1].end], text: s.text.slice(toks[i].start - s.start, toks[end - 1].end - s.start), actor: a.id, country: null, org: null, role: null, via: 'author' });
          i = end;
          continue;
        }
        const cands = k.trie.matchesAt(toks, i);
        let chosen: [number, Entry] | null = null;
        for (const [end, entries] of cands) {
          const ok = entries.filter((e) => caseOk(e, toks, i, end, lower));
          if (ok.length) {
            // prefer a full name over a short form, a state over a title, …
            const rank: Record<string, number> = { person: 0, org: 1, state: 2, branch: 3, adj: 4, ambiguous: 5, contextual: 6, pair: 7, title: 8, short: 9 };
            ok.sort((a, b) => rank[a.type] - rank[b.type]);
            chosen = [end, ok[0]];
            break;
          }
        }
        if (!chosen) {
          i++;
          continue;
        }
        const [end, e] = chosen;
        const span: [number, number] = [toks[i].start, toks[end - 1].end];
        const surface = () => s.text.slice(span[0] - s.start, span[1] - s.start);
        const next = toks[end];
        const prev = toks[i - 1];
        switch (e.type) {
          case 'state':
          case 'adj':
          case 'branch':
          case 'org': {
            const a = known(e.actor!);
            // "in Pyongyang" is a place; so is "the Hanoi summit" (a capital naming where an event met)
            // "in southern Israel", "across eastern Ukraine": a direction between the locative and the name
            const locative = (prev && LOCATIVE.has(prev.key)) || (prev && DIRECTIONS.has(prev.key) && toks[i - 2] && LOCATIVE.has(toks[i - 2].key));
            const place = (e.type === 'state' || e.capital) && (locative || (e.capital && next && EVENT_NOUNS.has(next.key)));
            emit({ sentence: s.idx, span, text: surface(), actor: e.actor!, country: a?.country ?? e.country ?? null, org: a?.org ?? null, role: a?.role ?? e.role ?? null, via: place ? 'place' : e.type === 'adj' ? 'adj' : 'dict' }, a);
            i = end;
            break;
          }
          case 'person': {
            const p = k.people.get(e.actor!)!;
            const role = roleAt(p, doc.date);
            registerFull(p.id);
            emit({ sentence: s.idx, span, text: surface(), actor: p.id, country: p.country, org: p.org ?? null, role: role?.role ?? null, via: 'dict' }, known(p.id));
            i = end;
            break;
          }
          case 'short': {
            // part of another name ("Daniel Kim", "Kim Il Sung"): a person the dictionaries do not know
            const before = prev && prev.cap && NAME_TOKEN.test(prev.text) && i - 1 > 0 && !/^[.!?:"“]$/.test(toks[i - 2]?.text ?? '') ? prev : null;
            const after = next && next.cap && NAME_TOKEN.test(next.text) && !k.trie.matchesAt(toks, end).length ? next : null;
            if (before || after) {
              i = end;
              break;
            }
            const key = fold(e.phrase);
            let pid = lastFull.get(key) ?? null;
            if (!pid && !authorSurnames.has(key)) {
              // no full mention yet: a surname unique among today's office holders
              const p = k.people.get(e.actor!);
              if (p && roleAt(p, doc.date) && isCurrent(p.roles, doc.date)) pid = p.id;
            }
            if (pid) {
              const p = k.people.get(pid)!;
              emit({ sentence: s.idx, span, text: surface(), actor: pid, country: p.country, org: p.org ?? null, role: roleAt(p, doc.date)?.role ?? null, via: 'short' }, known(pid));
            }
            i = end;
            break;
          }
          case 'contextual': {
            if (next?.cap || !(e.context ?? []).some(hasWord)) {
              i++;
              break;
            }
            const a = known(e.actor!);
            emit({ sentence: s.idx, span, text: surface(), actor: e.actor!, country: e.country ?? null, org: null, role: null, via: 'context' }, a);
            i = end;
            break;
          }
          case 'ambiguous': {
            const amb = e.ambiguity!;
            // a name, not a place: "Michael Jordan", "Jordan Peterson"
            const givenName = prev?.cap && NAME_TOKEN.test(prev.text) && !NOT_GIVEN_NAMES.has(prev.key) && !/^[.!?:"“]$/.test(toks[i - 2]?.text ?? '');
            if (givenName || (next?.cap && NAME_TOKEN.test(next.text) && !k.trie.matchesAt(toks, end).length)) {
              i = end;
              break;
            }
            let best = amb.default ?? null;
            let bestScore = 0;
            for (const [code, words] of Object.entries(amb.prefer_if ?? {})) {
              const sc = words.filter(hasWord).length;
              if (sc > bestScore) {
                bestScore = sc;
                best = code;
              }
            }
            if (best) {
              const a = known(best);
              emit({ sentence: s.idx, span, text: surface(), actor: best, country: a?.country ?? best, org: a?.org ?? null, role: a?.role ?? null, via: 'ambiguous' }, a);
            }
            i = end;
            break;
          }
          case 'pair': {
            const pair = e.members
              ? e.members.map((c) => ({ actor: c, country: c, org: null, role: null } as Mention))
              : pairInPlay(recent, e.pair!, s.idx);
            for (const m of pair) emit({ sentence: s.idx, span, text: surface(), actor: m.actor, country: m.country, org: m.org, role: m.role, via: 'pair' });
            i = end;
            break;
          }
          case 'title': {
            i = title(s, toks, i, end, e);
            break;
          }
        }
      }
    }
    return { mentions, actors };

    /** A title: introduces a named person, or denotes an office holder, or a branch of a state. */
    function title(s: SentenceInput, toks: Tok[], i: number, end: number, e: Entry): number {
      // a chain of titles ("military intelligence chief", "Deputy Foreign Minister"): the last decides
      let last = e;
      for (;;) {
        const more = k.trie.matchesAt(toks, end).flatMap(([en, es]) => es.filter((x) => x.type === 'title').map((x) => [en, x] as const))[0];
        if (!more) break;
        end = more[0];
        last = more[1];
      }
      const role = last.role ?? 'GOV';
      // the country: an adjective or state just before ("Russian", "Russia's"), or none
      const prevM = mentions.at(-1);
      let country: string | null = null;
      let adj: Mention | null = null;
      let adjacent = false;
      if (prevM && prevM.sentence === s.idx) {
        const gap = toks.filter((t) => t.start >= prevM.span[1] && t.end <= toks[i].start).map((t) => t.key);
        // "Kenyan junior foreign minister", "Russia's former defence minister": words that qualify a title belong to it
        let own = 0;
        while (own < gap.length && TITLE_MODIFIERS.has(gap[gap.length - 1 - own])) own++;
        const gapToks = gap.slice(0, gap.length - own).join(' ');
        adjacent = gapToks === '' || POSSESSIVE_GAPS.has(gapToks);
        if (adjacent && (prevM.via === 'adj' || prevM.via === 'dict') && !prevM.actor.includes(':')) {
          country = prevM.country;
          adj = prevM;
        }
      }
      const titleKeys = toks.slice(i, end).map((t) => t.key);
      // "the NATO secretary-general", "the IAEA chief", "the Pentagon chief": an organisation's or a branch's head
      if (adjacent && prevM && !prevM.actor.startsWith('person:') && (prevM.actor.startsWith('org:') || /^[A-Z]{3}(MIL|SPY)$/.test(prevM.actor)) && !nameAt(toks, end)) {
        const holder = prevM.actor.startsWith('org:') ? orgHead(prevM.org, titleKeys) : officeHolder(k, prevM.actor.endsWith('MIL') ? 'defense_minister' : 'intelligence_chief', prevM.country!, doc.date);
        if (holder) return replaceWithPerson(s, toks, end, prevM, holder, role);
      }
      // "his Japanese counterpart": the holder, in that country, of the office the last person named holds
      if (COUNTERPART_TITLES.has(titleKeys[titleKeys.length - 1]) && country) {
        const other = [...recent].reverse().find((m) => m.actor.startsWith('person:') && m.country && m.country !== country && m.via !== 'author');
        const office = other ? roleAt(k.people.get(other.actor) ?? { roles: [] } as never, doc.date)?.office : null;
        const holder = office ? officeHolder(k, office, country, doc.date) : null;
        if (holder) return replaceWithPerson(s, toks, end, adj!, holder, role);
      }
      // a name after the title that the dictionary knows ("Syrian president Bashar al-Assad"): the main loop takes it
      if (k.trie.matchesAt(toks, end).some(([, es]) => es.some((x) => x.type === 'person'))) return end;
      const n = nameAt(toks, end);
      // "the militant Kurdistan Workers Party": a body's name, not a person's
      if (n && BODY_HEADS.has(toks[n.end - 1].key)) return end;
      if (n) {
        const pm = k.trie.matchesAt(toks, end).find(([en, es]) => en === n.end && es.some((x) => x.type === 'person' || x.type === 'short'));
        if (pm) return end; // the dictionary names this person: let the main loop take it
        const name = s.text.slice(toks[end].start - s.start, toks[n.end - 1].end - s.start);
        const id = `person:${slug(name)}`;
        const kp = k.actors.get(id);
        // an apposition ("The US commander in Iraq, General David Petraeus") gives the country
        const appos = !country && toks[i - 1]?.text === ',' ? mentions.filter((m) => m.sentence === s.idx && m.span[1] <= toks[i - 1].start).at(-1) : undefined;
        const c = kp?.country ?? country ?? (appos && !appos.actor.startsWith('person:') ? appos.country : null);
        personActor(id, name, c, role, actors);
        emit({ sentence: s.idx, span: [toks[end].start, toks[n.end - 1].end], text: name, actor: id, country: c, org: null, role, via: 'title' });
        return n.end;
      }
      if (!country) return end;
      // a role phrase: "the North Korean leader", "Russia's defense minister", "Chinese officials"
      const startTok = toks.findIndex((t) => t.start === adj!.span[0]);
      const det = startTok > 0 && DETERMINERS.has(toks[startTok - 1].key) ? startTok - 1 : startTok;
      const span: [number, number] = [toks[det].start, toks[end - 1].end];
      const text = s.text.slice(span[0] - s.start, span[1] - s.start);
      const generic = genericTitle(toks[end - 1].key);
      const holder = !generic && last.office ? officeHolder(k, last.office, country, doc.date) : null;
      mentions.pop();
      recent.pop();
      if (holder) {
        const p = k.people.get(holder)!;
        registerFull(holder);
        emit({ sentence: s.idx, span, text, actor: holder, country: p.country, org: null, role: roleAt(p, doc.date)?.role ?? role, via: 'role' }, known(holder));
      } else {
        const id = `${country}${role}`;
        const a = known(id) ?? { id, name: `${role} of ${k.countryName.get(country) ?? country}`, kind: role === 'MIL' ? 'military' : 'government', country, org: null, role, aliases: [] } as Actor;
        emit({ sentence: s.idx, span, text, actor: id, country, org: null, role, via: 'role' }, a);
      }
      return end;
    }

    /** Replace the modifier mention just emitted with the person a role phrase denotes. */
    function replaceWithPerson(s: SentenceInput, toks: Tok[], end: number, modifier: Mention, holder: string, role: string): number {
      const startTok = toks.findIndex((t) => t.start === modifier.span[0]);
      const from = startTok > 0 && DETERMINERS.has(toks[startTok - 1].key) ? startTok - 1 : startTok;
      const span: [number, number] = [toks[from].start, toks[end - 1].end];
      mentions.pop();
      recent.pop();
      const p = k.people.get(holder)!;
      registerFull(holder);
      emit({ sentence: s.idx, span, text: s.text.slice(span[0] - s.start, span[1] - s.start), actor: holder, country: p.country, org: p.org ?? null, role: roleAt(p, doc.date)?.role ?? role, via: 'role' }, known(holder));
      return end;
    }

    /** The person heading an organisation on the document's date (with none: LATEST_DAY). */
    function orgHead(org: string | null, title: string[]): string | null {
      if (!org) return null;
      if (!title.some((w) => HEAD_TITLES.has(w))) return null;
      const d = doc.date ?? LATEST_DAY;
      for (const p of k.people.values()) {
        if ((p.org ?? '').toUpperCase() !== org.toUpperCase()) continue;
        if (p.roles.some((r) => (!r.from || r.from <= d) && (!r.until || d < r.until))) return p.id;
      }
      return null;
    }
  };
}

/** Two or three capitalised name tokens (hyphenated parts allowed) starting at `i`. */
function nameAt(toks: Tok[], i: number): { end: number } | null {
  let j = i;
  let words = 0;
  while (j < toks.length && words < 4) {
    const t = toks[j];
    if (NAME_TOKEN.test(t.text) && !t.upper) {
      words++;
      j++;
      // Jong-un, Son-hui
      if (toks[j]?.text === '-' && toks[j + 1] && /^\p{L}+$/u.test(toks[j + 1].text) && toks[j].start === toks[j - 1].end) j += 2;
      continue;
    }
    break;
  }
  return words >= 2 ? { end: j } : null;
}

/** Whether a role is held on `date` (as written, any precision); with no date, on LATEST_DAY: a role with no end date. */
function isCurrent(roles: { from: string | null; until: string | null }[], date: string | null): boolean {
  const d = date ?? LATEST_DAY;
  return roles.some((r) => (!r.from || r.from <= d) && (!r.until || d < r.until));
}

/**
 * The pair in play: the two most salient distinct persons (for "leaders") or countries. Salience is
 * the count of a side's mentions, each weighted down by how many sentences back it is, so that a
 * third state named in passing just before ("a region where China is flexing its muscles") does
 * not displace the two the story is about; a pair coordinated in the current sentence or the one
 * before still wins by recency. Ties go to the most recent.
 */
function pairInPlay(recent: Mention[], what: 'leaders' | 'countries' | 'sides', sentence: number): Mention[] {
  const score = new Map<string, { m: Mention; w: number; last: number }>();
  recent.forEach((m, j) => {
    if (m.via === 'pair' || m.via === 'author' || m.via === 'place') return;
    const isPerson = m.actor.startsWith('person:');
    if (what === 'leaders' && !isPerson) return;
    if (what !== 'leaders' && !m.country) return;
    const key = what === 'leaders' ? m.actor : m.country ?? m.org ?? m.actor;
    const w = PAIR_DECAY ** Math.max(0, sentence - m.sentence);
    const cur = score.get(key);
    if (cur) {
      cur.w += w;
      cur.last = j;
      cur.m = m;
    } else score.set(key, { m, w, last: j });
  });
  const ranked = [...score.values()].sort((a, b) => b.w - a.w || b.last - a.last);
  const out: typeof ranked = [];
  for (const r of ranked) {
    if (out.length === 2) break;
    if (what === 'leaders' && out.some((o) => o.m.country === r.m.country)) continue;
    out.push(r);
  }
  if (out.length < 2) return [];
  return out.sort((a, b) => a.last - b.last).map((r) => (what === 'leaders' ? r.m : { ...r.m, actor: r.m.country!, role: null }));
}
/** how much a mention one sentence further back counts toward the pair in play */
const PAIR_DECAY = 0.7;
