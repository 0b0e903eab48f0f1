/**
 * Stage `governing`: the verbs that govern other acts decide what is coded (rules.ts): wishes,
 * declarations and claims of one's own attacks first, then intentions, accusations, appeals,
 * denials and threats that take over the act they govern.
 */
import type { Stage } from '../../core/doc.js';
import { viewOf, type ClauseKnowledge } from '../clause/view.js';
import { createGoverningRules } from './rules.js';

export function governingStage(k: ClauseKnowledge): Stage {
  const rules = createGoverningRules(k);
  return {
    name: 'governing',
    requires: ['triggers'],
    assigns: ['governed'],
    run(doc) {
      for (const s of doc.sentences) {
        if (!s.triggers?.length) continue;
        const v = viewOf(k, doc.id, s);
        const before = [...s.triggers];
        rules.intentions(v, s.triggers);
        rules.governance(v, s.triggers);
        // what a governing verb took over, kept for explanations
        s.taken = before.filter((t) => !s.triggers!.includes(t));
      }
    },
  };
}
