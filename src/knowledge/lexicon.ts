/**
 * The coder's linguistic knowledge that is not a pattern or a dictionary entry: word classes
 * (light verbs, clause breaks, modality cues …), maps (irregular forms, the code of a governed
 * act) and cue expressions, read from `data/lexicon/*.yaml`, checked against one schema
 * (./schema/lexicon.ts, registered and cross-checked like every knowledge file), and looked up
 * by name. A name a stage asks for that no file defines stops start-up, naming it.
 */
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { assertKnowledge } from './check.js';
import { knowledgeSource, type KnowledgeDir } from './load.js';
import { lexiconFileSchema } from './schema/lexicon.js';

export { lexiconFileSchema, type LexiconFile } from './schema/lexicon.js';

export class LexiconError extends Error {}

export interface Lexicon {
  /** a word class as a set of lower-case words or phrases */
  words(name: string): ReadonlySet<string>;
  /** a word class as a list, in the file's order */
  list(name: string): readonly string[];
  map(name: string): ReadonlyMap<string, string>;
  /** a cue expression, compiled once */
  cue(name: string): RegExp;
  /** the cue's source, for composing larger expressions */
  cueSource(name: string): string;
  /** every name defined, with its file */
  readonly names: ReadonlyMap<string, string>;
}

/** Build a lexicon from parsed files (file name → content); validates each. */
export function compileLexicon(files: Record<string, unknown>): Lexicon {
  const words = new Map<string, { list: string[]; set: Set<string> }>();
  const maps = new Map<string, Map<string, string>>();
  const cues = new Map<string, { re: RegExp; src: string }>();
  const names = new Map<string, string>();
  for (const [file, raw] of Object.entries(files)) {
    const parsed = lexiconFileSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new LexiconError(`${file}: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
    }
    const f = parsed.data;
    const claim = (kind: string, name: string) => {
      const at = names.get(name);
      if (at) throw new LexiconError(`${file}: ${kind}.${name}: the name is already defined in ${at}`);
      names.set(name, file);
    };
    for (const [name, c] of Object.entries(f.classes ?? {})) {
      claim('classes', name);
      words.set(name, { list: c.words, set: new Set(c.words) });
    }
    for (const [name, m] of Object.entries(f.maps ?? {})) {
      claim('maps', name);
      maps.set(name, new Map(Object.entries(m.entries)));
    }
    for (const [name, c] of Object.entries(f.cues ?? {})) {
      claim('cues', name);
      try {
        cues.set(name, { re: new RegExp(c.pattern, c.flags ?? ''), src: c.pattern });
      } catch (e) {
        throw new LexiconError(`${file}: cues.${name}.pattern: ${(e as Error).message}`);
      }
    }
  }
  const missing = (kind: string, name: string): never => {
    throw new LexiconError(`data/lexicon: no ${kind} named "${name}" (a stage asks for it)`);
  };
  return {
    words: (name) => words.get(name)?.set ?? missing('class', name),
    list: (name) => words.get(name)?.list ?? missing('class', name),
    map: (name) => maps.get(name) ?? missing('map', name),
    cue: (name) => cues.get(name)?.re ?? missing('cue', name),
    cueSource: (name) => cues.get(name)?.src ?? missing('cue', name),
    names,
  };
}

/**
 * Read every `data/lexicon/*.yaml`, after the checks of every knowledge file (../check.ts:
 * the lexicon's schema, its code maps against the codebook, names defined once), which the
 * other loaders of the same load (the same KnowledgeSource) then reuse.
 */
export function loadLexicon(dataDir: KnowledgeDir): Lexicon {
  const src = knowledgeSource(dataDir);
  assertKnowledge(src);
  const dir = path.join(src.dir, 'lexicon');
  const files: Record<string, unknown> = {};
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml')).sort()) files[`lexicon/${f}`] = src.load(`lexicon/${f}`);
  }
  return compileLexicon(files);
}
