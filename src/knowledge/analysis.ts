/**
 * Knowledge for claims, the ledger and compliance: words of estimative probability
 * (data/wep.yaml), exchanged items (data/flows/items.yaml), sanctions regimes
 * (data/sanctions/*.yaml). Compiled once into token tries.
 */
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { FlowCategory } from '../core/types.js';
import { assertKnowledge } from './check.js';
import { knowledgeSource, type KnowledgeDir } from './load.js';
import { phraseKeys } from './text.js';
import { TokenTrie } from './trie.js';

export interface Wep {
  phrase: string;
  likelihood: number;
  /** a modal verb ("may", "could"): weaker evidence of a claim than an adverb */
  modal: boolean;
  /** a negated pattern already accounts for negation */
  negated?: boolean;
}

export interface ItemTerm {
  item: string;
  category: FlowCategory;
}

export interface Provision {
  regime: string;
  resolution: string;
  adopted: string;
  id: string;
  label: string;
  target: string;
  directions: ('from_target' | 'to_target')[];
  categories: string[];
  items: string[];
  cameo: string[];
  /** the earliest resolution that sets this provision */
  founding: boolean;
  /** the provision lapses after this date (ISO), if set */
  until?: string | null;
  /** the act was re-applied on this date (snapback), if set */
  reapplied?: string | null;
}

export interface AnalysisKnowledge {
  wep: TokenTrie<Wep>;
  /** the words that turn an estimate around ("not", "no longer"), as token sequences */
  negators: TokenTrie<string>;
  items: TokenTrie<ItemTerm>;
  provisions: Provision[];
}

export function loadAnalysisKnowledge(dataDir: KnowledgeDir): AnalysisKnowledge {
  const src = knowledgeSource(dataDir);
  assertKnowledge(src); // schemas; sanctions items in flows/items.yaml, cameo codes in the codebook (./check.ts)
  const wep = new TokenTrie<Wep>();
  const w = (src.load('wep.yaml') ?? {}) as {
    scale?: { likelihood: number; phrases: string[] }[];
    hedges?: { phrase: string; likelihood: number; modal?: boolean }[];
    negation?: { negators?: string[]; patterns?: { pattern: string; likelihood: number; modal?: boolean }[] };
  };
  for (const band of w.scale ?? []) for (const p of band.phrases) wep.add(phraseKeys(p), { phrase: p, likelihood: band.likelihood, modal: false });
  for (const h of w.hedges ?? []) wep.add(phraseKeys(h.phrase), { phrase: h.phrase, likelihood: h.likelihood, modal: !!h.modal });
  for (const n of w.negation?.patterns ?? []) wep.add(phraseKeys(n.pattern), { phrase: n.pattern, likelihood: n.likelihood, modal: !!n.modal, negated: true });
  const items = new TokenTrie<ItemTerm>();
  const it = (src.load('flows/items.yaml') as { items?: { item: string; category: FlowCategory; terms?: string[] }[] } | null)?.items ?? [];
  for (const i of it) {
    for (const t of new Set([i.item, ...(i.terms ?? [])])) {
      items.add(phraseKeys(t), { item: i.item, category: i.category });
      // "air defense" and "air-defense" are one term
      if (t.includes(' ')) items.add(phraseKeys(t.replace(/ /g, '-')), { item: i.item, category: i.category });
      else if (t.includes('-')) items.add(phraseKeys(t.replace(/-/g, ' ')), { item: i.item, category: i.category });
    }
  }
  const provisions: Provision[] = [];
  const sdir = path.join(src.dir, 'sanctions');
  if (existsSync(sdir)) {
    for (const f of readdirSync(sdir).filter((x) => x.endsWith('.yaml')).sort()) {
      const r = src.load(`sanctions/${f}`) as {
        regime: string; target: string;
        resolutions: { id: string; adopted: string; reapplied?: string; provisions?: { id: string; label: string; until?: string; applies_to?: { directions?: string[]; categories?: string[]; items?: string[]; cameo?: string[] } | null }[] }[];
      };
      for (const res of r.resolutions ?? []) {
        for (const p of res.provisions ?? []) {
          const a = p.applies_to ?? {};
          provisions.push({
            regime: r.regime, resolution: res.id, adopted: res.adopted, id: p.id, label: p.label, target: r.target,
            directions: (a.directions ?? ['from_target', 'to_target']) as Provision['directions'], categories: a.categories ?? [], items: a.items ?? [], cameo: a.cameo ?? [], founding: false, until: p.until ?? null, reapplied: res.reapplied ?? null,
          });
        }
      }
    }
  }
  const seenProvision = new Set<string>();
  for (const p of [...provisions].sort((a, b) => a.adopted.localeCompare(b.adopted))) {
    const key = `${p.target}|${p.id}`;
    if (!seenProvision.has(key)) {
      seenProvision.add(key);
      p.founding = true;
    }
  }
  // the negators come with the phrases they negate (wep.yaml's schema requires both)
  const negators = new TokenTrie<string>();
  for (const n of w.negation?.negators ?? []) negators.add(phraseKeys(n), n);
  return { wep, negators, items, provisions };
}
