/** The full extractor: actors → events. */
import type { Extractor } from './extraction.js';
import { emptyExtraction } from './extraction.js';

export async function createExtractor(): Promise<Extractor> {
  return () => emptyExtraction();
}
