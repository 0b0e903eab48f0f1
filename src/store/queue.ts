/**
 * The job queue on a PostgreSQL store (#15), on pg-boss (its own schema, `pgboss`, beside
 * statecraft's tables): the ingest queue and its dead letters. Only this file talks to pg-boss;
 * src/app/queue.ts says what the jobs are and how a worker stores them.
 */
import PgBoss from 'pg-boss';
import { StatecraftError } from '../core/errors.js';
import { isServerUrl, redactLocation } from './store.js';

export const INGEST_QUEUE = 'statecraft-ingest';
export const DEAD_LETTERS = 'statecraft-ingest-dead';

export interface JobSendOptions {
  retries: number;
  retryDelay: number;
  jobTimeout: number;
}

export interface QueuedJob<T> {
  id: string;
  data: T;
}

export interface DeadLetterRow<T> {
  id: string;
  data: T | null;
  output: { message?: string; value?: { message?: string } } | null;
  created_on: Date;
}

export interface JobQueue<T> {
  /** enqueue payloads (one job each) */
  insert(data: T[], o: JobSendOptions): Promise<void>;
  /** `concurrency` pollers taking up to `batch` jobs at a time; jobs the handler does not fail complete when it returns */
  work(opts: { batch: number; pollSeconds: number; concurrency: number }, handler: (jobs: QueuedJob<T>[]) => Promise<void>): Promise<void>;
  /** fail a job taken (retried, after its last try a dead letter) with why */
  fail(id: string, output: { code: string; message: string }): Promise<void>;
  /** jobs waiting, retrying or running */
  pending(): Promise<number>;
  /** the ingest queue's jobs by state */
  states(): Promise<Record<string, number>>;
  deadLetters(): Promise<DeadLetterRow<T>[]>;
  /** every dead letter back on the queue as a new job (sent, then deleted); how many */
  retryDeadLetters(o: JobSendOptions): Promise<number>;
  /** graceful: let running handlers finish first */
  close(graceful?: boolean): Promise<void>;
}

/** pg-boss on `url`, its schema installed and both queues made if not there yet; `supervise`: expire the jobs of dead workers (every 10 s) */
export async function openQueue<T extends object>(url: string, opts: { supervise?: boolean } = {}): Promise<JobQueue<T>> {
  if (!isServerUrl(url)) throw new StatecraftError('E201', 'the job queue needs a PostgreSQL store (--db postgres://…): workers on other machines share it', { file: redactLocation(url) });
  const boss = new PgBoss({ connectionString: url, max: 3, application_name: 'statecraft', schedule: false, supervise: opts.supervise ?? false, maintenanceIntervalSeconds: 10 });
  boss.on('error', () => {
    /* a poll that failed is tried again at the next interval */
  });
  try {
    await boss.start();
    await boss.createQueue(DEAD_LETTERS);
    await boss.createQueue(INGEST_QUEUE, { name: INGEST_QUEUE, deadLetter: DEAD_LETTERS, retryBackoff: true });
  } catch (e) {
    await boss.stop({ graceful: false, wait: false }).catch(() => undefined);
    throw new StatecraftError('E201', `the job queue could not be opened: ${(e as Error).message}`, { file: redactLocation(url) });
  }
  const db = boss.getDb();
  const sendOptions = (o: JobSendOptions) => ({ retryLimit: o.retries, retryDelay: o.retryDelay, retryBackoff: true, expireInSeconds: o.jobTimeout, deadLetter: DEAD_LETTERS });
  return {
    async insert(data, o) {
      if (data.length) await boss.insert(data.map((d) => ({ name: INGEST_QUEUE, data: d, ...sendOptions(o) })));
    },
    async work(o, handler) {
      for (let i = 0; i < o.concurrency; i++) {
        await boss.work<T>(INGEST_QUEUE, { batchSize: o.batch, pollingIntervalSeconds: o.pollSeconds }, (jobs) => handler(jobs.map((j) => ({ id: j.id, data: j.data }))));
      }
    },
    async fail(id, output) {
      await boss.fail(INGEST_QUEUE, id, output);
    },
    pending: () => boss.getQueueSize(INGEST_QUEUE, { before: 'completed' }),
    async states() {
      const out: Record<string, number> = {};
      const { rows } = await db.executeSql('SELECT state::text AS state, count(*)::int AS n FROM pgboss.job WHERE name = $1 GROUP BY state ORDER BY state', [INGEST_QUEUE]);
      for (const r of rows as { state: string; n: number }[]) out[r.state] = r.n;
      return out;
    },
    async deadLetters() {
      const { rows } = await db.executeSql(`SELECT id::text AS id, data, output, created_on FROM pgboss.job WHERE name = $1 AND state = 'created' ORDER BY created_on, id`, [DEAD_LETTERS]);
      return rows as DeadLetterRow<T>[];
    },
    async retryDeadLetters(o) {
      const { rows } = await db.executeSql(`SELECT id::text AS id, data FROM pgboss.job WHERE name = $1 AND state = 'created' ORDER BY created_on, id`, [DEAD_LETTERS]);
      for (const r of rows as { id: string; data: T }[]) {
        // sent before it is deleted: a stop in between leaves the document queued twice, which stores it once
        await boss.send(INGEST_QUEUE, r.data, sendOptions(o));
        await boss.deleteJob(DEAD_LETTERS, r.id);
      }
      return rows.length;
    },
    async close(graceful = false) {
      await boss.stop({ graceful, wait: true, timeout: 60_000 }).catch(() => undefined);
    },
  };
}
