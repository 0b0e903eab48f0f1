/** Barter: "swapped artillery rounds for Russian grain" is two flows, opposite ways. */
import type { DocSentence, FlowEvidenceRow } from '../../core/doc.js';
import type { Mention } from '../../core/types.js';
import type { Lexicon } from '../../knowledge/lexicon.js';
import { hash64 } from '../../knowledge/text.js';
import { partyActors, partyOf, sentenceSpan } from '../analysis/shared.js';
import type { ItemHit } from './items.js';

export function createBarter(lx: Lexicon) {
  const FOR_CLOSE = lx.cue('barter_for_close');
  const VERB = lx.cue('barter_verb');
  const FOR = lx.cue('barter_for');

  /** the first two items exchanged for each other between the first two countries; null when it is no barter */
  return function barterIn(s: DocSentence, items: ItemHit[], ms: Mention[]): FlowEvidenceRow[] | null {
    if (items.length < 2) return null;
    const [a, b] = items;
    const between = s.text.slice(a.end - s.start, b.at - s.start);
    const verb = VERB.test(s.text.slice(0, a.at - s.start));
    if (!FOR_CLOSE.test(between) && !verb) return null;
    // ("earmarked $210 million for air defense": a sum for something pays for it, no barter)
    if (a.category === 'finance' && a.pattern && !verb) return null;
    if (!FOR.test(between)) return null;
    const actors = partyActors(ms);
    const subj = actors[0];
    const other = actors.find((m) => !subj || partyOf(m) !== partyOf(subj));
    if (!subj || !other) return null;
    const span = sentenceSpan(s);
    const mk = (it: ItemHit, g: string, r: string): FlowEvidenceRow => ({ id: `f_${hash64(`${g}|${r}|${it.item}`)}`, giver: g, receiver: r, item: it.item, category: it.category, status: 'delivered', span, quote: s.text });
    return [mk(a, partyOf(subj), partyOf(other)), mk(b, partyOf(other), partyOf(subj))];
  };
}
