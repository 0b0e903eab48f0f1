/** Stage `compliance`: events and flows that may breach a sanctions regime's provisions. */
import type { Stage } from '../../core/doc.js';
import type { AnalysisKnowledge } from '../../knowledge/analysis.js';
import { complianceFor } from '../analysis/analyze.js';

export function complianceStage(k: { analysis: AnalysisKnowledge }): Stage {
  return {
    name: 'compliance',
    requires: ['flows', 'events'],
    assigns: ['compliance'],
    run(doc) {
      doc.compliance = complianceFor(k.analysis, doc.id, doc.text, doc.flows!, doc.events!);
    },
  };
}
