/**
 * `npm start` stops cleanly (#16): SIGTERM or SIGINT to npm's own process ends the server too
 * (the script execs node, so the signal npm forwards reaches it, not a shell that dies alone).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCli, runCli, until } from './support/processes.js';

const dir = mkdtempSync(path.join(tmpdir(), 'statecraft-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start', () => {
  it('execs node, so the signal npm forwards reaches the server', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(pkg.scripts.start).toMatch(/^exec node /);
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`stops the server on ${signal} to npm`, async () => {
      // a store with one document, made by this checkout's code, so start only serves
      const db = path.join(dir, signal);
      const entry = await buildCli();
      expect((await runCli(entry, ['ingest', '--db', db, 'samples/bad/good.txt'])).code).toBe(0);
      // npm start runs bin/statecraft.js, that is dist/ (built by npm install / npm run build)
      const npm = spawn('npm', ['start', '--', '--port', '0', '--db', db], { cwd: path.resolve(import.meta.dirname, '..'), stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      npm.stdout!.on('data', (d) => (out += d));
      npm.stderr!.on('data', (d) => (out += d));
      const closed = new Promise<number | null>((resolve) => npm.on('close', (code) => resolve(code)));
      const url = await until('the server to listen', () => /statecraft is serving .* at (http:\/\/\S+?)\/ /.exec(out)?.[1], 120_000);
      expect((await fetch(`${url}/api/stats`)).status).toBe(200);
      npm.kill(signal);
      await closed;
      await until('the server to stop', async () => fetch(`${url}/api/stats`).then(() => false, () => true), 10_000);
    }, 300_000);
  }
});
