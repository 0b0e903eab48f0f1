/**
 * `statecraft eval frames.jsonl`: how well the clause reader finds the actor arguments of a
 * predicate, scored against a gold set of clause frames (test/golden/frames.*.jsonl). The reader
 * links actors, not every noun phrase, so a gold argument is scored when it names an actor the
 * recogniser finds; it counts as found when the reader returns an actor inside the gold span.
 * Passives are scored on their agent ("by X") and their subject as the target.
 */
import { readFileSync } from 'node:fs';
import type { Mention } from '../core/types.js';
import { readGold } from './eval.js';
import { createDefaultPipeline, loadKnowledge, type Knowledge, type Pipeline } from './pipeline.js';
import { createClauseKnowledge, createSentenceView } from '../extract/clause/view.js';

export interface GoldFrame {
  predicate: string;
  voice: 'active' | 'passive';
  subject: string | string[] | null;
  agent: string | string[] | null;
  object: string | string[] | null;
}

export interface FrameGold {
  id: string;
  text: string;
  frames: GoldFrame[];
}

export interface FrameScore {
  scored: number;
  right: number;
  rate: number;
}

export interface FrameEvalReport {
  items: number;
  frames: number;
  /** frames whose predicate was found among the sentence's tokens */
  located: number;
  subject: FrameScore;
  object: FrameScore;
  agent: FrameScore;
  misses: { id: string; predicate: string; role: string; gold: string; got: string }[];
}

const spans = (v: string | string[] | null): string[] => (v === null ? [] : Array.isArray(v) ? v : [v]);

export function evalFrameItems(gold: FrameGold[], pipeline: Pipeline, k: Knowledge): FrameEvalReport {
  const ck = createClauseKnowledge(k.patterns, k.lexicon);
  const score = { subject: { scored: 0, right: 0 }, object: { scored: 0, right: 0 }, agent: { scored: 0, right: 0 } };
  const misses: FrameEvalReport['misses'] = [];
  let frames = 0;
  let located = 0;
  for (const item of gold) {
    let doc;
    try {
      doc = pipeline.inspect(pipeline.build({ origin: 'eval', locator: item.id, text: item.text, kind: 'plain', published: null, authors: [] }));
    } catch {
      continue;
    }
    if (!doc) continue;
    const mentions = doc.mentions ?? [];
    const tokens = pipeline.nlp.tokens(doc.text, 0);
    const v = createSentenceView({ doc: doc.id, idx: 0, text: doc.text, start: 0, tokens, mentions: mentions.filter((m) => m.via !== 'place'), places: [] }, ck);
    const used = new Set<number>();
    for (const f of item.frames) {
      frames++;
      const first = f.predicate.split(/\s+/)[0].toLowerCase();
      const i = tokens.findIndex((t, j) => !used.has(j) && t.norm === first);
      if (i < 0) continue;
      used.add(i);
      located++;
      // the gold span as character ranges in the document's text (the cleaner may have changed quotes)
      const where = (s: string) => {
        const at = doc.text.indexOf(s);
        return at < 0 ? null : ([at, at + s.length] as const);
      };
      const actorIn = (s: string) => {
        const w = where(s);
        return w ? mentions.some((m) => m.span[0] >= w[0] && m.span[1] <= w[1]) : false;
      };
      const inside = (ms: Mention[], gold: string[]) => ms.some((m) => gold.some((g) => {
        const w = where(g);
        return !!w && m.span[0] >= w[0] && m.span[1] <= w[1];
      }));
      const judge = (role: 'subject' | 'object' | 'agent', gold: string[], got: Mention[]) => {
        if (!gold.length || !gold.some(actorIn)) return;
        score[role].scored++;
        if (inside(got, gold)) score[role].right++;
        else misses.push({ id: item.id, predicate: f.predicate, role, gold: gold.join(' + '), got: got.map((m) => m.text).join(' + ') || '—' });
      };
      const passive = v.isPassive(i);
      if (f.voice === 'passive') {
        judge('agent', spans(f.agent), passive ? v.byAgent(i).map((p) => p.m) : []);
        judge('subject', spans(f.subject), v.subjectOf(i).map((p) => p.m));
      } else {
        judge('subject', spans(f.subject), passive ? [] : v.subjectOf(i).map((p) => p.m));
        judge('object', spans(f.object), v.targetAfter(i, [], i).filter((p) => p.how === 'object').map((p) => p.m));
      }
    }
  }
  const fin = (s: { scored: number; right: number }): FrameScore => ({ ...s, rate: s.scored ? Math.round((1000 * s.right) / s.scored) / 1000 : 1 });
  return { items: gold.length, frames, located, subject: fin(score.subject), object: fin(score.object), agent: fin(score.agent), misses };
}

/** a frame gold file: its first line has `frames` */
export function isFrameGold(file: string): boolean {
  const first = readFileSync(file, 'utf8').split('\n').find((l) => l.trim());
  try {
    return !!first && Array.isArray((JSON.parse(first) as { frames?: unknown }).frames);
  } catch {
    return false;
  }
}

export async function evalFrames(file: string): Promise<FrameEvalReport> {
  const k = await loadKnowledge();
  return evalFrameItems(readGold<FrameGold>(file), await createDefaultPipeline(k), k);
}
