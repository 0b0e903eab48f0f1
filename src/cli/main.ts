/** The `statecraft` command line: thin — parse, call app/ (use cases) or query/ (reads), format. */
import { createWriteStream } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { StatecraftError } from '../core/errors.js';
import { createDefaultPipeline } from '../app/pipeline.js';
import { ingestPaths, ingestThroughServer, type IngestOptions, type IngestReport } from '../app/ingest.js';
import { exportJsonl } from '../app/export.js';
import { StoreBusyError, withStore } from '../app/store.js';
import { getDocument, listDocuments, searchSentences } from '../query/documents.js';
import { csv, progressBar, table } from './format.js';
import { announceNewStore, defaultIo, documentLine, formatOption, isoDateArg, summaryLine, type Io } from './options.js';
import { registerExtended } from './commands.js';
import { enqueueCommand, queueOptions, registerQueue } from './queue.js';
import { availableParallelism } from 'node:os';
import { createExtractPool, threadsAvailable } from '../app/workers/pool.js';
import { DEFAULT_BUDGET } from '../app/workers/guard.js';

/** `--threads`: a whole number from 1; above 1 only where the compiled worker exists */
function threadsArg(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number from 1');
  if (n > 1 && !threadsAvailable()) throw new InvalidArgumentError('above 1 needs the compiled CLI (npm run build); running from the sources, use --threads 1');
  return n;
}

/** `--doc-timeout`: seconds, 0 for none */
function secondsArg(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected seconds (0: no time budget)');
  return n;
}

/** `--doc-memory`: MB of heap, 0 for Node's default */
function megabytesArg(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || (n !== 0 && n < 128)) throw new InvalidArgumentError('expected a whole number of MB from 128 (the knowledge alone takes about 100), or 0 for no cap');
  return n;
}

export { formatOption, isoDateArg, summaryLine, type Io };

export function buildProgram(io: Io = defaultIo, state: { code: number } = { code: 0 }): Command {
  const program = new Command('statecraft')
    .description('Read expert commentary and news about international politics; build a sourced model of the system of states it describes.')
    .version('0.1.0')
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .exitOverride();
  const db = () => new Option('--db <location>', 'store: a directory (embedded PGlite) or postgres://… (default $STATECRAFT_DB or ./.statecraft)');

  queueOptions(program
    .command('ingest'))
    .description('read files, directories (recursively) or - (stdin) into the store')
    .argument('<paths...>')
    .addOption(db())
    .option('--published <date>', 'publication date for documents that carry none', isoDateArg)
    .option('--source <name>', 'publisher for documents that carry none')
    .option('--title <title>', 'title for documents that carry none')
    .addOption(new Option('--stdin-format <fmt>', 'format of stdin').choices(['txt', 'md', 'html', 'jsonl', 'csv']).default('txt'))
    .option('--text-field <name>', 'JSONL/CSV field holding the text (default text|content|body)')
    .option('--title-field <name>', 'JSONL/CSV field holding the title')
    .option('--date-field <name>', 'JSONL/CSV field holding the date')
    .option('--url-field <name>', 'JSONL/CSV field holding the URL')
    .option('--id-field <name>', 'JSONL/CSV field holding the id')
    .option('--authors-field <name>', 'JSONL/CSV field holding the authors')
    .option('--json', 'print a machine-readable summary')
    // default: the cores, one of them the writer's (2 cores: 1 extraction thread; measured, README #15); from the sources 1
    .option('--threads <n>', `extraction threads, beside this one that reads and writes (default: the cores less one, here ${Math.max(1, availableParallelism() - 1)}); 1 with --doc-timeout 0 --doc-memory 0 does all in process`, threadsArg, threadsAvailable() ? Math.max(1, availableParallelism() - 1) : 1)
    // bounded work per document (#14): each document is built and extracted in an extraction thread that is stopped when it overruns
    .option('--doc-timeout <s>', 'seconds one document may take to build and extract; over it the document fails with E112 and the others go on (0: none; with --doc-memory 0 and --threads 1, all in process)', secondsArg, DEFAULT_BUDGET.timeoutMs / 1000)
    .option('--doc-memory <mb>', 'heap of the extraction thread in MB; a document that needs more fails with E113 and the others go on (0: no cap)', megabytesArg, DEFAULT_BUDGET.memoryMb)
    .option('--batch <n>', 'documents written in one transaction (a batch that fails is written again one by one)', (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number from 1');
      return n;
    }, 50)
    .action(async (paths: string[], o) => {
      const opts: IngestOptions = {
        threads: o.threads,
        batch: o.batch,
        published: o.published, source: o.source, title: o.title, format: o.stdinFormat,
        fields: { text: o.textField, title: o.titleField, date: o.dateField, url: o.urlField, id: o.idField, authors: o.authorsField },
      };
      if (o.queue) return enqueueCommand(io, state, paths, o, opts);
      // progress as it goes (#16): each document's line as soon as it is stored, on a terminal or not;
      // on a terminal a bar on stderr under the lines
      const bar = o.json ? undefined : progressBar();
      if (!o.json) {
        opts.onProgress = bar;
        opts.onDocument = (outcome, what) => {
          bar?.clear();
          documentLine(io, outcome, what);
        };
        announceNewStore(io, o.db);
      }
      // the document budget needs the compiled extraction thread; from the sources (vitest) all runs in process
      if ((opts.threads! > 1 || o.docTimeout > 0 || o.docMemory > 0) && threadsAvailable()) opts.guard = createExtractPool(opts.threads!, { timeoutMs: o.docTimeout * 1000, memoryMb: o.docMemory });
      let report: IngestReport;
      try {
        // a `serve` that has just started gets a few seconds to say where it listens
        report = await withStore(o.db, async (store) => ingestPaths(store, opts.threads! > 1 || opts.guard ? null : await createDefaultPipeline(), paths, opts), { waitForServeMs: 30_000 });
      } catch (e) {
        // the embedded store is held by a running `serve`: the documents go through it (and its budget)
        if (!(e instanceof StoreBusyError) || !e.holder.api || !e.sameHost) throw e;
        io.err(`statecraft: the store is held by \`statecraft serve\` (pid ${e.holder.pid}); sending the documents through it at ${e.holder.api.url}`);
        report = await ingestThroughServer(e.holder.api, paths, opts);
      } finally {
        await opts.guard?.close();
      }
      if (o.json) io.out(JSON.stringify({ stored: report.stored, unchanged: report.unchanged, failed: report.failed.map(({ line, ...f }) => f), seconds: report.seconds }, null, 2));
      else {
        io.out(summaryLine(report));
      }
      if (report.failed.length) state.code = 1;
    });

  program
    .command('docs')
    .description('list stored documents')
    .addOption(db())
    .addOption(formatOption(['table', 'json', 'csv'], 'table'))
    .action(async (o) =>
      withStore(o.db, async (store) => {
        const { items } = await listDocuments(store);
        const cols = ['id', 'published', 'title', 'authors', 'source', 'sentences', 'chars'];
        if (o.format === 'json') io.out(JSON.stringify(items, null, 2));
        else if (o.format === 'csv') io.out(csv(items as never, cols));
        else io.out(table(items as never, cols, { max: { title: 50, authors: 30, id: 24 } }));
      }));

  program
    .command('show')
    .description('print a document: title, authors, sections and the normalised text (offsets index into it)')
    .argument('<doc>', 'document id or a unique prefix')
    .addOption(db())
    .option('--json', 'print the whole record as JSON')
    .option('--dropped', 'also list what the reader dropped from the page (menus, banners, footers, captions, bylines, repeated paragraphs), each with its reason')
    .action(async (id: string, o) =>
      withStore(o.db, async (store) => {
        const d = await getDocument(store, id);
        if (!d) throw new StatecraftError('E202', `no document "${id}" (or the prefix is not unique)`);
        if (o.json) {
          io.out(JSON.stringify(d, null, 2));
          return;
        }
        io.out(`# ${d.title ?? '(untitled)'}`);
        io.out(`id: ${d.id}\npublished: ${d.published ?? 'unknown'}\nsource: ${d.source ?? 'unknown'}\nauthors: ${d.authors.join(', ') || 'unknown'}\norigin: ${d.origin}\nsentences: ${d.sentences}  chars: ${d.chars}`);
        if (d.sections.length) {
          io.out('sections:');
          d.sections.forEach((s, i) => io.out(`  ${i + 1}. ${s.title}${s.authors.length ? ` — ${s.authors.join(', ')}` : ''}  [${s.span[0]}, ${s.span[1]})`));
        }
        io.out('');
        io.out(d.text);
        if (o.dropped) {
          io.out('\n--- dropped ---');
          for (const x of d.dropped) io.out(`[${x.reason}] ${x.text}`);
          if (!d.dropped.length) io.out('(nothing: the whole input is the article)');
        }
      }));

  program
    .command('search')
    .description('full-text search over sentences ("phrases", OR, -word), ranked, with highlighted snippets')
    .argument('<query>')
    .addOption(db())
    .option('--limit <n>', 'how many hits', (v) => parseInt(v, 10), 20)
    .addOption(formatOption(['text', 'json'], 'text'))
    .action(async (query: string, o) =>
      withStore(o.db, async (store) => {
        const r = await searchSentences(store, query, { limit: o.limit, mark: process.stdout.isTTY ? ['\x1b[1;33m', '\x1b[0m'] : ['«', '»'] });
        if (o.format === 'json') {
          io.out(JSON.stringify(r, null, 2));
          return;
        }
        for (const h of r.items) io.out(`${h.doc} #${h.sentence} [${h.span[0]},${h.span[1]})  ${h.published ?? ''}  ${h.title ?? ''}\n    ${h.snippet}`);
        io.out(`${r.total} matching sentence${r.total === 1 ? '' : 's'}${r.total > r.items.length ? ` (first ${r.items.length} shown)` : ''}`);
      }));

  program
    .command('export')
    .description('write everything the store holds as JSON Lines (see docs/CONTRACT.md)')
    .addOption(db())
    .addOption(new Option('--format <format>', 'export format').choices(['jsonl']).default('jsonl'))
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (o) =>
      withStore(o.db, async (store) => {
        if (o.out) {
          const ws = createWriteStream(o.out);
          const counts = await exportJsonl(store, (l) => {
            if (!ws.write(l + '\n')) return new Promise<void>((res) => ws.once('drain', () => res()));
          });
          await new Promise<void>((res, rej) => ws.end((e?: Error | null) => (e ? rej(e) : res())));
          io.err(`wrote ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')} to ${o.out}`);
        } else {
          await exportJsonl(store, (l) => io.out(l));
        }
      }));

  program
    .command('knowledge')
    .description('the knowledge files under data/')
    .command('check')
    .description('check every knowledge file against its schema and cross-references; print errors and a coverage summary (exit 1 on errors)')
    .addOption(formatOption(['text', 'json'], 'text'))
    .option('--data <dir>', "knowledge directory (default: the repository's data/)")
    .action(async (o) => {
      const { knowledgeCheck } = await import('../app/knowledge.js');
      const r = knowledgeCheck(o.data, o.format);
      io.out(r.text);
      if (r.code) state.code = r.code;
    });

  registerExtended(program, io, state, db);
  registerQueue(program, io, state, db);
  return program;
}

/** Run the CLI; returns the exit code. */
export async function run(argv: string[], io: Io = defaultIo): Promise<number> {
  const state = { code: 0 };
  const program = buildProgram(io, state);
  try {
    await program.parseAsync(argv);
    return state.code;
  } catch (e) {
    const err = e as { code?: string; exitCode?: number; message?: string };
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
    if (typeof err.code === 'string' && err.code.startsWith('commander.')) return err.exitCode ?? 2;
    if (e instanceof StatecraftError) {
      io.err(`statecraft: ${e.describe()}`);
      return 2;
    }
    io.err(`statecraft: ${err.message ?? e}`);
    return 2;
  }
}
