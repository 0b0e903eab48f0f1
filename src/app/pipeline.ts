/**
 * The pipeline, in one place: ingest's builder (normalise, clean, structure, split sentences)
 * and then the extractor (src/extract, whose registry orders its own stages). Every caller
 * (ingest, reprocess, eval, `code`, the API's uploads, bench, tests) gets it from here.
 */
import type { Doc, DocInput, Extraction } from '../core/doc.js';
import { emptyExtraction } from '../core/doc.js';
import type { RawDocument } from '../core/types.js';
import type { Knowledge } from '../extract/index.js';
import { buildDocument, type BuiltDocument } from '../ingest/document.js';
import { createNlp, type Nlp } from '../nlp/nlp.js';

export type { BuiltDocument, Extraction, Knowledge };
/** one built document → its records */
export type Extractor = (doc: BuiltDocument) => Extraction;

export interface Pipeline {
  nlp: Nlp;
  /** clean, structure and split one raw document */
  build(raw: RawDocument, defaults?: { published?: string | null; source?: string | null; title?: string | null }): BuiltDocument;
  /** everything extracted from one built document */
  extract(doc: BuiltDocument): Extraction;
  /** the Doc with every event stage's annotations (candidates, triggers, mentions …): triage, explanations */
  inspect(doc: BuiltDocument): Doc | null;
}

/** A built document as extraction reads it: body paragraphs are prose; bylines, bios and signatures name authors only. */
export function toDocInput(doc: BuiltDocument): DocInput {
  return {
    id: doc.id,
    published: doc.published,
    authors: doc.authors,
    genre: doc.genre ?? null,
    text: doc.text,
    sections: doc.sections.filter((x) => x.authors.length),
    sentences: doc.sentences
      .filter((s) => ['body', 'byline', 'bio', 'signature'].includes(doc.paragraphKinds[s.paragraph]))
      .map((s) => ({ idx: s.idx, text: s.text, start: s.span[0], paragraph: s.paragraph, prose: doc.paragraphKinds[s.paragraph] === 'body' })),
  };
}

/** A pipeline with the given extractor (none: documents are built and stored, nothing is extracted). */
export function createPipeline(opts: { extractor?: Extractor; inspector?: (doc: BuiltDocument) => Doc; nlp?: Nlp } = {}): Pipeline {
  const nlp = opts.nlp ?? createNlp();
  return {
    nlp,
    build: (raw, defaults) => buildDocument(raw, nlp, defaults),
    extract: (doc) => (opts.extractor ? opts.extractor(doc) : emptyExtraction()),
    inspect: (doc) => (opts.inspector ? opts.inspector(doc) : null),
  };
}

/** Everything extraction knows (data/), loaded and compiled once; share it between pipelines. */
export async function loadKnowledge(): Promise<Knowledge> {
  const { createKnowledge } = await import('../extract/index.js');
  return createKnowledge();
}

/**
 * The pipeline every command uses: the builder and the full extractor over one wink-nlp model.
 * The extractor is loaded lazily, so commands that only read the store (`docs`, `show`) start fast.
 */
export async function createDefaultPipeline(knowledge?: Knowledge, nlp: Nlp = createNlp()): Promise<Pipeline> {
  const { createDocumentExtractor, createDocRunner, createKnowledge } = await import('../extract/index.js');
  const k = knowledge ?? createKnowledge();
  const extract = createDocumentExtractor(k, nlp);
  let runner: ((input: DocInput) => Doc) | null = null;
  return createPipeline({
    nlp,
    extractor: (doc) => extract(toDocInput(doc)),
    inspector: (doc) => (runner ??= createDocRunner(k, nlp))(toDocInput(doc)),
  });
}
