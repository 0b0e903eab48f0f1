/** The CAMEO codebook with Goldstein, quad class and PLOVER mapping (data/codebook/cameo.yaml). */
import { knowledgeSource, type KnowledgeDir } from './load.js';

export interface CodeInfo {
  code: string;
  root: string;
  label: string;
  goldstein: number;
  quad: number;
  plover: string | null;
  mode: string | null;
}

export interface Codebook {
  lookup(code: string): CodeInfo;
  has(code: string): boolean;
  codes(): CodeInfo[];
}

export function loadCodebook(dataDir: KnowledgeDir): Codebook {
  const raw = knowledgeSource(dataDir).load('codebook/cameo.yaml') as {
    quad_of_root: Record<string, number>;
    codes: { code: string; label: string; goldstein: number; plover?: { event: string | null; mode: string | null } | null }[];
  } | null;
  if (!raw) throw new Error('data/codebook/cameo.yaml is missing');
  const map = new Map<string, CodeInfo>();
  for (const c of raw.codes) {
    const root = c.code.slice(0, 2);
    map.set(c.code, { code: c.code, root, label: c.label, goldstein: c.goldstein, quad: raw.quad_of_root[root], plover: c.plover?.event ?? null, mode: c.plover?.mode ?? null });
  }
  return {
    has: (code) => map.has(code),
    codes: () => [...map.values()],
    lookup(code) {
      // a sub-code the book lacks takes its parent's values
      for (let c = code; c.length >= 2; c = c.slice(0, -1)) {
        const hit = map.get(c);
        if (hit) return c === code ? hit : { ...hit, code };
      }
      throw new Error(`unknown CAMEO code ${code}`);
    },
  };
}
