/**
 * The one writer of an ingest (#15 batched writes): documents are stored a batch at a time —
 * one query to find those already stored, one transaction of a few multi-row statements for the
 * rest — instead of a query and a transaction of eight statements each. What the user sees is
 * what one transaction a document gave: outcomes reported in input order, a document stored
 * whole or not at all, and when a batch's transaction fails every document of it is tried again
 * alone, so one bad document loses no other's work.
 */
import { documentsStored, insertDocument, insertDocuments } from '../store/documents.js';
import { saveExtraction, saveExtractions } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { RawDocument } from '../core/types.js';
import type { BuiltDocument, Extraction } from './pipeline.js';
import { ReportedFailure, toFailure, type IngestFailure } from './workers/job.js';

/** a document of the report: stored, unchanged */
export interface IngestItem {
  id: string;
  origin: string;
  title: string | null;
  sentences: number;
  events?: number;
}

/** the report the writer adds outcomes to, in input order */
export interface WriterReport {
  stored: IngestItem[];
  unchanged: IngestItem[];
  failed: IngestFailure[];
  bytes: number;
}

/** documents a batch holds at most by default (measured on the 400 restated reports: 10 → 50 halved the write time again; 200 gained nothing) */
export const DEFAULT_BATCH = 50;
/** a batch is written once its documents hold this many sentences, whatever their number */
const BATCH_SENTENCES = 5000;
/** … or once its first document has waited this long (a slow feed still sees its lines) */
const BATCH_WAIT_MS = 1000;

export function failure(e: unknown, origin: string, locator?: string): IngestFailure {
  return e instanceof ReportedFailure ? e.failure : toFailure(e, origin, locator);
}

type Slot =
  | { failed: IngestFailure[] }
  | { raw: RawDocument; doc: BuiltDocument; item: IngestItem; extract: (doc: BuiltDocument) => Extraction };

export type Outcome = { k: 'stored' | 'unchanged'; item: IngestItem } | { k: 'failed'; f: IngestFailure };

export interface BatchWriter {
  /** a document: built (or why not) and, when not already stored, extracted by `extract` */
  add(raw: RawDocument, build: () => BuiltDocument, extract: (doc: BuiltDocument) => Extraction): Promise<void>;
  /** failures to report in their place (a file that could not be read) */
  failed(f: IngestFailure[]): void;
  /** write what is pending, report it */
  flush(): Promise<void>;
}

/**
 * A writer that adds each outcome to `report` (then calls `reported`) in the order given.
 * Batches grow 1, 2, 4 … up to `batch` documents (so the first line comes as soon as the first
 * document is stored; `whole`: from the first batch on); `batch` 1 writes each document in its own transaction, as before #15.
 */
export function createBatchWriter(store: Store, report: WriterReport, reported: (o: Outcome) => void, opts: { batch?: number; whole?: boolean } = {}): BatchWriter {
  const size = Math.max(1, opts.batch ?? DEFAULT_BATCH);
  // ids stored or found stored by this run: a document met twice is unchanged the second time
  const seen = new Set<string>();
  let pending: Slot[] = [];
  let pendingIds = new Set<string>();
  let sentences = 0;
  let since = 0;
  // the first batch holds one document, each next one twice as many up to `size`: the first lines come at once
  let limit = opts.whole ? size : 1;

  const flush = async () => {
    if (!pending.length) return;
    const slots = pending;
    pending = [];
    pendingIds = new Set();
    sentences = 0;
    limit = Math.min(size, limit * 2);
    const outcomes = await writeSlots(store, slots, seen);
    // one at a time, so whoever prints them interleaves failures and documents in input order
    for (const o of outcomes) {
      if (o.k === 'failed') report.failed.push(o.f);
      else report[o.k].push(o.item);
      reported(o);
    }
  };

  return {
    async add(raw, build, extract) {
      report.bytes += Buffer.byteLength(raw.text, 'utf8');
      let doc: BuiltDocument;
      try {
        doc = build();
      } catch (e) {
        pending.push({ failed: [failure(e, raw.origin, raw.locator)] });
        if (pending.length === 1) await flush();
        return;
      }
      // the same id twice in one batch: the first is written before the second is looked at, as one at a time did
      if (pendingIds.has(doc.id)) await flush();
      if (!pending.length) since = performance.now();
      pending.push({ raw, doc, item: { id: doc.id, origin: doc.origin, title: doc.title, sentences: doc.sentences.length }, extract });
      pendingIds.add(doc.id);
      sentences += doc.sentences.length;
      if (pendingIds.size >= limit || sentences >= BATCH_SENTENCES || performance.now() - since >= BATCH_WAIT_MS) await flush();
    },
    failed(f) {
      if (!f.length) return;
      if (!pending.length) {
        for (const x of f) {
          report.failed.push(x);
          reported({ k: 'failed', f: x });
        }
      } else pending.push({ failed: f });
    },
    flush,
  };
}

/** The outcomes of `slots`, in their order: one look-up of the stored ids, extraction of the rest, one transaction (else one a document). */
async function writeSlots(store: Store, slots: Slot[], seen: Set<string>): Promise<Outcome[]> {
  const docs = slots.filter((s): s is Extract<Slot, { raw: RawDocument }> => 'raw' in s);
  const outcomes: (Outcome | Outcome[] | null)[] = slots.map((s) => ('failed' in s ? s.failed.map((f) => ({ k: 'failed' as const, f })) : null));
  let stored: Set<string>;
  try {
    stored = await documentsStored(store, docs.map((d) => d.doc.id).filter((id) => !seen.has(id)));
  } catch (e) {
    // the store cannot be read: every document of the batch fails with the reason
    return slots.flatMap((s) => ('failed' in s ? s.failed.map((f) => ({ k: 'failed' as const, f })) : [{ k: 'failed' as const, f: failure(e, s.raw.origin, s.raw.locator) }]));
  }
  const toWrite: { slot: number; d: (typeof docs)[number]; x: Extraction }[] = [];
  slots.forEach((s, i) => {
    if ('failed' in s) return;
    if (seen.has(s.doc.id) || stored.has(s.doc.id)) {
      outcomes[i] = { k: 'unchanged', item: s.item };
      return;
    }
    try {
      toWrite.push({ slot: i, d: s, x: s.extract(s.doc) });
    } catch (e) {
      outcomes[i] = { k: 'failed', f: failure(e, s.raw.origin, s.raw.locator) };
    }
  });
  const written = (w: (typeof toWrite)[number], inserted: boolean) => {
    seen.add(w.d.doc.id);
    if (inserted) {
      w.d.item.events = w.x.events.length;
      outcomes[w.slot] = { k: 'stored', item: w.d.item };
    } else outcomes[w.slot] = { k: 'unchanged', item: w.d.item };
  };
  let batchDone = false;
  if (toWrite.length > 1) {
    try {
      // another process may store some of them meanwhile (a shared PostgreSQL server): those are unchanged
      const inserted = await store.tx(async (q) => {
        const ins = await insertDocuments(q, toWrite.map((w) => w.d.doc));
        await saveExtractions(q, toWrite.filter((w) => ins.has(w.d.doc.id)).map((w) => ({ docId: w.d.doc.id, x: w.x })));
        return ins;
      });
      for (const w of toWrite) written(w, inserted.has(w.d.doc.id));
      batchDone = true;
    } catch {
      // rolled back whole: each document again in its own transaction, so only the bad one fails
    }
  }
  if (!batchDone) {
    for (const w of toWrite) {
      try {
        const inserted = await store.tx(async (q) => {
          if (!(await insertDocument(q, w.d.doc))) return false;
          await saveExtraction(q, w.d.doc.id, w.x);
          return true;
        });
        written(w, inserted);
      } catch (e) {
        outcomes[w.slot] = { k: 'failed', f: failure(e, w.d.raw.origin, w.d.raw.locator) };
      }
    }
  }
  return outcomes.flatMap((o) => (o === null ? [] : Array.isArray(o) ? o : [o]));
}
