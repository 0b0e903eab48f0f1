/**
 * #15 batched writes: documents stored a batch at a time leave the rows, outcomes and lines that
 * one transaction a document left; a batch whose transaction fails is written again one document
 * at a time, so only the document whose rows fail is lost — on PGlite and on PostgreSQL.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths, emptyReport, type IngestFailure, type IngestItem } from '../src/app/ingest.js';
import { createDefaultPipeline, type Pipeline } from '../src/app/pipeline.js';
import { createBatchWriter } from '../src/app/writer.js';
import { exportJsonl } from '../src/app/export.js';
import type { Store } from '../src/store/store.js';
import { pgliteStore, postgresStore, serverUnavailable, type TestStore } from './support/stores.js';

const ROOT = process.cwd();
const INPUTS = ['samples/corpus', 'samples/bad', 'test/golden/news/reports-A.jsonl', 'samples/corpus'].map((p) => path.join(ROOT, p));

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await createDefaultPipeline();
}, 120_000);

const opened: TestStore[] = [];
afterAll(async () => {
  for (const s of opened) await s.dispose();
});

async function exported(store: Store): Promise<string[]> {
  const out: string[] = [];
  await exportJsonl(store, async (line) => {
    out.push(line);
  });
  return out.slice(1); // the meta line carries the time of the export
}

function lines() {
  const got: string[] = [];
  const onDocument = (k: 'stored' | 'unchanged' | 'failed', what: IngestItem | IngestFailure) =>
    got.push(k === 'failed' ? `failed ${(what as IngestFailure).line}` : `${k} ${(what as IngestItem).id} ${(what as IngestItem).events ?? ''}`);
  return { got, onDocument };
}

describe('batched writes', () => {
  it('batches of 50 store the rows, outcomes and lines of one transaction a document (duplicates and failures included)', async () => {
    const runs = [];
    for (const batch of [1, 50]) {
      const t = await pgliteStore();
      opened.push(t);
      const l = lines();
      const r = await ingestPaths(t.store, pipeline, INPUTS, { batch, onDocument: l.onDocument });
      runs.push({ r, lines: l.got, records: await exported(t.store) });
    }
    const [one, batched] = runs;
    expect(one.r.stored.length).toBeGreaterThan(30);
    expect(one.r.unchanged.length).toBeGreaterThan(0); // samples/corpus twice
    expect(one.r.failed.length).toBeGreaterThan(0); // samples/bad
    expect(batched.lines).toEqual(one.lines);
    expect(batched.records).toEqual(one.records);
  }, 300_000);
});

/** three short reports in our own words, the second repeated under another id */
const TEXTS = [
  'Germany pledged new air defence systems to Poland on Monday, officials in Berlin said.',
  'Russia condemned the expulsion of its diplomats by Estonia, calling the move hostile.',
  'Japan and South Korea signed an agreement on sharing military intelligence in Tokyo.',
  'France criticised Iran for detaining two of its citizens, the foreign ministry said.',
  'China warned the Philippines against further patrols near the disputed shoal.',
];

describe.each([
  ['PGlite', pgliteStore],
  ['PostgreSQL', postgresStore],
] as const)('a failed batch on %s', (name, open) => {
  it('is written again one document at a time: only the document whose rows fail is lost', async (ctx) => {
    if (name === 'PostgreSQL') {
      const why = await serverUnavailable();
      if (why) return ctx.skip(why);
    }
    const t = await open();
    opened.push(t);
    const report = emptyReport();
    const w = createBatchWriter(t.store, report, () => undefined, { batch: 10, whole: true });
    let badId = '';
    for (const [i, text] of TEXTS.entries()) {
      const raw = { origin: 'feed.jsonl', locator: `line${i + 1}`, text, kind: 'plain' as const, published: '2024-03-04', authors: [] };
      await w.add(raw, () => pipeline.build(raw), (doc) => {
        const x = pipeline.extract(doc);
        if (i !== 2) return x;
        // a stage that gives two events one id: the primary key (doc_id, id) refuses the second
        badId = doc.id;
        expect(x.events.length).toBeGreaterThan(0);
        return { ...x, events: [...x.events, x.events[0]] };
      });
    }
    expect(report.stored.length + report.failed.length).toBe(0); // all five wait in one batch
    await w.flush();
    expect(report.stored.map((s) => s.origin)).toEqual(['feed.jsonl#line1', 'feed.jsonl#line2', 'feed.jsonl#line4', 'feed.jsonl#line5']);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0].line).toMatch(/feed\.jsonl/);
    expect(report.failed[0].line).toMatch(/line3/);
    const q = t.store;
    expect((await q.query<{ n: number }>('SELECT count(*)::int AS n FROM documents'))[0].n).toBe(4);
    for (const table of ['sentences', 'mentions', 'events', 'claims']) {
      expect((await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE doc_id = $1`, [badId]))[0].n).toBe(0);
    }
    // every stored document has its sentences, and the good ones their events
    expect((await q.query<{ n: number }>('SELECT count(*)::int AS n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.doc_id = d.id)'))[0].n).toBe(0);
    expect(report.stored.reduce((n, s) => n + (s.events ?? 0), 0)).toBe((await q.query<{ n: number }>('SELECT count(*)::int AS n FROM events'))[0].n);
  }, 120_000);
});
