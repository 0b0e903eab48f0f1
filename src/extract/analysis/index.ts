/**
 * Stage `analysis`: claims (who holds what, how likely), the exchange ledger's flows and named
 * agreements with their articles, read from the prose sentences (analyze.ts).
 */
import type { Stage } from '../../core/doc.js';
import type { AnalysisKnowledge } from '../../knowledge/analysis.js';
import { createAnalyzer } from './analyze.js';

export function analysisStage(k: { analysis: AnalysisKnowledge }): Stage {
  const analyze = createAnalyzer(k.analysis);
  return {
    name: 'analysis',
    requires: ['keys', 'mentions', 'events'],
    assigns: ['claims', 'flows', 'agreements'],
    run(doc) {
      const a = analyze({
        id: doc.id,
        published: doc.published,
        authors: doc.authors,
        text: doc.text,
        mentions: doc.mentions!,
        events: doc.events!,
        sentences: doc.sentences.filter((s) => s.prose).map((s) => ({ idx: s.idx, text: s.text, start: s.start, sectionAuthors: s.sectionAuthors, toks: s.keys })),
      });
      doc.claims = a.claims;
      doc.flows = a.flows;
      doc.agreements = a.agreements;
    },
  };
}
