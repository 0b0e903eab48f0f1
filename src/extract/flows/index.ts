/**
 * Stage `flows`: the exchange ledger — what passes from whom to whom (arms, energy, workers,
 * money …) and how firmly (delivered, promised, possible, sought). Per prose sentence: the
 * items it names (items.ts), then a barter (barter.ts) or the direction of the verb
 * (direction.ts).
 */
import type { FlowEvidenceRow, Stage } from '../../core/doc.js';
import type { AnalysisKnowledge } from '../../knowledge/analysis.js';
import type { Lexicon } from '../../knowledge/lexicon.js';
import type { Patterns } from '../../knowledge/patterns.js';
import { createClauseKnowledge, viewOf, type SentenceView } from '../clause/view.js';
import type { Mention } from '../../core/types.js';
import { proseSentences } from '../analysis/shared.js';
import { createBarter } from './barter.js';
import { createFlowReader } from './direction.js';
import { createFrameGate } from './frame.js';
import { createItemFilter, createPatternItems, itemsIn } from './items.js';

export interface FlowsKnowledge {
  analysis: Pick<AnalysisKnowledge, 'items'>;
  lexicon: Lexicon;
  /** the event patterns: with them, a predicate's subject is read by the clause layer */
  patterns?: Patterns;
}

export function flowsStage(k: FlowsKnowledge): Stage {
  const exchangedItems = createItemFilter(k.lexicon);
  const barterIn = createBarter(k.lexicon);
  const flowsIn = createFlowReader(k.lexicon);
  const framed = createFrameGate(k.lexicon);
  const patternItems = createPatternItems(k.lexicon, k.analysis.items);
  const HOSTILE = k.lexicon.words('flow_not_transfer_roots');
  const clause = k.patterns ? createClauseKnowledge(k.patterns, k.lexicon) : null;
  return {
    name: 'flows',
    requires: ['keys', 'mentions', 'events', 'genre'],
    assigns: ['flows'],
    run(doc) {
      const flows: FlowEvidenceRow[] = [];
      const news = doc.genreRead === 'news';
      for (const { s, ms, evs } of proseSentences(doc)) {
        const named = [...itemsIn(k.analysis.items, s.keys!), ...patternItems(s)].sort((a, b) => a.at - b.at);
        const framedItems = framed(s, exchangedItems(s, named));
        const items = framedItems.map((x) => x.it);
        if (!items.length || !ms.length) continue;
        // in a report, a sentence whose acts are all hostile (a strike with drones, a drill with warships) transfers nothing
        if (news && evs.length && evs.every((e) => HOSTILE.has(e.root))) continue;
        // a barter, else each predicate with the items it frames
        const byFrame = new Map<number, typeof framedItems>();
        for (const x of framedItems) (byFrame.get(x.frame.at) ?? byFrame.set(x.frame.at, []).get(x.frame.at)!).push(x);
        const subjectsAt = clause && s.tokens?.length && s.mentions ? subjectsOf(viewOf(clause, doc.id, s)) : undefined;
        if (process.env.FLOWDEBUG) console.error(framedItems.map((x) => `${x.it.item}@${x.frame.kind}:${s.text.slice(x.frame.at - s.start, x.frame.end - s.start)}`));
        const read = barterIn(s, items, ms) ?? [...byFrame.values()].flatMap((g) => flowsIn(s, g.map((x) => x.it), ms, evs, g[0].frame, subjectsAt));
        // a report names who gives and who receives: a flow it leaves one-sided is a mention of the item, not a transfer it tells
        flows.push(...(news ? read.filter((f) => f.giver && f.receiver) : read));
      }
      doc.flows = flows;
    },
  };
}

/** The subjects the clause layer reads for the predicate starting at a document offset. */
function subjectsOf(v: SentenceView): (at: number) => Mention[] {
  return (at) => {
    const i = v.toks.findIndex((t) => t.start >= at);
    return i < 0 ? [] : v.subjectOf(i).map((p) => p.m);
  };
}
