/** The HTTP API, in process (app.inject), against every store driver. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../src/api/server.js';
import { ingestPaths } from '../src/app/ingest.js';
import { createDefaultPipeline } from '../src/app/pipeline.js';
import type { TestStore } from './support/stores.js';

export function apiSuite(name: string, open: () => Promise<TestStore>, skipReason: () => Promise<string | null>) {
  describe(`api: ${name}`, () => {
    let ts: TestStore | null = null;
    let app: FastifyInstance;
    let reason: string | null = null;
    const get = async (url: string) => {
      const r = await app.inject({ method: 'GET', url });
      return { status: r.statusCode, body: r.headers['content-type']?.toString().startsWith('application/json') ? r.json() : r.body, headers: r.headers };
    };

    beforeAll(async () => {
      reason = await skipReason();
      if (reason) {
        console.warn(`[api ${name}] skipped: ${reason}`);
        return;
      }
      ts = await open();
      await ingestPaths(ts.store, await createDefaultPipeline(), ['samples/corpus']);
      app = await createServer({ store: ts.store, token: 'sekret', pipeline: createDefaultPipeline });
    });
    afterAll(async () => {
      await app?.close();
      await ts?.dispose();
    });

    it('lists documents and answers one with its records', async (ctx) => {
      if (reason) return ctx.skip();
      const list = await get('/api/documents?limit=5');
      expect(list.status).toBe(200);
      expect(list.body.items).toHaveLength(5);
      expect(list.body.total).toBeGreaterThanOrEqual(15);
      const one = await get(`/api/documents/${list.body.items[0].id}`);
      expect(one.status).toBe(200);
      expect(one.body.text.length).toBe(one.body.chars);
      for (const k of ['sections', 'sentences', 'mentions', 'events', 'claims', 'flows', 'agreements']) expect(Array.isArray(one.body[k])).toBe(true);
      for (const m of one.body.mentions) expect(one.body.text.slice(m.span[0], m.span[1])).toBe(m.text);
      expect((await get('/api/documents/d_nope')).status).toBe(404);
    });

    it('searches with offsets for highlights, never markup', async (ctx) => {
      if (reason) return ctx.skip();
      const r = await get('/api/search?q=treaty');
      expect(r.status).toBe(200);
      expect(r.body.total).toBeGreaterThan(0);
      const hit = r.body.items[0];
      expect(hit.marks.length).toBeGreaterThan(0);
      for (const [a, b] of hit.marks) expect(hit.snippet.slice(a, b).toLowerCase()).toContain('treat');
      expect((await get('/api/search?q=')).status).toBe(400);
    });

    it('filters events and rejects bad parameters by name', async (ctx) => {
      if (reason) return ctx.skip();
      const all = await get('/api/events?limit=1000');
      expect(all.status).toBe(200);
      expect(all.body.total).toBeGreaterThan(10);
      const dyad = await get('/api/events?dyad=RUS,PRK&limit=1000');
      expect(dyad.body.items.length).toBeGreaterThan(0);
      for (const e of dyad.body.items) expect([e.source_country, e.target_country].sort()).toEqual(['PRK', 'RUS']);
      const root = await get('/api/events?root=04');
      for (const e of root.body.items) expect(e.root).toBe('04');
      const since = await get('/api/events?since=2024-01-01&until=2024-12-31&sort=date');
      for (const e of since.body.items) if (e.date) expect(e.date >= '2024' && e.date <= '2024-12-31').toBe(true);
      const mod = await get('/api/events?modality=factual');
      for (const e of mod.body.items) expect(e.modality).toBe('factual');
      const page2 = await get('/api/events?limit=2&offset=2');
      expect(page2.body.items).toHaveLength(2);
      expect((await get('/api/events?dyad=RUS')).body.message).toMatch(/^dyad=RUS: /);
      expect((await get('/api/events?since=yesterday-ish')).body.message).toMatch(/^since=yesterday-ish: /);
      expect((await get('/api/events?root=42')).status).toBe(400);
      expect((await get('/api/events?modality=maybe')).status).toBe(400);
      expect((await get('/api/events?limit=0')).status).toBe(400);
    });

    it('counts events by period and quad class on the server', async (ctx) => {
      if (reason) return ctx.skip();
      const r = await get('/api/events/series?interval=year&country=PRK');
      expect(r.status).toBe(200);
      expect(r.body.items.length).toBeGreaterThan(0);
      for (const p of r.body.items) expect(p.start).toMatch(/^\d{4}-01-01$/);
      const list = await get('/api/events?country=PRK&limit=1');
      expect(r.body.events).toBe(list.body.total);
      expect(r.body.charted + r.body.left_out).toBe(r.body.events);
      expect((await get('/api/events/series?interval=decade')).status).toBe(400);
      expect((await get('/api/events/series?dyad=RUS')).status).toBe(400);
    });

    it('answers actors, dyad series and the network', async (ctx) => {
      if (reason) return ctx.skip();
      const actors = await get('/api/actors?country=PRK');
      expect(actors.body.items.length).toBeGreaterThan(0);
      for (const a of actors.body.items) expect(a.country).toBe('PRK');
      const series = await get('/api/dyads/RUS/PRK/series?interval=year');
      expect(series.status).toBe(200);
      expect(series.body.items.length).toBeGreaterThan(0);
      for (const p of series.body.items) expect(p.events).toBe(p.quad1 + p.quad2 + p.quad3 + p.quad4);
      expect((await get('/api/dyads/RUS/P/series')).status).toBe(400);
      expect((await get('/api/dyads/RUS/PRK/series?interval=decade')).status).toBe(400);
      const net = await get('/api/network?since=2018&until=2025');
      expect(net.body.nodes.length).toBeGreaterThan(1);
      const ids = new Set(net.body.nodes.map((n: { id: string }) => n.id));
      for (const e of net.body.edges) {
        expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
        expect(e.coop + e.conflict).toBe(e.events);
      }
    });

    it('answers the ledger, claims, agreements and compliance as lists', async (ctx) => {
      if (reason) return ctx.skip();
      for (const path of ['/api/flows', '/api/claims', '/api/agreements', '/api/compliance']) {
        const r = await get(path);
        expect(r.status).toBe(200);
        expect(Array.isArray(r.body.items)).toBe(true);
        expect(typeof r.body.total).toBe('number');
      }
      expect((await get('/api/flows?category=weapons')).status).toBe(400);
      expect((await get('/api/claims?kind=rumour')).status).toBe(400);
      const stats = await get('/api/stats');
      expect(stats.body.documents).toBeGreaterThanOrEqual(15);
      expect(stats.body.dyads.length).toBeGreaterThan(0);
    });

    it('names ids and codes, takes names for actors and flow sides, and says when a value is unknown (#16)', async (ctx) => {
      if (reason) return ctx.skip();
      const l = await get('/api/labels');
      expect(l.status).toBe(200);
      expect(l.body.actors.PRKGOV).toBe('Government of North Korea');
      expect(l.body.actors['person:kim-jong-un']).toBe('Kim Jong Un');
      expect(l.body.countries.SVK).toBe('Slovakia');
      expect(l.body.cameo['0862']).toBe('receive inspectors');
      // "Russia", "Russian" and "RUS" in the actor field are the same filter: any actor of Russia
      const totals = await Promise.all(['RUS', 'Russia', 'Russian', 'russia'].map(async (a) => (await get(`/api/events?actor=${a}&limit=1`)).body.total));
      expect(totals[0]).toBeGreaterThan(0);
      expect(new Set(totals).size).toBe(1);
      const kim = await get('/api/events?actor=Kim%20Jong%20Un&limit=100');
      expect(kim.status).toBe(200);
      expect(kim.body.items.every((e: { source: string; target: string }) => [e.source, e.target].includes('person:kim-jong-un'))).toBe(true);
      const bad = await get('/api/events?actor=Ruritania');
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/^actor=Ruritania: not a known actor or country/);
      expect((await get('/api/events/series?actor=Ruritania')).status).toBe(400);
      const flows = await get('/api/flows?giver=North%20Korea');
      expect(flows.status).toBe(200);
      expect(flows.body.items.length).toBeGreaterThan(0);
      for (const f of flows.body.items) expect(f.giver).toBe('PRK');
      expect((await get('/api/flows?giver=Nowhereland')).status).toBe(400);
      const co = await get('/api/compliance');
      for (const c of co.body.items) expect(c.subject_label).toMatch(/ → /);
    });

    it('serves a styled docs page with a way back and escaped text (#16)', async (ctx) => {
      if (reason) return ctx.skip();
      const page = await get('/api/docs');
      expect(page.status).toBe(200);
      const html = String(page.body);
      expect(html).toContain('<link rel="stylesheet" href="/api/docs.css">');
      expect(html).toMatch(/<a class="back" href="\/">/);
      expect(html).toContain('Bearer &lt;token&gt;');
      expect(html).not.toMatch(/Bearer <token>/);
      expect(html).toContain('/api/labels');
      const css = await get('/api/docs.css');
      expect(css.status).toBe(200);
      expect(String(css.headers['content-type'])).toMatch(/^text\/css/);
    });

    it('serves the export, the OpenAPI document and safe headers', async (ctx) => {
      if (reason) return ctx.skip();
      const ex = await get('/api/export');
      expect(ex.status).toBe(200);
      const lines = String(ex.body).trim().split('\n').map((l) => JSON.parse(l));
      expect(lines[0].type).toBe('meta');
      const oa = await get('/api/openapi.json');
      expect(oa.body.openapi).toMatch(/^3\./);
      expect(Object.keys(oa.body.paths)).toContain('/api/events');
      expect(oa.headers['content-security-policy']).toContain("script-src 'self'");
      expect((await get('/api/docs')).status).toBe(200);
      const nf = await get('/api/nothing-here');
      expect(nf.status).toBe(404);
      expect(JSON.stringify(nf.body)).not.toMatch(/at .*\.js/);
    });

    it('accepts uploads only with the token', async (ctx) => {
      if (reason) return ctx.skip();
      const body = JSON.stringify({ title: 'Upload test', date: '2025-02-03', text: 'Japan and India held talks in Tokyo on Monday about maritime security in the region and agreed to meet again.' });
      const anon = await app.inject({ method: 'POST', url: '/api/documents', payload: body, headers: { 'content-type': 'application/x-ndjson' } });
      expect(anon.statusCode).toBe(401);
      const ok = await app.inject({ method: 'POST', url: '/api/documents', payload: body, headers: { 'content-type': 'application/x-ndjson', authorization: 'Bearer sekret' } });
      expect(ok.statusCode).toBe(201);
      expect(ok.json().stored).toHaveLength(1);
      const again = await app.inject({ method: 'POST', url: '/api/documents', payload: body, headers: { 'content-type': 'application/x-ndjson', authorization: 'Bearer sekret' } });
      expect(again.json().unchanged).toHaveLength(1);
    });
  });
}
