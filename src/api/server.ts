/**
 * The HTTP API (fastify; parameters validated with zod) and the dashboard's static files.
 * Lists answer { items, total }; a bad parameter is a 400 naming it; an unknown id a 404;
 * nothing ever answers a stack trace.
 */
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { z } from 'zod';
import { createCountryResolver } from '../app/countries.js';
import { isIsoDate } from '../app/dates.js';
import { exportJsonl } from '../app/export.js';
import { describeSubjects, loadLabels, resolveActorOrCountry } from '../app/labels.js';
import { loadRegimes } from '../app/regimes.js';
import { ingestRawBatch, ingestUpload } from '../app/ingest.js';
import type { Pipeline } from '../app/pipeline.js';
import type { DocumentGuard } from '../app/workers/guard.js';
import type { Store } from '../app/store.js';
import { dashboardDir } from '../app/web.js';
import { registerDocs, type OpenApiDoc } from './docs.js';
import { StatecraftError } from '../core/errors.js';
import { documentDetail } from '../query/detail.js';
import { listDocuments, searchSentences } from '../query/documents.js';
import { eventSeries, listActors, listEvents } from '../query/events.js';
import { agreements, claims, compliance, dyadSeries, ledger, ledgerDyads, network, stats } from '../query/views.js';

export interface ServerOptions {
  store: Store;
  /**
   * the document budget of uploads and local ingests (#14): each document is built and extracted
   * in this guard's thread, so the server's thread answers reads meanwhile and one pathological
   * document fails (E112, E113) instead of stalling it; without one, in the server's thread
   */
  guard?: DocumentGuard;
  /** needed only for uploads */
  pipeline?: () => Promise<Pipeline>;
  /** uploads are refused unless a token is set */
  token?: string | null;
  /**
   * the token a `statecraft ingest` of the same user sends to `POST /api/ingest` (written by
   * `serve` into the store's lock file, mode 0600); it allows that route only
   */
  localToken?: string | null;
  /** the built dashboard (default: the package's web/dist/, when built) */
  webDir?: string;
  logger?: boolean;
  /**
   * the host names (without port) requests may carry in their Host header; others answer 421
   * (no check when absent). `serve` passes the bound address and, on loopback, its local names.
   */
  allowedHosts?: string[];
  /**
   * keep the answers of GET /api/… until the next write through this server (default: on for the
   * embedded store, whose one owner is this process, so every write goes through here; off for
   * PostgreSQL, which other processes write). Identical requests in flight share one computation.
   */
  cache?: boolean;
  /**
   * shed load instead of queueing: when this many requests are already waiting for the store, a
   * further GET /api/… that needs it (not a kept answer, not one computed already in flight) answers
   * 503 with Retry-After at once. Default 8 on the embedded store (one connection: requests wait in
   * turn), none on PostgreSQL; 0 or Infinity turns it off. Uploads and local ingests are never shed.
   */
  maxWaiting?: number;
  /** where unexpected failures are written, one line each with the id the 500 body repeats (default stderr) */
  log?: (line: string) => void;
}

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

const isoDate = z.string().refine(isIsoDate, { message: 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD with a year from 1000 to 9999' });
/** names or codes, as users type them ("North Korea", "DPRK", "PRK"): built once, never changed */
const resolveCountry = createCountryResolver();
const toCountry = (s: string, ctx: z.RefinementCtx) => {
  try {
    return resolveCountry(s, 'country');
  } catch {
    ctx.addIssue({ code: 'custom', message: `"${s}" is not a country code or name (e.g. PRK or "North Korea")` });
    return z.NEVER;
  }
};
const country = z.string().trim().min(1).max(100).transform(toCountry);
/** a side of a flow: a country (code or name), an organisation's id ("org:un") or a named group's ("group:houthis") */
const party = z.string().trim().min(1).max(100).transform((s, ctx) => (s.startsWith('org:') || s.startsWith('group:') ? s : toCountry(s, ctx)));
const paging = {
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
};

export const SCHEMAS = {
  documents: z.object({ ...paging }),
  search: z.object({ q: z.string().trim().min(1, { message: 'give a search query' }).max(500), ...paging, limit: z.coerce.number().int().min(1).max(200).default(20) }),
  events: z.object({
    actor: z.string().min(1).optional(),
    country: country.optional(),
    dyad: z
      .string()
      .max(200)
      .regex(/^[^,]+,[^,]+$/, { message: 'expected two countries (codes, names or org: ids) separated by a comma, e.g. RUS,PRK' })
      .transform((s, ctx) => s.split(',').map((x) => (x.trim().startsWith('org:') ? x.trim() : toCountry(x, ctx))) as [string, string])
      .optional(),
    root: z.string().regex(/^(0[1-9]|1\d|20)$/, { message: 'expected a CAMEO root from 01 to 20' }).optional(),
    since: isoDate.optional(),
    until: isoDate.optional(),
    modality: z.enum(['factual', 'future', 'possible', 'negated', 'sought']).optional(),
    doc: z.string().optional(),
    sort: z.enum(['date', '-date', 'goldstein', '-goldstein']).default('-date'),
    ...paging,
  }),
  actors: z.object({ country: country.optional(), doc: z.string().optional(), ...paging }),
  series: z.object({ interval: z.enum(['week', 'month', 'year']).default('month'), since: isoDate.optional(), until: isoDate.optional() }),
  network: z.object({ since: isoDate.optional(), until: isoDate.optional(), min: z.coerce.number().int().min(1).max(1000).default(1) }),
  flows: z.object({ giver: party.optional(), receiver: party.optional(), category: z.enum(['arms', 'technology', 'food', 'energy', 'medicine', 'materials', 'troops', 'labor', 'finance', 'diplomatic-support', 'other']).optional(), ...paging }),
  claims: z.object({ holder: z.string().optional(), kind: z.enum(['assessment', 'motive', 'prediction', 'recommendation', 'disagreement']).optional(), about: country.optional(), ...paging }),
  flowDyads: z.object({ actor: party.optional(), category: z.enum(['arms', 'technology', 'food', 'energy', 'medicine', 'materials', 'troops', 'labor', 'finance', 'diplomatic-support', 'other']).optional(), ...paging }),
  compliance: z.object({
    doc: z.string().max(200).optional(),
    subject: z.string().max(200).optional(),
    regime: z.string().max(200).regex(/^[a-z0-9-]+$/, { message: 'expected a regime id from data/sanctions, e.g. unsc-prk' }).optional(),
    ...paging,
  }),
  page: z.object({ ...paging }),
};

/** what `statecraft ingest` sends to `POST /api/ingest`: documents as it read them, and its defaults */
const nullableText = z.string().max(100_000).nullable().optional();
const RAW_BATCH = z.object({
  documents: z.array(z.object({
    origin: z.string().max(10_000),
    locator: z.string().max(1000).optional(),
    text: z.string(),
    kind: z.enum(['plain', 'clean']),
    title: nullableText,
    source: nullableText,
    url: nullableText,
    published: nullableText,
    authors: z.array(z.string().max(1000)).max(1000).optional(),
    externalId: nullableText,
  })).max(100_000),
  defaults: z.object({ published: isoDate.nullable().optional(), source: nullableText, title: nullableText }).default({}),
});

class BadRequest extends Error {}

/** requests waiting for the store beyond which GET /api/… answers 503 (embedded store; `serve --max-waiting`) */
export const DEFAULT_MAX_WAITING = 8;
/** …or when the first in line has waited this long (ms): a slow store sheds sooner than a fast one */
const MAX_WAIT_MS = 300;

/** the requests load shedding may refuse: reads of the store (not the API's own documents, never a write) */
function sheddable(method: string, url: string): boolean {
  return (method === 'GET' || method === 'HEAD') && url.startsWith('/api/') && !url.startsWith('/api/docs') && !url.startsWith('/api/openapi');
}

/** the host name of a Host header, lower case, without port or IPv6 brackets */
function hostOf(h: string | undefined): string | null {
  if (!h) return null;
  const m = /^\[([^\]]+)\](?::\d+)?$/.exec(h) ?? /^([^:]+)(?::\d+)?$/.exec(h);
  return m ? m[1].toLowerCase() : null;
}

/** The names a server bound to `host` answers to: none to check for a wildcard bind (null). */
export function hostNames(host: string): string[] | null {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === '0.0.0.0' || h === '::' || h === '') return null;
  const loopback = ['localhost', '127.0.0.1', '::1'];
  return [...new Set([h, ...(loopback.includes(h) || h.startsWith('127.') ? loopback : [])])];
}

function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const param = issue.path.join('.') || 'query';
  const given = (input as Record<string, unknown> | undefined)?.[param];
  throw new BadRequest(`${param}${given !== undefined ? `=${String(given)}` : ''}: ${issue.message}`);
}

/** the GET routes whose answers depend only on the store and the URL (not the export: large, and read once) */
function cacheKey(method: string, url: string): string | null {
  if (method !== 'GET' || !url.startsWith('/api/') || url.startsWith('/api/export') || url.startsWith('/api/docs')) return null;
  return url;
}

/**
 * Answers (serialised JSON) by URL, dropped on every write; a request for a URL being computed
 * waits for that computation instead of starting its own. Bounded: the oldest answers go first.
 */
class AnswerCache {
  private readonly done = new Map<string, string>();
  private readonly pending = new Map<string, { promise: Promise<string | null>; resolve: (v: string | null) => void }>();
  constructor(private readonly max = 500) {}
  /** the kept answer, or the one being computed; null when there is none (then compute it) */
  async get(key: string): Promise<string | null> {
    const kept = this.done.get(key);
    if (kept !== undefined) return kept;
    return this.pending.get(key)?.promise ?? null;
  }
  /** this request computes `key`: the entry it finishes with (a later write or request does not mix it up) */
  start(key: string): object | undefined {
    if (this.pending.has(key)) return undefined;
    let resolve!: (v: string | null) => void;
    const promise = new Promise<string | null>((r) => (resolve = r));
    const entry = { promise, resolve };
    this.pending.set(key, entry);
    return entry;
  }
  /** the computed answer (null: not one to keep — an error, a 404); waiters get it or compute their own */
  finish(key: string, entry: object, answer: string | null): void {
    const p = this.pending.get(key);
    if (!p || p !== entry) return;
    this.pending.delete(key);
    if (answer !== null) {
      this.done.set(key, answer);
      if (this.done.size > this.max) this.done.delete(this.done.keys().next().value!);
    }
    p.resolve(answer);
  }
  /** after a write: nothing kept is current any more (computations in flight are not kept either) */
  clear(): void {
    this.done.clear();
    for (const [key, p] of this.pending) {
      this.pending.delete(key);
      p.resolve(null);
    }
  }
}

/** aborted when the client's connection closes before the answer is sent: a long upload stops with it */
function clientGone(reply: FastifyReply): AbortSignal {
  const ac = new AbortController();
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) ac.abort();
  });
  return ac.signal;
}

function notFound(reply: FastifyReply, what: string) {
  return reply.code(404).send({ error: 'not_found', message: what });
}

export async function createServer(opts: ServerOptions): Promise<FastifyInstance> {
  const { store } = opts;
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 8 * 1024 * 1024 });
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('Content-Security-Policy', CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    return payload;
  });
  const log = opts.log ?? ((line: string) => process.stderr.write(line + '\n'));
  // one pipeline for every upload (building one loads all the knowledge: seconds), made on first use
  let pipelineMade: Promise<Pipeline> | null = null;
  const pipeline = () =>
    (pipelineMade ??= opts.pipeline!().catch((e) => {
      pipelineMade = null;
      throw e;
    }));
  // DNS rebinding: a page on evil.example resolving to 127.0.0.1 sends Host: evil.example
  if (opts.allowedHosts) {
    const allowed = new Set(opts.allowedHosts.map((h) => h.toLowerCase()));
    app.addHook('onRequest', async (req, reply) => {
      const host = hostOf(req.headers.host);
      // the address the connection arrived on, as a literal, is never a rebound name
      const local = (req.socket.localAddress ?? '').replace(/^::ffff:/, '').toLowerCase();
      if (!host || !(allowed.has(host) || host === local)) return reply.code(421).send({ error: 'misdirected', message: `Host "${String(req.headers.host ?? '').slice(0, 200)}" is not a name of this server (${[...allowed].join(', ')}); start it with --host NAME to serve under another name` });
    });
  }
  // (after the Host check: a kept answer is no answer to a rebound name)
  // answers kept until the next write, and identical requests in flight computed once (see `cache`)
  const answers = opts.cache ?? store.kind === 'pglite' ? new AnswerCache() : null;
  // load shed: requests that would wait for the store beyond `maxWaiting` answer 503 at once
  const maxWaiting = opts.maxWaiting ?? (store.kind === 'pglite' ? DEFAULT_MAX_WAITING : 0);
  const shedding = maxWaiting > 0 && Number.isFinite(maxWaiting);
  // Store reads take turns: PGlite runs a query on this thread, so a request that reads the store runs to its end
  // before the server even parses the next; queued in the kernel, requests waited unseen (p99 3.4 s). Here they wait in
  // a line the server can count and cut: one read at a time (the store does one anyway), a turn for the event loop
  // between two (new requests are parsed, kept answers sent), and beyond `maxWaiting` in line, 503 at once.
  const line: { go: () => void; since: number }[] = [];
  let reading = 0;
  let shed = 0;
  // the next in line starts after a turn of the event loop, so requests already received join the line first
  const pump = () => {
    if (reading > 0 || !line.length) return;
    reading++;
    setImmediate(() => line.shift()!.go());
  };
  const next = () => {
    reading--;
    pump();
  };
  /** null: go ahead (counted until the connection closes); 'shed': refused with 503 */
  const admit = async (req: { url: string; method: string }, reply: FastifyReply): Promise<'shed' | null> => {
    if (!shedding || !sheddable(req.method, req.url)) return null;
    // too many in line, or the line moves too slowly (its first has waited half a second: the store is slow today)
    if (line.length >= maxWaiting || (line.length > 0 && performance.now() - line[0].since > MAX_WAIT_MS)) {
      if (++shed === 1 || shed % 1000 === 0) log(`${new Date().toISOString()} busy: ${line.length} requests waiting for the store, ${shed} answered 503 so far (--max-waiting ${maxWaiting})`);
      reply.code(503).header('Retry-After', '1').send({ error: 'busy', message: `the server is busy (${line.length} requests are waiting for the store); retry in a second` });
      return 'shed';
    }
    await new Promise<void>((go) => {
      line.push({ go, since: performance.now() });
      pump();
    });
    let done = false;
    reply.raw.once('close', () => {
      if (!done) next();
      done = true;
    });
    return null;
  };
  app.addHook('onRequest', async (req, reply) => {
    const key = answers ? cacheKey(req.method, req.url) : null;
    if (answers && key) {
      const hit = await answers.get(key);
      if (hit !== null) {
        (req as { fromCache?: boolean }).fromCache = true;
        return reply.type('application/json; charset=utf-8').send(hit);
      }
    }
    if ((await admit(req, reply)) === 'shed') return reply;
    if (answers && key) (req as { computing?: object }).computing = answers.start(key);
  });
  if (answers) {
    app.addHook('onSend', async (req, reply, payload) => {
      const key = cacheKey(req.method, req.url);
      const mine = (req as { computing?: object }).computing;
      if (key && mine) answers.finish(key, mine, reply.statusCode === 200 && typeof payload === 'string' ? payload : null);
      return payload;
    });
    app.addHook('onResponse', async (req) => {
      const key = cacheKey(req.method, req.url);
      const mine = (req as { computing?: object }).computing;
      if (key && mine) answers.finish(key, mine, null);
    });
  }
  app.setErrorHandler((err, req, reply) => {
    if (err instanceof BadRequest) return reply.code(400).send({ error: 'bad_request', message: err.message });
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status < 500) return reply.code(status).send({ error: 'bad_request', message: (err as Error).message });
    // a real failure: logged with an id the answer repeats, so a user's report finds the log line
    const id = randomBytes(6).toString('hex');
    const e = err as Error;
    log(`${new Date().toISOString()} error ${id} ${req.method} ${JSON.stringify(req.url.slice(0, 2000))}: ${(e?.stack ?? String(err)).replace(/\n\s*/g, ' | ')}`);
    return reply.code(500).send({ error: 'internal', id, message: `internal error ${id}: the server log has the details under this id` });
  });
  // no text a database can store holds a NUL byte: refuse it by name before any route sees it
  app.addHook('preValidation', async (req) => {
    for (const [where, values] of [['', req.query], ['path ', req.params]] as const) {
      for (const [name, v] of Object.entries((values ?? {}) as Record<string, unknown>)) {
        if ((Array.isArray(v) ? v : [v]).some((x) => typeof x === 'string' && x.includes('\0'))) throw new BadRequest(`${where}${name}: contains a NUL byte (%00), which no parameter may hold`);
      }
    }
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api')) return notFound(reply, `no endpoint ${req.method} ${req.url.split('?')[0]}`);
    if (webDir && req.method === 'GET') return reply.type('text/html').sendFile('index.html');
    return notFound(reply, 'not found');
  });

  app.get('/api/stats', async () => stats(store, loadRegimes()));
  app.get('/api/documents', async (req) => {
    const q = parse(SCHEMAS.documents, req.query);
    return listDocuments(store, q);
  });
  app.get('/api/documents/:id', async (req, reply) => {
    const { id } = req.params as { id: string };
    const d = await documentDetail(store, id);
    return d ?? notFound(reply, `no document ${id}`);
  });
  app.get('/api/search', async (req) => {
    const q = parse(SCHEMAS.search, req.query);
    const OPEN = '\u0002', CLOSE = '\u0003';
    const r = await searchSentences(store, q.q, { limit: q.limit, offset: q.offset, mark: [OPEN, CLOSE] });
    return {
      total: r.total,
      items: r.items.map((h) => {
        // highlights as offsets into a plain-text snippet: the client never parses markup
        const marks: [number, number][] = [];
        let snippet = '';
        let open = -1;
        for (const ch of h.snippet) {
          if (ch === OPEN) open = snippet.length;
          else if (ch === CLOSE) {
            if (open >= 0) marks.push([open, snippet.length]);
            open = -1;
          } else snippet += ch;
        }
        return { ...h, snippet, marks };
      }),
    };
  });
  /** actor= takes an id, a name or a country ("Russia"); an unknown one is a 400 that says so, as the CLI's E301 */
  const actorParam = async <T extends { actor?: string; country?: string }>(q: T): Promise<T> => {
    if (!q.actor) return q;
    try {
      const who = await resolveActorOrCountry(store, q.actor, 'actor');
      return { ...q, actor: who.actor, country: q.country ?? who.country };
    } catch (e) {
      if (e instanceof StatecraftError) throw new BadRequest(`actor=${q.actor}: ${e.message.replace(/^[^"]*"[^"]*": /, '')}`);
      throw e;
    }
  };
  app.get('/api/labels', async () => loadLabels(store));
  app.get('/api/events', async (req) => {
    const q = await actorParam(parse(SCHEMAS.events, req.query));
    return listEvents(store, q);
  });
  app.get('/api/events/series', async (req) => {
    const raw = req.query as Record<string, unknown>;
    const { interval } = parse(z.object({ interval: z.enum(['week', 'month', 'year']).default('month') }), { interval: raw.interval });
    const { interval: _omit, ...rest } = raw;
    const q = await actorParam(parse(SCHEMAS.events, rest));
    return eventSeries(store, q, interval);
  });
  app.get('/api/actors', async (req) => {
    const q = parse(SCHEMAS.actors, req.query);
    const all = await listActors(store, { country: q.country, doc: q.doc });
    return { items: all.slice(q.offset, q.offset + q.limit), total: all.length };
  });
  app.get('/api/dyads/:a/:b/series', async (req) => {
    const { a, b } = req.params as { a: string; b: string };
    const ca = parse(z.object({ a: country }), { a }).a;
    const cb = parse(z.object({ b: country }), { b }).b;
    const q = parse(SCHEMAS.series, req.query);
    return dyadSeries(store, ca, cb, q.interval, q.since, q.until);
  });
  app.get('/api/network', async (req) => {
    const q = parse(SCHEMAS.network, req.query);
    return network(store, q);
  });
  app.get('/api/flows', async (req) => ledger(store, parse(SCHEMAS.flows, req.query)));
  app.get('/api/flows/dyads', async (req) => ledgerDyads(store, parse(SCHEMAS.flowDyads, req.query)));
  app.get('/api/claims', async (req) => claims(store, parse(SCHEMAS.claims, req.query)));
  app.get('/api/agreements', async (req) => agreements(store, parse(SCHEMAS.page, req.query)));
  app.get('/api/compliance', async (req) => {
    const r = await compliance(store, parse(SCHEMAS.compliance, req.query), loadRegimes());
    return { ...r, items: await describeSubjects(store, r.items) };
  });
  app.get('/api/export', async (_req, reply) => {
    const lines: string[] = [];
    await exportJsonl(store, (l) => {
      lines.push(l);
    });
    reply.header('Content-Disposition', 'attachment; filename="statecraft-export.jsonl"');
    return reply.type('application/x-ndjson').send(lines.join('\n') + '\n');
  });
  // uploads: JSONL articles in the body; refused without the token set at start
  app.post('/api/documents', async (req, reply) => {
    if (!opts.token) return reply.code(403).send({ error: 'forbidden', message: 'uploads are disabled: start the server with --token or $STATECRAFT_TOKEN' });
    if (req.headers.authorization !== `Bearer ${opts.token}`) return reply.code(401).send({ error: 'unauthorized', message: 'send Authorization: Bearer <token>' });
    const body = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
    const r = await ingestUpload(store, pipeline, body, clientGone(reply), opts.guard).finally(() => answers?.clear());
    if (!r.read) throw new BadRequest(`body: ${r.message}`);
    return reply.code(201).send({ stored: r.stored, unchanged: r.unchanged, failed: r.failed });
  });
  // raw documents read by a local `statecraft ingest` while this server holds the embedded store
  app.post('/api/ingest', { bodyLimit: 64 * 1024 * 1024 }, async (req, reply) => {
    const tokens = [opts.localToken, opts.token].filter((t): t is string => !!t);
    if (!tokens.length) return reply.code(403).send({ error: 'forbidden', message: 'ingest through this server is disabled: it holds no local token and no --token' });
    if (!tokens.some((t) => req.headers.authorization === `Bearer ${t}`)) return reply.code(401).send({ error: 'unauthorized', message: 'send Authorization: Bearer <token>' });
    const body = parse(RAW_BATCH, req.body);
    const r = await ingestRawBatch(store, opts.guard ? null : await pipeline(), body.documents, body.defaults, clientGone(reply), opts.guard).finally(() => answers?.clear());
    return reply.code(200).send(r);
  });
  app.addContentTypeParser(['application/x-ndjson', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.get('/api/openapi.json', async () => openapi());
  registerDocs(app, openapi as () => OpenApiDoc);

  const webDir = dashboardDir(opts.webDir);
  if (webDir) {
    const fastifyStatic = (await import('@fastify/static')).default;
    await app.register(fastifyStatic, { root: webDir, prefix: '/', index: ['index.html'] });
  } else {
    app.get('/', async (_req, reply) => reply.type('text/html').send('<!doctype html><title>statecraft</title><p>The dashboard is not built: run <code>npm run build</code>. The API is at <a href="/api/docs">/api/docs</a>.</p>'));
  }
  return app;
}

function openapi() {
  const params = (schema: z.ZodObject) =>
    Object.entries((z.toJSONSchema(schema, { io: 'input' }) as { properties?: Record<string, unknown> }).properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: false, schema: s }));
  const list = { type: 'object', properties: { items: { type: 'array', items: { type: 'object' } }, total: { type: 'integer' } } };
  const ok = (description: string, schema: object = list) => ({ 200: { description, content: { 'application/json': { schema } } }, 400: { description: 'a bad parameter, named in `message`' }, 503: { description: 'busy: too many requests waiting for the embedded store; retry after the Retry-After seconds' } });
  const get = (summary: string, schema?: z.ZodObject, extra: object[] = []) => ({ get: { summary, parameters: [...extra, ...(schema ? params(schema) : [])], responses: ok(summary) } });
  const pathParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
  return {
    openapi: '3.1.0',
    info: { title: 'statecraft API', version: '0.1.0', description: 'A sourced model of the system of states described by the ingested documents. Every record points to its exact words.' },
    paths: {
      '/api/stats': get('counts, newest documents, most active dyads'),
      '/api/labels': get('names for ids and codes: actors (id → name), countries (ISO alpha-3 → name), CAMEO codes (code → codebook label)'),
      '/api/documents': get('documents', SCHEMAS.documents),
      '/api/documents/{id}': { get: { summary: 'one document with its sections and every record found in it', parameters: [pathParam('id')], responses: { 200: { description: 'the document' }, 404: { description: 'unknown id' } } } },
      '/api/search': get('full-text search over sentences', SCHEMAS.search),
      '/api/events': get('coded events', SCHEMAS.events),
      '/api/events/series': get('event counts by period (interval=week|month|year) and quad class, with the same filters as /api/events', SCHEMAS.events),
      '/api/actors': get('actors with mention counts', SCHEMAS.actors),
      '/api/dyads/{a}/{b}/series': get('counts by quad class and Goldstein sum per period for a pair of countries', SCHEMAS.series, [pathParam('a'), pathParam('b')]),
      '/api/network': { get: { summary: 'actors as nodes, weighted edges split into cooperation and conflict', parameters: params(SCHEMAS.network), responses: ok('the network', { type: 'object', properties: { nodes: { type: 'array' }, edges: { type: 'array' } } }) } },
      '/api/flows': get('the exchange ledger', SCHEMAS.flows),
      '/api/claims': get('claims', SCHEMAS.claims),
      '/api/agreements': get('agreements with their articles', SCHEMAS.page),
      '/api/compliance': get('compliance flags: one per event or flow and sanctions regime, with the provisions it may breach and the subject in words (subject_label)', SCHEMAS.compliance),
      '/api/flows/dyads': get('the ledger grouped by dyad: each pair of sides with its flows both ways and their evidence', SCHEMAS.flowDyads),
      '/api/export': { get: { summary: 'the JSONL export (CONTRACT.md)', responses: { 200: { description: 'JSON Lines', content: { 'application/x-ndjson': {} } } } } },
      '/api/ingest#post': { post: { summary: 'documents read by a local `statecraft ingest` while this server holds the embedded store (JSON: documents, defaults; the token in the store\'s lock file, or the upload token)', responses: { 200: { description: 'stored, unchanged, failed' }, 400: { description: 'a malformed body' }, 401: { description: 'wrong token' } } } },
      '/api/documents#post': { post: { summary: 'upload articles as JSONL (needs the token set at start: Authorization: Bearer <token>)', responses: { 201: { description: 'stored, unchanged, failed' }, 401: { description: 'wrong token' }, 403: { description: 'uploads disabled' } } } },
    },
  };
}

