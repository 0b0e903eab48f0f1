/** Re-run extraction over stored documents (after the knowledge files change), one transaction each. */
import { getDocument } from '../store/documents.js';
import { clearExtraction, saveExtraction } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { BuiltDocument } from '../ingest/document.js';
import type { ParagraphKind } from '../ingest/structure.js';
import type { Pipeline } from './pipeline.js';

export async function reprocess(store: Store, pipeline: Pipeline): Promise<{ documents: number; events: number; mentions: number; seconds: number }> {
  const t0 = performance.now();
  const ids = (await store.query<{ id: string }>('SELECT id FROM documents ORDER BY id')).map((r) => r.id);
  let events = 0, mentions = 0;
  for (const id of ids) {
    const d = (await getDocument(store, id))!;
    const sents = await store.query<{ idx: number; start_off: number; end_off: number; section: number | null; paragraph: number; text: string }>(
      'SELECT idx, start_off, end_off, section, paragraph, text FROM sentences WHERE doc_id = $1 ORDER BY idx',
      [id],
    );
    const built: BuiltDocument = {
      ...d,
      sentences: sents.map((s) => ({ idx: s.idx, span: [s.start_off, s.end_off], text: s.text, section: s.section, paragraph: s.paragraph })),
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
