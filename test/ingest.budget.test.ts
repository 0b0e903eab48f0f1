/**
 * Bounded work per document (#14): a document that overruns the time budget (a 1.2 MB "sentence"
 * of 200,000 words without punctuation: over ten minutes of extraction before) or the memory
 * budget fails with E112 / E113, in bounded time, and the documents after it are extracted.
 * The budget needs the compiled extraction thread: these tests run the build of test/support/processes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentGuard } from '../src/app/workers/guard.js';
import type { Job, JobResult } from '../src/app/workers/job.js';
import { buildCli, runCli } from './support/processes.js';

let cli = '';
let guardModule: typeof import('../src/app/workers/guard.js');
const dir = mkdtempSync(path.join(tmpdir(), 'statecraft-budget-'));
beforeAll(async () => {
  cli = await buildCli();
  guardModule = await import(path.join(path.dirname(cli), 'dist/app/workers/guard.js'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 200,000 words of news vocabulary with no punctuation: one sentence of 1.2 MB */
function runOnSentence(words = 200_000): string {
  const vocab = ['Russia', 'China', 'warned', 'talks', 'the', 'border', 'officials', 'said', 'Iran', 'sanctions', 'minister', 'met', 'with', 'Japan', 'on', 'trade', 'and', 'troops', 'near', 'agreed', 'France', 'accused', 'of', 'attacks', 'in', 'Ukraine', 'President', 'visited', 'Beijing', 'Moscow'];
  const out: string[] = [];
  let x = 7;
  for (let i = 0; i < words; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(vocab[x % vocab.length]);
  }
  return out.join(' ');
}

const ordinary = (i: number): Job => ({ raw: { origin: `ordinary-${i}.txt`, kind: 'plain', text: `Japan and India signed a maritime security pact in Tokyo on Monday, officials said in statement ${i}. China warned Japan against provocations.` }, defaults: {} });
const outcome = (r: JobResult) => (r.buildFailed ? r.buildFailed.code : r.extractFailed ? r.extractFailed.code : `events:${r.extraction!.events.length}`);

describe('the document guard (an extraction thread with a time and a heap budget)', () => {
  let guard: DocumentGuard | null = null;
  afterAll(async () => {
    await guard?.close();
  });

  it('a run-on sentence of 200,000 words fails with E112 at the time budget; the documents before and after it are extracted', async () => {
    guard = guardModule.createGuard({ timeoutMs: 3000, memoryMb: 1024 });
    const jobs: Job[] = [ordinary(1), { raw: { origin: 'run-on.txt', kind: 'plain', text: runOnSentence() }, defaults: {} }, ordinary(2), ordinary(3)];
    const results = await Promise.all(jobs.map((j) => guard!.run(j)));
    expect(outcome(results[0])).toMatch(/^events:[1-9]/);
    expect(results[1].buildFailed?.code).toBe('E112');
    expect(results[1].buildFailed?.line).toMatch(/^run-on\.txt: E112 over the time budget of one document: .*over 3 s/);
    expect(outcome(results[2])).toMatch(/^events:[1-9]/);
    expect(outcome(results[3])).toMatch(/^events:[1-9]/);
    await guard.close();
    guard = null;
  });

  it('a document that needs more heap than the budget fails with E113; the next is extracted by a fresh thread', async () => {
    // 28,000 ordinary sentences (1.9 MB, under the 2 MiB article limit) in a thread capped at 160 MB (the knowledge fits in 128)
    const sentences = Array.from({ length: 28_000 }, (_, i) => `Russia and China held talks on trade in round ${i}, officials said. `).join('');
    guard = guardModule.createGuard({ timeoutMs: 0, memoryMb: 160 });
    const results = await Promise.all([{ raw: { origin: 'heavy.txt', kind: 'plain' as const, text: sentences }, defaults: {} }, ordinary(4)].map((j) => guard!.run(j)));
    expect(results[0].buildFailed?.code).toBe('E113');
    expect(results[0].buildFailed?.line).toMatch(/^heavy\.txt: E113 over the memory budget of one document: .*160 MB/);
    expect(outcome(results[1])).toMatch(/^events:[1-9]/);
    await guard.close();
    guard = null;
  });
});

describe('the budget in use', () => {
  it('statecraft ingest --doc-timeout: the run-on document fails with E112 on its own line, the others are stored, exit 1', async () => {
    const src = path.join(dir, 'mixed');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(src);
    writeFileSync(path.join(src, 'a-ordinary.txt'), ordinary(10).raw.text);
    writeFileSync(path.join(src, 'b-run-on.txt'), runOnSentence());
    writeFileSync(path.join(src, 'c-ordinary.txt'), ordinary(11).raw.text);
    writeFileSync(path.join(src, 'd-feed.jsonl'), [12, 13].map((i) => JSON.stringify({ title: `Feed ${i}`, text: ordinary(i).raw.text })).join('\n') + '\n');
    const r = await runCli(cli, ['ingest', '--db', path.join(dir, 'mixed-db'), '--doc-timeout', '3', '--json', src]);
    expect(r.code, r.err).toBe(1);
    const report = JSON.parse(r.out) as { stored: { origin: string }[]; failed: { origin: string; code: string; message: string }[] };
    expect(report.failed.map((f) => [path.basename(f.origin), f.code])).toEqual([['b-run-on.txt', 'E112']]);
    expect(report.failed[0].message).toMatch(/over 3 s/);
    expect(report.stored.map((d) => path.basename(d.origin)).sort()).toEqual(['a-ordinary.txt', 'c-ordinary.txt', 'd-feed.jsonl#line1', 'd-feed.jsonl#line2']);
  });

  it('an upload holding a run-on document: reads are answered while it is extracted, it fails with E112, the others are stored', async () => {
    const { startCli, until } = await import('./support/processes.js');
    const serve = startCli(cli, ['serve', '--db', path.join(dir, 'serve-db'), '--port', '0', '--token', 'tok', '--doc-timeout', '5']);
    try {
      const url = (await until('serve to listen', () => /http:\/\/127\.0\.0\.1:\d+/.exec(serve.out()), 120_000))[0];
      const body = [ordinary(20), { raw: { text: runOnSentence() } }, ordinary(21)].map((j, i) => JSON.stringify({ title: `Upload ${i}`, text: j.raw.text })).join('\n') + '\n';
      let done = false;
      const upload = fetch(`${url}/api/documents`, { method: 'POST', headers: { authorization: 'Bearer tok', 'content-type': 'application/x-ndjson' }, body }).then(async (res) => {
        done = true;
        return { status: res.status, body: await res.json() };
      });
      // reads while the upload is in the extraction thread: each answered before the upload ends
      const during: number[] = [];
      while (!done) {
        const res = await fetch(`${url}/api/stats`);
        if (!done) during.push(res.status);
        await new Promise((r) => setTimeout(r, 200));
      }
      const u = await upload;
      expect(u.status).toBe(201);
      expect(u.body.stored.map((d: { title: string }) => d.title).sort()).toEqual(['Upload 0', 'Upload 2']);
      expect(u.body.failed).toHaveLength(1);
      expect(u.body.failed[0]).toMatch(/^upload:line 2: E112 /);
      expect(during.length).toBeGreaterThan(0);
      expect(during.every((s) => s === 200 || s === 503)).toBe(true);
      expect(during.filter((s) => s === 200).length).toBeGreaterThan(0);
    } finally {
      serve.child.kill('SIGTERM');
      await serve.done;
    }
  });
});
