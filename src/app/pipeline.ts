/**
 * The stage registry: every stage in order, in one place. A stage is a plain function
 * over one document; this file is the only one that knows them all.
 */
import type { RawDocument } from '../core/types.js';
import { buildDocument, type BuiltDocument } from '../ingest/document.js';
import { createNlp, type Nlp } from '../nlp/nlp.js';
import { emptyExtraction, type Extraction, type Extractor } from '../extract/extraction.js';

export interface Pipeline {
  nlp: Nlp;
  /** clean, structure and split one raw document */
  build(raw: RawDocument, defaults?: { published?: string | null; source?: string | null; title?: string | null }): BuiltDocument;
  /** everything extracted from one built document */
  extract(doc: BuiltDocument): Extraction;
}

export function createPipeline(opts: { extractor?: Extractor } = {}): Pipeline {
  const nlp = createNlp();
  return {
    nlp,
    build: (raw, defaults) => buildDocument(raw, nlp, defaults),
    extract: (doc) => (opts.extractor ? opts.extractor(doc) : emptyExtraction()),
  };
}
