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
}

/** a speaker the sentence names: their mention, or a name no mention covers; `at`: where the attribution stands */
export interface Quoted {
  m?: Mention;
  name?: string;
  at?: number;
  /** the verb of speech or report, as a folded token ("urged", "warned") */
  verb?: string;
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

  /**
   * "X said …", "according to X", "…, X argued": the quoted holder, if any — its mention, or a
   * name no mention covers. `reporting`: the verbs a news report attributes statements with
   * ("accused", "urged", "described … as") count too.
   */
  function quotedHolders(s: DocSentence, toks: KeyToken[], all: Mention[], reporting = false, subjectAt?: (at: number) => Mention | null, d?: Discourse): Quoted[] {
    const out: Quoted[] = [];
    // what is quoted names no holder
    const inQuote = quoted(s);
    const ms = all.filter((m) => !inQuote.some(([a, b]) => m.span[0] > a && m.span[1] <= b));
    const intro = SOURCE_INTRO.exec(s.text.toLowerCase());
    if (intro) {
      const acc = intro.index + intro[0].length;
      const after = s.start + acc;
      // "according to Serbian President Aleksandar Vucic": the person the phrase names, not its adjective
      const np = ms.filter((x) => x.span[0] >= after && x.span[0] <= after + 40 && !/[,;]/.test(s.text.slice(after - s.start, x.span[0] - s.start)));
      const m = np.find((x) => personal(x)) ?? np[0];
      const name = SOURCE_NAME.exec(s.text.slice(acc));
      if (m) out.push({ m, at: after });
      else if (name) out.push({ name: name[1].trim(), at: after });
    }
    for (let i = 0; i < toks.length; i++) {
      if (!SPEECH.has(toks[i].key) && !(reporting && REPORTING.has(toks[i].key))) continue;
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
        out.push({ name: nm[1], at: toks[i].start, verb: toks[i].key });
        continue;
      }
      const right = /^\s*((?:[A-Z][\w’'-]+\s?){2,4})/.exec(s.text.slice(toks[i].end - s.start));
      if (right && toks[i - 1]?.key === ',' && nameLike(right[1])) out.push({ name: right[1].trim(), at: toks[i].start, verb: toks[i].key });
    }
    return out;
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
    if (personal(m)) return actor?.name ?? m.text;
    // "it said", "Russian officials said": the actor; "Azerbaijan's foreign ministry said": the body as the text names it
    if (m.via === 'coref' || m.via === 'adj' || m.via === 'pair') return actor?.name ?? m.actor;
    return m.text;
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
