/**
 * Stage `flows`: the exchange ledger — what passes from whom to whom (arms, energy, workers,
 * money …) and how firmly (delivered, promised, possible, sought). Per prose sentence: the
 * items it names (items.ts), then a barter (barter.ts) or the direction of the verb
 * (direction.ts).
 */
import type { Doc, FlowEvidenceRow, Stage } from '../../core/doc.js';
import type { AnalysisKnowledge } from '../../knowledge/analysis.js';
import type { Lexicon } from '../../knowledge/lexicon.js';
import type { Patterns } from '../../knowledge/patterns.js';
import { createClauseKnowledge, viewOf, type ClauseKnowledge, type SentenceView } from '../clause/view.js';
import type { Mention } from '../../core/types.js';
import { UNNAMED_ARMED } from '../agents/index.js';
import { partyActors, partyOf, proseSentences } from '../analysis/shared.js';
import { createBarter } from './barter.js';
import { createFlowReader } from './direction.js';
import { createFrameGate } from './frame.js';
import { createItemFilter, createPatternItems, createVerbItems, itemsIn } from './items.js';

export interface FlowsKnowledge {
  analysis: Pick<AnalysisKnowledge, 'items'>;
  lexicon: Lexicon;
  /** the event patterns: with them, a predicate's subject is read by the clause layer */
  patterns?: Patterns;
}

export function flowsStage(k: FlowsKnowledge, shared?: ClauseKnowledge): Stage {
  const exchangedItems = createItemFilter(k.lexicon);
  const barterIn = createBarter(k.lexicon);
  const flowsIn = createFlowReader(k.lexicon);
  const framed = createFrameGate(k.lexicon);
  const patternItems = createPatternItems(k.lexicon, k.analysis.items);
  const verbItems = createVerbItems(k.lexicon, k.analysis.items);
  const HOSTILE = k.lexicon.words('flow_not_transfer_roots');

  // the event stages' clause knowledge when given, so each sentence's view is built once
  const clause = shared ?? (k.patterns ? createClauseKnowledge(k.patterns, k.lexicon) : null);
  return {
    name: 'flows',
    requires: ['keys', 'mentions', 'events', 'genre'],
    assigns: ['flows'],
    run(doc) {
      const flows: FlowEvidenceRow[] = [];
      const news = doc.genreRead === 'news';
      /** the receiver of the report's last flow, and the sentence it was read in */
      let last: { receiver: string; idx: number } | null = null;
      /** flows with a side the text names but as no party ("its partners"), and those whose receiver is a group the text names by a common noun */
      const marks = { unnamed: new Set<FlowEvidenceRow>(), group: new Set<FlowEvidenceRow>(), closed: new Set<FlowEvidenceRow>() };
      const unnamed = marks.unnamed;
      for (const { s, ms: all, evs } of proseSentences(doc)) {
        // (an armed group the text leaves unnamed, "fighters", is no side of a flow)
        const ms = all.filter((m) => partyOf(m) !== UNNAMED_ARMED);
        const named = [...itemsIn(k.analysis.items, s.keys!), ...patternItems(s), ...verbItems(s, partyActors(ms))].sort((a, b) => a.at - b.at);
        const framedItems = framed(s, exchangedItems(s, named), ms);
        const items = framedItems.map((x) => x.it);
        if (!items.length || !ms.length) continue;
        // in a report, a sentence whose acts are all hostile (a strike with drones, a drill with warships) transfers nothing
        if (news && evs.length && evs.every((e) => HOSTILE.has(e.root))) continue;
        // a barter, else each predicate with the items it frames
        const byFrame = new Map<number, typeof framedItems>();
        for (const x of framedItems) (byFrame.get(x.frame.at) ?? byFrame.set(x.frame.at, []).get(x.frame.at)!).push(x);
        const subjectsAt = clause && s.tokens?.length && s.mentions ? subjectsOf(viewOf(clause, doc.id, s)) : undefined;
        const read = barterIn(s, items, ms) ?? [...byFrame.values()].flatMap((g) => {
          const fs = flowsIn(s, g.map((x) => x.it), ms, evs, g[0].frame, subjectsAt, marks);
          // "the Iran-backed group": the group the report names most, up to this sentence
          for (const f of fs) if (marks.group.has(f)) {
            f.receiver = reportGroup(doc, s.start + s.text.length, f.giver);
            // (political backing is between states: a group is backed with something else)
            if (f.receiver && f.category === 'diplomatic-support') f.category = 'other';
          }
          // a side a verb's frame leaves open is the party the text has named most before it (a report, an analysis of one relationship)
          // (not a side the text names with no party: "asked its partners for")
          if (g[0].frame.kind !== 'nominal' || news) for (const f of fs) if (!f.giver !== !f.receiver && !unnamed.has(f) && !marks.group.has(f) && !marks.closed.has(f)) {
            // (a receiver the sentence before named carries on: "… aid for Yemen. Saudi Arabia offered $150 million, …")
            const other = f.giver && last && s.idx - last.idx <= 2 && last.receiver !== f.giver ? last.receiver : reportParty(doc, s.start, f.giver ?? f.receiver);
            if (f.giver) f.receiver = other;
            else f.giver = other;
          }
          return fs;
        });
        const rcv = read.find((f) => f.receiver)?.receiver;
        if (rcv) last = { receiver: rcv, idx: s.idx };
        // a flow still one-sided is a mention of the item, not a transfer the report tells
        // (a side the text names with no party stays unknown: "Ukraine asked its partners for air defence")
        flows.push(...(news ? read.filter((f) => (f.giver && f.receiver) || unnamed.has(f)) : read));
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

/** The armed group a report names most often before `before` other than `not` (on a tie, the first named), if any. */
function reportGroup(doc: Doc, before: number, not: string | null): string | null {
  const n = new Map<string, number>();
  for (const m of doc.mentions!) if (m.span[1] <= before && m.actor.startsWith('group:') && partyOf(m) === m.actor && m.actor !== not) n.set(m.actor, (n.get(m.actor) ?? 0) + 1);
  let best: string | null = null;
  for (const [p, c] of n) if (!best || c > n.get(best)!) best = p;
  return best;
}

/** The party a report names most often before `before` other than `not` (on a tie, the first named). */
function reportParty(doc: Doc, before: number, not: string | null): string | null {
  const n = new Map<string, number>();
  for (const m of partyActors(doc.mentions!.filter((x) => x.via !== 'author' && x.span[1] <= before))) {
    const p = partyOf(m);
    if (p !== not) n.set(p, (n.get(p) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [p, c] of n) if (!best || c > n.get(best)!) best = p;
  return best;
}
