/**
 * Who holds a claim: the source it is quoted from ("X said …", "according to X", "…, X
 * argued"), else the authors of the section or the document, else unknown. A quoted holder is
 * named as the reader knows it: a person by the actor's name, whatever the sentence calls them
 * ("he", "Kim", "DANIEL KIM" are one holder); a body by the words that name it ("Azerbaijan's
 * foreign ministry"), or by the actor's name when the sentence refers back to it ("it said").
 */
import type { DocSentence, KeyToken } from '../../core/doc.js';
import type { Actor, ClaimRecord, Mention } from '../../core/types.js';
import type { Lexicon } from '../../knowledge/lexicon.js';
import { wordsAlt } from '../analysis/shared.js';

export interface Holder {
  holder: string;
  holder_kind: ClaimRecord['holder_kind'];
  /** the actor a mention names the holder as */
  holder_actor: string | null;
  /** that mention */
  mention: Mention | null;
}

/** a person's or author's mention stands for its name; any other actor for its id */
function personal(m: Mention): boolean {
  return m.actor.startsWith('person:') || m.actor.startsWith('author:');
}

/**
 * What a report has named so far, for the holders it refers back to: "he said" is the person
 * last named, "it said" the body or state, "the ministry said" the last actor named with that
 * word ("Russia's defence ministry").
 */
export interface Discourse {
  /** the document's mentions before the sentence, in text order */
  before: Mention[];
  /** the person who last held a claim */
  lastPerson: Mention | null;
  /** the body (a state, a ministry, an agency) that last held a claim */
  lastBody?: Mention | null;
  /** the speakers of the claims read so far, in text order */
  recent?: Quoted[];
  /** the document's text up to the sentence's end (for the names acronyms stand for) */
  text?: string;
}

/** a speaker the sentence names: their mention, or a name no mention covers; `at`: where the attribution stands */
export interface Quoted {
  m?: Mention;
  name?: string;
  at?: number;
  /** the verb of speech or report, as a folded token ("urged", "warned") */
  verb?: string;
  /** the holder's name as the text gives it, when the mention only names whom it speaks for ("its border service", "Moscow region investigators") */
  label?: string;
  /** an unnamed source, as the report describes it ("witnesses", "a court spokesperson") */
  unnamed?: boolean;
}

export function createHolders(lx: Lexicon) {
  const SOURCE_INTRO = lx.cue('claim_source_intro');
  const SOURCE_NAME = lx.cue('claim_source_name');
  const SPEECH = lx.words('claim_speech_verbs');
  const REPORTING = lx.words('claim_reporting_verbs');
  const PERSON_PRONOUNS = lx.words('coref_person_pronouns');
  const ACTOR_PRONOUNS = lx.words('coref_actor_pronouns');
  const PLURAL_PRONOUNS = lx.words('coref_plural_pronouns');
  const QUOTE = /["“”]/g;
  const NOT_NAMES = lx.words('actor_not_given_names');
  const GERUND = lx.cue('gerund_ending');
  const PAST = lx.cue('past_ending');
  const PASSIVE = lx.words('claim_passive_auxiliaries');
  const PARTICLES = lx.words('claim_verb_particles');
  const BETWEEN = lx.words('claim_between_words');
  const COORD = lx.words('claim_coordinators');
  const RELATIVE = lx.words('claim_relative_pronouns');
  const DETERMINERS = lx.words('coref_determiners');
  const NP_PREPS = lx.words('claim_np_prepositions');
  // a spelled-out name before its acronym: capitalised words and the connectors between them
  const SPELLED_NAME = new RegExp(`((?:\\p{Lu}[\\p{L}'’.-]*\\s+(?:(?:${wordsAlt(lx, 'claim_name_connectors')})\\s+)*){1,7})$`, 'u');
  const LEADING_ARTICLE = new RegExp(`^(?:${wordsAlt(lx, 'claim_name_articles')})\\s+`, 'i');
  const BARE_PRONOUNS = lx.words('claim_bare_pronouns');
  // "by Kyiv and Western governments", "by Kyiv, Washington": a second agent after a comma or a conjunction
  const AGENT_LIST_GAP = new RegExp(`^\\s*(?:,|${wordsAlt(lx, 'claim_agent_joiners')})\\s*(?:\\w+\\s+)?$`, 'i');
  const SOURCE_NOUNS = lx.words('claim_source_nouns');
  const PERSON_NOUNS = lx.words('claim_person_nouns');
  const SUBJECT_PRONOUNS = lx.words('claim_subject_pronouns');
  const CHARGES = lx.words('claim_charge_verbs');
  const SUBJECT_RELATIVES = lx.words('claim_subject_relatives');
  const BODY_HEADS = lx.words('actor_body_name_heads');
  const TIME_WORDS = lx.words('claim_time_words');
  const TIME_OPENERS = lx.words('claim_time_openers');
  const CLAUSE_OPENERS = lx.words('claim_clause_openers');
  const CHARGE_PREPS = lx.words('claim_charge_prepositions');
  const NAMING = lx.words('claim_naming_verbs');
  const INDEFINITE = lx.words('claim_indefinite_articles');
  const STATE_BODY_HEADS = lx.words('claim_state_body_heads');
  const PERSON_DESCRIPTION_OPENERS = lx.words('claim_indefinite_articles');
  const OBJECT_PREPS = lx.words('claim_object_prepositions');
  const NOT_STATEMENTS = lx.words('claim_speech_non_statements');
  /** a capitalised run that is a name: not one opening with a function word ("In July", "On Wednesday") */
  const nameLike = (n: string) => !NOT_NAMES.has(n.split(/\s+/)[0].toLowerCase());

  /** the spans of the sentence inside quotation marks: what is quoted, never who says it */
  function quoted(s: DocSentence): [number, number][] {
    const at = [...s.text.matchAll(QUOTE)].map((m) => s.start + m.index!);
    const out: [number, number][] = [];
    for (let j = 0; j + 1 < at.length; j += 2) out.push([at[j], at[j + 1]]);
    return out;
  }

  /** a pronoun or a definite description right before the verb ("he said", "the ministry said"), resolved in the discourse */
  function referredBack(s: DocSentence, toks: KeyToken[], i: number, d: Discourse | undefined): Mention | null {
    if (!d) return null;
    const w = toks[i - 1]?.key;
    if (!w) return null;
    if (PERSON_PRONOUNS.has(w)) return d.lastPerson ?? [...d.before].reverse().find((m) => personal(m) && !!m.country) ?? null;
    if (ACTOR_PRONOUNS.has(w) || PLURAL_PRONOUNS.has(w)) return [...d.before].reverse().find((m) => !personal(m) && m.via !== 'place' && m.via !== 'adj') ?? null;
    // "the ministry said", "the agency added": the last actor named with that word
    if (toks[i - 2]?.key === 'the' && /^\p{Ll}+$/u.test(toks[i - 1].text)) {
      const noun = w.replace(/s$/, '');
      return [...d.before].reverse().find((m) => !personal(m) && m.text.toLowerCase().split(/\s+/).pop()!.replace(/s$/, '') === noun) ?? null;
    }
    return null;
  }

  /** the folded last word of a mention's words, singular ("Russia's defence ministries" → "ministry") */
  const headWord = (m: Mention) => m.text.toLowerCase().split(/\s+/).pop()!.replace(/s$/, '');

  /**
   * "the ministry said", "the Commission confirmed", "according to the agency": the speaker a
   * definite description refers back to — one this sentence already quotes, the last body or
   * person that held a claim, else the last actor named with that word.
   */
  function described(noun: string, here: Quoted[], d: Discourse | undefined, ms: Mention[], before: number, persons = true): Quoted | null {
    const n = noun.replace(/s$/, '');
    const last = (t: string) => t.toLowerCase().split(/\s+/).pop()!.replace(/s$/, '');
    // a body by its head word ("Russia's defence ministry"); a person also by a title before the name ("US President Joe Biden")
    const fits = (m: Mention | null | undefined): m is Mention => !!m && (headWord(m) === n || (!personal(m) && m.text.toLowerCase().split(/\s+/).slice(1).some((w) => w.replace(/s$/, '') === n)) || (persons && personal(m) && m.text.toLowerCase().split(/\s+/).slice(0, -1).some((w) => w.replace(/s$/, '') === n)));
    const fitsQ = (q: Quoted) => (q.label ? last(q.label) === n : q.name ? last(q.name) === n : false) || fits(q.m);
    const strip = (q: Quoted): Quoted => ({ m: q.m, name: q.name, label: q.label, unnamed: q.unnamed });
    const hereQ = [...here].reverse().find(fitsQ);
    if (hereQ) return strip(hereQ);
    const inSentence = ms.filter((m) => m.span[1] <= before).reverse().find(fits);
    if (inSentence) return { m: inSentence };
    if (!d) return null;
    const recent = [...(d.recent ?? [])].reverse().find(fitsQ);
    if (recent) return strip(recent);
    const m = [...d.before].reverse().find(fits);
    return m ? { m } : null;
  }

  /** an acronym by the name the report spelled it out with before ("the Defense Security Cooperation Agency (DSCA) said … the DSCA said") */
  function spelledOut(name: string, d: Discourse | undefined): string {
    if (!d?.text || !/^\p{Lu}{2,7}$/u.test(name)) return name;
    const at = d.text.indexOf(`(${name})`);
    if (at < 0) return name;
    const m = SPELLED_NAME.exec(d.text.slice(Math.max(0, at - 120), at));
    return m ? cleanName(m[1].trim()) : name;
  }

  /** a name as the holder goes by it: no leading article, and "DANIEL KIM" as "Daniel Kim" */
  function cleanName(n: string): string {
    let out = n.trim().replace(LEADING_ARTICLE, '');
    if (/\s/.test(out) && out === out.toUpperCase() && /\p{Lu}{2}/u.test(out)) out = out.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
    return out;
  }

  /**
   * "X said …", "according to X", "…, X argued": the quoted holder, if any — its mention, or a
   * name no mention covers. `reporting`: the verbs a news report attributes statements with
   * ("accused", "urged", "described … as") count too.
   *
   * The speaker is the subject of the verb of report: the noun phrase right before it (past
   * "has also", "later", "on Monday"); a pronoun or a definite description there is resolved
   * to the speaker it refers back to (the one this sentence already quotes, else the last one
   * of its kind); a verb after a conjunction or a comma ("said … and urged", "…, praised …")
   * or a participle ("…, saying") shares the speaker of the verb before it, else the clause's
   * subject, read past its appositions and relative clauses ("EULEX, the EU's mission, which
   * …, said"). A passive ("is accused of") or a word the tagger reads as a noun ("the Baltic
   * states") reports nothing.
   */
  function quotedHolders(s: DocSentence, toks: KeyToken[], all: Mention[], reporting = false, subjectAt?: (at: number) => Mention | null, d?: Discourse): Quoted[] {
    const out: Quoted[] = [];
    // what is quoted names no holder
    const inQuote = quoted(s);
    const quotedAt = (x: number) => inQuote.some(([a, b]) => x > a && x < b);
    const ms = all.filter((m) => !inQuote.some(([a, b]) => m.span[0] > a && m.span[1] <= b));
    const pos = s.tokens ? new Map(s.tokens.map((t) => [t.start, t.pos])) : null;
    const posOf = (k: number) => (toks[k] ? pos?.get(toks[k].start) : undefined);
    // a token of a noun phrase: a noun, a name, an adjective, a determiner, a possessive
    const npTok = (k: number): boolean => {
      const t = toks[k];
      if (!t) return false;
      if (t.key === "'" || t.key === '’') return toks[k + 1]?.key === 's';
      if (t.key === 's' && (toks[k - 1]?.key === "'" || toks[k - 1]?.key === '’')) return true;
      // "Kim-Jong", "U.N.", "Gen. William Gayler"
      if (t.key === '-' || t.key === '.') return !!toks[k - 1]?.cap && !!toks[k + 1] && (toks[k + 1].start === t.end || (t.key === '.' && toks[k - 1].text.length <= 4 && toks[k + 1].cap));
      // (a word inside a name is the name's: "the United States")
      if (ms.some((m) => m.span[0] <= t.start && m.span[1] >= t.end)) return true;
      if (SPEECH.has(t.key) || REPORTING.has(t.key) || RELATIVE.has(t.key)) return false;
      const p = posOf(k);
      // ("one source", "another resident": whatever the tagger makes of the noun)
      if (SOURCE_NOUNS.has(t.key)) return true;
      if (p) return ['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM'].includes(p) && !PERSON_PRONOUNS.has(t.key) && !ACTOR_PRONOUNS.has(t.key) && !PLURAL_PRONOUNS.has(t.key);
      return t.cap || DETERMINERS.has(t.key);
    };
    const pronoun = (k: number) => !!toks[k] && (PERSON_PRONOUNS.has(toks[k].key) || ACTOR_PRONOUNS.has(toks[k].key) || PLURAL_PRONOUNS.has(toks[k].key));
    /** who a noun phrase [a, b] names, its head at h (before its first preposition): the mention over its head, the mentions it coordinates, the speaker a description refers to, or its name */
    const resolveNP = (a: number, b: number, h = b): Quoted[] => {
      const from = toks[a].start, to = toks[b].end;
      // ("Investigators later said", "Police also reported": a common noun opening the sentence is no name)
      const capH = toks[h].cap && !(toks[h].start === s.start && (posOf(h) === 'NOUN' || SOURCE_NOUNS.has(toks[h].key) || STATE_BODY_HEADS.has(toks[h].key)));
      const label = cleanName(s.text.slice(from - s.start, toks[h].end - s.start));
      const inside = ms.filter((m) => m.span[1] > from && m.span[0] < to);
      const heads = inside.filter((m) => m.span[0] <= toks[h].start && m.span[1] >= toks[h].end);
      const head = heads[0];
      // "both parties", "the two leaders": each of the pair
      if (heads.length > 1 && heads.every((m) => m.via === 'pair')) return heads.map((m) => ({ m }));
      if (head) {
        // "Kyiv and Moscow": each
        const ands = toks.slice(a, h).some((t) => COORD.has(t.key));
        if (ands) {
          const each = inside.filter((m) => m === head || toks.some((t) => t.start >= m.span[1] && t.start - m.span[1] <= 2 && (COORD.has(t.key) || t.key === ',')));
          return each.map((m) => ({ m }));
        }
        return [{ m: head }];
      }
      // "Secretary of State Antony Blinken": a title, then the person
      const titled = capH ? inside.find((m) => personal(m) && m.span[1] === to) : undefined;
      if (titled) return [{ m: titled }];
      // the body before the head: a possessive pronoun ("its border service"), an actor named in the phrase ("Moscow region investigators")
      const owner = (): Mention | null => {
        if (ACTOR_PRONOUNS.has(toks[a].key) || PLURAL_PRONOUNS.has(toks[a].key)) return out.map((q) => q.m).reverse().find((m) => m && !personal(m)) ?? d?.lastBody ?? null;
        return inside.find((m) => !personal(m) && m.span[1] <= toks[h].start) ?? null;
      };
      const possessed = ACTOR_PRONOUNS.has(toks[a].key) || PLURAL_PRONOUNS.has(toks[a].key);
      // "the ministry", "the Commission": the speaker it refers back to
      if ((!capH || (h === a + 1 && DETERMINERS.has(toks[a].key))) && !possessed) {
        // ("the Commission" is a body, not a title of a person)
        const q = described(toks[h].key, out, d, ms, from, !capH);
        if (q) return [q];
      }
      if (!capH) {
        // "the Peronist leader said": a person named before
        if (DETERMINERS.has(toks[a].key) && PERSON_NOUNS.has(toks[h].key) && d?.lastPerson) return [{ m: d.lastPerson }];
        const o = owner();
        if (o) return [{ m: o, label }];
        // "the ministry said", no ministry named before: the body that last held a claim
        if (DETERMINERS.has(toks[a].key) && BODY_HEADS.has(toks[h].key) && d?.lastBody) return [{ m: d.lastBody, label }];
        // an unnamed source as the report describes it ("witnesses", "a court spokesperson")
        return !possessed && SOURCE_NOUNS.has(toks[h].key) ? [{ name: label, unnamed: true }] : [];
      }
      let f = a;
      while (f < h && !toks[f].cap) f++;
      const name = s.text.slice(toks[f].start - s.start, toks[h].end - s.start);
      // "Taiwan's Ministry of National Defense", "the United Nations Assistance Mission in Afghanistan": the body by its name, speaking for the state or organisation it names
      const o = owner();
      const full = cleanName(s.text.slice(toks[f].start - s.start, to - s.start));
      if (o) return [{ m: o, label: full }];
      // (an acronym is a name, whatever the tagger calls it)
      const proper = !posOf(h) || posOf(h) === 'PROPN' || toks[h].upper || (h > f && toks.slice(f, h + 1).every((t) => t.cap || NP_PREPS.has(t.key) || t.key === "'" || t.key === 's' || t.key === '.'));
      if (!proper || !nameLike(name)) return [];
      // "the Foreign Ministry said": the ministry named before, if one was
      if (DETERMINERS.has(toks[a].key) && h > a + 1) {
        const q = described(toks[h].key, out, d, ms, from, false);
        if (q) return [q];
      }
      return [stateBody(spelledOut(cleanName(name), d), from)];
    };
    /**
     * A body by a name that names no state ("the Foreign Ministry", "state TV"): the body of the
     * state of the speaker before it (in the sentence, else in the report), else of the state the
     * sentence names first; a name that is no such body stays a name.
     */
    const stateBody = (name: string, from: number): Quoted => {
      if (!STATE_BODY_HEADS.has(name.toLowerCase().split(/\s+/).pop()!)) return { name };
      const speaker = [...out, ...[...(d?.recent ?? [])].reverse()].find((q) => q.m?.country)?.m;
      const country = speaker?.country ?? ms.find((m) => m.span[1] <= from && m.country && !personal(m) && m.via !== 'place')?.country;
      if (!country) return { name };
      const body = speaker && !personal(speaker) && speaker.country === country ? speaker
        : [...(d?.before ?? []), ...ms.filter((m) => m.span[1] <= from)].reverse().find((m) => !personal(m) && m.country === country && m.via !== 'place' && m.via !== 'adj');
      return body ? { m: body, label: name } : { name };
    };
    /** the noun phrase ending at token b, read leftwards, with its prepositional phrases ("the U.N. mission in Kosovo") */
    const npEndingAt = (b: number, lo = 0): Quoted[] => {
      let a = b, h = b;
      while (a - 1 >= lo && npTok(a - 1)) a--;
      while (a - 2 >= lo && NP_PREPS.has(toks[a - 1].key) && npTok(a - 2)) {
        h = a - 2;
        a = a - 2;
        while (a - 1 >= lo && npTok(a - 1)) a--;
      }
      // "its border service": the possessive opens the phrase
      if (a - 1 >= lo && (ACTOR_PRONOUNS.has(toks[a - 1].key) || PLURAL_PRONOUNS.has(toks[a - 1].key)) && !BARE_PRONOUNS.has(toks[a - 1].key)) a--;
      // "Kyiv and Moscow"
      if (a - 2 >= lo && COORD.has(toks[a - 1].key) && npTok(a - 2)) {
        let a2 = a - 2;
        while (a2 - 1 >= lo && npTok(a2 - 1)) a2--;
        // ("the Ministry of Water Resources and Irrigation": one name, its head before the preposition)
        if (a2 - 2 >= lo && NP_PREPS.has(toks[a2 - 1].key) && npTok(a2 - 2)) {
          let a3 = a2 - 2;
          while (a3 - 1 >= lo && npTok(a3 - 1)) a3--;
          return resolveNP(a3, b, a2 - 2);
        }
        const left = resolveNP(a2, a - 2), right = resolveNP(a, b, h);
        if (left.length && right.length) return [...left, ...right];
      }
      return resolveNP(a, b, h);
    };
    /**
     * the person a segment from token a to the next comma before token i names, titles and all
     * ("Lt Gen. Ahmed Sharif Chaudhry,"): their mention, or, after a description of a person
     * (`described`: "the military spokesman"), the capitalised name no mention covers
     */
    const appositivePerson = (a: number, i: number, described: boolean): Quoted | null => {
      let z = a;
      while (z < i && toks[z].key !== ',') z++;
      if (z >= i || z === a) return null;
      // (only a title may stand before the name: capitalised words and their full stops)
      const titled = (from: number) => toks.slice(a, z).every((t) => t.start >= from || t.cap || t.key === '.');
      const m = ms.find((x) => personal(x) && x.span[1] === toks[z - 1].end && x.span[0] >= toks[a].start);
      if (m) return titled(m.span[0]) ? { m } : null;
      if (!described || ms.some((x) => x.span[1] > toks[a].start && x.span[0] < toks[z - 1].end)) return null;
      // the name after the last title's full stop ("Lt Gen. Ahmed Sharif Chaudhry": "Ahmed Sharif Chaudhry")
      let f = a;
      for (let x = a; x < z; x++) if (toks[x].key === '.') f = x + 1;
      if (z - f < 2 || !toks.slice(f, z).every((t) => t.cap || t.key === '-')) return null;
      const name = s.text.slice(toks[f].start - s.start, toks[z - 1].end - s.start);
      return nameLike(name) ? { name: cleanName(name) } : null;
    };
    /** the subject of the clause before token i: its first segment that is not an introduction ("In a statement, …", "Speaking on Sunday, …"), past appositions */
    const clauseSubject = (i: number, from?: number): Quoted[] => {
      let lo = from ?? 0;
      // (a clause ends at ";" and ":", and a second one opens at ", and …", ", while …")
      // (", and Brian Naranjo, the deputy head, …" goes on a list: a clause needs a verb before the next comma)
      const verbAhead = (k: number) => {
        if (!pos) return true;
        for (let x = k + 1; x < i && toks[x].key !== ','; x++) if (posOf(x) === 'VERB' || posOf(x) === 'AUX') return true;
        return false;
      };
      if (from === undefined) for (let k = i - 1; k >= 0; k--) if (toks[k].key === ';' || toks[k].key === ':' || (k > 0 && toks[k - 1].key === ',' && CLAUSE_OPENERS.has(toks[k].key) && verbAhead(k))) { lo = k + 1; break; }
      let k = lo;
      while (k < i) {
        let end = k;
        while (end < i && toks[end].key !== ',') end++;
        const p = posOf(k);
        const intro = p ? !['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM'].includes(p) || GERUND.test(toks[k].key) : (NOT_NAMES.has(toks[k].key) && !DETERMINERS.has(toks[k].key)) || GERUND.test(toks[k].key) || !toks[k].cap;
        if (!intro && npTok(k)) {
          let b = k;
          while (b + 1 < end && (npTok(b + 1) || (COORD.has(toks[b + 1].key) && toks[b + 2]?.cap))) b++;
          // "Gen. William Gayler of the U.S. Army": the head before the preposition
          const h = b;
          let e = b;
          while (e + 2 < end && NP_PREPS.has(toks[e + 1].key) && npTok(e + 2)) {
            e += 2;
            while (e + 1 < end && npTok(e + 1)) e++;
          }
          // a subject fills its segment ("EULEX, …") or its verb follows ("Maduro had ordered …"); "Hours earlier, …" is an introduction
          let nx = e + 1;
          while (nx < end && (posOf(nx) === 'ADV' || TIME_OPENERS.has(toks[nx].key) || TIME_WORDS.has(toks[nx].key) || /\d/.test(toks[nx].key))) nx++;
          const subject = !pos || e + 1 === end || (nx < end && (posOf(nx) === 'VERB' || posOf(nx) === 'AUX' || SPEECH.has(toks[nx].key) || REPORTING.has(toks[nx].key)));
          if (subject) {
            if (b > k && toks.slice(k, b).some((t) => COORD.has(t.key))) return npEndingAt(b, k);
            // "Pakistan's military spokesman, Lt Gen. Ahmed Sharif Chaudhry, told …": a description, then the person it describes
            const named = e + 1 === end && !toks[h].cap ? appositivePerson(end + 1, i, PERSON_NOUNS.has(toks[h].key) || SOURCE_NOUNS.has(toks[h].key)) : null;
            if (named) return [named];
            return resolveNP(k, e, h);
          }
        }
        k = end + 1;
      }
      return [];
    };
    const intro = SOURCE_INTRO.exec(s.text.toLowerCase());
    if (intro) {
      const acc = intro.index + intro[0].length;
      const after = s.start + acc;
      // "according to Serbian President Aleksandar Vucic": the person the phrase names, not its adjective
      const np = ms.filter((x) => x.span[0] >= after && x.span[0] <= after + 40 && !/[,;]/.test(s.text.slice(after - s.start, x.span[0] - s.start)));
      const m = np.find((x) => personal(x)) ?? np[0];
      const name = SOURCE_NAME.exec(s.text.slice(acc));
      // "according to the ministry": the body named before
      const k = toks.findIndex((t) => t.start >= after);
      const desc = !m && k >= 0 && DETERMINERS.has(toks[k].key) && toks[k + 1] && !toks[k + 1].cap && (toks[k + 2]?.key === ',' || !toks[k + 2]) ? described(toks[k + 1].key, out, d, ms, after) : null;
      if (m) out.push({ m, at: after });
      else if (desc) out.push({ ...desc, at: after });
      else if (name) {
        // "according to the Foreign Ministry": the ministry named before, if one was, else the body of the speaker's state
        const full = cleanName(name[1]);
        const q = DETERMINERS.has(toks[k]?.key ?? '') && /\s/.test(full) ? described(full.toLowerCase().split(/\s+/).pop()!, out, d, ms, after, false) : null;
        out.push({ ...(q ?? stateBody(full, after)), at: after });
      }
      else if (k >= 0) {
        // "according to officials", "according to an AFP journalist": an unnamed source as the report describes it
        let e = k;
        while (e < toks.length && e - k < 5 && npTok(e) && !SOURCE_NOUNS.has(toks[e].key)) e++;
        if (e < toks.length && SOURCE_NOUNS.has(toks[e].key) && !npTok(e + 1)) out.push({ name: cleanName(s.text.slice(toks[k].start - s.start, toks[e].end - s.start)), unnamed: true, at: after });
      }
    }
    for (let i = 0; i < toks.length; i++) {
      if (!SPEECH.has(toks[i].key) && !(reporting && REPORTING.has(toks[i].key))) continue;
      // a word of report inside a quotation or a name, or one the tagger reads as a noun or an adjective ("the Baltic states", "the alleged plot"), reports nothing
      if (quotedAt(toks[i].start) || all.some((m) => m.span[0] <= toks[i].start && m.span[1] >= toks[i].end)) continue;
      const p = posOf(i);
      if (reporting && p && (['NOUN', 'PROPN'].includes(p) || (p === 'ADJ' && (posOf(i + 1) === 'NOUN' || posOf(i - 1) === 'DET')))) continue;
      // "said goodbye to": a verb of speech whose object is no statement
      if (SPEECH.has(toks[i].key) && NOT_STATEMENTS.has(toks[i + 1]?.key ?? '')) continue;
      // "called in the ambassador"; "the self-declared republics"
      if (PARTICLES.has(toks[i + 1]?.key ?? '') && PAST.test(toks[i].key)) continue;
      if (toks[i - 1]?.key === '-' && toks[i - 1].end === toks[i].start) continue;
      // "a coalition called Viv Ansanm": a participle that names a thing the report introduces
      if (reporting && NAMING.has(toks[i].key) && posOf(i - 1) === 'NOUN' && !ms.some((m) => m.span[1] === toks[i - 1].end)) {
        let a = i - 1;
        while (a > 0 && npTok(a - 1)) a--;
        if (INDEFINITE.has(toks[a].key)) continue;
      }
      // "a Russian national accused of spying": a charge laid on the noun before, by no one the sentence names
      if (reporting && CHARGES.has(toks[i].key) && CHARGE_PREPS.has(toks[i + 1]?.key ?? '')) continue;
      // "referendums denounced by Kyiv", "the move was condemned by the EU": the agent holds it
      if (reporting && toks[i + 1]?.key === 'by' && PAST.test(toks[i].key)) {
        const agent = ms.find((m) => m.span[0] >= toks[i + 1].end && m.span[0] - toks[i + 1].end <= 5);
        const k2 = i + 2;
        if (agent) {
          // "by Kyiv and Western governments"
          const more = ms.filter((m) => m !== agent && m.span[0] > agent.span[1] && AGENT_LIST_GAP.test(s.text.slice(agent.span[1] - s.start, m.span[0] - s.start)));
          for (const m of [agent, ...more.slice(0, 1)]) out.push({ m, at: toks[i].start, verb: toks[i].key });
          continue;
        }
        if (toks[k2]?.cap) continue;
      }
      // the speaker before the verb, past what may stand between ("has also", "later", "on Monday")
      let j = i - 1;
      while (j >= 0 && (BETWEEN.has(toks[j].key) || (posOf(j) && ['ADV', 'AUX', 'PART'].includes(posOf(j)!) && !PASSIVE.has(toks[j].key)))) j--;
      // "is accused of", "stand accused", "had been told": a passive
      if (j >= 0 && PASSIVE.has(toks[j].key) && !GERUND.test(toks[i].key)) continue;
      // ("Orpo on Monday, March 27, called …", "the president late on Friday said …")
      if (j >= 1 && (TIME_WORDS.has(toks[j].key) || /\d/.test(toks[j].key))) {
        let o = j;
        while (o >= 0 && (TIME_WORDS.has(toks[o].key) || /\d/.test(toks[o].key) || toks[o].key === ',')) o--;
        if (o >= 0 && o < j && TIME_OPENERS.has(toks[o].key)) {
          while (o >= 0 && TIME_OPENERS.has(toks[o].key)) o--;
          j = o;
        }
      }
      const prev = out.length ? out[out.length - 1] : null;
      const w = toks[j];
      const push = (qs: Quoted[]) => { for (const q of qs) out.push({ ...q, at: toks[i].start, verb: toks[i].key }); };
      // (", said Kim" is read below, as before)
      const inverted0 = w?.key === ',' && SPEECH.has(toks[i].key) && ms.some((m) => m.span[0] >= toks[i].end && m.span[0] - toks[i].end <= 3 && /^\s*(?:[,.;:]|$)/.test(s.text.slice(m.span[1] - s.start)));
      // (an analysis names its few sources as before: by the clause reader and the mention nearest the verb)
      if (reporting && !inverted0 && w) {
        // "…, saying …", "… as saying …": the speaker of the verb before, else the clause's subject
        if ((w.key === ',' || w.key === 'as') && GERUND.test(toks[i].key)) {
          const finite = prev && !(prev.verb && GERUND.test(prev.verb)) ? [prev] : [];
          const r = finite.length ? finite : clauseSubject(i);
          if (r.length) { push(r); continue; }
          if (prev) { push([prev]); continue; }
        } else if ((w.key === ',' || COORD.has(w.key)) && prev) {
          // "said … and urged …", "said …, praised …"
          push([prev]);
          continue;
        } else if (w.key === ',' || COORD.has(w.key)) {
          // ("China regards Taiwan as its own and has vowed …")
          // "EULEX, the EU's mission, which …, said"
          const r = clauseSubject(i);
          if (r.length) { push(r); continue; }
        } else if (SUBJECT_PRONOUNS.has(w.key)) {
          // "he said", "which she said", "it added": the speaker this sentence quotes, else the last of that kind
          const person = PERSON_PRONOUNS.has(w.key);
          const plural = PLURAL_PRONOUNS.has(w.key);
          // (a speaker this sentence named without a mention — "NORDMIS, the EU's mission, said …; it urged …" — fits either pronoun; "they" fits any)
          const hereQ = [...out].reverse().find((q) => plural || (q.m ? personal(q.m) === person : !!q.name && !q.unnamed));
          if (hereQ && !hereQ.m) { push([{ name: hereQ.name, label: hereQ.label }]); continue; }
          const here = hereQ?.m ?? null;
          // "TV Imedi, a channel …, had aired …, and it also reported": the subject the sentence opened with
          if (!here && !person) {
            const opened = clauseSubject(j, 0).filter((q) => !q.unnamed && (!q.m || !personal(q.m)));
            if (opened.length) { push(opened); continue; }
          }
          // "Lenarcic said …. He added …": a person last quoted by a name no mention covers
          if (!here && person) {
            const last = [...(d?.recent ?? [])].reverse().find((q) => (q.m ? personal(q.m) : !!q.name && !q.unnamed));
            if (last && !last.m) { push([{ name: last.name, label: last.label }]); continue; }
          }
          // ("Russia's Foreign Ministry called in …, and in a statement it described …": the body the sentence opened with)
          const opener = person ? null : ms.find((m) => m.span[1] <= w.start && !personal(m) && m.via !== 'place' && !(posOf(toks.findIndex((t) => t.start === m.span[0]) - 1) === 'ADP' && toks[toks.findIndex((t) => t.start === m.span[0]) - 1]?.key !== 'by')) ?? null;
          const m = here ?? opener ?? (person ? d?.lastPerson : d?.lastBody) ?? referredBack(s, toks, j + 1, d);
          if (m) { push([{ m }]); continue; }
        } else if (npTok(j)) {
          // ("a tax on WhatsApp calls", in a sentence the tagger did not read: a name after a preposition is its object, not a speaker)
          let a = j;
          while (a > 0 && npTok(a - 1)) a--;
          // ("Martin Kelly of EOS Risk Group said": a preposition inside the speaker's phrase)
          if (!pos && a > 0 && OBJECT_PREPS.has(toks[a - 1].key) && !(NP_PREPS.has(toks[a - 1].key) && npTok(a - 2))) continue;
          const r = npEndingAt(j);
          if (r.length) { push(r); continue; }
          // (a subject the report does not let us resolve: no one else's words)
          if (!toks[j].cap) continue;
        } else if (w.key === ')' && j > 1) {
          // "the Nordic Maritime Safety Agency (NMSA) said": the name before the parenthesis
          let e = j;
          while (e > 0 && toks[e].key !== '(') e--;
          if (e > 0 && npTok(e - 1)) {
            const r = npEndingAt(e - 1);
            if (r.length) { push(r); continue; }
          }
        } else if (SUBJECT_RELATIVES.has(w.key) && j > 0) {
          // "EOS Risk Group, which noted …", "Guterres, who said …": the relative's antecedent
          let e = j - 1;
          if (toks[e].key === ',') e--;
          if (toks[e]?.key === ')') { while (e > 0 && toks[e].key !== '(') e--; e--; }
          if (e >= 0 && npTok(e)) {
            // "Alexander Dugin, an ultra-nationalist ideologue who argues …": the person the description stands beside
            let a = e;
            // (a hyphen inside a word: "ultra-nationalist")
            const glued = (k: number) => /^(?:\p{L}+|-)$/u.test(toks[k].key) && (toks[k].end === toks[k + 1]?.start || toks[k - 1]?.end === toks[k].start);
            while (a > 0 && (npTok(a - 1) || glued(a - 1))) a--;
            if (a > 1 && toks[a - 1].key === ',' && !toks[a].cap && PERSON_DESCRIPTION_OPENERS.has(toks[a].key)) {
              const beside = ms.find((m) => personal(m) && m.span[1] === toks[a - 2].end);
              if (beside) { push([{ m: beside }]); continue; }
              // (a name no mention covers: two capitalised words or more, none a mention's)
              let f = a - 2;
              while (f > 0 && toks[f - 1].cap) f--;
              const name = s.text.slice(toks[f].start - s.start, toks[a - 2].end - s.start);
              if (a - 2 - f >= 1 && !ms.some((m) => m.span[1] > toks[f].start && m.span[0] < toks[a - 2].end) && nameLike(name)) { push([{ name: cleanName(name) }]); continue; }
            }
            const r = npEndingAt(e);
            if (r.length) { push(r); continue; }
          }
        }
      }
      // subject before the verb, or after it ("…, said Kim")
      const before = ms.filter((m) => m.span[1] <= toks[i].start && toks[i].start - m.span[1] <= 40).pop();
      const after = ms.find((m) => m.span[0] >= toks[i].end && m.span[0] - toks[i].end <= 3);
      // "…, said Kim." / "…, said Kim, adding …": the name after a verb of speech closes the clause; after "told" it is who was told
      const closes = !!after && /^\s*(?:[,.;:]|$)/.test(s.text.slice(after.span[1] - s.start));
      const inverted = !!after && toks[i - 1]?.key === ',' && SPEECH.has(toks[i].key) && closes;
      if (inverted) {
        out.push({ m: after, at: toks[i].start, verb: toks[i].key });
        continue;
      }
      const back = referredBack(s, toks, i, d);
      if (back) {
        out.push({ m: back, at: toks[i].start, verb: toks[i].key });
        continue;
      }
      // "…, saying he acted in protest": a participle of speech after a comma is said by the clause's subject
      let at = i;
      // ("… was quoted by TASS as saying": the one quoted)
      if ((toks[i - 1]?.key === ',' || toks[i - 1]?.key === 'as') && GERUND.test(toks[i].key)) {
        for (let j = i - 2; j >= 0; j--) if (SPEECH.has(toks[j].key) || REPORTING.has(toks[j].key) || PAST.test(toks[j].key)) { at = j; break; }
      }
      // '"…," Roble told a news conference': a name alone right before the verb, after the quotation
      const single = /["”],?\s*(\p{Lu}[\p{L}'-]+)\s*$/u.exec(s.text.slice(0, toks[i].start - s.start));
      const m = subjectAt?.(toks[at].start) ?? before ?? after;
      if (single && !ms.some((x) => x.text.endsWith(single[1]) && x.span[1] === toks[i].start - 1)) {
        const byName = d?.before.slice().reverse().find((x) => personal(x) && x.text.split(/\s+/).pop() === single[1]);
        out.push(byName ? { m: byName, at: toks[i].start, verb: toks[i].key } : { name: single[1], at: toks[i].start, verb: toks[i].key });
        continue;
      }
      if (m) {
        out.push({ m, at: toks[i].start, verb: toks[i].key });
        continue;
      }
      // an expert the dictionaries do not know: a capitalised name next to the verb
      const left = s.text.slice(0, toks[i].start - s.start);
      const nm = /((?:[A-Z][\w’'-]+\s){1,3}[A-Z][\w’'-]+)(?:,[^,]{3,80},)?\s*$/.exec(left);
      if (nm && nameLike(nm[1])) {
        out.push({ name: cleanName(nm[1]), at: toks[i].start, verb: toks[i].key });
        continue;
      }
      const right = /^\s*((?:[A-Z][\w’'-]+\s?){2,4})/.exec(s.text.slice(toks[i].end - s.start));
      if (right && toks[i - 1]?.key === ',' && nameLike(right[1])) out.push({ name: cleanName(right[1]), at: toks[i].start, verb: toks[i].key });
    }
    return out.map((q) => bySurname(q, d));
  }

  /**
   * A person the sentence names by one word ("Kim said", "Lo said"): the speaker of the report
   * who goes by that word, the last one first ("Kim Yo Jong", not the brother the dictionaries
   * also call Kim), else the person named before with that word.
   */
  function bySurname(q: Quoted, d: Discourse | undefined): Quoted {
    const word = q.m ? (personal(q.m) && q.m.via === 'short' && !/\s/.test(q.m.text) ? q.m.text : null) : q.name && !q.unnamed && !q.label && /^\p{Lu}\p{Ll}[\p{L}'’-]*$/u.test(q.name) ? q.name : null;
    if (!word || !d) return q;
    const has = (m: Mention) => personal(m) && m.text.split(/[\s-]+/).includes(word) && /\s/.test(m.text);
    const spoke = [...(d.recent ?? [])].reverse().find((r) => r.m && has(r.m))?.m;
    const named = spoke ?? (q.m ? null : [...d.before].reverse().find(has));
    return named && named.actor !== q.m?.actor ? { ...q, m: named, name: undefined } : q;
  }

  /** The first speaker the sentence attributes what it says to, if any. */
  function quotedHolder(s: DocSentence, toks: KeyToken[], all: Mention[], reporting = false, subjectAt?: (at: number) => Mention | null, d?: Discourse): Quoted | null {
    return quotedHolders(s, toks, all, reporting, subjectAt, d)[0] ?? null;
  }


  /** the name a quoted holder goes by */
  function nameOf(q: { m?: Mention; name?: string }, actors: ReadonlyMap<string, Actor>): string {
    if (!q.m) return q.name!;
    const m = q.m;
    const actor = actors.get(m.actor);
    if (personal(m)) return actor?.name ?? cleanName(m.text);
    // "it said", "Russian officials said": the actor; "Azerbaijan's foreign ministry said": the body as the text names it
    if (m.via === 'coref' || m.via === 'adj' || m.via === 'pair') return actor?.name ?? cleanName(m.text);
    return cleanName(m.text);
  }

  /** The claim's holder: quoted, else (in analysis) the section's or the document's authors, else unknown. */
  function holderOf(s: DocSentence, toks: KeyToken[], ms: Mention[], docAuthors: string[], actors: ReadonlyMap<string, Actor>, reporting = false, subjectAt?: (at: number) => Mention | null, d?: Discourse): Holder {
    const quoted = quotedHolder(s, toks, ms, reporting, subjectAt, d);
    const authors = s.sectionAuthors.length ? s.sectionAuthors : docAuthors;
    if (quoted) return { holder: nameOf(quoted, actors), holder_kind: 'quoted', holder_actor: quoted.m?.actor ?? null, mention: quoted.m ?? null };
    if (authors.length && !reporting) return { holder: authors.join('; '), holder_kind: 'author', holder_actor: null, mention: null };
    return { holder: 'unknown', holder_kind: 'unknown', holder_actor: null, mention: null };
  }

  return { quotedHolder, quotedHolders, holderOf, nameOf };
}
