/** What extraction produces for one document. */
import type { Actor, EventRecord, Mention } from '../core/types.js';
import type { BuiltDocument } from '../ingest/document.js';

export interface Extraction {
  actors: Actor[];
  mentions: Mention[];
  events: EventRecord[];
}

export type Extractor = (doc: BuiltDocument) => Extraction;

export function emptyExtraction(): Extraction {
  return { actors: [], mentions: [], events: [] };
}
