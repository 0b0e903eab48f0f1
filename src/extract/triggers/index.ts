/**
 * Stage `triggers`: the words of a tagged sentence that the patterns know as possible events —
 * verbs (with the tagger's slips mended: a past form after an actor, "would free", "test-fired")
 * and event nouns ("summit talks", "arms transfers") — before any argument is read. A verb the
 * tagger may have taken for a noun in a compound carries its noun reading as a fallback.
 */
import type { Candidate, Stage } from '../../core/doc.js';
import type { Patterns } from '../../knowledge/patterns.js';
import { viewOf, type ClauseKnowledge, type SentenceView } from '../clause/view.js';

/** The candidates of one sentence, in text order. */
export function findCandidates(v: SentenceView, k: ClauseKnowledge): Candidate[] {
  const { patterns, words: W } = k;
  const { toks, inMention } = v;
  const past = W.pastEnding;
  const gerund = W.gerundEnding;
  const out: Candidate[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    // inside an actor mention: never a trigger ("the Summit" in a name is rare; "Korea" never)
    if (inMention[i]) continue;
    const lemma = v.lemmaAt(i);
    if (t.pos === 'VERB' && past.test(t.norm) && i > 0 && ['DET', 'NUM'].includes(toks[i - 1].pos)) continue; // "five detained Americans"
    if (t.pos === 'VERB' && past.test(t.norm) && i > 0 && toks[i - 1].pos === 'VERB' && ['ADJ', 'PROPN'].includes(toks[i + 1]?.pos ?? '') && toks[i + 2]?.pos === 'NOUN') continue; // "released captured Indian pilots"
    if (i >= 2 && toks[i - 1].norm === 'have' && W.counterfactualModals.has(toks[i - 2].norm)) continue; // "would have tightened": did not happen
    // ", killing eight people", ", committing the two countries": a gerund after a comma that tells what the main act did is part of it
    // (", accusing Kyiv of …", ", urging restraint": one that does something of its own is an event)
    if (gerund.test(t.norm) && toks[i - 1]?.norm === ',' && W.outcomeGerunds.has(lemma)) continue;
    if (gerund.test(t.norm) && W.topicPreps.has(toks[i - 1]?.norm ?? '')) continue; // "a treaty on expanding cooperation": a topic, not an act
    if (t.norm === 'given' && (i === 0 || W.givenPreceders.has(toks[i - 1].norm)) && ['DET', 'ADJ', 'NOUN', 'PROPN', 'PRON'].includes(toks[i + 1]?.pos ?? '')) continue; // "given the emasculation of the UNSC": a preposition
    // the tagger calls some past-tense verbs adjectives or nouns ("Qatar mediated", "F-16s shot down"):
    // a past form right after an actor is read as the verb it is
    const mistagged =
      (t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN') && i > 0 && v.afterActor(i) ? v.pastLemma(t.norm)
      : t.pos === 'NOUN' && toks[i - 1]?.norm === 'by' && gerund.test(t.norm) ? v.gerundLemma(t.norm)
      // a participle after a passive auxiliary and before its agent is a verb ("was encircled by"): the tagger reads some as adjectives
      : t.pos === 'ADJ' && i > 0 && toks[i - 1].pos === 'AUX' && W.passiveAux.has(toks[i - 1].lemma) && toks[i + 1]?.norm === 'by' ? v.pastLemma(t.norm)
      // after a modal or infinitive "to" a word is a verb ("would free", "to free"): the tagger reads some as adjectives
      : (t.pos === 'ADJ' || t.pos === 'NOUN') && W.verbLicensers.has(toks[i - 1]?.norm ?? '') && patterns.verbs.has(t.norm) && toks[i + 1] && ['DET', 'NUM', 'PROPN', 'ADJ', 'ADV', 'ADP'].includes(toks[i + 1].pos) ? t.norm
      : null;
    let verb: string | undefined;
    if (t.pos === 'VERB' || mistagged || (t.pos === 'NOUN' && lemma.includes('-') && patterns.verbs.has(lemma))) {
      // (wink lemmatizes some -ed forms short, "staged" → "stag": the regular past stem is tried too)
      let vk: string | undefined = mistagged ?? lemma;
      if (!patterns.verbs.has(vk)) vk = t.pos === 'VERB' && past.test(t.norm) ? v.pastLemma(t.norm) ?? '' : undefined;
      const vp = vk !== undefined ? patterns.verbs.get(vk) : undefined;
      // a "verb" between a modifier and a noun is a noun the tagger missed ("satellite launch attempts")
      const inCompound = t.pos === 'VERB' && i > 0 && ['DET', 'ADJ', 'NOUN', 'NUM', 'PROPN'].includes(toks[i - 1].pos) && toks[i - 1].norm !== 'to' && !inMention[i - 1] && (!toks[i + 1] || ['NOUN', 'PUNCT', 'ADP', 'CCONJ'].includes(toks[i + 1].pos));
      // "in Israeli tank shelling": an -ing form after a noun and a preposition is the noun
      const gerundNoun = inCompound && gerund.test(t.norm) && toks[i - 1].pos === 'NOUN' && toks.slice(Math.max(0, i - 4), i - 1).some((x) => x.pos === 'ADP');
      if (vp && !vp.attribution && !gerundNoun) verb = vk;
      if (!inCompound) {
        if (verb !== undefined) out.push({ tok: i, verb });
        continue;
      }
    }
    const nounish = t.pos === 'NOUN' || t.pos === 'PROPN' || (t.pos === 'VERB' && i > 0 && ['DET', 'ADJ', 'NOUN', 'NUM'].includes(toks[i - 1].pos) && toks[i - 1].norm !== 'to');
    let noun: Candidate['noun'];
    if (nounish) {
      // ("drones struck": a noun and a verb are no compound noun)
      const two = i + 1 < toks.length && toks[i + 1].pos !== 'VERB' ? `${toks[i].lemma} ${toks[i + 1].lemma}` : '';
      const nk = patterns.nouns.has(two) ? two : patterns.nouns.has(toks[i].lemma) ? toks[i].lemma : gerund.test(toks[i].norm) && patterns.nouns.has(toks[i].norm) ? toks[i].norm : undefined;
      if (nk !== undefined && !(patterns.nouns.has(two) === false && v.isPartOfLongerNoun(i))) noun = { key: nk, last: patterns.nouns.has(two) ? i + 1 : i };
    }
    if (verb !== undefined || noun) out.push({ tok: i, ...(verb !== undefined ? { verb } : {}), ...(noun ? { noun } : {}) });
  }
  return out;
}

export function triggersStage(k: ClauseKnowledge): Stage {
  return {
    name: 'triggers',
    requires: ['tokens', 'agents', 'places'],
    assigns: ['candidates'],
    run(doc) {
      for (const s of doc.sentences) {
        if (!s.tokens) continue;
        if (s.tokens.length < 3) {
          s.candidates = [];
          continue;
        }
        const v = viewOf(k, doc.id, s);
        s.candidates = findCandidates(v, k);
      }
    },
  };
}

export type { Patterns };
