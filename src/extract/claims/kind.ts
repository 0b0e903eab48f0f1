/**
 * What kind of claim a sentence makes — disagreement, recommendation, motive, prediction or
 * assessment — by the cues of data/lexicon/claims.yaml, tested in that order; and whether a
 * sentence is a news report (an event told in the past tense), which is not a claim.
 */
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

  return { claimKind, isNews };
}
