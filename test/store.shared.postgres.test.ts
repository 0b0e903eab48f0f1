/**
 * PostgreSQL shared by many (#14): three ingest processes of overlapping corpora started at
 * once on one fresh database (each runs the migrations on open, each writes the same actors in
 * its own order): every process exits 0, every document is stored once, a document stored by
 * another process is "unchanged", no orphan rows. Skips, saying why, where no server answers.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchDatabase } from '../src/store/scratch.js';
import { buildCli, runCli } from './support/processes.js';
import { PG_ADMIN_URL, serverUnavailable } from './support/stores.js';

const dir = mkdtempSync(path.join(tmpdir(), 'statecraft-shared-'));
let db: Awaited<ReturnType<typeof scratchDatabase>> | null = null;
let url = '';
let cli = '';
let reason: string | null = null;

beforeAll(async () => {
  reason = await serverUnavailable();
  if (reason) {
    console.warn(`[store.shared.postgres] skipped: ${reason}`);
    return;
  }
  db = await scratchDatabase(PG_ADMIN_URL, 'statecraft_shared');
  url = db.url;
  cli = await buildCli();
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db?.drop();
});

/** article i: the same words whoever ingests it, naming its actors in an order that depends on i */
function article(i: number): string {
  const sentences = [
    `Russian Foreign Minister Sergei Lavrov met North Korean leader Kim Jong Un in Pyongyang on Tuesday, report ${i} said.`,
    `China warned Taiwan against provocations in statement ${i}.`,
    `Iran sent drones to Russia in shipment ${i}, according to Ukraine.`,
    `The United States imposed sanctions on North Korea over launch ${i}.`,
    `Japan and South Korea held talks with India about supply line ${i}.`,
    `Turkey criticised Israel for strike ${i} in Syria.`,
  ];
  const k = i % sentences.length;
  const order = i % 2 ? [...sentences.slice(k), ...sentences.slice(0, k)] : [...sentences.slice(k), ...sentences.slice(0, k)].reverse();
  return JSON.stringify({ title: `Shared report ${i}`, date: '2024-05-01', text: order.join(' ') });
}

function corpus(file: string, ids: number[]): string {
  const f = path.join(dir, file);
  writeFileSync(f, ids.map(article).join('\n') + '\n');
  return f;
}

const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);

describe('three ingests at once into one fresh PostgreSQL database', () => {
  it('every process exits 0, every document is stored once, the overlap is "unchanged", no orphans', async (ctx) => {
    if (reason) return ctx.skip();
    const sets = [range(0, 60), range(30, 90), [...range(0, 30), ...range(60, 90)]];
    const files = sets.map((ids, k) => corpus(`part-${k}.jsonl`, ids));
    const runs = await Promise.all(files.map((f) => runCli(cli, ['ingest', '--db', url, '--json', f])));
    const reports = runs.map((r, k) => {
      expect(r.err, `process ${k}: ${r.err}`).not.toMatch(/E20\d|deadlock|duplicate key/);
      expect(r.code, `process ${k}: ${r.err} ${r.out.includes('"failed"') ? JSON.stringify(JSON.parse(r.out).failed).slice(0, 1500) : ''}`).toBe(0);
      return JSON.parse(r.out) as { stored: { id: string }[]; unchanged: { id: string }[]; failed: unknown[] };
    });
    reports.forEach((r, k) => {
      expect(r.failed).toEqual([]);
      expect(r.stored.length + r.unchanged.length).toBe(sets[k].length);
    });
    // each document stored by exactly one process
    const storedIds = reports.flatMap((r) => r.stored.map((d) => d.id));
    expect(new Set(storedIds).size).toBe(storedIds.length);
    expect(storedIds).toHaveLength(90);

    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const one = async (sql: string) => Number((await c.query(sql)).rows[0].n);
      expect(await one('SELECT count(*) AS n FROM documents')).toBe(90);
      expect(await one('SELECT count(DISTINCT title) AS n FROM documents')).toBe(90);
      expect(await one('SELECT count(*) AS n FROM schema_migrations')).toBe(await one('SELECT max(version) AS n FROM schema_migrations'));
      for (const t of ['sentences', 'mentions', 'events']) {
        expect(await one(`SELECT count(*) AS n FROM ${t} x WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = x.doc_id)`), t).toBe(0);
      }
      // every document has its sentences and records, as one process alone would have written them
      expect(await one('SELECT count(*) AS n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.doc_id = d.id)')).toBe(0);
      expect(await one('SELECT count(*) AS n FROM mentions m WHERE m.actor_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM actors a WHERE a.id = m.actor_id)')).toBe(0);
    } finally {
      await c.end();
    }
  });
});
