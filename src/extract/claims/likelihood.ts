/**
 * How likely a claim says something is: the sentence's word of estimative probability
 * (data/wep.yaml), turned around by a negator just before or after it ("is not likely").
 */
import type { KeyToken } from '../../core/doc.js';
import type { Wep } from '../../knowledge/analysis.js';
import type { TokenTrie } from '../../knowledge/trie.js';

export interface LikelihoodKnowledge {
  wep: TokenTrie<Wep>;
  /** negators as token sequences ("not", "no longer") */
  negators: TokenTrie<string>;
}

export interface Likelihood {
  likelihood: number;
  /** the words as written */
  wep: string;
}

/** The sentence's estimative phrase: an estimative word over a bare modal, then the longer phrase. */
export function wepIn(wep: TokenTrie<Wep>, toks: KeyToken[]): { wep: Wep; at: number; end: number } | null {
  let best: { wep: Wep; at: number; end: number } | null = null;
  for (let i = 0; i < toks.length; i++) {
    const m = wep.longestAt(toks, i);
    if (!m) continue;
    const [end, [w]] = m;
    // prefer an estimative word over a bare modal, then the longer phrase
    const better = !best || (best.wep.modal && !w.modal) || (best.wep.modal === w.modal && end - i > best.end - best.at);
    if (better) best = { wep: w, at: i, end };
    i = end - 1;
  }
  return best;
}

/** The likelihood a sentence states, with its words; null when it has no estimative phrase. */
export function likelihoodOf(k: LikelihoodKnowledge, toks: KeyToken[], text: string, reported = false): Likelihood | null {
  const w = wepIn(k.wep, toks);
  if (!w) return null;
  // in reported speech a bare modal is the speaker's tense ("said it would expel"), not an estimate
  if (reported && w.wep.modal) return null;
  const words = text.slice(toks[w.at].start, toks[w.end - 1].end);
  if (w.wep.negated) return { likelihood: w.wep.likelihood, wep: words };
  // a negator just before or after ("is not likely", "is no longer likely", "will not") turns the
  // estimate around; "n't" is tokenized as n ' t, so its last token follows an apostrophe
  for (let j = Math.max(0, w.at - 3); j < Math.min(toks.length, w.end + 2); j++) {
    if (j >= w.at && j < w.end) continue;
    const t = toks[j].key;
    const phrase = k.negators.longestAt(toks, j);
    // (a negator of several words stands wholly before or wholly after the estimate)
    const end = phrase && (j >= w.end || phrase[0] <= w.at) ? phrase[0] : t === 't' && toks[j - 1]?.key === "'" ? j + 1 : -1;
    if (end > j) {
      const lo = Math.min(j, w.at);
      const hi = Math.max(end, w.end);
      return { likelihood: Math.round((1 - w.wep.likelihood) * 100) / 100, wep: text.slice(toks[lo].start, toks[hi - 1].end) };
    }
  }
  return { likelihood: w.wep.likelihood, wep: words };
}
