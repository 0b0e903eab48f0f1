/**
 * What the claims, flows and agreements stages share: the prose sentences with their mentions
 * and events, the span of a whole sentence, the mentions that stand for a country, and two
 * ways of turning lexicon entries into matchers (a word class as one regular expression, a
 * map of labels to cue names as an ordered table).
 */
import type { Doc, DocSentence } from '../../core/doc.js';
import type { EventRecord, Mention, Span } from '../../core/types.js';
import type { Lexicon } from '../../knowledge/lexicon.js';

/** A prose sentence with what earlier stages found in it. */
export interface AnalysisSentence {
  s: DocSentence;
  /** the sentence's mentions, without the authors of bylines */
  ms: Mention[];
  /** the sentence's events (after the one-per-fact filter) */
  evs: EventRecord[];
}

function bySentence<T extends { sentence: number }>(xs: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const x of xs) (out.get(x.sentence) ?? out.set(x.sentence, []).get(x.sentence)!).push(x);
  return out;
}

/** The document's prose sentences in order, each with its mentions (no authors) and events. */
export function proseSentences(doc: Doc): AnalysisSentence[] {
  const mentions = bySentence(doc.mentions!);
  const events = bySentence(doc.events!);
  return doc.sentences
    .filter((s) => s.prose)
    .map((s) => ({ s, ms: (mentions.get(s.idx) ?? []).filter((m) => m.via !== 'author'), evs: events.get(s.idx) ?? [] }));
}

/** The span of the whole sentence: the evidence of a record read from it. */
export function sentenceSpan(s: DocSentence): Span {
  return [s.start, s.start + s.text.length];
}

/** Mentions that stand for a country as an actor (not a place named as a place). */
export function countryActors(ms: Mention[]): Mention[] {
  return ms.filter((m) => m.country && m.via !== 'place');
}

/** The mentions that can give or receive: states and their people and bodies, organisations, named non-state groups. */
export function partyActors(ms: Mention[]): Mention[] {
  return ms.filter((m) => m.via !== 'place' && (m.country || m.org || m.actor.startsWith('group:')));
}

/**
 * Who a party mention stands for in the ledger, as events name actors: a named group by its id
 * ("group:houthis"), an organisation by its actor id ("org:eu"), anyone else by their country.
 */
export function partyOf(m: Mention): string {
  if (m.actor.startsWith('group:') && m.actor !== 'group:unnamed-armed') return m.actor;
  // an organisation's officer ("NATO's secretary-general") acts for the organisation
  if (!m.country && m.org && !m.actor.startsWith('org:')) return `org:${m.org.toLowerCase()}`;
  return m.country ?? m.actor;
}

/** A word class as the alternation of its words, each escaped, to build an expression from ("of|for|and"). */
export function wordsAlt(lx: Lexicon, name: string): string {
  return lx.list(name).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

/** A word class as one expression matching any of its words between word boundaries. */
export function wordsRe(lx: Lexicon, name: string, flags = ''): RegExp {
  return new RegExp(`\\b(?:${wordsAlt(lx, name)})\\b`, flags);
}

/** A map of labels to cue names, in the file's order: [the compiled cue, its label]. */
export function cueTable(lx: Lexicon, name: string): [RegExp, string][] {
  return [...lx.map(name)].map(([label, cue]) => [lx.cue(cue), label]);
}
