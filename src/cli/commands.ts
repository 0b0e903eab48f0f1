/** Commands over extracted records: code, events, actors, reprocess, eval, start. */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Option, type Command } from 'commander';
import { StatecraftError } from '../core/errors.js';
import { codeText } from '../app/code.js';
import { createCountryResolver } from '../app/countries.js';
import { cameoLabel, describeSubjects, loadLabels, nameOf, resolveActorOrCountry, type Labels } from '../app/labels.js';
import { evalFile, type EventEvalReport } from '../app/eval.js';
import { evalLedgerFile, formatLedger, isLedgerGold } from '../app/ledger-eval.js';
import { evalFrames, isFrameGold } from '../app/frames.js';
import { formatTriage, triageFile } from '../app/triage.js';
import { reprocess } from '../app/reprocess.js';
import { loadRegimes } from '../app/regimes.js';
import { ingestPaths } from '../app/ingest.js';
import { createDefaultPipeline } from '../app/pipeline.js';
import { createGuard, DEFAULT_BUDGET, guardAvailable } from '../app/workers/guard.js';
import { withStore, type Store } from '../app/store.js';
import { listDocuments } from '../query/documents.js';
import { listActors, listEvents, type EventFilter } from '../query/events.js';
import { agreements, claims, compliance, ledger, ledgerDyads } from '../query/views.js';
import { csv, table } from './format.js';
import { announceNewStore, documentLine, isoDateArg, summaryLine, type Io } from './options.js';

const EVENT_COLS = ['date', 'source', 'cameo', 'target', 'modality', 'form', 'goldstein', 'quote'];

/** where a local client reaches a server bound to `addr` (a wildcard bind is reached on loopback) */
function localUrl(addr: AddressInfo | string | null): string {
  if (!addr || typeof addr === 'string') throw new Error(`the server has no TCP address (${addr})`);
  const host = addr.address === '0.0.0.0' ? '127.0.0.1' : addr.address === '::' ? '::1' : addr.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${addr.port}`;
}

/** the values the API accepts for a claim's kind and a flow's category: the CLI refuses the rest the same way */
const CLAIM_KINDS = ['assessment', 'motive', 'prediction', 'recommendation', 'disagreement'];
const FLOW_CATEGORIES = ['arms', 'technology', 'food', 'energy', 'medicine', 'materials', 'troops', 'labor', 'finance', 'diplomatic-support', 'other'];

/** an option's value, one of the allowed ones, or an E301 error that lists them */
function oneOf(v: string | undefined, option: string, allowed: string[]): string | undefined {
  if (v === undefined) return undefined;
  if (!allowed.includes(v)) throw new StatecraftError('E301', `${option} "${v}": expected one of ${allowed.join(', ')}`);
  return v;
}

/** one side of an event as tables show it: the name first, the actor code beside it ("Kim Jong Un PRK", "Government of Russia RUSGOV") */
function side(l: Labels, id: unknown, country: unknown): string {
  const key = (id ?? country) as string | null;
  if (!key) return '—';
  const name = nameOf(l, key);
  const code = /^[A-Z]{3}/.test(key) ? key : ((country as string | null) ?? '');
  return code && code !== name ? `${name} ${code}` : name;
}

/** events as tables show them: names first, CAMEO codes with their own label */
function eventRows(l: Labels, items: Record<string, unknown>[]): Record<string, unknown>[] {
  return items.map((e) => ({ ...e, source: side(l, e.source, e.source_country), target: side(l, e.target, e.target_country), cameo: cameoLabel(l, e.cameo as string) }));
}

export function registerExtended(program: Command, io: Io, _state: { code: number }, db: () => Option): void {
  // built on first use: commands without a country option never read world-countries
  let resolve: ReturnType<typeof createCountryResolver> | undefined;
  const country = (v: string, option: string) => (resolve ??= createCountryResolver())(v, option);
  program
    .command('code')
    .description('code one sentence and show why: the pattern matched and the actors found')
    .argument('<sentence>')
    .option('--date <date>', 'publication date the sentence is read against', isoDateArg)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (sentence: string, o) => {
      const x = codeText(await createDefaultPipeline(), sentence, o.date ?? new Date().toISOString().slice(0, 10));
      if (o.format === 'json') {
        io.out(JSON.stringify({ mentions: x.mentions, events: x.events }, null, 2));
        return;
      }
      io.out('actors:');
      for (const m of x.mentions) io.out(`  "${m.text}" [${m.span[0]},${m.span[1]}) → ${m.actor}${m.country ? ` (${m.country}${m.role ? ' ' + m.role : ''})` : m.org ? ` (${m.org})` : ''}  via ${m.via}`);
      if (!x.mentions.length) io.out('  (none)');
      io.out('events:');
      for (const e of x.events) {
        io.out(`  ${e.source} → ${e.target ?? '—'}  ${e.cameo} (root ${e.root}, ${e.plover ?? 'no PLOVER type'}, Goldstein ${e.goldstein}, quad ${e.quad})  ${e.modality}, ${e.form}, date ${e.date ?? 'none'}${e.location ? `, at ${e.location.name}` : ''}${e.attributed_to ? `, attributed to ${e.attributed_to}` : ''}`);
        io.out(`    why: ${e.reason}`);
        io.out(`    words: "${e.quote}"`);
      }
      if (!x.events.length) io.out('  (none)');
    });

  program
    .command('events')
    .description('list coded events')
    .addOption(db())
    .option('--actor <actor>', 'source or target actor: an id, a name, or a country (PRKGOV, "Kim Jong Un", Russia)')
    .option('--country <country>', 'source or target country (ISO alpha-3 code or name: PRK, "North Korea")')
    .option('--dyad <A,B>', 'events between two countries, either direction (codes or names: RUS,PRK or "Russia,North Korea")')
    .option('--root <nn>', 'CAMEO root code (01–20)')
    .option('--since <date>', 'from this date', isoDateArg)
    .option('--until <date>', 'up to this date', isoDateArg)
    .addOption(new Option('--modality <m>', 'modality').choices(['factual', 'future', 'possible', 'negated', 'sought']))
    .option('--doc <id>', 'from one document')
    .option('--limit <n>', 'how many', (v) => parseInt(v, 10), 200)
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .action(async (o) => {
      let dyad: [string, string] | undefined;
      if (o.dyad) {
        const parts = String(o.dyad).split(',').map((s) => s.trim());
        if (parts.length !== 2) throw new StatecraftError('E301', `--dyad "${o.dyad}": expected two countries separated by a comma, e.g. RUS,PRK`);
        dyad = [country(parts[0], '--dyad'), country(parts[1], '--dyad')];
      }
      if (o.root && !/^(0[1-9]|1\d|20)$/.test(o.root)) throw new StatecraftError('E301', `--root "${o.root}": expected a CAMEO root 01–20`);
      await withStore(o.db, async (store) => {
        // --actor takes an actor id, its name, or a country ("Russia", "Russian", "RUS"); unknown is an E301 error
        const who = o.actor ? await resolveActorOrCountry(store, o.actor, '--actor') : {};
        const f: EventFilter = { actor: who.actor, country: o.country ? country(o.country, '--country') : who.country, dyad, root: o.root, since: o.since, until: o.until, modality: o.modality, doc: o.doc, limit: o.limit };
        const { items, total } = await listEvents(store, f);
        if (o.format === 'json') io.out(JSON.stringify({ items, total }, null, 2));
        else if (o.format === 'csv') io.out(csv(items, Object.keys(items[0] ?? { id: 1 })));
        else {
          io.out(table(eventRows(await loadLabels(store), items), EVENT_COLS, { max: { quote: 60, source: 32, target: 32, cameo: 30 } }));
          io.out(`${total} event${total === 1 ? '' : 's'}${total > items.length ? ` (${items.length} shown)` : ''}`);
        }
      });
    });

  program
    .command('actors')
    .description('list actors with mention counts')
    .addOption(db())
    .option('--doc <id>', 'in one document')
    .option('--country <country>', 'of one country (ISO alpha-3 code or name)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .action(async (o) =>
      withStore(o.db, async (store) => {
        const items = await listActors(store, { doc: o.doc, country: o.country ? country(o.country, '--country') : undefined });
        const cols = ['name', 'id', 'kind', 'country', 'org', 'role', 'mentions', 'documents', 'aliases'];
        if (o.format === 'json') io.out(JSON.stringify(items, null, 2));
        else if (o.format === 'csv') io.out(csv(items as never, cols));
        else io.out(table(items as never, cols, { max: { aliases: 50, name: 32 } }));
      }));

  type Row = Record<string, unknown>;
  const listCommand = (name: string, description: string, colsOf: string[] | ((o: Record<string, string>) => string[]), fetch: (store: Store, o: Record<string, string>) => Promise<{ items: Row[]; total: number }>, options: [string, string][] = [], named?: (l: Labels, r: Row) => Row) => {
    const c = program.command(name).description(description).addOption(db());
    for (const [flag, desc] of options) c.option(flag, desc);
    c.addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table')).action(async (o) =>
      withStore(o.db, async (store) => {
        const { items, total } = await fetch(store, o);
        const cols = typeof colsOf === 'function' ? colsOf(o) : colsOf;
        const flat = items.map((r) => ({
          ...r,
          evidence: Array.isArray(r.evidence) ? r.evidence.length : r.evidence,
          articles: Array.isArray(r.articles) ? (r.articles as { number: number }[]).map((a) => a.number).join(', ') : r.articles,
          provisions: Array.isArray(r.provisions) ? (r.provisions as { resolution: string; provision: string }[]).map((p) => `${p.provision} (${p.resolution})`).join('; ') : r.provisions,
        }));
        if (o.format === 'json') io.out(JSON.stringify({ items, total }, null, 2));
        else if (o.format === 'csv') io.out(csv(flat, cols));
        else {
          // tables show names first (issue #16); json and csv keep the ids
          const l = named ? await loadLabels(store) : undefined;
          io.out(table(l && named ? flat.map((r) => named(l, r)) : flat, cols, { max: { quote: 70, reason: 60, summary: 60, name: 50, subject: 70, holder: 40, provisions: 90, flows: 90 } }));
          io.out(`${total} ${o.byDyad ? 'dyads' : name === 'compliance' ? 'compliance flags' : name}`);
        }
      }));
  };
  listCommand('claims', 'claims: assessments, motives, predictions, recommendations, disagreements', ['holder', 'kind', 'about', 'likelihood', 'wep', 'quote'],
    (st, o) => claims(st, { holder: o.holder, kind: oneOf(o.kind, '--kind', CLAIM_KINDS), about: o.about ? country(o.about, '--about') : undefined, limit: 10000 }),
    [['--holder <name>', 'who holds it'], ['--kind <kind>', 'assessment|motive|prediction|recommendation|disagreement'], ['--about <country>', 'a country it concerns']],
    (l, r) => ({ ...r, holder: side(l, r.holder_id ?? r.holder, null), about: (r.about as string[]).map((a) => nameOf(l, a)) }));
  listCommand('ledger', 'the exchange ledger: what flows from whom to whom (--by-dyad: grouped by pair of sides, with the evidence)',
    (o) => (o.byDyad ? ['a', 'b', 'a_to_b', 'b_to_a', 'evidence', 'flows'] : ['giver', 'receiver', 'item', 'category', 'status', 'evidence']),
    async (st, o) => {
      const category = oneOf(o.category, '--category', FLOW_CATEGORIES);
      if (!o.byDyad) return ledger(st, { giver: o.giver ? country(o.giver, '--giver') : undefined, receiver: o.receiver ? country(o.receiver, '--receiver') : undefined, category, limit: 10000 });
      if (o.giver || o.receiver) throw new StatecraftError('E301', '--by-dyad takes --actor, not --giver or --receiver');
      const r = await ledgerDyads(st, { actor: o.actor ? country(o.actor, '--actor') : undefined, category, limit: 10000 });
      return { ...r, items: r.items.map((d) => ({ ...d, evidence: d.evidence_count })) };
    },
    [['--giver <country>', 'who gives'], ['--receiver <country>', 'who receives'], ['--category <c>', 'arms, technology, food, energy, …'], ['--by-dyad', 'one row per pair of sides, its flows both ways with their evidence'], ['--actor <country>', 'with --by-dyad: the pairs with this side']],
    (l, r) =>
      'a' in r
        ? {
            ...r,
            a: r.a ? side(l, r.a, null) : 'unknown',
            b: r.b ? side(l, r.b, null) : 'unknown',
            flows: (r.items as Row[]).map((f) => `${f.giver === r.a ? '→' : '←'} ${f.item} (${f.status}, ${(f.evidence as unknown[]).length})`).join('; '),
          }
        : { ...r, giver: r.giver ? side(l, r.giver, null) : 'unknown', receiver: r.receiver ? side(l, r.receiver, null) : 'unknown' });
  listCommand('agreements', 'named treaties and agreements with their parties, dates and articles', ['name', 'parties', 'signed', 'status', 'articles', 'evidence'],
    (st) => agreements(st, { limit: 10000 }), [], (l, r) => ({ ...r, parties: (r.parties as string[]).map((p) => side(l, p, null)) }));
  listCommand('compliance', 'compliance flags: one per event or flow and sanctions regime, with the provisions it may breach', ['subject', 'regime_name', 'provisions', 'evidence'],
    async (st, o) => {
      const r = await compliance(st, { limit: 10000, regime: o.regime }, loadRegimes());
      return { ...r, items: await describeSubjects(st, r.items) };
    }, [['--regime <id>', 'one regime, by its id in data/sanctions (unsc-prk, unsc-iran)']], (_l, r) => ({ ...r, subject: r.subject_label }));

  program
    .command('reprocess')
    .description('re-run extraction over stored documents after the knowledge files change (no re-ingest)')
    .addOption(db())
    .action(async (o) =>
      withStore(o.db, async (store) => {
        const pipeline = await createDefaultPipeline();
        const r = await reprocess(store, pipeline);
        io.out(`reprocessed ${r.documents} documents: ${r.events} events, ${r.mentions} mentions (${r.seconds.toFixed(1)} s)`);
      }));

  program
    .command('eval')
    .description('score the coder on a gold file (event gold as in the PETRARCH-2 GSR, or actor-mention gold)')
    .argument('<gold>')
    .option('--misses <n>', 'how many misses to list', (v) => parseInt(v, 10), 30)
    .option('--why-missed', 'event gold: group the misses by cause (no actor, no trigger, no frame, governed, wrong sense, wrong actor, other), with examples')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (file: string, o) => {
      if (o.whyMissed) {
        const t = await triageFile(file, o.misses);
        io.out(o.format === 'json' ? JSON.stringify(t, null, 2) : formatTriage(t));
        return;
      }
      if (isFrameGold(file)) {
        const f = await evalFrames(file);
        if (o.format === 'json') io.out(JSON.stringify(f, null, 2));
        else {
          const rate = (x: { scored: number; right: number; rate: number }) => `${x.rate.toFixed(3)}  (${x.right}/${x.scored})`;
          io.out(`${file}: ${f.items} sentences, ${f.frames} frames (${f.located} predicates found); actor arguments right:`);
          io.out(`  subject  ${rate(f.subject)}\n  object   ${rate(f.object)}\n  agent    ${rate(f.agent)}`);
          io.out(`misses (${f.misses.length}):`);
          for (const m of f.misses.slice(0, o.misses)) io.out(`  ${m.id} ${m.predicate} ${m.role}: gold "${m.gold}", read "${m.got}"`);
        }
        return;
      }
      if (isLedgerGold(file)) {
        const l = await evalLedgerFile(file);
        if (o.format === 'json') io.out(JSON.stringify(l, null, 2));
        else {
          io.out(formatLedger(file, l));
          if (o.misses > 0) io.out(`misses (${l.misses.length} reports):`);
          for (const m of l.misses.slice(0, o.misses)) for (const x of [...m.flows_missing.map((v) => `flow missed ${v}`), ...m.flows_spurious.map((v) => `flow spurious ${v}`), ...m.claims_missing.map((v) => `claim missed ${v}`), ...m.claims_spurious.map((v) => `claim spurious ${v}`)]) io.out(`  ${m.id}  ${x}`);
        }
        return;
      }
      const { kind, report: r } = await evalFile(file);
      if (o.format === 'json') {
        io.out(JSON.stringify(r, null, 2));
        return;
      }
      const line = (name: string, s: { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number }) =>
        `${name.padEnd(14)} P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}   (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
      const what = { mentions: 'actor mentions', events: 'events on (source, target, root)', claims: 'claims on kind', flows: 'flows on (giver, receiver, category)', agreements: 'agreements on name' }[kind];
      io.out(`${file}: ${r.items} items (${what})`);
      io.out(line('overall', r.overall));
      if ('attributes' in r) {
        io.out('of the matched, how many agree on:');
        for (const [a, v] of Object.entries((r as { attributes: Record<string, { rate: number; agree: number; of: number }> }).attributes)) io.out(`  ${a.padEnd(26)} ${v.rate.toFixed(3)}  (${v.agree}/${v.of})`);
      }
      if (kind === 'events') {
        const ev = r as EventEvalReport;
        io.out(line('full code', ev.full_code));
        io.out('by root:');
        for (const [k2, s] of Object.entries(ev.by_root)) io.out('  ' + line(k2, s));
        io.out('by modality (a match counts only with the expected modality):');
        for (const [k2, s] of Object.entries(ev.by_modality)) io.out('  ' + line(k2, s));
      }
      io.out('by category:');
      for (const [k2, s] of Object.entries(r.by_category)) io.out('  ' + line(k2, s));
      io.out(`misses (${r.misses.length}):`);
      for (const m of r.misses.slice(0, o.misses)) io.out(`  ${m.id}: ${m.text.slice(0, 110)}\n     missing ${m.missing.join(', ') || '—'}; spurious ${m.spurious.join(', ') || '—'}`);
      if (r.refused?.length) {
        io.out(`refused by ingest's builder, scored as predicting nothing (${r.refused.length}):`);
        for (const x of r.refused) io.out(`  ${x.id}: ${x.reason}`);
      }
    });

  const serveOptions = (c: Command) =>
    c
      .addOption(db())
      .option('--port <n>', 'port', (v) => parseInt(v, 10), 8787)
      .option('--host <host>', 'interface to bind (127.0.0.1 keeps it on this machine)', '127.0.0.1')
      .option('--token <token>', 'allow uploads (POST /api/documents) with this bearer token (or $STATECRAFT_TOKEN)')
      .option('--max-waiting <n>', 'embedded store: answer 503 with Retry-After when this many requests already wait for the store (0: queue them all)', (v) => parseInt(v, 10))
      .option('--doc-timeout <s>', 'seconds one uploaded document may take to build and extract (E112 over it)', (v) => Number(v), DEFAULT_BUDGET.timeoutMs / 1000)
      .option('--doc-memory <mb>', 'heap of the extraction thread in MB (E113 over it)', (v) => parseInt(v, 10), DEFAULT_BUDGET.memoryMb);

  async function serve(store: Store, o: { port: number; host: string; token?: string; maxWaiting?: number; docTimeout: number; docMemory: number }) {
    const { createServer, hostNames } = await import('../api/server.js');
    // the embedded store's lock tells a local `ingest` where we listen and a token for POST /api/ingest (lock file mode 0600)
    const localToken = store.advertise ? randomBytes(24).toString('hex') : null;
    // uploads and local ingests are extracted in a budgeted thread (#14): reads go on meanwhile, a pathological document fails alone (started on the first upload)
    const budget = { timeoutMs: Number.isFinite(o.docTimeout) && o.docTimeout >= 0 ? o.docTimeout * 1000 : DEFAULT_BUDGET.timeoutMs, memoryMb: Number.isInteger(o.docMemory) && o.docMemory >= 0 ? o.docMemory : DEFAULT_BUDGET.memoryMb };
    const guard = guardAvailable() ? createGuard(budget) : undefined;
    const app = await createServer({ store, token: o.token ?? process.env.STATECRAFT_TOKEN ?? null, localToken, pipeline: createDefaultPipeline, guard, log: (l) => io.err(l), allowedHosts: hostNames(o.host) ?? undefined, maxWaiting: o.maxWaiting });
    app.addHook('onClose', async () => guard?.close());
    const url = await app.listen({ port: o.port, host: o.host });
    if (store.advertise && localToken) store.advertise({ url: localUrl(app.server.address()), token: localToken });
    io.out(`statecraft is serving ${store.kind === 'pglite' ? store.location : 'the PostgreSQL store'} at ${url.replace('[::1]', 'localhost')}/  (API: ${url}/api/docs; Ctrl-C to stop)`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        app.close().then(() => resolve());
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  }

  serveOptions(program.command('serve').description('serve the JSON API under /api and the dashboard at /')).action(async (o) => withStore(o.db, (store) => serve(store, o), { role: 'serve' }));

  serveOptions(program
    .command('start')
    .description('the main job: ingest the sample corpus into the store if it is empty, show what it holds, and serve the dashboard'))
    .option('--no-serve', 'only ingest and print')
    .action(async (o) => {
      // the first `npm start` creates ./.statecraft: say so before the seconds it takes (#16)
      announceNewStore(io, o.db);
      return withStore(o.db, async (store) => {
        const { total } = await listDocuments(store, { limit: 1 });
        if (total === 0) {
          const samples = new URL('../../samples/corpus/', import.meta.url).pathname;
          io.out(`empty store: ingesting the sample corpus from ${samples}`);
          const r = await ingestPaths(store, await createDefaultPipeline(), [samples], { onDocument: (k, what) => documentLine(io, k, what) });
          io.out(summaryLine(r));
        }
        const docs = await listDocuments(store);
        io.out(table(docs.items as never, ['id', 'published', 'title', 'sentences'], { max: { title: 60 } }));
        const ev = await listEvents(store, { limit: 15 });
        io.out(`\n${ev.total} events; the newest:`);
        const labels = await loadLabels(store);
        io.out(table(eventRows(labels, ev.items), EVENT_COLS, { max: { quote: 50, source: 28, target: 28, cameo: 28 } }));
        const acts = await listActors(store, {});
        io.out(`\n${acts.length} actors; the most mentioned:`);
        io.out(table(acts.slice(0, 12) as never, ['name', 'id', 'kind', 'country', 'mentions'], {}));
        io.out('\nTry: npx statecraft search "treaty"   npx statecraft events --dyad RUS,PRK   npx statecraft code "Putin visited Pyongyang on Wednesday."');
        if (o.serve) await serve(store, o);
      }, { role: o.serve ? 'serve' : undefined });
    });
}
