/**
 * One suite, run against every store driver: ingest the sample corpus and the bad
 * inputs, then read back, search and export through the same code.
 */
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { createDefaultPipeline } from '../src/app/pipeline.js';
import { ingestPaths, type IngestReport } from '../src/app/ingest.js';
import { exportJsonl } from '../src/app/export.js';
import { getDocument, listDocuments, searchSentences } from '../src/query/documents.js';
import type { Pipeline } from '../src/app/pipeline.js';
import type { TestStore } from './support/stores.js';
import { exportValidator } from './support/schema.js';

export function storeSuite(name: string, open: () => Promise<TestStore | null>, skipReason: () => Promise<string | null>) {
  describe(`store contract: ${name}`, () => {
    let ts: TestStore | null = null;
    let pipeline: Pipeline;
    let first: IngestReport;
    let reason: string | null = null;

    beforeAll(async () => {
      reason = await skipReason();
      if (reason) {
        console.warn(`[${name}] skipped: ${reason}`);
        return;
      }
      ts = await open();
      pipeline = await createDefaultPipeline();
      first = await ingestPaths(ts!.store, pipeline, ['samples/corpus', 'samples/bad']);
    });
    afterAll(async () => {
      await ts?.dispose();
    });

    it('stores every good document and names each bad one with its reason', (ctx) => {
      if (reason) return ctx.skip();
      const failed = first.failed.map((f) => f.line).join('\n');
      expect(first.stored.length).toBeGreaterThanOrEqual(20);
      expect(failed).toMatch(/binary\.txt: E101/);
      expect(failed).toMatch(/empty\.txt: E102/);
      expect(failed).toMatch(/whitespace\.md: E102/);
      expect(failed).toMatch(/latin1\.txt: E104 .*offset \d+/);
      expect(failed).toMatch(/broken\.jsonl:line 2: E105/);
      expect(first.failed).toHaveLength(5);
      // the good lines around the broken one are stored
      expect(first.stored.filter((s) => s.origin.includes('broken.jsonl'))).toHaveLength(2);
    });

    it('re-ingesting changes nothing and says so', async (ctx) => {
      if (reason) return ctx.skip();
      const before = (await listDocuments(ts!.store)).total;
      const again = await ingestPaths(ts!.store, pipeline, ['samples/corpus']);
      expect(again.stored).toHaveLength(0);
      expect(again.unchanged.length).toBe(first.stored.filter((s) => s.origin.startsWith('samples/corpus')).length);
      expect((await listDocuments(ts!.store)).total).toBe(before);
    });

    it('reads a document back by id prefix with sections and authors', async (ctx) => {
      if (reason) return ctx.skip();
      const { items } = await listDocuments(ts!.store);
      const sectioned = items.find((d) => d.origin.includes('meridian-three-views'));
      expect(sectioned).toBeTruthy();
      const d = await getDocument(ts!.store, sectioned!.id.slice(0, 8));
      expect(d?.id).toBe(sectioned!.id);
      expect(d!.sections.length).toBe(3);
      for (const s of d!.sections) {
        expect(s.authors).toHaveLength(1);
        expect(d!.text.slice(s.span[0], s.span[1])).toContain(s.title);
      }
      // every sentence span indexes the stored text
      for (const s of d!.sentenceSpans) expect(s.span[1]).toBeLessThanOrEqual(d!.text.length);
    });

    it('searches sentences with ranking and highlighted snippets', async (ctx) => {
      if (reason) return ctx.skip();
      const r = await searchSentences(ts!.store, 'treaty Pyongyang', { mark: ['[', ']'] });
      expect(r.total).toBeGreaterThan(0);
      expect(r.items[0].snippet).toMatch(/\[(treaty|Treaty|Pyongyang)\]/);
      const d = await getDocument(ts!.store, r.items[0].doc);
      expect(d!.text.slice(r.items[0].span[0], r.items[0].span[1])).toBe(r.items[0].text);
      const none = await searchSentences(ts!.store, 'zzzqqq');
      expect(none.total).toBe(0);
    });

    it('exports JSONL that validates against the contract schema', async (ctx) => {
      if (reason) return ctx.skip();
      const lines: string[] = [];
      await exportJsonl(ts!.store, (l) => {
        lines.push(l);
      });
      const recs = lines.map((l) => JSON.parse(l));
      expect(recs[0].type).toBe('meta');
      const check = exportValidator();
      const bad = recs.map((r) => [r.type, r.id, check(r)]).filter((x) => x[2]);
      expect(bad).toEqual([]);
      const ids = new Set(recs.map((r) => `${r.type}:${r.id}`));
      expect(ids.size).toBe(recs.length);
      const docs = recs.filter((r) => r.type === 'document');
      expect(docs.length).toBe((await listDocuments(ts!.store)).total);
      // evidence spans point at the exact words
      const texts = new Map<string, string>();
      for (const e of recs.filter((r) => r.type === 'event')) {
        if (!texts.has(e.doc)) texts.set(e.doc, (await getDocument(ts!.store, e.doc))!.text);
        expect(texts.get(e.doc)!.slice(e.span[0], e.span[1])).toBe(e.quote);
      }
    });
  });
}
