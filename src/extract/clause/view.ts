/**
 * The clause structure of one sentence, over its wink-nlp tokens and actor mentions: where a
 * clause starts and ends, whether a verb is passive, a verb's subject (with coordination,
 * relative clauses and pronouns), its object and prepositional targets, a passive's agent, the
 * object nouns that select a pattern's sense, a noun's pre-modifiers. The argument stages read
 * these instead of walking tokens each on their own. One view per sentence, made on demand.
 */
import type { DocSentence, Participant, PlaceHit, Token, Trigger } from '../../core/doc.js';
import type { Mention } from '../../core/types.js';
import type { Patterns } from '../../knowledge/patterns.js';
import type { Lexicon } from '../../knowledge/lexicon.js';
import { compoundLemma, createFirstWords, lastTok } from './parts.js';
import { eventWords, type EventWords } from './words.js';

/** quotation marks: a "treaty" in quotation marks is still the object */
const QUOTES = new Set(['"', '“', '”', "'", '‘', '’']);

/** What the view reads of one sentence. */
export interface ViewInput {
  doc: string;
  idx: number;
  text: string;
  start: number;
  tokens: Token[];
  mentions: Mention[];
  places: PlaceHit[];
}

export interface ClauseKnowledge {
  patterns: Patterns;
  words: EventWords;
  /** the first words of an object table's two-word keys (cached per pipeline) */
  firsts(objects: Record<string, string | null>): ReadonlySet<string>;
  /** one view per sentence, shared by the event stages (its tokens and mentions no longer change after `coref`) */
  views?: WeakMap<object, SentenceView>;
}

/** What the event stages share, made once per pipeline: the patterns, the grammar words and conventions, the caches. */
export function createClauseKnowledge(patterns: Patterns, lexicon: Lexicon): ClauseKnowledge {
  return { patterns, words: eventWords(lexicon), firsts: createFirstWords(), views: new WeakMap() };
}

/** Each sentence with triggers, with its view and its triggers: the loop the later event stages share. */
export function eachTriggered(doc: { id: string; sentences: DocSentence[] }, k: ClauseKnowledge, f: (s: DocSentence, v: SentenceView, triggers: Trigger[]) => void): void {
  for (const s of doc.sentences) if (s.triggers?.length) f(s, viewOf(k, doc.id, s), s.triggers);
}

/** The view of a tagged sentence, made once and shared by the stages that read it. */
export function viewOf(k: ClauseKnowledge, docId: string, s: { idx: number; text: string; start: number; tokens?: Token[]; mentions?: Mention[]; places?: PlaceHit[] }): SentenceView {
  let v = k.views?.get(s);
  if (!v) {
    v = createSentenceView({ doc: docId, idx: s.idx, text: s.text, start: s.start, tokens: s.tokens!, mentions: s.mentions!, places: s.places! }, k);
    k.views?.set(s, v);
  }
  return v;
}

export type MentionAt = { m: Mention; first: number; last: number };

export function createSentenceView(s: ViewInput, k: ClauseKnowledge) {
  const { patterns, words: W } = k;
  const toks = s.tokens;
  // participants: mentions that can be actors (places and authors cannot)
  const parts = s.mentions.filter((m) => m.via !== 'author');
  const tokOf = (m: Mention) => toks.findIndex((t) => t.end > m.span[0]);
  const mentionTok: MentionAt[] = parts.map((m) => ({ m, first: tokOf(m), last: lastTok(toks, m.span[1]) }));
  const lemmaAt = (i: number) => compoundLemma(toks, i);
  const inMention = new Uint8Array(toks.length);
  for (const x of mentionTok) for (let j = Math.max(0, x.first); j <= x.last; j++) inMention[j] = 1;
  // a clause ends at ; or a subordinator, and at ", and" / ", but" before a new clause
  const brk = (j: number) => W.clauseBreaks.has(toks[j].norm) || (toks[j].norm === ',' && W.commaClauseOpeners.has(toks[j + 1]?.norm ?? ''));

  function afterActor(i: number): boolean {
    for (let j = i - 1; j >= Math.max(0, i - 2); j--) {
      if (inMention[j]) return true;
      if (!['NOUN', 'PROPN', 'ADV'].includes(toks[j].pos)) return false;
    }
    return false;
  }

  function gerundLemma(w: string): string | null {
    const stem = w.slice(0, -3);
    for (const cand of [stem, stem.slice(0, -1), `${stem}e`]) if (patterns.verbs.has(cand)) return cand;
    return null;
  }

  function pastLemma(w: string): string | null {
    const irregular = W.irregularPast.get(w);
    if (irregular) return irregular;
    if (!W.pastEnding.test(w)) return null;
    for (const cand of [w.slice(0, -1), w.slice(0, -2), w.slice(0, -3)]) if (patterns.verbs.has(cand)) return cand;
    if (w.endsWith('ied') && patterns.verbs.has(w.slice(0, -3) + 'y')) return w.slice(0, -3) + 'y';
    return null;
  }

  function clauseBounds(i: number): [number, number] {
    const a = clauseStart(i);
    let b = i;
    while (b < toks.length - 1 && !brk(b + 1)) b++;
    return [toks[a].start, toks[b].end];
  }

  function isPartOfLongerNoun(i: number): boolean {
    // "summit talks" → one trigger at "talks"; skip "summit" when the next noun is also a trigger
    const nx = toks[i + 1];
    return !!nx && (nx.pos === 'NOUN') && patterns.nouns.has(nx.lemma);
  }

  function isPassive(i: number): boolean {
    for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
      if (W.passiveAux.has(toks[j].lemma) && toks[j].pos === 'AUX') {
        // "was hit by": a participle that looks like its base form is passive when an agent follows
        const byFollows = toks.slice(i + 1, i + 4).some((t) => t.norm === 'by');
        // "is seeking" is progressive, not passive
        if (W.gerundEnding.test(toks[i].norm)) return false;
        return W.participleEndings.test(toks[i].norm) || toks[i].norm !== toks[i].lemma || byFollows;
      }
      if (toks[j].pos !== 'ADV' && toks[j].pos !== 'AUX' && toks[j].pos !== 'PART') break;
    }
    return false;
  }

  /** The nearest actor mention(s) before token i in its clause, with coordination. */
  function subjectOf(i: number, depth = 0): Participant[] {
    // "Russia, an ally of Serbia, described Kosovo's action as a provocation and demanded …": a
    // finite verb coordinated with an earlier one in its clause shares that verb's subject
    // "…, calling it a provocation", "…, accusing Kyiv of …": a participle after a comma is said of
    // the clause's subject; "began expelling diplomats": a gerund after a verb shares its subject
    const coordinatedWith = conjunctOf(i);
    const conj = coordinatedWith >= 0 ? coordinatedWith : participleHost(i);
    if (conj >= 0 && depth < 4) {
      const shared = subjectOf(conj, depth + 1);
      if (shared.length) return shared;
    }
    // "the militant group that has seized …": a relative clause's subject is its antecedent,
    // an actor if the antecedent names one, nobody if it does not
    let r = i - 1;
    while (r > 0 && (['AUX', 'ADV', 'PART'].includes(toks[r].pos) || QUOTES.has(toks[r].norm))) r--;
    if (r > 0 && r < i && W.relativePronouns.has(toks[r].norm) && ['NOUN', 'PROPN', 'PUNCT'].includes(toks[r - 1].pos)) {
      const ante = mentionTok.find((x) => x.last === r - 1 || (toks[r - 1].norm === ',' && x.last === r - 2));
      if (ante && ante.m.via !== 'place') return coordinated(ante).map((m) => ({ m, how: 'subject' }));
      // ("the car bombing that killed …": the act is the noun's own event, coded from the noun)
      if (toks[r - 1].pos === 'NOUN') return [];
    }
    let best: { m: Mention; first: number; last: number } | null = null;
    // "with Egypt and Qatar mediating", "with Russia acting as mediator": the subject of an absolute phrase
    const absolute = absoluteSubject(i);
    for (const x of mentionTok) {
      if (x.last >= i) continue;
      if (clauseBetween(x.last, i)) continue;
      // "Villamizar said Thursday's attacks had killed 30 people": the speaker does not do what he reports
      if (reportsBetween(x.last, i)) continue;
      const before = toks[x.first - 1];
      if (x.m.via === 'place' || (before && before.pos === 'ADP' && !W.subjectPreps.has(before.norm) && before.norm !== 'by' && !(W.subordinators.has(before.norm) && x.first < i) && x !== absolute)) continue;
      // "rebel forces backed by Rwanda marched into Goma": the agent of a participle is not the clause's subject
      // ("strikes by Russia killed …": the agent of an event noun is)
      if (before?.norm === 'by' && toks[x.first - 2]?.pos === 'VERB') continue;
      // object of another verb between it and the trigger ("A met B and condemned C": A stays subject)
      if (!best || x.last > best.last) best = x;
    }
    if (!best) {
      // "Russia said it would …": a pronoun subject stands for the last actor before it
      const pro = toks.slice(0, i).map((t, k) => [t, k] as const).reverse().find(([t]) => W.subjectPronouns.has(t.norm));
      if (pro && !toks.slice(pro[1] + 1, i).some((t) => t.pos === 'VERB' && !patterns.verbs.has(t.lemma) && t.norm !== 'would')) {
        // (the last such actor that is no preposition's object: "EULEX, which has officers from Poland and
        // Lithuania, said it …" is EULEX's "it"; a person stands for no "it")
        const fits = mentionTok.filter((x) => x.last < pro[1] && x.m.via !== 'place' && (x.m.country || x.m.org) && !(toks[pro[1]].norm.startsWith('it') && x.m.actor.startsWith('person:')));
        const ante = fits.filter((x) => toks[x.first - 1]?.pos !== 'ADP' && !W.relativePronouns.has(toks[x.first - 1]?.norm ?? '')).pop() ?? fits.pop();
        if (ante) return [{ m: ante.m, how: 'pronoun' }];
      }
      return [];
    }
    // if the nearest is an object of a verb that stands before it, the subject is earlier, unless
    // that verb reports speech ("Kirby said North Korea had supplied …") or the nearest is a
    // possessor ("Washington's decision to pause aid")
    // ("the deal that Peru and Bolivia signed", "… as Moscow readies …": a relative pronoun or subordinator opens a clause of its own)
    let opener = -1;
    for (let k2 = best.first - 1; k2 >= 0; k2--) {
      if (toks[k2].pos === 'VERB') break;
      if (W.relativePronouns.has(toks[k2].norm) || W.subordinators.has(toks[k2].norm)) {
        opener = k2;
        break;
      }
    }
    const floor = Math.max(subjectFloor(best.first) ?? -1, opener);
    const possessor = toks[best.last + 1]?.norm === "'" || toks[best.last + 1]?.norm === "'s";
    // ("the Al Qaeda-linked group al-Shabab", "Iran-backed militias": a hyphened participle modifies, it is no verb)
    // "accused Doha of supporting …", "urged the EU to drop …": the object of the verb before is the one who acts
    const governor = (() => {
      let j = best.first - 1;
      while (j >= 0 && (toks[j].pos === 'DET' || toks[j].pos === 'ADJ' || toks[j].pos === 'NUM')) j--;
      return j >= 0 && toks[j].pos === 'VERB' ? toks[j].lemma : null;
    })();
    const link = toks[best.last + 1]?.norm;
    const controlled = !!governor && best.last + 2 <= i && i <= best.last + 3 && ((link === 'of' && W.chargeVerbs.has(governor)) || (link === 'to' && W.objectControlVerbs.has(governor)));
    const verbBetween = !possessor && !controlled && toks.slice(0, best.first).some((t, k) => t.pos === 'VERB' && k > floor && !patterns.attribution.has(t.lemma) && toks[k + 1]?.norm !== 'that' && toks[k - 1]?.norm !== '-');
    if (verbBetween) {
      const earlier = mentionTok.filter((x) => x.last < best!.first && x.m.via !== 'place' && !(toks[x.first - 1]?.pos === 'ADP'));
      const vIdx = toks.findIndex((t, k) => k < best!.first && t.pos === 'VERB');
      const subj = earlier.filter((x) => x.last < vIdx).pop();
      if (subj && !clauseBetween(subj.last, i)) best = subj;
    }
    // "the ELN, which has been through talks with Colombia's governments, has joined …": a relative
    // clause set off by commas describes the mention before it, and the verb after it is that mention's
    const rel = relativeAside(best, i);
    if (rel) best = rel;
    // "Hungary, a NATO member, has refused …": a mention inside an apposition describes the one before it
    // ("Kim Yo Jong, sister of DPRK leader Kim Jong Un, warned …": an apposition may open with a common noun;
    // "Frank McKenzie, commander of U.S. Central Command, announced …": or with a title the recogniser read as a role)
    const open = (() => {
      for (let j = best!.first - 1; j > 0 && best!.first - j <= 20; j--) if (toks[j].norm === ',') return j;
      return -1;
    })();
    const roleOpens = open > 0 && best.first === open + 1 && best.m.via === 'role' && toks[open + 1]?.pos === 'NOUN';
    // ("Edi Rama, Chairperson-in-Office of the OSCE, urged …": a capitalised title is no name)
    const titleOpens = open > 0 && toks[open + 1]?.pos === 'PROPN' && !inMention[open + 1] && toks.slice(open + 2, open + 7).some((t) => t.norm === 'of');
    if (open > 0 && (toks[open + 1]?.pos === 'DET' || (toks[open + 1]?.pos === 'NOUN' && !inMention[open + 1]) || roleOpens || titleOpens)) {
      const close = toks.findIndex((t, k) => k > best!.last && k < i && t.norm === ',');
      const head = mentionTok.find((x) => x.last === open - 1 && x.m.via !== 'place');
      if (close > 0 && head && !toks.slice(close + 1, i).some((t) => t.pos === 'VERB' && t !== toks[i] && !['AUX'].includes(t.pos))) best = head;
    }
    return coordinated(best).map((m) => ({ m, how: 'subject' }));
  }

  /**
   * "X, which/who …, V": the antecedent X of a relative clause that is set off by commas and ends
   * right before the verb (only adverbs or auxiliaries between), when the mention found is inside it.
   */
  function relativeAside(best: MentionAt, i: number): MentionAt | null {
    let close = -1;
    for (let j = i - 1; j > best.last; j--) {
      if (toks[j].norm === ',') {
        close = j;
        break;
      }
      // ("…, has only once before joined": an adverbial preposition standing alone)
      if (!['ADV', 'AUX', 'PART'].includes(toks[j].pos) && !(toks[j].pos === 'ADP' && ['ADV', 'AUX', 'VERB'].includes(toks[j + 1]?.pos ?? ''))) return null;
    }
    if (close < 0) return null;
    for (let j = best.first - 1; j > 0 && best.first - j <= 25; j--) {
      if (toks[j].norm === ';' || toks[j].pos === 'CCONJ') return null;
      if (toks[j].norm !== ',' || !W.relativePronouns.has(toks[j + 1]?.norm ?? '') || toks[j + 1].norm === 'that') continue;
      const head = mentionTok.find((x) => x.last === j - 1 && x.m.via !== 'place');
      return head ?? null;
    }
    return null;
  }

  /**
   * The verb a verb is coordinated with: "… and demanded", "…, and later accused": the nearest
   * finite verb before the conjunction in the same clause (not a gerund, an infinitive or a verb
   * after a preposition), with no actor between the conjunction and the verb. -1 when none.
   */
  function conjunctOf(i: number): number {
    if (toks[i]?.pos !== 'VERB') return -1;
    let c = i - 1;
    while (c > 0 && ['ADV', 'AUX', 'PART'].includes(toks[c].pos)) c--;
    if (c <= 0 || toks[c].pos !== 'CCONJ' || inMention[c + 1]) return -1;
    for (let v = c - 1; v >= 0; v--) {
      if ((W.clauseBreaks.has(toks[v].norm) && !QUOTES.has(toks[v].norm)) || (toks[v].norm === 'that' && toks[v].pos === 'SCONJ') || W.relativePronouns.has(toks[v].norm)) return -1;
      if (toks[v].pos !== 'VERB') continue;
      const before = toks[v - 1];
      if (W.gerundEnding.test(toks[v].norm) || (before && (before.pos === 'PART' || before.pos === 'ADP'))) continue;
      return v;
    }
    return -1;
  }

  /**
   * The finite verb a participle hangs on: "Russia condemned the move, calling it …" (a comma
   * and the participle, no actor right before it) or "Bishkek began expelling …" (right after a
   * verb). -1 when none.
   */
  function participleHost(i: number): number {
    if (!toks[i] || !W.gerundEnding.test(toks[i].norm)) return -1;
    const prev = toks[i - 1];
    // (the tagger calls some such gerunds nouns: "after landing")
    // "Iran retaliated by firing missiles", "Grossi told journalists after landing in Kyiv": the finite verb before it in the sentence
    if (prev && W.adjunctPreps.has(prev.norm) && prev.pos !== 'VERB' && (toks[i].pos === 'VERB' || toks[i].pos === 'NOUN')) return finiteVerbBefore(i - 2);
    if (toks[i].pos !== 'VERB') return -1;
    if (prev?.pos === 'VERB' && !W.gerundEnding.test(prev.norm)) return i - 1;
    if (prev?.norm !== ',' || inMention[i - 2]) return -1;
    return finiteVerbBefore(i - 2);
  }

  /** the nearest finite verb at or before token `from` in its clause (not past a relative pronoun, a "that" clause or ";"); -1 when none */
  function finiteVerbBefore(from: number): number {
    for (let v = from; v >= 0; v--) {
      if (W.relativePronouns.has(toks[v].norm) || (toks[v].norm === 'that' && toks[v].pos === 'SCONJ') || toks[v].norm === ';') return -1;
      if (toks[v].pos === 'VERB' && !W.gerundEnding.test(toks[v].norm) && toks[v - 1]?.pos !== 'PART' && toks[v - 1]?.pos !== 'ADP') return v;
    }
    return -1;
  }

  function subjectFloor(first: number): number | null {
    for (let j = first - 1; j >= 0; j--) if (W.clauseBreaks.has(toks[j].norm) || toks[j].norm === ',') return j;
    return null;
  }

  /** a verb of speech between tokens a and b that opens the clause holding b ("X said [Y's attacks] had killed …") */
  function reportsBetween(a: number, b: number): boolean {
    // ("Stoltenberg said the risk was low but called …": a verb after a conjunction may go with the speech verb)
    let c = b - 1;
    while (c > a && ['ADV', 'AUX'].includes(toks[c].pos)) c--;
    if (toks[c]?.pos === 'CCONJ') return false;
    for (let j = a + 1; j < b - 1; j++) {
      if (toks[j].pos !== 'VERB' || !patterns.attribution.has(toks[j].lemma)) continue;
      // ("X, Y said, attacked Z": a speaker set off by commas is an aside)
      if (toks.slice(j + 1, b).some((t) => t.norm === ',')) continue;
      // ("X said and attacked"; "X told Y to …": the reported clause needs words of its own before the verb)
      // ("he told parliament he had put troops …": a pronoun in the report most often stands for the speaker)
      const words = toks.slice(j + 1, b);
      // ("Putin told his defence chiefs to put …": an order, not a report)
      if (words.some((t) => W.speakerPronouns.has(t.norm) || (t.norm === 'to' && t.pos === 'PART'))) continue;
      if (words.some((t) => ['NOUN', 'PROPN', 'NUM'].includes(t.pos))) return true;
    }
    return false;
  }

  /** a clause break (";" or a "that" clause) between tokens a and b */
  function clauseBetween(a: number, b: number): boolean {
    for (let j = a + 1; j < b; j++) if (toks[j].norm === ';' || (toks[j].norm === 'that' && toks[j].pos === 'SCONJ')) return true;
    return false;
  }

  /** a verb of speech right after the mention: it is the one who says ("…, U.S. officials said") */
  function speaks(x: { last: number }): boolean {
    return toks.slice(x.last + 1, x.last + 3).some((t) => t.pos === 'VERB' && patterns.attribution.has(t.lemma));
  }

  /** the first and last tokens of the list a mention stands in ("Egypt and Qatar" for either) */
  function listBounds(x: MentionAt): [number, number] {
    const list = coordinated(x);
    const first = mentionTok.find((y) => y.m === list[0]);
    const last = mentionTok.find((y) => y.m === list[list.length - 1]);
    return [first ? first.first : x.first, last ? last.last : x.last];
  }

  /** A mention and those coordinated with it ("Kim and Putin", "Russia, China and Iran"). */
  function coordinated(x: { m: Mention; first: number; last: number }): Mention[] {
    // "the two Koreas": a pair phrase stands for both its members
    const twins = mentionTok.filter((y) => y.m !== x.m && y.m.span[0] === x.m.span[0] && y.m.span[1] === x.m.span[1]).map((y) => y.m);
    if (twins.length) return [...twins, x.m];
    const out = [x.m];
    let cur = x;
    for (;;) {
      // "Argentina's leader Javier Milei", "Chilean President Gabriel Boric": the owner and title are the person's own words
      const own = ownerOf(cur);
      if (own) cur = { ...cur, first: own.first };
      const prev = mentionTok.filter((y) => y.last < cur.first && y.m.via !== 'place').pop();
      if (!prev) break;
      const gap = toks.slice(prev.last + 1, cur.first).map((t) => t.norm);
      // "…, the U.S. Central Command said": a speaker is not listed with what comes before it
      const speaker = !gap.includes('and') && speaks(cur);
      if (gap.length >= 1 && gap.length <= 3 && gap.every((g) => W.coordinationBefore.has(g)) && !speaker) {
        out.unshift(prev.m);
        cur = prev;
      } else break;
    }
    cur = x;
    for (;;) {
      let nxt = mentionTok.find((y) => y.first > cur.last);
      if (!nxt) break;
      // "… and Jordan's King Abdullah": the person the owner's phrase introduces
      const owned = mentionTok.find((z) => z.first > nxt!.last && ownerOf(z) === nxt);
      if (owned) nxt = { ...owned, first: nxt.first };
      const gap = toks.slice(cur.last + 1, nxt.first).map((t) => t.norm);
      // "… to Russia, U.S. officials said": the speaker after a comma is not in the list
      const speaker = !gap.includes('and') && speaks(nxt);
      // "Frank McKenzie, commander of U.S. Central Command, …": a title after a person's name describes the person
      // ("signed by Moon Jae In, the South Korean President, and Kim Jong Un": the list goes on after it)
      if (gap.length === 1 && gap[0] === ',' && cur.m.actor.startsWith('person:') && nxt.m.via === 'role') {
        cur = nxt;
        continue;
      }
      if (gap.length >= 1 && gap.length <= 3 && gap.every((g) => W.coordinationAfter.has(g)) && !speaker) {
        out.push(nxt.m);
        cur = nxt;
      } else break;
    }
    return out.filter((m, k) => out.findIndex((o) => o.actor === m.actor && o.span[0] === m.span[0]) === k);
  }

  /**
   * The mention that owns a person's title: "Argentina's leader Javier Milei" (a possessive), "Chilean
   * President Gabriel Boric" (an adjective) — the country before a run of title words that introduce
   * the person. Null when the person stands alone.
   */
  function ownerOf(y: MentionAt): MentionAt | null {
    if (!y.m.actor.startsWith('person:')) return null;
    let j = y.first - 1;
    let possessive = false;
    let words = 0;
    while (j >= 0 && !inMention[j] && words < 5) {
      const t = toks[j];
      if (t.norm === "'s" || t.norm === "'") possessive = true;
      else if (!['NOUN', 'PROPN', 'ADJ'].includes(t.pos)) return null;
      else words++;
      j--;
    }
    if (j < 0 || j === y.first - 1 || words === 0) return null;
    const p = mentionTok.find((z) => z.last === j && z !== y && z.m.via !== 'place');
    if (!p || p.m.actor.startsWith('person:')) return null;
    return possessive || p.m.via === 'adj' ? p : null;
  }

  function mentionsFrom(j: number): Mention[] {
    // skip determiners and adjectives up to the mention
    let k = j;
    while (k < toks.length && (toks[k].pos === 'DET' || toks[k].pos === 'ADJ' || toks[k].pos === 'NUM' || (toks[k].pos === 'VERB' && W.pastEnding.test(toks[k].norm)))) k++;
    const x = mentionTok.find((y) => y.first === k || y.first === j);
    if (!x) return [];
    // "between Japan's Prime Minister Shinzo Abe and …": the owner introduces the person named after its title
    const owned = mentionTok.find((z) => z.first > x.last && ownerOf(z) === x);
    return coordinated(owned ? { ...owned, first: x.first } : x);
  }

  function byAgent(end: number): Participant[] {
    for (let j = end + 1; j < Math.min(toks.length, end + 10); j++) {
      if (W.clauseBreaks.has(toks[j].norm)) break;
      if (toks[j].norm === 'by') {
        // "by a wave of Russian drones": the agent may sit behind a few words
        for (let k2 = j + 1; k2 <= Math.min(toks.length - 1, j + 5); k2++) {
          const ms = mentionsFrom(k2);
          if (ms.length) return ms.map((m) => ({ m, how: 'by' }));
          if (!['DET', 'ADJ', 'NUM', 'NOUN', 'ADP'].includes(toks[k2].pos) || (toks[k2].pos === 'ADP' && toks[k2].norm !== 'of')) break;
        }
        return [];
      }
    }
    return [];
  }

  /** Object or prepositional target after the trigger, inside the clause. */
  function targetAfter(end: number, preps: string[], verb: number, noTarget = false): Participant[] {
    if (toks[end + 1]?.norm === 'and' && toks[end + 2]?.pos === 'VERB') end += 2;
    // "turned down Zelensky's plan", "handed over the prisoners": a phrasal particle before an object that is no place
    if (end === verb && W.phrasalParticles.has(toks[end + 1]?.norm ?? '') && !preps.includes(toks[end + 1].norm)) {
      const nx = mentionTok.find((y) => y.first > end + 1 && y.first <= end + 4);
      if (nx && nx.m.via !== 'place' && toks.slice(end + 2, nx.first).every((t) => ['DET', 'ADJ', 'NUM'].includes(t.pos))) end += 1;
    }
    const holder = end > verb ? mentionTok.find((y) => y.first <= end && y.last >= end && y.first > verb) : undefined;
    if (holder) return coordinated(holder).map((m) => ({ m, how: 'object' }));
    let ofTarget: Participant[] | null = null;
    const limit = Math.min(toks.length, end + 16);
    for (let j = end + 1; j < limit; j++) {
      const t = toks[j];
      if (brk(j)) break;
      // "the two exiled dissidents": a participle between determiner and noun modifies, it is not a second verb
      const modifier = W.pastEnding.test(t.norm) && (['DET', 'NUM'].includes(toks[j - 1]?.pos ?? '') || (toks[j - 1]?.pos === 'ADP' && j > end + 1)) && ['NOUN', 'PROPN', 'ADJ'].includes(toks[j + 1]?.pos ?? '');
      // "threatened to retaliate against Lithuania": an infinitive the patterns do not know carries the act's target
      const bareInfinitive = t.pos === 'VERB' && toks[j - 1]?.norm === 'to' && j === end + 2 && !patterns.verbs.get(t.lemma)?.code;
      if (t.pos === 'VERB' && j > end + 1 && !W.listVerbs.has(t.norm) && !modifier && !bareInfinitive) {
        // a second verb: stop, unless it is coordinated with ours and shares its object later
        break;
      }
      let x = mentionTok.find((y) => y.first === j);
      // "met Russian President Vladimir Putin": the person, not the adjective before the title
      if (x && x.m.via === 'adj') {
        const person = mentionTok.find((y) => y.first > x!.last && y.first <= x!.last + 3 && y.m.actor.startsWith('person:'));
        if (person) x = { ...person, first: x.first };
      }
      if (x && toks.slice(Math.max(end + 1, j - 4), j).some((t) => W.asideNouns.has(t.norm))) continue; // "on the sidelines of the G20 summit"
      if (x) {
        const before = toks[j - 1];
        const det = before && (before.pos === 'DET' || before.pos === 'ADJ') ? toks[j - 2] : before;
        // ("… a ceasefire, with Russia acting as mediator": the actor of an absolute phrase is not the verb's target)
        if (W.absoluteOpeners.has(det?.norm ?? '')) {
          const [, listEnd] = listBounds(x);
          if (toks[listEnd + 1]?.pos === 'VERB' && W.gerundEnding.test(toks[listEnd + 1].norm)) {
            j = listEnd;
            continue;
          }
        }
        // "helped the two exiled dissidents from Egypt": only a determiner, numbers and modifiers between verb and object
        let d0 = j - 1;
        while (d0 > end && j - d0 <= 4 && (['DET', 'NUM', 'ADJ'].includes(toks[d0].pos) || (toks[d0].pos === 'VERB' && W.pastEnding.test(toks[d0].norm) && toks[d0 - 1] && ['DET', 'NUM'].includes(toks[d0 - 1].pos)))) d0--;
        if (j === end + 1 || (det && det.pos !== 'ADP' && j <= end + 3 && x.m.via !== 'place') || (d0 === end && x.m.via !== 'place')) return coordinated(x).map((m) => ({ m, how: 'object' }));
        // (the tagger sometimes calls "to" a particle)
        if (det && (det.pos === 'ADP' || det.norm === 'to') && (preps.includes(det.norm) || (det.norm === 'to' && preps.length === 0))) return coordinated(x).map((m) => ({ m, how: `prep:${det.norm}` }));
        if (x.m.via === 'place') continue;
        if (det?.norm === 'from') {
          ofTarget ??= coordinated(x).map((m) => ({ m, how: 'prep:from' }));
          continue;
        }
        if (det && det.pos === 'ADP' && W.nonTargetPreps.has(det.norm)) continue;
        if (det?.norm === 'of' && partitive(end + 1, j - 1)) return coordinated(x).map((m) => ({ m, how: 'object' }));
        if (quantity(end + 1, j)) return coordinated(x).map((m) => ({ m, how: 'object' }));
        if (det?.norm === 'of') {
          // "the assets of Iranian officials": a target, if nothing better follows
          ofTarget ??= coordinated(x).map((m) => ({ m, how: 'prep:of' }));
          continue;
        }
        if (det?.norm === "'s" || noTarget) continue;
        // "… during Lula's visit to Beijing": the argument of an event noun with an actor of its own
        const dk = toks.indexOf(det!);
        if (det && det.pos === 'ADP' && !preps.includes(det.norm) && dk > end + 1 && patterns.nouns.has(toks[dk - 1].lemma) && toks.slice(Math.max(end + 1, dk - 4), dk - 1).some((t) => t.norm === "'s")) continue;
        return coordinated(x).map((m) => ({ m, how: 'near' }));
      }
    }
    return ofTarget ?? [];
  }

  /** "the same number of", "seven members of", "millions of": tokens a..b (b the "of") make a part or a number of what follows */
  function partitive(a: number, b: number): boolean {
    if (b - a < 1 || b - a > 4) return false;
    const run = toks.slice(a, b);
    return W.partitiveHeads.has(run[run.length - 1].norm) && run.every((t) => ['DET', 'NUM', 'ADJ'].includes(t.pos) || W.partitiveHeads.has(t.norm));
  }

  /** "more than 10,000", "at least 20": tokens a..j-1 are a quantity with a number, right before the mention at j */
  function quantity(a: number, j: number): boolean {
    if (j - a < 2 || j - a > 5) return false;
    const run = toks.slice(a, j);
    return run.some((t) => t.pos === 'NUM') && run.every((t) => t.pos === 'NUM' || t.pos === 'DET' || W.quantityWords.has(t.norm));
  }

  function objectAfter(i: number, objects: Record<string, string | null>): { code: string | null; end: number; key: string } | null {
    const firsts = k.firsts(objects);
    // ("pulled back its ambassadors": a particle the table knows yields to an object noun after it)
    let particle: { code: string | null; end: number; key: string } | null = null;
    for (let j = i + 1; j < Math.min(toks.length, i + 10); j++) {
      const t = toks[j];
      if (QUOTES.has(t.norm)) continue; // a "treaty" in quotation marks is still the object
      if (W.clauseBreaks.has(t.norm)) break;
      // the tagger sometimes calls a plural noun a verb ("exercises"): an object word still counts
      const two = j + 1 < toks.length && firsts.has(t.lemma) ? `${t.lemma} ${toks[j + 1].lemma}` : '';
      const hit = two in objects ? { code: objects[two], end: j + 1, key: two } : t.lemma in objects ? { code: objects[t.lemma], end: j, key: t.lemma } : t.norm in objects ? { code: objects[t.norm], end: j, key: t.norm } : null;
      if (hit) {
        if (particle || hit.end !== j || !['ADP', 'PART', 'ADV'].includes(t.pos)) return hit;
        particle = hit;
        continue;
      }
      // ("struck a wide-ranging deal", "a long-awaited accord": a hyphened participle modifies the object)
      if (t.pos === 'VERB' && j > i + 1 && toks[j - 1]?.norm !== '-') break;
    }
    return particle;
  }

  /** "the troops that Pyongyang sent": the object is the relative clause's antecedent */
  function objectBefore(i: number, objects: Record<string, string | null>): { code: string | null; end: number; key: string } | null {
    for (let j = i - 1; j >= Math.max(0, i - 6); j--) {
      if (!W.objectRelatives.has(toks[j].norm)) continue;
      for (let k2 = j - 1; k2 >= Math.max(0, j - 3); k2--) {
        if (toks[k2].lemma in objects) return { code: objects[toks[k2].lemma], end: i, key: toks[k2].lemma };
      }
    }
    return null;
  }

  /** "Evidence against Russia was presented by the US": a passive's object is its subject */
  function subjectObject(i: number, objects: Record<string, string | null>): { code: string | null; end: number; key: string } | null {
    for (let j = i - 1; j >= clauseStart(i); j--) {
      const t = toks[j];
      if (t.pos !== 'NOUN' && t.pos !== 'PROPN') continue;
      const lemma = t.pos === 'PROPN' ? t.norm : t.lemma;
      const two = j + 1 < i ? `${lemma} ${toks[j + 1].lemma}` : '';
      if (two in objects) return { code: objects[two], end: i, key: two };
      if (lemma in objects) return { code: objects[lemma], end: i, key: lemma };
    }
    return null;
  }

  function modifierBefore(i: number, mods: Record<string, string>): { code: string; key: string } | null {
    for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
      const t = toks[j];
      if (t.lemma in mods) return { code: mods[t.lemma], key: t.lemma };
      if (t.norm in mods) return { code: mods[t.norm], key: t.norm };
      // a hyphened compound the tokenizer split ("live-fire", "large-scale")
      if (toks[j - 1]?.norm === '-' && j >= 2) {
        const compound = `${toks[j - 2].norm}-${t.norm}`;
        if (compound in mods) return { code: mods[compound], key: compound };
      }
      if (!['ADJ', 'NOUN', 'PROPN', 'PUNCT', 'NUM'].includes(t.pos)) break;
    }
    return null;
  }

  function ofObject(last: number, objs: Record<string, string>): { code: string; key: string } | null {
    if (toks[last + 1]?.norm !== 'of') return null;
    for (let j = last + 2; j < Math.min(toks.length, last + 7); j++) {
      if (toks[j].lemma in objs) return { code: objs[toks[j].lemma], key: toks[j].lemma };
      if (toks[j].pos === 'VERB' || toks[j].pos === 'ADP') break;
    }
    return null;
  }

  /** Mentions in the noun's pre-modifier zone: possessives, adjectives, hyphen compounds. */
  function preParticipants(i: number): Mention[] {
    let j = i - 1;
    const zone = new Set(['ADJ', 'NOUN', 'PROPN', 'PUNCT', 'PART', 'CCONJ', 'NUM', 'X', 'SYM']);
    while (j >= 0 && zone.has(toks[j].pos) && ![',', ';', '(', ')', '"', '“', '”'].includes(toks[j].norm)) j--;
    const lo = toks[j + 1]?.start ?? toks[i].start;
    const hi = toks[i].start;
    return mentionTok.filter((x) => x.m.span[0] >= lo && x.m.span[1] <= hi && x.m.via !== 'place').map((x) => x.m);
  }

  /** the index of the first token of the clause holding token i */
  function clauseStart(i: number): number {
    let a = i;
    while (a > 0 && !brk(a - 1)) a--;
    return a;
  }

  /** "with Russia acting as mediator": the mention right before the gerund at token i when it heads an absolute phrase, else null */
  function absoluteSubject(i: number): MentionAt | null {
    if (toks[i]?.pos !== 'VERB' || !W.gerundEnding.test(toks[i].norm)) return null;
    const x = mentionTok.filter((y) => y.last < i && toks.slice(y.last + 1, i).every((t) => t.pos === 'ADV')).pop();
    return x && W.absoluteOpeners.has(toks[listBounds(x)[0] - 1]?.norm ?? '') ? x : null;
  }

  const absoluteGerund = (i: number): boolean => absoluteSubject(i) !== null;

  return {
    s,
    toks,
    absoluteGerund,
    mentionTok,
    inMention,
    lemmaAt,
    brk,
    afterActor,
    gerundLemma,
    pastLemma,
    clauseBounds,
    clauseStart,
    isPartOfLongerNoun,
    isPassive,
    subjectOf,
    clauseBetween,
    speaks,
    coordinated,
    mentionsFrom,
    byAgent,
    targetAfter,
    objectAfter,
    objectBefore,
    subjectObject,
    modifierBefore,
    ofObject,
    preParticipants,
  };
}

export type SentenceView = ReturnType<typeof createSentenceView>;
