/**
 * No 500 on ordinary input (#14): a real server on a real (embedded) store, every route and
 * parameter of its OpenAPI document fuzzed with fast-check over HTTP; the inputs that used to
 * answer 500 (a NUL byte in a text parameter, the years 0000 and 0050) answer 400 naming the
 * parameter; a real failure is logged with an id the answer repeats.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/api/server.js';
import { ingestPaths } from '../src/app/ingest.js';
import { createDefaultPipeline } from '../src/app/pipeline.js';
import { openStore, type Store } from '../src/store/store.js';

const dir = mkdtempSync(path.join(tmpdir(), 'statecraft-fuzz-'));
let store: Store;
let app: FastifyInstance;
let base: string;
const logged: string[] = [];
let docId: string;

interface Param {
  name: string;
  in: 'query' | 'path';
  schema?: { enum?: string[]; type?: string };
}
let routes: { path: string; method: 'get' | 'post'; params: Param[] }[] = [];

beforeAll(async () => {
  store = await openStore(path.join(dir, 'db'));
  await ingestPaths(store, await createDefaultPipeline(), ['samples/corpus']);
  app = await createServer({ store, token: 'sekret', localToken: 'local', pipeline: createDefaultPipeline, log: (l) => logged.push(l) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { parameters?: Param[] }>> };
  routes = Object.entries(doc.paths).flatMap(([p, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path: p.replace(/#post$/, ''), method: method as 'get' | 'post', params: op.parameters ?? [] })));
  docId = (await (await fetch(`${base}/api/documents?limit=1`)).json()).items[0].id;
});
afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** percent-encode the UTF-8 bytes of a string (lone surrogates become U+FFFD, as a browser sends them) */
const enc = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`)).join('');
/** raw bytes, not necessarily UTF-8 (%FF, %C0%80, %00) */
const rawBytes = fc.uint8Array({ maxLength: 24 }).map((a) => [...a].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));

/** a parameter value as it goes on the wire: already encoded */
function valueFor(p: Param): fc.Arbitrary<string> {
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'binary-ascii', maxLength: 40 }),
    fc.string({ maxLength: 3000 }),
    fc.constantFrom('', ' ', '\0', 'a\0b', 'RUS', 'PRK', 'RUS,PRK', 'Russia,North Korea', 'org:un', ',', ',,', 'null', 'undefined', '[]', '{}', "'; DROP TABLE events; --", '%', '\\', '"quoted" OR -x', '*', 'd_', docId),
    fc.constantFrom('0000', '0050', '0050-02', '0000-01-01', '9999-12-31', '1000', '2024-02-30', '2024-13', '2023-02-29', '2024-02-29', '+002024', '-0001', '2024-1-1', '10000'),
    fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
    fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map(String),
  ).map(enc);
  const options = [text, rawBytes];
  if (p.schema?.enum) options.push(fc.constantFrom(...p.schema.enum).map(enc));
  return fc.oneof(...options);
}

describe('fuzzing every route and parameter (fast-check, over HTTP)', () => {
  it('answers no status ≥ 500 to any GET', async () => {
    const gets = routes.filter((r) => r.method === 'get');
    expect(gets.length).toBeGreaterThanOrEqual(14);
    const request = fc.integer({ min: 0, max: gets.length - 1 }).chain((i) => {
      const r = gets[i];
      const pathParams = r.params.filter((p) => p.in === 'path');
      const query = r.params.filter((p) => p.in === 'query');
      return fc.record({
        route: fc.constant(r),
        path: fc.tuple(...pathParams.map((p) => valueFor(p))),
        query: fc.array(fc.oneof(
          fc.constantFrom(...(query.length ? query : [{ name: 'x', in: 'query' } as Param])).chain((p) => valueFor(p).map((v) => `${enc(p.name)}=${v}`)),
          fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })).map(([k, v]) => `${enc(k)}=${enc(v)}`),
          rawBytes,
        ), { maxLength: 5 }),
      });
    });
    const bad: string[] = [];
    await fc.assert(
      fc.asyncProperty(request, async ({ route, path: values, query }) => {
        let i = 0;
        const url = `${route.path.replace(/\{[^}]+\}/g, () => values[i++] || 'x')}${query.length ? `?${query.join('&')}` : ''}`;
        const res = await fetch(base + url);
        const body = await res.text();
        if (res.status >= 500) bad.push(`${res.status} GET ${url} → ${body.slice(0, 200)}`);
        return res.status < 500;
      }),
      { numRuns: 1500, seed: Number(process.env.FUZZ_SEED ?? 1414) },
    ).catch((e) => {
      throw new Error(`${bad.join('\n')}\n${(e as Error).message.slice(0, 2000)}`);
    });
    expect(bad).toEqual([]);
    expect(logged).toEqual([]);
  });

  it('answers no status ≥ 500 to uploads and local ingests, with or without the token', async () => {
    const body = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.json({ maxDepth: 3 }),
      fc.record({ text: fc.string({ unit: 'binary', maxLength: 200 }), title: fc.option(fc.string({ unit: 'binary' })), date: fc.option(fc.string()) }).map((o) => JSON.stringify(o)),
      fc.record({
        documents: fc.array(fc.record({ origin: fc.string(), text: fc.string({ unit: 'binary', maxLength: 200 }), kind: fc.constantFrom('plain', 'clean', 'other'), published: fc.option(fc.string({ maxLength: 12 })) }), { maxLength: 3 }),
        defaults: fc.record({ published: fc.option(fc.constantFrom('0000', '2024-05', 'x', '0050-02')) }),
      }).map((o) => JSON.stringify(o)),
    );
    const req = fc.record({
      path: fc.constantFrom('/api/documents', '/api/ingest'),
      auth: fc.constantFrom(undefined, 'Bearer sekret', 'Bearer local', 'Bearer nope', 'sekret'),
      type: fc.constantFrom('application/json', 'application/x-ndjson', 'text/plain', 'application/octet-stream', 'multipart/form-data'),
      body,
    });
    const bad: string[] = [];
    await fc.assert(
      fc.asyncProperty(req, async (r) => {
        const res = await fetch(base + r.path, { method: 'POST', headers: { 'content-type': r.type, ...(r.auth ? { authorization: r.auth } : {}) }, body: r.body });
        const text = await res.text();
        if (res.status >= 500) bad.push(`${res.status} POST ${r.path} ${r.type} ${JSON.stringify(r.body).slice(0, 200)} → ${text.slice(0, 200)}`);
        return res.status < 500;
      }),
      { numRuns: 120, seed: Number(process.env.FUZZ_SEED ?? 1414) },
    ).catch((e) => {
      throw new Error(`${bad.join('\n')}\n${(e as Error).message.slice(0, 2000)}`);
    });
    expect(bad).toEqual([]);
    expect(logged).toEqual([]);
  });
});

describe('the inputs that answered 500', () => {
  const get = async (url: string) => {
    const res = await fetch(base + url);
    return { status: res.status, body: await res.json() };
  };

  it('a NUL byte in any text parameter or document id is a 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['/api/events?actor=a%00b', 'actor'],
      ['/api/events?doc=%00', 'doc'],
      ['/api/events/series?actor=%00', 'actor'],
      ['/api/actors?doc=d_%00', 'doc'],
      ['/api/search?q=treaty%00', 'q'],
      ['/api/flows?giver=%00', 'giver'],
      ['/api/flows?receiver=RUS%00', 'receiver'],
      ['/api/claims?holder=%00x', 'holder'],
      ['/api/events?country=RUS%00', 'country'],
      [`/api/documents/${'d_%00'}`, 'path id'],
      ['/api/dyads/RUS/PRK%00/series', 'path b'],
    ];
    for (const [url, name] of cases) {
      const r = await get(url);
      expect(r.status, url).toBe(400);
      expect(r.body.message, url).toContain(`${name}: contains a NUL byte`);
    }
  });

  it('the years 0000 and 0050 in since/until are a 400 with a clear message; until=0050-02 never becomes 1950', async () => {
    for (const route of ['/api/events', '/api/events/series', '/api/network', '/api/dyads/RUS/PRK/series']) {
      for (const q of ['since=0000', 'until=0000-01-01', 'since=0050', 'until=0050-02', 'until=0999-12-31']) {
        const r = await get(`${route}?${q}`);
        expect(r.status, `${route}?${q}`).toBe(400);
        expect(r.body.message).toMatch(/^(since|until)=0\d{3}.*: expected a date as YYYY, YYYY-MM or YYYY-MM-DD with a year from 1000 to 9999/);
      }
      expect((await get(`${route}?since=1000&until=9999-12`)).status).toBe(200);
    }
  });

  it('a real failure answers 500 with an id, and the server log has a line with that id', async () => {
    const lines: string[] = [];
    const broken = await openStore(path.join(dir, 'broken'));
    const app2 = await createServer({ store: broken, log: (l) => lines.push(l) });
    await broken.close(); // every query now fails: a real failure, not a bad request
    const res = await app2.inject({ method: 'GET', url: '/api/stats' });
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body.id).toMatch(/^[0-9a-f]{12}$/);
    expect(body.message).toContain(body.id);
    expect(body.message).not.toMatch(/\bat .*\.(js|ts):\d+/); // no stack trace in the answer
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`error ${body.id} GET "/api/stats"`);
    await app2.close();
  });
});

describe('the Host header (DNS rebinding)', () => {
  it('a server bound to loopback answers its own names and refuses others with 421', async () => {
    const { hostNames } = await import('../src/api/server.js');
    expect(hostNames('0.0.0.0')).toBe(null);
    expect(hostNames('127.0.0.1')).toEqual(['127.0.0.1', 'localhost', '::1']);
    const guarded = await createServer({ store, allowedHosts: hostNames('127.0.0.1')!, log: (l) => logged.push(l) });
    await guarded.listen({ port: 0, host: '127.0.0.1' });
    const port = (guarded.server.address() as AddressInfo).port;
    try {
      const ask = (host: string) => new Promise<number>((resolve, reject) => {
        // fetch does not let a page (or a test) set Host: a raw request does
        import('node:http').then(({ request }) => request({ host: '127.0.0.1', port, path: '/api/stats', headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        }).on('error', reject).end());
      });
      expect(await ask(`127.0.0.1:${port}`)).toBe(200);
      expect(await ask(`localhost:${port}`)).toBe(200);
      expect(await ask(`evil.example:${port}`)).toBe(421);
    } finally {
      await guarded.close();
    }
  });
});
