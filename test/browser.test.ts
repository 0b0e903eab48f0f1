/**
 * The dashboard in a real browser (playwright-core driving Debian's chromium): from the
 * network to an edge's events to the highlighted sentence in the reader; and a hostile
 * document whose text holds <script> and <img onerror> shows them as text and runs nothing.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../src/api/server.js';
import { ingestPaths } from '../src/app/ingest.js';
import { createDefaultPipeline } from '../src/app/pipeline.js';
import { pgliteStore, type TestStore } from './support/stores.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WEB = new URL('../web/dist/index.html', import.meta.url).pathname;
const reason = !existsSync(CHROMIUM) ? `no browser at ${CHROMIUM} (.ci/run installs Debian's chromium)` : !existsSync(WEB) ? 'the dashboard is not built (npm run build)' : null;

describe.skipIf(!!reason)('dashboard in chromium', () => {
  let ts: TestStore;
  let app: FastifyInstance;
  let base: string;
  let browser: import('playwright-core').Browser;
  let hostileDoc = '';
  const dir = mkdtempSync(path.join(tmpdir(), 'statecraft-web-'));

  beforeAll(async () => {
    ts = await pgliteStore();
    const pipeline = await createDefaultPipeline();
    await ingestPaths(ts.store, pipeline, ['samples/corpus']);
    const hostile = path.join(dir, 'hostile.txt');
    writeFileSync(hostile, [
      '---', 'title: "<script>window.__pwned = 1</script> Hostile page"', 'published: 2024-05-05', '---', '',
      'Chile condemned Peru on Monday. <script>window.__pwned = 2</script> The envoy said <img src=x onerror="window.__pwned=3"> nothing more about the dispute between the two neighbours.',
    ].join('\n'));
    const r = await ingestPaths(ts.store, pipeline, [hostile]);
    hostileDoc = r.stored[0].id;
    app = await createServer({ store: ts.store });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await ts?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('goes from the network to an edge to its events to the highlighted sentence', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${base}/#/network`);
    await page.waitForSelector('[data-testid="network"]');
    await page.waitForFunction(() => (window as unknown as { __cy?: { edges(): { length: number } } }).__cy?.edges().length ?? 0 > 0, null, { timeout: 20000 });
    await page.evaluate(() => (window as unknown as { __cy: { edges(): { [i: number]: { emit(e: string): void } } } }).__cy.edges()[0].emit('tap'));
    await page.waitForSelector('[data-testid="event-row"]', { timeout: 20000 });
    const rows = await page.locator('[data-testid="event-row"]').count();
    expect(rows).toBeGreaterThan(0);
    const link = page.locator('[data-testid="reader-link"]').first();
    await link.click();
    await page.waitForSelector('[data-testid="hl"][data-focused="true"]', { timeout: 20000 });
    const focused = page.locator('[data-testid="hl"][data-focused="true"]').first();
    expect(await focused.getAttribute('data-kind')).toBe('event');
    expect((await focused.textContent())!.length).toBeGreaterThan(3);
    await page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR ?? dir, 'reader.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows hostile text as text and runs nothing', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${base}/#/reader/${hostileDoc}`);
    await page.waitForFunction(() => document.body.innerText.includes('onerror'), null, { timeout: 20000 });
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain('<script>window.__pwned = 2</script>');
    expect(text).toContain('<img src=x onerror="window.__pwned=3">');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});

if (reason) describe('dashboard in chromium', () => it.skip(`skipped: ${reason}`, () => undefined));
