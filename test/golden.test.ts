/**
 * Accuracy on the dev sets in test/golden (written before the rules they test, by a helper
 * who did not see the patterns). The held-out halves are scored by `statecraft eval` for the
 * notes, not here. Floors are what the coder reaches now, so a change that loses accuracy
 * fails; the issue targets are printed beside them (see the notes for the gap).
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evalAnalysis, evalEvents, evalMentions, readGold, type AnalysisGold, type GoldEvent, type GoldMentions } from '../src/app/eval.js';
import { createKnowledge } from '../src/extract/index.js';
import { createNlp } from '../src/nlp/nlp.js';

const k = createKnowledge();
const nlp = createNlp();

const cases: [string, string, { p: number; r: number }, { p: number; r: number }][] = [
  // name, file, floor (now), issue target
  ['actor mentions', 'test/golden/actors.dev.jsonl', { p: 0.95, r: 0.9 }, { p: 0.95, r: 0.9 }],
  ['events', 'test/golden/events.dev.jsonl', { p: 0.89, r: 0.79 }, { p: 0.85, r: 0.75 }],
  // the conventions added later (places as targets, unnamed agents, wishes, refusals, threats, lower case)
  ['events', 'test/golden/events.conv.dev.jsonl', { p: 0.89, r: 0.74 }, { p: 0.85, r: 0.75 }],
  // restated real news reports, coded blind (issue "Read real news"): floors at this session's figures, far below the target
  ['events', 'test/golden/events.news.dev.jsonl', { p: 0.60, r: 0.30 }, { p: 0.85, r: 0.75 }],
  ['claims', 'test/golden/claims.dev.jsonl', { p: 0.95, r: 0.88 }, { p: 0.85, r: 0.75 }],
  ['flows', 'test/golden/flows.dev.jsonl', { p: 0.9, r: 0.76 }, { p: 0.85, r: 0.75 }],
  ['agreements', 'test/golden/agreements.dev.jsonl', { p: 0.95, r: 0.92 }, { p: 0.85, r: 0.75 }],
];

describe('dev sets', () => {
  it.each(cases)('%s (%s)', async (name, file, floor, target) => {
    const gold = readGold<Record<string, unknown>>(file);
    const r =
      name === 'actor mentions' ? await evalMentions(k, gold as unknown as GoldMentions[], nlp)
      : name === 'events' ? await evalEvents(k, gold as unknown as GoldEvent[], nlp)
      : await evalAnalysis(k, name as 'claims' | 'flows' | 'agreements', gold as unknown as AnalysisGold[], nlp);
    console.log(`${name} (${file}): P ${r.overall.precision} R ${r.overall.recall} (floor ${floor.p}/${floor.r}; issue target ${target.p}/${target.r})`);
    expect(r.overall.precision).toBeGreaterThanOrEqual(floor.p);
    expect(r.overall.recall).toBeGreaterThanOrEqual(floor.r);
  });
});

// The PETRARCH-2 validation set a peer keeps outside this repository (its licence: read it, never
// copy it). The issue asks for recall ≥ 0.60 on (source country, target country, root).
const PEER = '../shared/peers/petrarch2/gsr.jsonl';
describe.skipIf(!existsSync(PEER))('peer set (PETRARCH-2 GSR, read in place)', () => {
  it('reaches recall 0.60 on (source, target, root)', async () => {
    const r = await evalEvents(k, readGold<GoldEvent>(PEER), nlp);
    console.log(`peer GSR: P ${r.overall.precision} R ${r.overall.recall} (issue target: recall 0.60)`);
    expect(r.overall.recall).toBeGreaterThanOrEqual(0.6);
  });
});

describe('clause frames (test/golden/frames.dev.jsonl)', () => {
  it('finds the actor subjects and objects of long news sentences (floor at this session’s figures; issue target 0.90)', async () => {
    const { evalFrames } = await import('../src/app/frames.js');
    const r = await evalFrames('test/golden/frames.dev.jsonl');
    console.log(`frames: subject ${r.subject.rate} (${r.subject.right}/${r.subject.scored}), object ${r.object.rate} (${r.object.right}/${r.object.scored})`);
    expect(r.subject.rate).toBeGreaterThanOrEqual(0.85);
    expect(r.object.rate).toBeGreaterThanOrEqual(0.78);
  });
});

// Flows and attributed statements in the restated news reports, annotated blind (issue "The
// analytic layer on news"): floors a little under this session's figures, below the issue's targets (flows
// recall 0.75 at precision 0.85; claims with the right holder 0.70, holder right when found 0.90).
describe('news ledger (test/golden/ledger.news.dev.jsonl)', () => {
  it('reads attributed statements with their speakers and keeps the ledger to told transfers', async () => {
    const { evalLedger } = await import('../src/app/ledger-eval.js');
    const { createDefaultPipeline } = await import('../src/app/pipeline.js');
    const r = evalLedger(k, readGold('test/golden/ledger.news.dev.jsonl'), await createDefaultPipeline(k, nlp));
    const c = r.claims;
    console.log(`news ledger: claims found ${c.recall_found}, right holder ${c.recall_right_holder}, holder right when found ${c.holder_right_when_found}, precision ${c.precision}; flows P ${r.flows.precision} R ${r.flows.recall}`);
    expect(c.recall_right_holder).toBeGreaterThanOrEqual(0.8);
    expect(c.holder_right_when_found).toBeGreaterThanOrEqual(0.86);
    expect(c.precision).toBeGreaterThanOrEqual(0.82);
    expect(c.kind_agree).toBeGreaterThanOrEqual(0.79);
    expect(c.from_narration).toBeLessThanOrEqual(25);
    expect(r.flows.precision).toBeGreaterThanOrEqual(0.66);
    expect(r.flows.recall).toBeGreaterThanOrEqual(0.32);
  });
});
