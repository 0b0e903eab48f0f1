/**
 * Stage `agents`: a sentence's mentions refined by what stands around them —
 * - appositions: a person the data does not know takes the country of the role phrase in
 *   apposition before the name ("The US commander in Iraq, General David Petraeus" → USA);
 * - stance: "pro-Palestinian demonstrators" name a stance, not a nationality;
 * - unnamed agents placed by a country or town: "a court in Guyana" (GUYJUD), "police in Berlin"
 *   (DEUCOP), "two men from Syria" (SYRCVL), "the mayor of … Nablus" (PSEGOV); armed men with no
 *   name and no country are the group `group:unnamed-armed`.
 * Then the document's mention list is the sentences' lists, in text order.
 */
import type { DocSentence, KeyToken, PlaceHit, Stage } from '../../core/doc.js';
import type { Actor, Mention } from '../../core/types.js';
import type { ActorKnowledge } from '../../knowledge/actors.js';
import type { Lexicon } from '../../knowledge/lexicon.js';
import { slug } from '../../knowledge/text.js';

/** armed men with no name and no country ("Gunmen attacked …"): a non-state group, as the contract names groups */
export const UNNAMED_ARMED = 'group:unnamed-armed';

/** whether a token lies inside one of the mentions */
const covered = (ms: Mention[]) => (t: KeyToken) => ms.some((m) => m.span[0] <= t.start && m.span[1] >= t.end);

/** a word of a personal name: letters, with inner apostrophes or hyphens ("O'Brien", "Jean-Yves") */
const NAME_WORD = /^\p{L}[\p{L}'-]*$/u;

export interface AgentsKnowledge {
  actors: ActorKnowledge;
  lexicon: Lexicon;
}

export function createAgentRules(k: AgentsKnowledge) {
  const lx = k.lexicon;
  const APPOSITION_GAP = lx.cue('apposition_gap');
  const STANCE = lx.cue('stance_prefix');
  const PREPS = lx.words('agent_place_preps');
  const CHAIN_STOPS = lx.words('agent_chain_stops');
  const OWNERS = lx.words('owner_determiners');
  const ARMED_SINGULAR = lx.words('armed_singular');
  const ARMED_PLURAL = lx.cue('armed_plural');
  const LINKS = lx.words('group_link_words');
  const PLACED_ROLES = lx.words('context_placed_roles');
  const ARMED_ROLES = lx.words('armed_roles');
  const rebTitles = new Set([...k.actors.titleRoles].filter(([, r]) => r === 'REB').map(([t]) => t));

  /** a person the data does not know takes the country of the role phrase in apposition before the name */
  function appositions(actors: Map<string, Actor>, s: DocSentence, ms: Mention[]): void {
    for (const m of ms) {
      // a person the data knows keeps the data's country
      if (!m.actor.startsWith('person:') || k.actors.people.has(m.actor) || (m.country && m.via !== 'title')) continue;
      const prev = ms.filter((p) => p.span[1] <= m.span[0] && p.via !== 'place').pop();
      if (!prev?.country || prev.actor.startsWith('person:') || !['role', 'adj', 'title'].includes(prev.via)) continue;
      const gap = s.text.slice(prev.span[1] - s.start, m.span[0] - s.start);
      if (!APPOSITION_GAP.test(gap)) continue;
      m.country = prev.country;
      const a = actors.get(m.actor);
      if (a) actors.set(m.actor, { ...a, country: prev.country });
    }
  }

  /**
   * A person the data does not know, named before an apposition whose title gives the country:
   * "Aykhan Hajizade, spokesperson for Azerbaijan's foreign ministry, said …"; "Janez Lenarcic,
   * the EU Commissioner for Crisis Management, …". The name: two to four capitalised words right
   * before the comma, in no mention; the apposition: a title word (after an optional determiner),
   * then, before the next comma, the first state or organisation mention, whose country (or
   * organisation) the person takes.
   */
  function namedBefore(docId: string, actors: Map<string, Actor>, s: DocSentence, toks: KeyToken[], ms: Mention[]): Mention[] {
    const out: Mention[] = [];
    const inMention = covered(ms);
    const isTitle = (q: number) => [3, 2, 1].some((n) => k.actors.titleRoles.has(toks.slice(q, q + n).map((t) => t.key).join(' ')));
    for (let c = 2; c < toks.length - 2; c++) {
      if (toks[c].text !== ',') continue;
      // the name before the comma
      let a = c;
      while (a > 0 && c - a < 4 && toks[a - 1].cap && !toks[a - 1].upper && NAME_WORD.test(toks[a - 1].text) && !inMention(toks[a - 1])) a--;
      if (c - a < 2) continue;
      // the apposition: up to the next comma, with a title word in it
      let stop = c + 1;
      while (stop < toks.length && stop < c + 12 && toks[stop].text !== ',' && toks[stop].text !== ';') stop++;
      let titled = false;
      for (let q = c + 1; q < stop && !titled; q++) titled = isTitle(q);
      if (!titled) continue;
      const end = toks[stop - 1].end;
      const owner = ms.find((m) => m.span[0] >= toks[c].end && m.span[1] <= end && !m.actor.startsWith('person:') && !m.actor.startsWith('group:') && (m.country || m.org) && m.via !== 'place');
      if (!owner) continue;
      const name = s.text.slice(toks[a].start - s.start, toks[c - 1].end - s.start);
      const id = `person:${slug(name)}`;
      if (k.actors.people.has(id)) continue;
      const role = owner.role ?? 'GOV';
      if (!actors.has(id)) actors.set(id, { id, name, kind: 'person', country: owner.country, org: owner.org, role, aliases: [] });
      out.push({ doc: docId, sentence: s.idx, span: [toks[a].start, toks[c - 1].end], text: name, actor: id, country: owner.country, org: owner.org, role, via: 'title' });
    }
    return out;
  }

  /**
   * "pro-Palestinian demonstrators", "anti-American protests": a stance, not a nationality. Armed men
   * named by their stance ("pro-Russian separatists", "pro-Iranian militias") are an armed group of
   * no stated country; anyone else so named ("pro-Kremlin activists") is placed as if unnamed.
   */
  function dropStances(actors: Map<string, Actor>, s: DocSentence, ms: Mention[]): void {
    for (let j = ms.length - 1; j >= 0; j--) {
      const m = ms[j];
      if ((m.via !== 'adj' && m.via !== 'role') || !STANCE.test(s.text.slice(Math.max(0, m.span[0] - s.start - 5), m.span[0] - s.start))) continue;
      if (m.via === 'role' && m.role && ARMED_ROLES.has(m.role)) {
        if (!actors.has(UNNAMED_ARMED)) actors.set(UNNAMED_ARMED, { id: UNNAMED_ARMED, name: 'unnamed armed group', kind: 'group', country: null, org: null, role: m.role, aliases: [] });
        ms[j] = { ...m, actor: UNNAMED_ARMED, country: null, org: null };
      } else ms.splice(j, 1);
    }
  }

  /** unnamed agents placed by a country or town, and unnamed armed men */
  function genericAgents(docId: string, actors: Map<string, Actor>, s: DocSentence, toks: KeyToken[], ms: Mention[], places: PlaceHit[], home: string | null = null): Mention[] {
    const out: Mention[] = [];
    const inMention = covered(ms);
    for (let i = 1; i < toks.length - 1; i++) {
      if (!PREPS.has(toks[i].key)) continue;
      // the title: one or two words before the preposition
      let role: string | undefined;
      let first = -1;
      for (const n of [2, 1]) {
        if (i - n < 0) continue;
        const words = toks.slice(i - n, i);
        if (words.some(inMention)) continue;
        role = k.actors.titleRoles.get(words.map((t) => t.key).join(' '));
        if (role) {
          first = i - n;
          break;
        }
      }
      // "fighter jets from Denmark" are equipment delivered, not an agent
      if (!role || (role === 'MIL' && toks[i].key === 'from')) continue;
      // the country or place: right after, or after "the" and a few lower-case words ("the northern West Bank city of Nablus")
      let j = i + 1;
      while (j < toks.length && j <= i + 3 && !toks[j].cap && /^[a-z]+$/.test(toks[j].key) && !CHAIN_STOPS.has(toks[j].key)) j++;
      let country: string | null = null;
      let end = -1;
      const m = ms.find((x) => x.span[0] === toks[j]?.start && x.country && !x.actor.startsWith('person:') && !x.actor.startsWith('group:'));
      if (m) {
        country = m.country;
        end = m.span[1];
      } else {
        const p = places.filter((x) => x.span[0] >= (toks[j]?.start ?? Infinity) && x.location.country).sort((a, b) => a.span[0] - b.span[0])[0];
        // the last place of a chain ("the West Bank city of Nablus") within a few words
        if (p && p.span[0] - toks[i].end < 40) {
          const chain = places.filter((x) => x.span[0] >= p.span[0] && x.span[0] - p.span[1] < 12 && x.location.country === p.location.country);
          country = p.location.country;
          end = chain[chain.length - 1].span[1];
        }
      }
      if (!country) continue;
      // "the Kremlin's critics in Europe": the title already belongs to someone named before it
      if (toks[first - 1]?.key === "'s") continue;
      const span: [number, number] = [toks[first].start, end];
      const id = `${country}${role}`;
      if (!actors.has(id)) actors.set(id, k.actors.actors.get(id) ?? k.actors.branch(country, role));
      out.push({ doc: docId, sentence: s.idx, span, text: s.text.slice(span[0] - s.start, span[1] - s.start), actor: id, country, org: null, role, via: 'role' });
    }
    // unnamed agents with no country of their own take the country of the place their sentence
    // names ("Police arrested dozens of opposition supporters in Harare" → ZWECOP, ZWEOPP)
    const where = places.filter((p) => !p.loose && p.location.country).map((p) => ({ at: p.span[0], country: p.location.country! }));
    for (const m of ms) if (m.via === 'place' && m.country) where.push({ at: m.span[0], country: m.country });
    // with no place of its own, the sentence is read in the story's place (its lead's one country)
    if (!where.length && home && !ms.some((m) => m.via !== 'author')) where.push({ at: -1, country: home });
    if (where.length && new Set(where.map((w) => w.country)).size === 1) {
      const country = where[0].country;
      for (let i = 0; i < toks.length; i++) {
        if (inMention(toks[i]) || out.some((g) => g.span[0] <= toks[i].start && g.span[1] >= toks[i].start)) continue;
        let role: string | undefined;
        let n = 3;
        for (; n >= 1; n--) {
          if (i + n > toks.length) continue;
          role = k.actors.titleRoles.get(toks.slice(i, i + n).map((t) => t.key).join(' '));
          if (role) break;
        }
        if (!role || !PLACED_ROLES.has(role)) continue;
        const last = toks[i + n - 1];
        // a plural agent ("protesters", "security forces", "police") acting in the place, not a named office ("the president")
        if (!ARMED_PLURAL.test(last.key) && last.key !== 'police') continue;
        const prev = toks[i - 1];
        // "Kenyan police", "the Kremlin's critics": someone named before them owns them
        if (prev && (inMention(prev) || prev.key === "'s" || (prev.cap && i > 0 && !OWNERS.has(prev.key)))) continue;
        // "protesters from Syria", "police in Berlin": the preposition names their country (above)
        if (PREPS.has(toks[i + n]?.key ?? '')) continue;
        const span: [number, number] = [toks[i].start, last.end];
        const id = `${country}${role}`;
        if (!actors.has(id)) actors.set(id, k.actors.actors.get(id) ?? k.actors.branch(country, role));
        out.push({ doc: docId, sentence: s.idx, span, text: s.text.slice(span[0] - s.start, span[1] - s.start), actor: id, country, org: null, role, via: 'role' });
        i += n - 1;
      }
    }
    // unnamed armed men with no country ("Gunmen attacked …", "suspected jihadists"): an actor of unknown country
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (!rebTitles.has(t.key) || inMention(t) || out.some((g) => g.span[0] <= t.start && g.span[1] >= t.end)) continue;
      const prev = toks[i - 1];
      // "Syrian rebels", "Houthi fighters", "JNIM fighters" belong to who is named before them
      if (prev && (inMention(prev) || (prev.cap && i > 1) || OWNERS.has(prev.key))) continue;
      if (!ARMED_PLURAL.test(t.key) && !ARMED_SINGULAR.has(t.key)) continue;
      // "fighters of the Rapid Support Forces", "militants loyal to …": they are the group named after them
      const nx = toks[i + 1];
      if (nx && LINKS.has(nx.key) && ms.some((m) => m.span[0] > nx.start && m.span[0] - nx.end <= 12)) continue;
      const id = UNNAMED_ARMED;
      if (!actors.has(id)) actors.set(id, { id, name: 'unnamed armed group', kind: 'group', country: null, org: null, role: 'REB', aliases: [] });
      out.push({ doc: docId, sentence: s.idx, span: [t.start, t.end], text: t.text, actor: id, country: null, org: null, role: 'REB', via: 'role' });
    }
    return out;
  }

  return { appositions, dropStances, genericAgents, namedBefore };
}

/** The story's place: the one country the lead's places name (a dateline, "in Nairobi …"), if only one. */
export function storyPlace(sentences: DocSentence[]): string | null {
  const lead = sentences.filter((s) => s.prose && s.lead);
  const countries = new Set(lead.flatMap((s) => (s.places ?? []).filter((p) => !p.loose && p.location.country).map((p) => p.location.country!)));
  return countries.size === 1 ? [...countries][0] : null;
}

export function agentsStage(k: AgentsKnowledge): Stage {
  const rules = createAgentRules(k);
  return {
    name: 'agents',
    requires: ['keys', 'actors', 'places'],
    assigns: ['agents', 'mentions'],
    run(doc) {
      const actors = doc.actors!;
      const home = storyPlace(doc.sentences);
      for (const s of doc.sentences) {
        if (!s.prose) continue;
        const ms = s.mentions!;
        rules.appositions(actors, s, ms);
        rules.dropStances(actors, s, ms);
        const named = rules.namedBefore(doc.id, actors, s, s.keys!, ms);
        if (named.length) ms.push(...named), ms.sort((a, b) => a.span[0] - b.span[0]);
        const agents = rules.genericAgents(doc.id, actors, s, s.keys!, ms, s.places!, home);
        if (agents.length) {
          const covered = (m: Mention) => agents.some((g) => g.span[0] <= m.span[0] && g.span[1] >= m.span[1]);
          s.mentions = [...ms.filter((m) => !covered(m)), ...agents].sort((a, b) => a.span[0] - b.span[0]);
        }
      }
      // the sentences' mention lists (with unnamed agents added, stance adjectives dropped) are the document's, in text order
      doc.mentions = doc.sentences.flatMap((s) => s.mentions ?? []);
    },
  };
}
