/**
 * Stage `tokens`: wink-nlp tokens (POS, lemma) for the prose sentences that can hold an event —
 * those naming at least one actor that is not an author or a place. The tagger is the dearest
 * step after dates, so sentences with no possible participant are never tagged.
 */
import type { Stage, Token } from '../../core/doc.js';

export interface Tagger {
  tokens(text: string, offset?: number): Token[];
}

export function tokensStage(nlp: Tagger): Stage {
  return {
    name: 'tokens',
    requires: ['agents', 'coref'],
    assigns: ['tokens'],
    run(doc) {
      for (const s of doc.sentences) {
        if (s.prose && s.mentions!.some((m) => m.via !== 'author' && m.via !== 'place')) s.tokens = nlp.tokens(s.text, s.start);
      }
    },
  };
}
