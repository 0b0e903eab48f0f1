/**
 * Issue #13, at the store and over the API, on documents written for this test: one agreement
 * per treaty across documents, with the parties the texts give; compliance as one flag per
 * subject and regime listing its provisions, in words, never for an act older than the
 * resolution; the ledger grouped by dyad with its evidence; no 500 on bad input.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../src/api/server.js';
import { ingestPaths } from '../src/app/ingest.js';
import { createDefaultPipeline } from '../src/app/pipeline.js';
import { loadRegimes } from '../src/app/regimes.js';
import { complianceFlags } from '../src/query/compliance.js';
import { agreements, ledgerDyads, stats } from '../src/query/views.js';
import { pgliteStore, postgresStore, serverUnavailable, type TestStore } from './support/stores.js';

const DOCS: Record<string, string> = {
  'pact.txt': [
    '---', 'title: "A pact in Pyongyang"', 'published: 2024-07-02', '---', '',
    'Russia and North Korea signed the Treaty on Comprehensive Strategic Partnership in Pyongyang on June 19, 2024, a move that worried China. Article 4 of the treaty obliges each side to give military assistance at once if the other is attacked.',
    '',
    'North Korea delivered artillery shells to Russia in May 2024. Russia supplied fuel to North Korea in June.',
  ].join('\n'),
  'charter.txt': [
    '---', 'title: "Reading the new treaty"', 'published: 2024-09-10', '---', '',
    "Officials in Seoul said the Treaty on Comprehensive Strategic Partnership strains the sanctions regime. The treaty cites the UN Charter's Article 51, which recognises the inherent right of individual or collective self-defence, a choice critics found odd. China warned that the pact will probably destabilise the region.",
  ].join('\n'),
  // a sale told in 2024 of 2004, two years before the first resolution on North Korea
  'old.txt': ['---', 'title: "An old sale"', 'published: 2024-03-01', '---', '', 'In 2004 North Korea sold missiles to Iran, according to a new history of the programme.'].join('\n'),
};

const drivers: [string, () => Promise<TestStore>, () => Promise<string | null>][] = [
  ['pglite', pgliteStore, async () => null],
  ['postgres', postgresStore, serverUnavailable],
];

describe.each(drivers)('agreements merged, compliance flags, the ledger by dyad (#13): %s', (_name, open, unavailable) => {
  let ts: TestStore;
  let reason: string | null = null;
  let app: FastifyInstance;
  const dir = mkdtempSync(path.join(tmpdir(), 'statecraft-agree-'));
  const get = async (url: string) => {
    const r = await app.inject({ method: 'GET', url });
    return { status: r.statusCode, body: r.json() };
  };

  beforeAll(async () => {
    reason = await unavailable();
    if (reason) return console.warn(`skipped: ${reason}`);
    for (const [f, text] of Object.entries(DOCS)) writeFileSync(path.join(dir, f), text);
    ts = await open();
    await ingestPaths(ts.store, await createDefaultPipeline(), [dir]);
    app = await createServer({ store: ts.store });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await ts?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps one agreement per treaty across documents, with the parties and date the texts give', async (ctx) => {
    if (reason) return ctx.skip();
    const { items } = await agreements(ts.store, { limit: 100 });
    const treaty = items.filter((a) => String(a.name).includes('Comprehensive Strategic Partnership'));
    expect(treaty).toHaveLength(1);
    expect(treaty[0]).toMatchObject({ parties: ['PRK', 'RUS'], signed: '2024-06-19', status: 'signed' });
    expect(new Set((treaty[0].evidence as { doc: string }[]).map((e) => e.doc)).size).toBe(2);
    expect(treaty[0].articles).toEqual([expect.objectContaining({ number: 4, topics: ['mutual-defense'] })]);
    // the charter's article is the charter's, on self-defence; and no state is its party
    const charter = items.find((a) => a.name === 'UN Charter')!;
    expect(charter).toMatchObject({ parties: [], articles: [expect.objectContaining({ number: 51, topics: ['self-defense'] })] });
    // China is named beside the treaty, never as its party
    for (const a of items) expect(a.parties).not.toContain('CHN');
  });

  it('flags each subject once per regime, listing its provisions, and not an act older than the regime', async (ctx) => {
    if (reason) return ctx.skip();
    const { items, total } = await complianceFlags(ts.store, { limit: 100 }, loadRegimes());
    expect(total).toBe(items.length);
    const keys = items.map((f) => `${f.subject}|${f.regime_id}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const f of items) {
      expect(f.regime_id).toBe('unsc-prk');
      expect(f.regime_name).toBe('UNSC DPRK sanctions');
      expect(f.provisions.length).toBeGreaterThan(0);
      // the first provision is the record's regime and provision, as the export has always said
      expect([f.regime, f.provision]).toEqual([f.provisions[0].resolution, f.provisions[0].provision]);
      expect(new Set(f.provisions.map((p) => `${p.resolution}|${p.provision}`)).size).toBe(f.provisions.length);
    }
    // the shells: one flag, the arms embargo with the resolutions that restate it
    const shells = items.find((f) => f.reason.includes('artillery shells'))!;
    expect(shells.provisions[0]).toMatchObject({ resolution: 'UNSCR 1718', provision: 'arms embargo' });
    expect(shells.provisions[0].also).toEqual(expect.arrayContaining(['UNSCR 2270']));
    // the fuel: the cap on refined petroleum, not the arms embargo
    const fuel = items.find((f) => f.reason.includes('fuel'))!;
    expect(fuel.provisions.map((p) => p.provision)).not.toContain('arms embargo');
    // the 2004 sale to Iran is in the ledger, and flagged by neither regime
    expect(items.some((f) => f.reason.includes('IRN'))).toBe(false);
    expect((await stats(ts.store, loadRegimes())).compliance).toBe(total);
  });

  it('answers the flags with their subject in words, filters them, and refuses bad input with a 400', async (ctx) => {
    if (reason) return ctx.skip();
    const all = await get('/api/compliance');
    expect(all.status).toBe(200);
    expect(all.body.items.length).toBeGreaterThan(0);
    for (const f of all.body.items) {
      expect(f.subject_label).toMatch(/^\S.* \(\w+\) → .* \(\w+\): /);
      expect(f.subject_label).not.toMatch(/\be_[0-9a-f]{6}|\bf_[0-9a-f]{6}/);
      expect(['event', 'flow']).toContain(f.subject_kind);
    }
    expect(all.body.items.find((f: { subject_label: string }) => f.subject_label.includes('artillery shells')).subject_label).toBe('North Korea (PRK) → Russia (RUS): artillery shells (arms, delivered)');
    const one = all.body.items[0];
    const bySubject = await get(`/api/compliance?subject=${one.subject}`);
    expect(bySubject.body.items.map((f: { id: string }) => f.id)).toEqual([one.id]);
    expect((await get('/api/compliance?regime=unsc-iran')).body).toMatchObject({ items: [], total: 0 });
    expect((await get('/api/compliance?regime=unsc-prk')).body.total).toBe(all.body.total);
    for (const bad of ['/api/compliance?regime=UNSC%20PRK!', '/api/compliance?limit=-1', '/api/compliance?offset=x', '/api/flows/dyads?actor=Nowhereland', '/api/flows/dyads?category=weapons', '/api/flows/dyads?limit=100000']) {
      expect((await get(bad)).status, bad).toBe(400);
    }
    expect((await get('/api/compliance?subject=%27%3B%20drop%20table%20compliance')).body.total).toBe(0);
    expect((await get('/api/agreements?limit=abc')).status).toBe(400);
  });

  it('gives a claim holder that names an actor the actor\'s id, so faces can say its name and code', async (ctx) => {
    if (reason) return ctx.skip();
    const r = await get('/api/claims?limit=50');
    expect(r.status).toBe(200);
    const china = r.body.items.find((c: { holder: string }) => c.holder === 'China');
    expect(china).toMatchObject({ holder_kind: 'quoted', holder_id: 'CHN' });
    expect(r.body.items.find((c: { holder: string }) => c.holder === 'Officials in Seoul')?.holder_id ?? null).toBeNull();
  });

  it('groups the ledger by dyad, both ways, with the evidence of each flow', async (ctx) => {
    if (reason) return ctx.skip();
    const { items, total } = await ledgerDyads(ts.store, { limit: 100 });
    expect(total).toBe(items.length);
    const rp = items.find((d) => d.a === 'PRK' && d.b === 'RUS')!;
    expect(rp).toMatchObject({ a_to_b: 1, b_to_a: 1, flows: 2 });
    expect(rp.items.map((f) => `${f.giver}>${f.receiver}:${f.item}`).sort()).toEqual(['PRK>RUS:artillery shells', 'RUS>PRK:fuel']);
    for (const f of rp.items) expect((f.evidence as { quote: string }[])[0].quote.length).toBeGreaterThan(10);
    const api = await get('/api/flows/dyads?actor=Iran');
    expect(api.status).toBe(200);
    expect(api.body.items.map((d: { a: string; b: string }) => [d.a, d.b])).toEqual([['IRN', 'PRK']]);
    expect((await get('/api/flows/dyads?actor=RUS&category=energy')).body.items[0].items.map((f: { item: string }) => f.item)).toEqual(['fuel']);
  });
});
