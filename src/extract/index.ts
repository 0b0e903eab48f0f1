/**
 * The extractor: a built document becomes a Doc (src/core/doc.ts), the registry's stages run
 * over it in order (src/extract/registry.ts), and the Doc's records are the extraction.
 */
import { makeDoc, runStages, type DocInput, type Extraction } from '../core/doc.js';
import type { BuiltDocument } from '../ingest/document.js';
import { createNlp, type Nlp } from '../nlp/nlp.js';
import type { Extractor } from './extraction.js';
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

/** The extractor the ingest pipeline uses: body paragraphs only (no bylines, bios, headings). */
export async function createExtractor(k: Knowledge = createKnowledge(), nlp: Nlp = createNlp()): Promise<Extractor> {
  const extract = createDocumentExtractor(k, nlp);
  return (doc: BuiltDocument) =>
    extract({
      id: doc.id,
      published: doc.published,
      authors: doc.authors,
      text: doc.text,
      sections: doc.sections.filter((x) => x.authors.length),
      // bylines, bios and signatures are read for the people they name (the authors), nothing else
      sentences: doc.sentences
        .filter((s) => ['body', 'byline', 'bio', 'signature'].includes(doc.paragraphKinds[s.paragraph]))
        .map((s) => ({ idx: s.idx, text: s.text, start: s.span[0], paragraph: s.paragraph, prose: doc.paragraphKinds[s.paragraph] === 'body' })),
    });
}
