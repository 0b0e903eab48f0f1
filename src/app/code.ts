/** `statecraft code`: one sentence (or a few) through the extractor, as written: no cleaning, one paragraph. */
import type { Extraction } from '../core/doc.js';
import type { BuiltDocument } from '../ingest/document.js';
import type { Pipeline } from './pipeline.js';

/** Code `text` read on `date` (the publication date relative dates resolve against). */
export function codeText(pipeline: Pipeline, text: string, date: string): Extraction {
  const doc: BuiltDocument = {
    id: 'cli', origin: 'cli', title: null, source: null, url: null, published: date, authors: [], language: 'en', sha256: '', chars: text.length, text,
    sections: [], paragraphs: [[0, text.length]], paragraphKinds: ['body'], dropped: [],
    sentences: pipeline.nlp.sentences(text).map(([a, b], idx) => ({ idx, span: [a, b], text: text.slice(a, b), section: null, paragraph: 0 })),
  };
  return pipeline.extract(doc);
}
