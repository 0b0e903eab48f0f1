/**
 * What kind of claim a sentence makes — disagreement, recommendation, motive, prediction or
 * assessment — by the cues of data/lexicon/claims.yaml, tested in that order; and whether a
 * sentence is a news report (an event told in the past tense), which is not a claim.
 */
import type { KeyToken } from '../../core/doc.js';
import type { ClaimKind, EventRecord } from '../../core/types.js';
import type { Lexicon } from '../../knowledge/lexicon.js';
import { wordsRe } from '../analysis/shared.js';

export function createClaimKinds(lx: Lexicon) {
  const DISAGREE = lx.cue('claim_disagreement');
  const RECOMMEND = lx.cue('claim_recommendation');
  const MODAL_MOTIVE = lx.cue('claim_modal_motive');
  const ESTIMATE_TO = lx.cue('claim_estimate_to');
  const MODAL_VERB = lx.cue('claim_modal_verb');
  const PREDICT = lx.cue('claim_prediction');
  const MOTIVE = lx.cue('claim_motive');
  const ASSESS = lx.cue('claim_assessment');
  const STATIVE = lx.words('claim_stative_verbs');
  const NEWS_PAST = wordsRe(lx, 'claim_news_verbs', 'i');
  const REPORTED_MOTIVE = lx.cue('claim_reported_motive');
  const REPORTED_RECOMMEND = lx.cue('claim_reported_recommendation');
  const FUTURE = lx.words('claim_future_modals');
  const THREAT = lx.words('claim_threat_markers');
  const OPENERS = lx.words('claim_reported_openers');
  const BETWEEN = lx.words('claim_between_words');
  const FINITE = lx.words('claim_finite_auxiliaries');
  const TIME_OPENERS = lx.words('claim_time_openers');
  const TIME_WORDS = lx.words('claim_time_words');

  /** verbs of state and of wanting: after a modal they assess or state a motive, they do not predict */
  const stative = (verb: string) => STATIVE.has(verb.toLowerCase());

  /** The kind of claim the sentence makes, if any; `hasWep`: it holds an estimative phrase. */
  function claimKind(text: string, hasWep: boolean): ClaimKind | null {
    if (DISAGREE.test(text)) return 'disagreement';
    if (RECOMMEND.test(text)) return 'recommendation';
    if (MODAL_MOTIVE.test(text)) return 'motive';
    const est = ESTIMATE_TO.exec(text);
    if (est) return stative(est[1]) ? 'assessment' : 'prediction';
    const modal = MODAL_VERB.exec(text);
    if (modal && !stative(modal[1])) return 'prediction';
    if (PREDICT.test(text)) return 'prediction';
    if (MOTIVE.test(text)) return 'motive';
    if (ASSESS.test(text) || hasWep) return 'assessment';
    return null;
  }

  /** A factual event told with a verb of news ("met", "signed") and no estimate: news, not a claim. */
  function isNews(text: string, evs: EventRecord[], hasWep: boolean): boolean {
    return evs.some((e) => e.modality === 'factual' && e.form === 'clause') && NEWS_PAST.test(text) && !hasWep;
  }

  /**
   * The kind of what a news report attributes, from its words (`toks`: the reported words,
   * from the verb of report on): what someone had to do ("had to stay peaceful", "it was vital
   * that …") is a recommendation; a plan or an intention ("agreed to", "is ready to") is a motive;
   * a statement about what will happen ("the talks would resume", "will take part") is a
   * prediction, unless its subject is the speaker (`own`: "he would ask", "Paris would supply",
   * said by a Frenchman) and it sets no condition and denies nothing: then it is what the speaker
   * means to do, a motive. Otherwise the kind the words tell by the cues of an analysis.
   */
  function reportedKind(text: string, toks: KeyToken[], hasWep: boolean, own: (from: number, to: number) => boolean): ClaimKind | null {
    const k = claimKind(text, hasWep);
    if (k === 'disagreement' || k === 'recommendation' || k === 'motive') return k;
    if (REPORTED_RECOMMEND.test(text)) return 'recommendation';
    if (REPORTED_MOTIVE.test(text)) return 'motive';
    // the reported clause: past the verb of report, a date ("on Monday") and "that"; its verb is the first future modal
    let a = 1;
    while (a < toks.length && (OPENERS.has(toks[a].key) || TIME_OPENERS.has(toks[a].key) || TIME_WORDS.has(toks[a].key) || /\d/.test(toks[a].key) || toks[a].key === ',')) a++;
    let m = a;
    // (a subject may run long — "the manoeuvres, organised by the US Army in Europe, would last" —
    // but a finite verb before the modal is the clause's own: "units were taking part")
    while (m < toks.length && m - a <= 16 && !FUTURE.has(toks[m].key) && !FINITE.has(toks[m].key) && toks[m].key !== ';') m++;
    if (m >= toks.length || !FUTURE.has(toks[m].key) || m === a) return k;
    let v = m + 1;
    while (v < toks.length && BETWEEN.has(toks[v].key)) v++;
    const threat = toks.some((t, j) => THREAT.has(t.key) || (t.key === 't' && toks[j - 1]?.key === "'"));
    if (!own(toks[a].start, toks[m - 1].end) || threat || stative(toks[v]?.key ?? '')) return 'prediction';
    return 'motive';
  }

  return { claimKind, isNews, reportedKind };
}
