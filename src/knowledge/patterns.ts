/**
 * Event patterns: verbs and nouns → CAMEO codes, from every data/patterns/*.yaml (events.yaml
 * first, then the others by name: codebook.yaml is the lexicon written from the CAMEO codebook).
 * The files are merged: a verb or noun key defined in two files is an error naming both.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { KnowledgeError } from '../core/errors.js';
import { assertKnowledge } from './check.js';
import { dataDirLabel, knowledgeSource, loadYaml, type KnowledgeDir } from './load.js';
import { lineFinder } from './schema/index.js';

export interface VerbPattern {
  lemma: string;
  code?: string;
  objects?: Record<string, string | null>;
  preps?: string[];
  symmetric?: boolean;
  reverse?: string;
  no_target?: boolean;
  attribution?: boolean;
  /** code when an untargeted act (a launch) has a target after all ("launched missiles at Kyiv") */
  with_target?: string;
  /** the target when the text names none (a veto is cast at the Security Council) */
  default_target?: string;
  /** receiving verbs: with one of these objects the thing comes FROM the source ("bought arms from Russia" → RUS→buyer) */
  from_source?: Record<string, string>;
}

export interface NounPattern {
  noun: string;
  code: string;
  symmetric?: boolean;
  reverse?: string;
  target: string[];
  source: string[];
  modifiers?: Record<string, string>;
  of_object?: Record<string, string>;
  requires_modifier?: boolean;
  requires_participle?: boolean;
  /** only an event when a target is named ("a ban on Japanese seafood") */
  requires_target?: boolean;
  participle?: string[];
  no_target?: boolean;
}

export interface Patterns {
  verbs: Map<string, VerbPattern>;
  nouns: Map<string, NounPattern>;
  desire: Set<string>;
  negating: Set<string>;
  attribution: Set<string>;
}

interface PatternsRaw {
  verbs?: Record<string, Omit<VerbPattern, 'lemma'>>;
  nouns?: Record<string, Omit<NounPattern, 'noun'>>;
  desire_verbs?: string[];
  negating_verbs?: string[];
}

/** The pattern files under data/patterns/ as paths under data/: events.yaml first, then the rest by name. */
export function patternFiles(dataDir: string): string[] {
  const dir = path.join(dataDir, 'patterns');
  const names = existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)) : [];
  const rest = names.filter((f) => f !== 'events.yaml').sort();
  return ['events.yaml', ...rest].map((f) => `patterns/${f}`);
}

export function loadPatterns(source: KnowledgeDir): Patterns {
  const src = knowledgeSource(source), dataDir = src.dir;
  assertKnowledge(src); // schema, and every code in the codebook (./check.ts)
  const verbs = new Map<string, VerbPattern>();
  const nouns = new Map<string, NounPattern>();
  const desire = new Set<string>();
  const negating = new Set<string>();
  const owner = new Map<string, string>(); // 'verbs.meet' → the file that defines it
  for (const rel of patternFiles(dataDir)) {
    const raw = loadYaml(src, rel) as PatternsRaw | null;
    if (!raw) {
      if (rel === 'patterns/events.yaml') throw new Error('data/patterns/events.yaml is missing');
      continue;
    }
    const claim = (table: 'verbs' | 'nouns', k: string) => {
      const at = `${table}.${k}`;
      const prev = owner.get(at);
      if (prev) {
        const line = lineFinder(readFileSync(path.join(dataDir, rel), 'utf8'))([table, k]);
        throw new KnowledgeError({ file: rel, path: at, reason: `"${k}" is also defined in ${prev}: a pattern key is defined in one file only (merge the two entries)`, line }, 0, dataDirLabel(dataDir));
      }
      owner.set(at, rel);
    };
    for (const [lemma, v] of Object.entries(raw.verbs ?? {})) {
      claim('verbs', lemma);
      verbs.set(lemma, { lemma, ...v });
    }
    for (const [noun, n] of Object.entries(raw.nouns ?? {})) {
      claim('nouns', noun);
      nouns.set(noun, { noun, ...n, target: n.target ?? [], source: n.source ?? [] });
    }
    for (const w of raw.desire_verbs ?? []) desire.add(w);
    for (const w of raw.negating_verbs ?? []) negating.add(w);
  }
  return {
    verbs,
    nouns,
    desire,
    negating,
    attribution: new Set([...verbs.values()].filter((v) => v.attribution).map((v) => v.lemma)),
  };
}
