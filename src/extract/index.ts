/**
 * The extractor: a built document becomes a Doc (src/core/doc.ts), the registry's stages run
 * over it in order (src/extract/registry.ts), and the Doc's records are the extraction.
 */
import { makeDoc, runStages, type Doc, type DocInput, type Extraction } from '../core/doc.js';
import { createNlp, type Nlp } from '../nlp/nlp.js';
import { createKnowledge, type Knowledge } from './knowledge.js';
import { createStages, type StageOptions } from './registry.js';

export { createKnowledge, type Knowledge };
export type { DocInput as DocumentIn };

export function createDocumentExtractor(k: Knowledge, nlp: Nlp = createNlp(), opts: StageOptions = {}) {
  const stages = createStages(k, nlp, opts);
  return function extract(input: DocInput): Extraction {
    const doc = runStages(stages, makeDoc(input));
    return {
      actors: doc.used ?? [],
      mentions: doc.mentions ?? [],
      events: doc.events ?? [],
      claims: doc.claims ?? [],
      flows: doc.flows ?? [],
      agreements: doc.agreements ?? [],
      compliance: doc.compliance ?? [],
    };
  };
}

/** Every stage's annotations of a document (the Doc itself): for triage and explanations. */
export function createDocRunner(k: Knowledge, nlp: Nlp = createNlp(), opts: StageOptions = { analysis: false }): (input: DocInput) => Doc {
  const stages = createStages(k, nlp, opts);
  return (input) => runStages(stages, makeDoc(input));
}
