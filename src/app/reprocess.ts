/** Re-run extraction over stored documents (after the knowledge files change), one transaction each. */
import type { BuiltDocument } from '../ingest/document.js';
import type { ParagraphKind } from '../ingest/structure.js';
import { documentForExtraction, documentIds } from '../query/documents.js';
import { clearExtraction, saveExtraction } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { Pipeline } from './pipeline.js';

export async function reprocess(store: Store, pipeline: Pipeline): Promise<{ documents: number; events: number; mentions: number; seconds: number }> {
  const t0 = performance.now();
  const ids = await documentIds(store);
  let events = 0, mentions = 0;
  for (const id of ids) {
    const { document: d, sentences } = (await documentForExtraction(store, id))!;
    const built: BuiltDocument = {
      ...d,
      sentences,
      paragraphs: d.paragraphs.map((p) => p.span),
      paragraphKinds: d.paragraphs.map((p) => p.kind as ParagraphKind),
    };
    const x = pipeline.extract(built);
    await store.tx(async (q) => {
      await clearExtraction(q, id);
      await saveExtraction(q, id, x);
    });
    events += x.events.length;
    mentions += x.mentions.length;
  }
  return { documents: ids.length, events, mentions, seconds: (performance.now() - t0) / 1000 };
}
