/**
 * Stage `modality`: whether each event happened (factual), is to come (future), may happen
 * (possible), did not (negated) or is wanted (sought), from the words before its trigger in
 * its clause; and who the text says states it ("according to X", "X said"). A modality fixed
 * by what governs the act (a stated intention is itself a fact) stands.
 */
import type { Stage, Trigger } from '../../core/doc.js';
import type { Modality } from '../../core/types.js';
import { eachTriggered, type ClauseKnowledge, type SentenceView } from '../clause/view.js';
import { pairsOf } from '../coding/pairs.js';

export function createModality(k: ClauseKnowledge) {
  const { patterns, words: W } = k;

  function modalityOf(v: SentenceView, tr: Trigger): Modality {
    const { toks, clauseStart } = v;
    if (tr.modality) return tr.modality;
    if (tr.negatedBy) return 'negated';
    const a = clauseStart(tr.tok);
    const window = toks.slice(Math.max(a, tr.tok - 8), tr.tok);
    const near = toks.slice(Math.max(0, tr.tok - 3), tr.tok + 1);
    // "as expected" says it happened as foreseen: not a future
    const words = window.map((t) => (W.foreseenWords.has(t.norm) && toks[toks.indexOf(t) - 1]?.norm === 'as' ? '' : t.norm));
    // verbs only: "a court in Senegal" does not court anyone, "the rule of law" rules nothing out
    const lemmas = window.map((t) => (t.pos === 'VERB' || t.pos === 'AUX' ? t.lemma : ''));
    if (tr.form === 'nominal') {
      const pre = toks.slice(Math.max(0, tr.tok - 3), tr.tok).map((t) => t.norm);
      if (pre.some((w) => W.nominalNegators.has(w)) || W.clauseNegators.some((n) => words.includes(n))) return 'negated';
      if (lemmas.some((l) => patterns.desire.has(l))) return 'sought';
      if (pre.some((w) => W.nominalPossible.has(w))) return 'possible';
      if (pre.some((w) => W.nominalFuture.has(w))) return 'future';
      if (words.some((w) => W.nominalPossibleModals.has(w))) return 'possible';
      if (words.some((w) => W.nominalFutureModals.has(w))) return 'future';
      return 'factual';
    }
    if (words.some((w) => W.negationWords.has(w)) || lemmas.some((l) => patterns.negating.has(l) && !W.notNegating.has(l))) return 'negated';
    if (lemmas.some((l) => patterns.desire.has(l)) || (patterns.desire.has(toks[tr.tok].lemma) && tr.code.startsWith('02'))) return 'sought';
    if (words.some((w) => W.possibilityWords.has(w))) return 'possible';
    if (words.some((w) => W.futureWords.has(w)) || (W.infinitiveMarkers.some((m) => words.includes(m)) && lemmas.includes('be') && !lemmas.includes('have')) || near.some((t) => W.progressiveFuture.has(t.norm))) return 'future';
    return 'factual';
  }

  /** who the text says states the event: "according to X", "X said (that) …", "…, X said" */
  function attribution(v: SentenceView, tr: Trigger): string | null {
    const { toks, mentionTok, mentionsFrom } = v;
    for (let j = 0; j < toks.length - 2; j++) {
      if (W.accordingTo.test(`${toks[j].norm} ${toks[j + 1].norm}`)) {
        const ms = mentionsFrom(j + 2);
        if (ms.length) return ms[0].actor;
      }
    }
    for (let j = 0; j < toks.length; j++) {
      if (j === tr.tok || toks[j].pos !== 'VERB' || !patterns.attribution.has(toks[j].lemma)) continue;
      const left = mentionTok.filter((x) => x.last < j && (j < tr.tok || x.first > tr.end)).pop();
      const right = mentionTok.find((x) => x.first > j && x.first <= j + 3);
      const who = left && j - left.last <= 4 ? left : right;
      if (who) return who.m.actor;
    }
    return null;
  }

  return { modalityOf, attribution };
}

export function modalityStage(k: ClauseKnowledge): Stage {
  const m = createModality(k);
  return {
    name: 'modality',
    requires: ['governed'],
    assigns: ['modality'],
    run(doc) {
      eachTriggered(doc, k, (_s, v, triggers) => {
        for (const tr of triggers) {
          tr.mood = m.modalityOf(v, tr);
          tr.pairs = pairsOf(tr, tr.mood, k.words.untargetedRoots, { mutual: k.words.mutualCodes, streetRoles: k.words.streetRoles, domesticForceCodes: k.words.domesticForceCodes, ownPublicCodes: k.words.ownPublicCodes, domesticForceCode: k.words.domesticForceCode });
          // attribution only for a trigger that makes events
          tr.attributed = tr.pairs.length ? m.attribution(v, tr) : null;
        }
      });
    },
  };
}
