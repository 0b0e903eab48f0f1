/**
 * #14: absolute paths of the user's machine were published in `origin` (export, API). A path is
 * kept as typed when relative, made relative to the working directory when inside it, written
 * `~/…` under the home directory — never the expanded home path.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { originOf } from '../src/ingest/read.js';
import { buildCli, startCli } from './support/processes.js';

describe('originOf', () => {
  const home = '/home/alice';
  it('keeps a relative path as typed and stdin as stdin', () => {
    expect(originOf('news/a.txt', '/home/alice/work', home)).toBe('news/a.txt');
    expect(originOf('../other/b.txt', '/home/alice/work', home)).toBe('../other/b.txt');
    expect(originOf('-', '/home/alice/work', home)).toBe('stdin');
  });
  it('makes an absolute path inside the working directory relative to it', () => {
    expect(originOf('/home/alice/work/feeds/x.jsonl', '/home/alice/work', home)).toBe('feeds/x.jsonl');
  });
  it('writes an absolute path elsewhere under the home directory as ~/…', () => {
    expect(originOf('/home/alice/Downloads/page.html', '/home/alice/work', home)).toBe('~/Downloads/page.html');
    expect(originOf('/home/alice/page.html', '/srv', home)).toBe('~/page.html');
  });
  it('keeps other absolute paths (outside the home directory) as typed', () => {
    expect(originOf('/srv/wire/2024.jsonl', '/home/alice/work', home)).toBe('/srv/wire/2024.jsonl');
    // a sibling whose name only starts like the home directory is not inside it
    expect(originOf('/home/alice2/x.txt', '/srv', home)).toBe('/home/alice2/x.txt');
  });
});

describe('origin as published by export', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'statecraft-origin-'));
  const home = path.join(root, 'home', 'alice');
  const project = path.join(home, 'project');
  let cli = '';
  beforeAll(async () => {
    cli = await buildCli();
    mkdirSync(path.join(home, 'news'), { recursive: true });
    mkdirSync(path.join(project, 'local'), { recursive: true });
    writeFileSync(path.join(home, 'news', 'summit.txt'), 'Title: x\n\nJapan and India signed a maritime security pact in Tokyo on Monday, officials said.\n');
    writeFileSync(path.join(project, 'local', 'talks.txt'), 'Brazil and Argentina held talks on trade in Brasilia on Friday, the ministry said.\n');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('absolute paths typed by the user (as a shell expands ~/) are published relative to the working directory or as ~/…', async () => {
    const db = path.join(root, 'db');
    const env = { HOME: home };
    const ingest = await startCli(cli, ['ingest', '--db', db, path.join(home, 'news', 'summit.txt'), path.join(project, 'local', 'talks.txt')], { cwd: project, env }).done;
    expect(ingest.code).toBe(0);
    expect(ingest.out + ingest.err).not.toContain(home);
    const exported = await startCli(cli, ['export', '--db', db, '--format', 'jsonl'], { cwd: project, env }).done;
    expect(exported.code).toBe(0);
    const origins = exported.out.split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((r) => r.type === 'document').map((r) => r.origin).sort();
    expect(origins).toEqual(['local/talks.txt', '~/news/summit.txt']);
    expect(exported.out).not.toContain(home);
  });
});
