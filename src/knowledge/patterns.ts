/** Event patterns: verbs and nouns → CAMEO codes (data/patterns/events.yaml). */
import { loadYaml } from './load.js';

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

export function loadPatterns(dataDir: string): Patterns {
  const raw = loadYaml(dataDir, 'patterns/events.yaml') as {
    verbs: Record<string, Omit<VerbPattern, 'lemma'>>;
    nouns: Record<string, Omit<NounPattern, 'noun'>>;
    desire_verbs: string[];
    negating_verbs: string[];
  } | null;
  if (!raw) throw new Error('data/patterns/events.yaml is missing');
  const verbs = new Map(Object.entries(raw.verbs).map(([lemma, v]) => [lemma, { lemma, ...v }]));
  const nouns = new Map(Object.entries(raw.nouns).map(([noun, n]) => [noun, { noun, ...n, target: n.target ?? [], source: n.source ?? [] }]));
  return {
    verbs,
    nouns,
    desire: new Set(raw.desire_verbs),
    negating: new Set(raw.negating_verbs),
    attribution: new Set([...verbs.values()].filter((v) => v.attribution).map((v) => v.lemma)),
  };
}
