/**
 * Stage `coding`: each tagged sentence's events — triggers from the pattern data, their
 * arguments, governing verbs, modality, dates and places, coded in CAMEO and PLOVER (coder.ts).
 */
import type { Stage } from '../../core/doc.js';
import type { Codebook } from '../../knowledge/codebook.js';
import type { Patterns } from '../../knowledge/patterns.js';
import { createEventCoder } from './coder.js';

export function codingStage(k: { patterns: Patterns; codebook: Codebook }): Stage {
  const code = createEventCoder(k.patterns, k.codebook);
  return {
    name: 'coding',
    requires: ['tokens', 'places', 'agents'],
    assigns: ['coded'],
    run(doc) {
      for (const s of doc.sentences) {
        if (!s.tokens) continue;
        s.coded = code({ doc: doc.id, idx: s.idx, text: s.text, start: s.start, published: doc.published, lead: s.lead, tokens: s.tokens, mentions: s.mentions!, places: s.places! });
      }
    },
  };
}
