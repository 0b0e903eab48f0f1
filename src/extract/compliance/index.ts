/** Stage `compliance`: events and flows that may breach a sanctions regime's provisions (provisions.ts). */
import type { Stage } from '../../core/doc.js';
import type { AnalysisKnowledge } from '../../knowledge/analysis.js';
import { complianceFor } from './provisions.js';

export function complianceStage(k: { analysis: Pick<AnalysisKnowledge, 'provisions'> }): Stage {
  return {
    name: 'compliance',
    requires: ['flows', 'events'],
    assigns: ['compliance'],
    run(doc) {
      doc.compliance = complianceFor(k.analysis.provisions, doc.id, doc.text, doc.flows!, doc.events!, doc.readAt);
    },
  };
}
