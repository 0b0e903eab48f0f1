/**
 * The exchanged items a sentence names (data/flows/items.yaml), each once, less those that
 * are not the thing exchanged: a source ("according to Ukrainian intelligence") and what an
 * item is for ("shells for its howitzers").
 */
import type { DocSentence, KeyToken } from '../../core/doc.js';
import type { FlowCategory } from '../../core/types.js';
import type { ItemTerm } from '../../knowledge/analysis.js';
import type { Lexicon } from '../../knowledge/lexicon.js';
import type { TokenTrie } from '../../knowledge/trie.js';
import { phraseKeys } from '../../knowledge/text.js';

/** An item found in a sentence, with its offsets in the document. */
export interface ItemHit {
  item: string;
  category: FlowCategory;
  at: number;
  end: number;
  /** named by a verb with a party for object ("is supporting the M23 rebels"): the verb is its frame */
  verb?: boolean;
  /** backing a hyphened party gives a group the sentence names by a common noun ("the Iran-backed group"): its receiver is the report's group */
  anaphor?: boolean;
  /** named by a construction (lexicon map flow_pattern_items) rather than a noun: a sum of money ("$150 million"), help to build */
  pattern?: boolean;
}

/** Every item the trie finds, the longest phrase at each token. */
export function itemsIn(items: TokenTrie<ItemTerm>, toks: KeyToken[]): ItemHit[] {
  const out: ItemHit[] = [];
  for (let i = 0; i < toks.length; i++) {
    const m = items.longestAt(toks, i);
    if (!m) continue;
    const [end, [it]] = m;
    // (every occurrence: the flow reader keeps the first a transfer frames)
    out.push({ ...it, at: toks[i].start, end: toks[end - 1].end });
    i = end - 1;
  }
  return out;
}

export function createItemFilter(lx: Lexicon) {
  const SOURCE = lx.cue('flow_source_attribution');
  const PURPOSE = lx.cue('flow_item_purpose');

  /** The items that are exchanged: not in "according to …", and not what the first item is for. */
  return function exchangedItems(s: DocSentence, items: ItemHit[]): ItemHit[] {
    // "according to Ukrainian intelligence" names a source, not an item
    const acc = SOURCE.exec(s.text);
    // "… for its ICBMs" is what an item is for, not a second item
    return (acc ? items.filter((it) => !(it.at >= s.start + acc.index && it.at < s.start + acc.index + acc[0].length)) : items)
      .filter((it, n) => n === 0 || !PURPOSE.test(s.text.slice(0, it.at - s.start)));
  };
}

/** Items a construction names rather than a noun ("helped Tehran put a satellite into orbit"): lexicon map flow_pattern_items, each item's category from the items' table. */
export function createPatternItems(lx: Lexicon, items: TokenTrie<ItemTerm>) {
  // (an item the table lacks is left out: a partial table in a test)
  const table = [...lx.map('flow_pattern_items')].flatMap(([item, cue]) => {
    const hit = items.longestAt(phraseKeys(item).map((key) => ({ key }) as KeyToken), 0);
    const re = lx.cue(cue);
    return hit ? [{ re: new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'), term: hit[1][0] }] : [];
  });
  return function patternItems(s: DocSentence): ItemHit[] {
    const out: ItemHit[] = [];
    // (each match: "$150 million, the United States $94 million" names two sums)
    for (const { re, term } of table) for (const m of s.text.matchAll(re)) out.push({ ...term, at: s.start + m.index!, end: s.start + m.index! + m[0].length, pattern: true });
    return out;
  };
}

/** Help or support a verb gives a party it names as its object ("Rwanda is supporting the M23 rebels", "helped Kyiv"): lexicon map flow_verb_items. */
export function createVerbItems(lx: Lexicon, items: TokenTrie<ItemTerm>) {
  const table = [...lx.map('flow_verb_items')].flatMap(([item, cue]) => {
    const hit = items.longestAt(phraseKeys(item).map((key) => ({ key }) as KeyToken), 0);
    const re = lx.cue(cue);
    return hit ? [{ re: new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'), term: hit[1][0] }] : [];
  });
  const NOT_AFTER = lx.cue('flow_verb_item_not_after');
  const GROUP_NOUN = lx.cue('flow_backed_group_noun');
  return function verbItems(s: DocSentence, parties: { span: [number, number] }[]): ItemHit[] {
    const out: ItemHit[] = [];
    for (const { re, term } of table) for (const m of s.text.matchAll(re)) {
      const end = s.start + m.index! + m[0].length;
      // ("accused Doha of supporting …", "distract them from supporting …": a gerund after a preposition tells no act)
      const item = { ...term, at: s.start + m.index!, end: s.start + m.index! + m[0].trimEnd().length, verb: true };
      if (parties.some((p) => p.span[0] >= end && p.span[0] - end <= 1) && !NOT_AFTER.test(s.text.slice(0, m.index!))) out.push(item);
      // ("the Iran-backed group": a party right before the hyphen, a common noun after)
      else if (s.text[m.index! - 1] === '-' && parties.some((p) => p.span[1] === s.start + m.index! - 1) && !parties.some((p) => p.span[0] >= end && p.span[0] < end + 2) && GROUP_NOUN.test(s.text.slice(m.index! + m[0].length))) out.push({ ...item, anaphor: true });
    }
    return out;
  };
}
