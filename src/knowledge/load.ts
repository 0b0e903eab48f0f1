/**
 * Read knowledge files from data/. The repo's data/ unless a directory is given.
 *
 * One load of the knowledge (`createKnowledge`, src/extract/knowledge.ts) reads through one
 * `KnowledgeSource`: each file is parsed once, frozen, and the parse is shared by the loaders
 * and the checks (./check.ts), so validating at start-up costs no second parse; the checks
 * run once per source and their result is kept on it. Nothing is kept between loads: a new
 * source reads the files as they are now. A function given a directory instead of a source
 * makes a source of its own for that call.
 *
 * `source.load(rel)` checks the file against its schema (./schema/index.ts) before handing it
 * to a loader, unless the checks of this source have already passed it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML, { type YAMLParseError } from 'yaml';
import { KnowledgeError } from '../core/errors.js';
import { lineFinder, validateParsed } from './schema/index.js';

export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

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

interface Parsed {
  /** the text the parse was made from (line numbers of issues are found in it) */
  text: string;
  data: unknown;
  /** checked against its schema already */
  valid: boolean;
}

type LineFinder = (path: readonly PropertyKey[]) => number | undefined;

/**
 * The knowledge files of one directory as one load reads them: each file parsed once and
 * shared, the line finder of a file built once, and the result of the cross-file checks
 * (`checked`, set by ./check.ts).
 */
export class KnowledgeSource {
  /** the knowledge directory */
  readonly dir: string;
  /** the first error the checks of ./check.ts found (null: none); undefined until they ran on this source */
  checked: KnowledgeError | null | undefined = undefined;
  private readonly parses = new Map<string, Parsed | null>();
  private readonly finders = new Map<string, LineFinder>();

  constructor(dataDir: string = DEFAULT_DATA_DIR) {
    this.dir = dataDir;
  }

  /** How errors show the directory: `data` for the repository's own. */
  get label(): string {
    return dataDirLabel(this.dir);
  }

  private entry(rel: string): Parsed | null {
    const hit = this.parses.get(rel);
    if (hit !== undefined) return hit;
    const file = path.join(this.dir, rel);
    if (!existsSync(file)) {
      this.parses.set(rel, null);
      return null;
    }
    const text = readFileSync(file, 'utf8');
    let data: unknown;
    try {
      data = YAML.parse(text, { maxAliasCount: -1 });
    } catch (e) {
      const line = (e as YAMLParseError).linePos?.[0]?.line;
      throw new KnowledgeError({ file: rel, path: '', reason: `YAML syntax: ${(e as Error).message.split('\n')[0]}`, line }, 0, this.label);
    }
    deepFreeze(data);
    const p: Parsed = { text, data, valid: false };
    this.parses.set(rel, p);
    return p;
  }

  /** A knowledge file as parsed YAML (frozen), not yet validated; null when it does not exist. Throws KnowledgeError on a YAML syntax error. */
  read(rel: string): unknown {
    return this.entry(rel)?.data ?? null;
  }

  /** A knowledge file, parsed and checked against its schema; null when it does not exist. Throws KnowledgeError. */
  load(rel: string): unknown {
    const p = this.entry(rel);
    if (!p) return null;
    if (!p.valid) {
      validateParsed(rel, p.data, () => p.text, this.label);
      p.valid = true;
    }
    return p.data;
  }

  /** Record that a file's parse passed its schema (./check.ts, after checking it). */
  markValid(rel: string): void {
    const p = this.parses.get(rel);
    if (p) p.valid = true;
  }

  /** The line of a key path in a file (the one parsed here), for issues; undefined when it cannot be found. */
  lineOf(rel: string, at: readonly PropertyKey[]): number | undefined {
    let find = this.finders.get(rel);
    if (!find) {
      const p = this.entry(rel);
      find = p ? lineFinder(p.text) : () => undefined;
      this.finders.set(rel, find);
    }
    return find(at);
  }
}

/** A knowledge directory, or the source one load reads it through. */
export type KnowledgeDir = string | KnowledgeSource;

/** The source to read through: the one given, or a new one for a directory (nothing shared with other calls). */
export function knowledgeSource(dir: KnowledgeDir = DEFAULT_DATA_DIR): KnowledgeSource {
  return typeof dir === 'string' ? new KnowledgeSource(dir) : dir;
}

/** A knowledge file, parsed and checked against its schema; null when it does not exist. Throws KnowledgeError. */
export function loadYaml(dataDir: KnowledgeDir, rel: string): unknown {
  return knowledgeSource(dataDir).load(rel);
}
