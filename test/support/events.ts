/** The event stages in order over a hand-built one-sentence Doc, for stage tests. */
import type { Doc, Stage } from '../../src/core/doc.js';
import { createClauseKnowledge, type ClauseKnowledge } from '../../src/extract/clause/view.js';
import type { Patterns } from '../../src/knowledge/patterns.js';
import { eventLexicon } from './doc.js';
import { triggersStage } from '../../src/extract/triggers/index.js';
import { argumentsStage } from '../../src/extract/arguments/index.js';
import { governingStage } from '../../src/extract/governing/index.js';
import { modalityStage } from '../../src/extract/modality/index.js';

export function clauseKnowledge(p: Patterns): ClauseKnowledge {
  return createClauseKnowledge(p, eventLexicon());
}

/** triggers → arguments → governing → modality, then `more` */
export function runEventStages(doc: Doc, k: ClauseKnowledge, more: Stage[] = []): Doc {
  for (const st of [triggersStage(k), argumentsStage(k), governingStage(k), modalityStage(k), ...more]) st.run(doc);
  return doc;
}
