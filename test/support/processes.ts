/**
 * The CLI as real child processes, for tests of what happens between processes (store
 * ownership, concurrent writers). The current src/ is compiled once per content into a
 * temporary directory beside links to data/, samples/, node_modules/ and package.json, so
 * the children run this checkout's code, not a stale dist/.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '../..');

function srcHash(): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) h.update(p).update(readFileSync(p));
    }
  };
  walk(path.join(ROOT, 'src'));
  return h.digest('hex').slice(0, 16);
}

/** Compile src/ (once per content) and return the path of a runnable CLI entry. */
export async function buildCli(): Promise<string> {
  const base = path.join(tmpdir(), `statecraft-proc-${srcHash()}`);
  const entry = path.join(base, 'run.mjs');
  if (existsSync(entry)) return entry;
  mkdirSync(base, { recursive: true });
  for (const name of ['data', 'samples', 'node_modules', 'package.json']) {
    try {
      symlinkSync(path.join(ROOT, name), path.join(base, name));
    } catch {
      /* made by a concurrent build */
    }
  }
  const partial = path.join(base, `dist.partial-${process.pid}`);
  // type errors elsewhere in a shared checkout do not stop tsc from emitting: check the output exists instead
  await promisify(execFile)(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', partial, '--sourceMap', 'false'], { cwd: ROOT }).catch(() => undefined);
  if (!existsSync(path.join(partial, 'cli/main.js'))) throw new Error('compiling src/ for the process tests failed');
  try {
    renameSync(partial, path.join(base, 'dist'));
  } catch {
    rmSync(partial, { recursive: true, force: true });
  }
  const tmp = `${entry}.${process.pid}`;
  writeFileSync(tmp, `const { run } = await import('./dist/cli/main.js');\nprocess.exitCode = await run(process.argv);\n`);
  renameSync(tmp, entry);
  return entry;
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

export interface Running {
  child: ChildProcess;
  /** output so far */
  out(): string;
  err(): string;
  done: Promise<Finished>;
}

/** Start `statecraft ARGS…` as a child process. */
export function startCli(entry: string, args: string[], opts: { env?: Record<string, string>; cwd?: string } = {}): Running {
  const child = spawn(process.execPath, [entry, ...args], { cwd: opts.cwd ?? ROOT, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const done = new Promise<Finished>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, out, err })));
  return { child, out: () => out, err: () => err, done };
}

/** Run `statecraft ARGS…` to the end. */
export function runCli(entry: string, args: string[], opts: { env?: Record<string, string> } = {}): Promise<Finished> {
  return startCli(entry, args, opts).done;
}

/** Poll `test` every 50 ms until it returns a value other than undefined/null/false, or fail after `ms`. */
export async function until<T>(what: string, test: () => T | undefined | null | false | Promise<T | undefined | null | false>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await test();
    if (v !== undefined && v !== null && v !== false) return v as T;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A JSONL feed of `n` distinct short articles whose titles start with `tag`. */
export function feed(tag: string, n: number, from = 0): string {
  const lines: string[] = [];
  for (let i = from; i < from + n; i++) {
    lines.push(JSON.stringify({
      title: `${tag} report ${i}`,
      date: '2024-05-01',
      text: `${tag} item ${i}. Russian Foreign Minister Sergei Lavrov met North Korean leader Kim Jong Un in Pyongyang on Tuesday to discuss military cooperation number ${i}. China warned Taiwan against what it called provocations, the ${tag} desk reported in dispatch ${i}.`,
    }));
  }
  return lines.join('\n') + '\n';
}
