/**
 * The full extractor: actors → places → events, per document. Knowledge is loaded and
 * compiled once (createKnowledge) and shared by every document.
 */
import type { Actor, EventRecord, Location, Mention } from '../core/types.js';
import type { BuiltDocument } from '../ingest/document.js';
import { loadActorKnowledge, type ActorKnowledge } from '../knowledge/actors.js';
import { loadCodebook, type Codebook } from '../knowledge/codebook.js';
import { DEFAULT_DATA_DIR } from '../knowledge/load.js';
import { loadPatterns, type Patterns } from '../knowledge/patterns.js';
import { loadGazetteer, type Gazetteer, type Place } from '../knowledge/places.js';
import { tokenize, type Tok } from '../knowledge/text.js';
import { createNlp, type Nlp } from '../nlp/nlp.js';
import { createActorRecognizer } from './actors.js';
import { createEventCoder } from './events.js';
import { complianceFor, createAnalyzer } from './analysis.js';
import { loadAnalysisKnowledge, type AnalysisKnowledge } from '../knowledge/analysis.js';
import type { Extraction, Extractor } from './extraction.js';

export interface Knowledge {
  actors: ActorKnowledge;
  codebook: Codebook;
  patterns: Patterns;
  places: Gazetteer;
  analysis: AnalysisKnowledge;
}

export function createKnowledge(dataDir = DEFAULT_DATA_DIR): Knowledge {
  return { actors: loadActorKnowledge(dataDir), codebook: loadCodebook(dataDir), patterns: loadPatterns(dataDir), places: loadGazetteer(dataDir), analysis: loadAnalysisKnowledge(dataDir) };
}

/** armed men with no name and no country ("Gunmen attacked …"): a non-state group, as the contract names groups */
const UNNAMED_ARMED = 'group:unnamed-armed';

const LOCATIVE = new Set(['in', 'at', 'near', 'outside', 'inside', 'to', 'from', 'into', 'around', 'toward', 'towards']);

/** One sentence as the extractor sees it. */
export interface SentenceIn {
  idx: number;
  text: string;
  start: number;
  paragraph: number;
  /** bylines, bios and signatures name people (authors) but state no events or claims */
  prose?: boolean;
}

export interface DocumentIn {
  id: string;
  published: string | null;
  authors: string[];
  text: string;
  sentences: SentenceIn[];
  /** sections with their own bylines: claims there belong to the section's authors */
  sections?: { authors: string[]; span: [number, number] }[];
}

export function createDocumentExtractor(k: Knowledge, nlp: Nlp = createNlp(), opts: { analysis?: boolean } = {}) {
  const recognize = createActorRecognizer(k.actors);
  const code = createEventCoder(k.patterns, k.codebook);
  const analyze = createAnalyzer(k.analysis);

  /** "the city of Nablus", "the town of Bakhmut": any town the gazetteer holds, named as one */
  function townAt(toks: Tok[], i: number): [number, Place[]] | null {
    if (i < 2 || toks[i - 1].key !== 'of' || !['city', 'town', 'village', 'port', 'cities', 'towns'].includes(toks[i - 2].key)) return null;
    for (let end = Math.min(toks.length, i + 3); end > i; end--) {
      if (!toks.slice(i, end).every((t) => t.cap)) continue;
      const p = k.places.town(toks.slice(i, end).map((t) => t.key));
      if (p) return [end, [p]];
    }
    return null;
  }

  const rebTitles = new Set([...k.actors.titleRoles].filter(([, r]) => r === 'REB').map(([t]) => t));

  /**
   * A person the data does not know takes the country of the role phrase in apposition before
   * the name: "The US commander in Iraq, General David Petraeus" → Petraeus acts for the USA.
   */
  function appositions(actors: Map<string, Actor>, s: SentenceIn, ms: Mention[]): void {
    for (const m of ms) {
      // a person the data knows keeps the data's country
      if (!m.actor.startsWith('person:') || k.actors.people.has(m.actor) || (m.country && m.via !== 'title')) continue;
      const prev = ms.filter((p) => p.span[1] <= m.span[0] && p.via !== 'place').pop();
      if (!prev?.country || prev.actor.startsWith('person:') || !['role', 'adj', 'title'].includes(prev.via)) continue;
      const gap = s.text.slice(prev.span[1] - s.start, m.span[0] - s.start);
      if (!/^(?:\s+(?:in|at|for|to)\s+[^,]{1,40})?,\s*(?:[\p{Lu}][\p{L}.]*\s+){0,2}$/u.test(gap)) continue;
      m.country = prev.country;
      const a = actors.get(m.actor);
      if (a) actors.set(m.actor, { ...a, country: prev.country });
    }
  }

  /**
   * Unnamed agents placed by a country or town: "a court in Guyana" (GUYJUD), "police in Berlin"
   * (DEUCOP), "two men from Syria" (SYRCVL), "the mayor of … Nablus" (PSEGOV), "opponents of
   * Rwanda's Senate" (RWAOPP). The title is one the roles file knows, not itself part of a name.
   */
  function genericAgents(docId: string, actors: Map<string, Actor>, s: SentenceIn, toks: Tok[], ms: Mention[], places: { span: [number, number]; location: Location }[]): Mention[] {
    const out: Mention[] = [];
    const inMention = (t: Tok) => ms.some((m) => m.span[0] <= t.start && m.span[1] >= t.end);
    for (let i = 1; i < toks.length - 1; i++) {
      if (!['in', 'of', 'from', 'near', 'outside'].includes(toks[i].key)) continue;
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
      while (j < toks.length && j <= i + 3 && !toks[j].cap && /^[a-z]+$/.test(toks[j].key) && !['and', 'or', 'but', 'to', 'for', 'with', 'by'].includes(toks[j].key)) j++;
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
      if (!actors.has(id)) actors.set(id, k.actors.actors.get(id) ?? { id, name: `${role} of ${k.actors.countryName.get(country) ?? country}`, kind: role === 'MIL' ? 'military' : ['GOV', 'JUD', 'COP', 'LEG', 'SPY'].includes(role) ? 'government' : 'other', country, org: null, role, aliases: [] });
      out.push({ doc: docId, sentence: s.idx, span, text: s.text.slice(span[0] - s.start, span[1] - s.start), actor: id, country, org: null, role, via: 'role' });
    }
    // unnamed armed men with no country ("Gunmen attacked …", "suspected jihadists"): an actor of unknown country
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (!rebTitles.has(t.key) || inMention(t) || out.some((g) => g.span[0] <= t.start && g.span[1] >= t.end)) continue;
      const prev = toks[i - 1];
      // "Syrian rebels", "Houthi fighters", "JNIM fighters" belong to who is named before them
      if (prev && (inMention(prev) || (prev.cap && i > 1) || ['the', 'these', 'those', 'its', 'their', 'his', 'her', 'our'].includes(prev.key))) continue;
      if (!/(?:s|men)$/.test(t.key) && !['gunman'].includes(t.key)) continue;
      // "fighters of the Rapid Support Forces", "militants loyal to …": they are the group named after them
      const nx = toks[i + 1];
      if (nx && ['of', 'from', 'loyal', 'allied', 'backed', 'linked', 'affiliated'].includes(nx.key) && ms.some((m) => m.span[0] > nx.start && m.span[0] - nx.end <= 12)) continue;
      const id = UNNAMED_ARMED;
      if (!actors.has(id)) actors.set(id, { id, name: 'unnamed armed group', kind: 'group', country: null, org: null, role: 'REB', aliases: [] });
      out.push({ doc: docId, sentence: s.idx, span: [t.start, t.end], text: t.text, actor: id, country: null, org: null, role: 'REB', via: 'role' });
    }
    return out;
  }

  function placesIn(s: SentenceIn, toks: Tok[], mentions: Mention[]): { span: [number, number]; location: Location; loose?: boolean }[] {
    const out: { span: [number, number]; location: Location; loose?: boolean }[] = [];
    for (let i = 0; i < toks.length; i++) {
      const hit = k.places.trie.longestAt(toks, i) ?? townAt(toks, i);
      if (!hit || !toks[i].cap) continue;
      const [end, places] = hit;
      const p = places.find((x) => x.kind === 'site') ?? places[0];
      const prev = toks[i - 1]?.key;
      // a site is a place wherever it stands; a city only after a locative word
      // elsewhere a city name is kept loose: an act's object ("pounded Kharkiv"), never the act's location
      const named = (w?: string) => !!w && ['city', 'town', 'capital', 'village', 'port'].includes(w);
      // "in Kherson", "the city Aleppo", "the city of Kherson": named as a place
      const loose = !(p.kind === 'site' || (prev && (LOCATIVE.has(prev) || named(prev) || (prev === 'of' && named(toks[i - 2]?.key)))));
      out.push({ span: [toks[i].start, toks[end - 1].end], location: { name: p.name, country: p.country, lat: p.lat, lon: p.lon }, loose });
      i = end - 1;
    }
    // capitals used as places ("in Pyongyang") by the actor stage
    for (const m of mentions) {
      if (m.via !== 'place' || out.some((o) => o.span[0] <= m.span[0] && o.span[1] >= m.span[1])) continue;
      const cap = m.country ? k.places.capital(m.country) : null;
      if (cap && m.actor.endsWith('GOV')) out.push({ span: m.span, location: { name: cap.name, country: cap.country, lat: cap.lat, lon: cap.lon } });
    }
    return out;
  }

  return function extract(doc: DocumentIn): Extraction {
    // one tokenization per sentence, shared by actors, places and analysis
    const toksOf = new Map(doc.sentences.map((s) => [s.idx, tokenize(s.text, s.start)]));
    const recognized = recognize({
      id: doc.id,
      date: doc.published,
      authors: doc.authors,
      text: doc.text,
      sentences: doc.sentences.map((s) => ({ idx: s.idx, text: s.text, start: s.start, toks: toksOf.get(s.idx) })),
    });
    // in bylines, bios and signatures only the authors count
    const notProse = new Set(doc.sentences.filter((s) => s.prose === false).map((s) => s.idx));
    const mentions = recognized.mentions.filter((m) => !notProse.has(m.sentence) || m.via === 'author');
    const actors = recognized.actors;
    const bySentence = new Map<number, Mention[]>();
    for (const m of mentions) {
      if (!bySentence.has(m.sentence)) bySentence.set(m.sentence, []);
      bySentence.get(m.sentence)!.push(m);
    }
    const firstPara = doc.sentences.find((s) => s.prose !== false)?.paragraph ?? 0;
    const events: EventRecord[] = [];
    const seen = new Map<string, { sentence: number; codes: Set<string> }>();
    const ids = new Set<string>();
    for (const s of doc.sentences) {
      if (s.prose === false) continue;
      if (!bySentence.has(s.idx)) bySentence.set(s.idx, []);
      const ms = bySentence.get(s.idx)!;
      const toks = toksOf.get(s.idx)!;
      const places = placesIn(s, toks, ms);
      appositions(actors, s, ms);
      // "pro-Palestinian demonstrators", "anti-American protests": a stance, not a nationality
      for (let j = ms.length - 1; j >= 0; j--) {
        const m = ms[j];
        if (m.via === 'adj' && /\b(?:pro|anti)-\s*$/i.test(s.text.slice(Math.max(0, m.span[0] - s.start - 5), m.span[0] - s.start))) ms.splice(j, 1);
      }
      const agents = genericAgents(doc.id, actors, s, toks, ms, places);
      if (agents.length) {
        const covered = (m: Mention) => agents.some((g) => g.span[0] <= m.span[0] && g.span[1] >= m.span[1]);
        const kept = ms.filter((m) => !covered(m));
        ms.length = 0;
        ms.push(...kept, ...agents);
        ms.sort((a, b) => a.span[0] - b.span[0]);
      }
      if (!ms.some((m) => m.via !== 'author' && m.via !== 'place')) continue;
      const tokens = nlp.tokens(s.text, s.start);
      const coded = code({ doc: doc.id, idx: s.idx, text: s.text, start: s.start, published: doc.published, lead: s.paragraph === firstPara, tokens, mentions: ms, places });
      for (const e of onePerFact(coded)) {
        // one event per fact: the same source, target, root, date and modality stated again elsewhere
        // (a repeated paragraph, a summary of the lead) is dropped; two acts in one sentence are two facts
        const key = `${e.source}|${e.target}|${e.root}|${e.date}|${e.modality}`;
        const at = seen.get(key);
        if (at && (at.sentence !== s.idx || at.codes.has(e.cameo))) continue;
        if (at) at.codes.add(e.cameo);
        else seen.set(key, { sentence: s.idx, codes: new Set([e.cameo]) });
        // ids are unique within a document even when two records share words and actors
        for (let n = 2; ids.has(e.id); n++) e.id = `${e.id.split('~')[0]}~${n}`;
        ids.add(e.id);
        events.push(e);
      }
    }
    // the sentences' mention lists (with unnamed agents added, stance adjectives dropped) are the document's, in text order
    mentions.length = 0;
    for (const s of doc.sentences) mentions.push(...(bySentence.get(s.idx) ?? []));
    const used = new Map<string, Actor>();
    for (const m of mentions) {
      const a = actors.get(m.actor) ?? k.actors.actors.get(m.actor);
      if (a) used.set(a.id, a);
    }
    for (const e of events) {
      for (const id of [e.source, e.target]) {
        if (id && !used.has(id)) {
          const a = k.actors.actors.get(id);
          if (a) used.set(id, a);
        }
      }
    }
    if (opts.analysis === false) return { actors: [...used.values()], mentions, events, claims: [], flows: [], agreements: [], compliance: [] };
    const sectionAuthors = (s: SentenceIn) => doc.sections?.find((x) => s.start >= x.span[0] && s.start < x.span[1])?.authors ?? [];
    const a = analyze({
      id: doc.id, published: doc.published, authors: doc.authors, text: doc.text, mentions, events,
      sentences: doc.sentences.filter((s) => s.prose !== false).map((s) => ({ idx: s.idx, text: s.text, start: s.start, sectionAuthors: sectionAuthors(s), toks: toksOf.get(s.idx) })),
    });
    const compliance = complianceFor(k.analysis, doc.id, doc.text, a.flows, events);
    return { actors: [...used.values()], mentions, events, claims: a.claims, flows: a.flows, agreements: a.agreements, compliance };
  };
}

/** the two sides of an event, unordered, by country, organisation or actor */
function dyadOf(e: EventRecord): string {
  const side = (id: string | null, c: string | null, o: string | null) => c ?? o ?? id ?? '';
  return [side(e.source, e.source_country, e.source_org), side(e.target, e.target_country, e.target_org)].sort().join('|');
}

/**
 * One sentence's events, one per fact: a meeting during a visit between the same sides is the
 * visit ("arrived in Kyiv for talks with Zelensky"), and an undated restatement of a dated event
 * is that event ("…, the first visit by a Chinese leader").
 */
function onePerFact(coded: EventRecord[]): EventRecord[] {
  const visits = new Set(coded.filter((e) => e.cameo === '042' || e.cameo === '043').map(dyadOf));
  const fact = (e: EventRecord) => `${e.source}|${e.target}|${e.root}|${e.modality}`;
  const dated = new Set(coded.filter((e) => e.date).map(fact));
  return coded.filter((e) => !(e.root === '04' && e.cameo !== '042' && e.cameo !== '043' && visits.has(dyadOf(e))) && !(!e.date && dated.has(fact(e))));
}

/** The extractor the ingest pipeline uses: body paragraphs only (no bylines, bios, headings). */
export async function createExtractor(k: Knowledge = createKnowledge()): Promise<Extractor> {
  const extract = createDocumentExtractor(k);
  return (doc: BuiltDocument) =>
    extract({
      id: doc.id,
      published: doc.published,
      authors: doc.authors,
      text: doc.text,
      sections: doc.sections.filter((x) => x.authors.length),
      // bylines, bios and signatures are read for the people they name (the authors), nothing else
      sentences: doc.sentences
        .filter((s) => ['body', 'byline', 'bio', 'signature'].includes(doc.paragraphKinds[s.paragraph]))
        .map((s) => ({ idx: s.idx, text: s.text, start: s.span[0], paragraph: s.paragraph, prose: doc.paragraphKinds[s.paragraph] === 'body' })),
    });
}
