/**
 * Whether an item stands in the frame of a transfer: only a predicate that transfers something
 * (a verb of giving, receiving or wanting before the item in its clause, or a participle or noun
 * of transfer right after it: "shells delivered from", "grain exports", "the tanks it pledged")
 * makes a flow of it. An item merely named ("fired rubber bullets", "a missile attack") is none.
 */
import type { DocSentence } from '../../core/doc.js';
import type { Lexicon } from '../../knowledge/lexicon.js';
import type { ItemHit } from './items.js';

const global = (re: RegExp) => new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');

export function createFrameGate(lx: Lexicon) {
  const PREDICATES = ['flow_give', 'flow_receive', 'flow_want', 'flow_nominal_give', 'barter_verb'].map((c) => global(lx.cue(c)));
  const BREAK = global(lx.cue('flow_frame_break'));
  const AFTER = lx.cue('flow_frame_after');
  const REACH = 110;

  /** the items of `items` a transfer predicate of the sentence frames */
  return function framed(s: DocSentence, items: ItemHit[]): ItemHit[] {
    const text = s.text;
    const preds: [number, number][] = [];
    for (const re of PREDICATES) for (const m of text.matchAll(re)) preds.push([m.index!, m.index! + m[0].length]);
    const breaks = [...text.matchAll(BREAK)].map((m) => m.index!);
    return items.filter((it) => {
      const at = it.at - s.start, end = it.end - s.start;
      // the item names the transfer itself ("food aid", "backing", "solidarity")
      if (it.category === 'diplomatic-support' || preds.some(([a, b]) => a < end && b > at)) return true;
      // a predicate before it in its clause
      if (preds.some(([a, b]) => b <= at && at - b <= REACH && !breaks.some((x) => x >= b && x < at))) return true;
      // a participle or noun of transfer right after it
      return AFTER.test(text.slice(end));
    });
  };
}
