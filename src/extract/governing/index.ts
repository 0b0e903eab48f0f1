/**
 * Stage `governing`: the verbs that govern other acts decide what is coded (rules.ts): wishes,
 * declarations and claims of one's own attacks first, then intentions, accusations, appeals,
 * denials and threats that take over the act they govern.
 */
import type { Stage } from '../../core/doc.js';
import { eachTriggered, type ClauseKnowledge } from '../clause/view.js';
import { createGoverningRules } from './rules.js';

export function governingStage(k: ClauseKnowledge): Stage {
  const rules = createGoverningRules(k);
  return {
    name: 'governing',
    requires: ['triggers'],
    assigns: ['governed'],
    run(doc) {
      eachTriggered(doc, k, (s, v, triggers) => {
        const before = [...triggers];
        rules.intentions(v, triggers);
        rules.governance(v, triggers);
        // what a governing verb took over, kept for explanations
        s.taken = before.filter((t) => !triggers.includes(t));
      });
    },
  };
}
