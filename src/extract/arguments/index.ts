/**
 * Stage `arguments`: each candidate becomes a trigger with its sources and targets (read.ts),
 * or is dropped when the clause gives it no source. A verb that finds none falls back to its
 * noun reading when it has one. A noun that is a clause trigger's own object ("imposed
 * sanctions on") is not a second event.
 */
import type { Stage, Trigger } from '../../core/doc.js';
import { viewOf, type ClauseKnowledge, type SentenceView } from '../clause/view.js';
import { createArgumentReader, type ArgumentReader } from './read.js';

export function readArguments(v: SentenceView, k: ClauseKnowledge, read: ArgumentReader, candidates: NonNullable<import('../../core/doc.js').DocSentence['candidates']>): Trigger[] {
  const triggers: Trigger[] = [];
  for (const c of candidates) {
    if (c.verb !== undefined) {
      const tr = read.verbTrigger(v, c.tok, k.patterns.verbs.get(c.verb)!);
      if (tr) {
        triggers.push(tr);
        continue;
      }
    }
    if (c.noun) {
      const tr = read.nounTrigger(v, c.tok, c.noun.last, k.patterns.nouns.get(c.noun.key)!);
      if (tr) triggers.push(tr);
    }
  }
  // a noun that is a clause trigger's object ("imposed sanctions on") is not a second event
  for (let j = triggers.length - 1; j >= 0; j--) {
    const n = triggers[j];
    // (and a verb inside another verb's matched phrase, "threatened to cut off supplies", is that phrase's own object)
    if (triggers.some((c) => c !== n && c.form === 'clause' && n.tok > c.tok && n.tok <= c.end)) triggers.splice(j, 1);
  }
  return triggers;
}

export function argumentsStage(k: ClauseKnowledge): Stage {
  const read = createArgumentReader(k);
  return {
    name: 'arguments',
    requires: ['candidates'],
    assigns: ['triggers'],
    run(doc) {
      for (const s of doc.sentences) {
        if (!s.candidates) continue;
        const v = viewOf(k, doc.id, s);
        s.triggers = readArguments(v, k, read, s.candidates);
      }
    },
  };
}
