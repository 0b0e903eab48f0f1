/** The queue's commands (#15): `ingest --queue` (enqueue), `worker`, `jobs [--retry]`. PostgreSQL stores only. */
import { Command, InvalidArgumentError, Option } from 'commander';
import { enqueuePaths, listJobs, retryDeadLetters, runWorker, type QueueJobOptions } from '../app/queue.js';
import type { IngestOptions } from '../app/ingest.js';
import { resolveLocation, withStore } from '../app/store.js';
import { threadsAvailable } from '../app/workers/pool.js';
import { table } from './format.js';
import { documentLine, type Io } from './options.js';

function wholeArg(min: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`expected a whole number from ${min}`);
    return n;
  };
}

/** the options `ingest` takes for `--queue` */
export function queueOptions(cmd: Command): Command {
  return cmd
    .option('--queue', 'enqueue the documents read on the PostgreSQL store\'s job queue for `statecraft worker`s instead of storing them here')
    .option('--retries <n>', 'with --queue: tries after the first for a document that fails (backoff doubles from --retry-delay)', wholeArg(0))
    .option('--retry-delay <s>', 'with --queue: seconds before the first retry', wholeArg(1))
    .option('--job-timeout <s>', 'with --queue: seconds a worker has for a document once taken; then it is retried elsewhere (default 300)', wholeArg(1));
}

/** `ingest --queue …`: enqueue, print the read failures and one summary line */
export async function enqueueCommand(io: Io, state: { code: number }, paths: string[], o: Record<string, unknown>, opts: IngestOptions): Promise<void> {
  const url = resolveLocation(o.db as string | undefined);
  const r = await enqueuePaths(url, paths, { ...opts, onDocument: undefined, retries: o.retries as number, retryDelay: o.retryDelay as number, jobTimeout: o.jobTimeout as number } as IngestOptions & QueueJobOptions);
  for (const f of r.failed) documentLine(io, 'failed', f);
  if (o.json) io.out(JSON.stringify({ queued: r.queued.length, failed: r.failed.map(({ line, ...f }) => f), seconds: r.seconds }, null, 2));
  else io.out(`${r.queued.length} queued, ${r.failed.length} failed (${r.seconds.toFixed(1)} s): run \`statecraft worker --db …\` to store them`);
  if (r.failed.length) state.code = 1;
}

export function registerQueue(program: Command, io: Io, state: { code: number }, db: () => Option): void {
  program
    .command('worker')
    .description('store the documents `ingest --queue` put on the PostgreSQL job queue, until stopped (Ctrl-C, SIGTERM); run as many as you like, on any machine')
    .addOption(db())
    .option('--concurrency <n>', 'documents extracted at a time: above 1, in N-1 threads beside this one', wholeArg(1), 1)
    .option('--batch <n>', 'jobs taken at a time and written in one transaction', wholeArg(1), 20)
    .option('--until-empty', 'stop once no job is waiting, retrying or running')
    .option('--quiet', 'no line a document, only the summary')
    .action(async (o) => {
      if (o.concurrency > 1 && !threadsAvailable()) throw new InvalidArgumentError('--concurrency above 1 needs the compiled CLI (npm run build)');
      const url = resolveLocation(o.db);
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        const r = await withStore(url, (store) =>
          runWorker(store, url, {
            concurrency: o.concurrency,
            batch: o.batch,
            untilEmpty: o.untilEmpty,
            signal: stop.signal,
            onDocument: o.quiet ? undefined : (k, what) => documentLine(io, k, what),
          }));
        io.out(`${r.stored} stored, ${r.unchanged} unchanged, ${r.failed} failed (${r.seconds.toFixed(1)} s)`);
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });

  program
    .command('jobs')
    .description('the PostgreSQL job queue: jobs by state, and the dead letters (documents that failed every try) with why')
    .addOption(db())
    .option('--retry', 'send every dead letter back to the queue')
    .option('--retries <n>', 'with --retry: tries after the first (default 3)', wholeArg(0))
    .option('--retry-delay <s>', 'with --retry: seconds before the first retry (default 5)', wholeArg(1))
    .option('--json', 'print JSON')
    .action(async (o) => {
      const url = resolveLocation(o.db);
      if (o.retry) {
        const n = await retryDeadLetters(url, { retries: o.retries, retryDelay: o.retryDelay });
        io.out(o.json ? JSON.stringify({ retried: n }) : `${n} dead letter${n === 1 ? '' : 's'} sent back to the queue`);
        return;
      }
      const r = await listJobs(url);
      if (o.json) {
        io.out(JSON.stringify(r, null, 2));
        return;
      }
      const states = Object.entries(r.states).map(([k, v]) => `${k} ${v}`).join(', ');
      io.out(`ingest queue: ${states || 'no jobs'}`);
      if (!r.dead.length) io.out('no dead letters');
      else {
        io.out(`${r.dead.length} dead letter${r.dead.length === 1 ? '' : 's'} (statecraft jobs --retry sends them back):`);
        io.out(table(r.dead.map((d) => ({ ...d, origin: d.locator ? `${d.origin}#${d.locator}` : d.origin })) as never, ['failed', 'origin', 'message'], { max: { origin: 50, message: 90 } }));
      }
    });
}
