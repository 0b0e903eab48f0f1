/**
 * Read knowledge files from data/. The repo's data/ unless a directory is given.
 *
 * A file is parsed once per version (the file itself — device and inode, so a symlink shares
 * its target's parse — size and modification time) and the parse, frozen, is shared by the
 * loaders and the checks (./check.ts), so validating at start-up costs no second parse.
 * `loadYaml` checks the file against its schema (./schema/index.ts) before handing it to a
 * loader.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML, { type YAMLParseError } from 'yaml';
import { KnowledgeError } from '../core/errors.js';
import { validateParsed } from './schema/index.js';

export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

interface Parsed {
  size: number;
  mtimeMs: number;
  data: unknown;
  /** checked against its schema already */
  valid: boolean;
}

const parsed = new Map<string, Parsed>();

/** How errors show a knowledge directory: `data` for the repository's own. */
export function dataDirLabel(dataDir: string): string {
  if (path.resolve(dataDir) === path.resolve(DEFAULT_DATA_DIR)) return 'data';
  const rel = path.relative(process.cwd(), dataDir);
  return !rel ? '.' : rel.startsWith('..') ? path.resolve(dataDir) : rel;
}

function deepFreeze(x: unknown): void {
  if (x === null || typeof x !== 'object' || Object.isFrozen(x)) return;
  Object.freeze(x);
  for (const v of Object.values(x)) deepFreeze(v);
}

function entry(dataDir: string, rel: string): Parsed | null {
  const file = path.join(dataDir, rel);
  if (!existsSync(file)) return null;
  const st = statSync(file);
  const key = `${st.dev}:${st.ino}`;
  const hit = parsed.get(key);
  if (hit && hit.size === st.size && hit.mtimeMs === st.mtimeMs) return hit;
  const text = readFileSync(file, 'utf8');
  let data: unknown;
  try {
    data = YAML.parse(text, { maxAliasCount: -1 });
  } catch (e) {
    const line = (e as YAMLParseError).linePos?.[0]?.line;
    throw new KnowledgeError({ file: rel, path: '', reason: `YAML syntax: ${(e as Error).message.split('\n')[0]}`, line }, 0, dataDirLabel(dataDir));
  }
  deepFreeze(data);
  const p: Parsed = { size: st.size, mtimeMs: st.mtimeMs, data, valid: false };
  parsed.set(key, p);
  return p;
}

/** A knowledge file as parsed YAML (frozen), not yet validated; null when it does not exist. */
export function readYaml(dataDir: string, rel: string): unknown {
  return entry(dataDir, rel)?.data ?? null;
}

/** Record that a file's current parse passed its schema (./check.ts, after checking it). */
export function markValid(dataDir: string, rel: string): void {
  const file = path.join(dataDir, rel);
  if (!existsSync(file)) return;
  const st = statSync(file);
  const p = parsed.get(`${st.dev}:${st.ino}`);
  if (p && p.size === st.size && p.mtimeMs === st.mtimeMs) p.valid = true;
}

/** A knowledge file, parsed and checked against its schema; null when it does not exist. Throws KnowledgeError. */
export function loadYaml(dataDir: string, rel: string): unknown {
  const p = entry(dataDir, rel);
  if (!p) return null;
  if (!p.valid) {
    validateParsed(rel, p.data, () => readFileSync(path.join(dataDir, rel), 'utf8'), dataDirLabel(dataDir));
    p.valid = true;
  }
  return p.data;
}
