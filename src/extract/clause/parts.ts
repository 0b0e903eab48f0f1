/** Small pure helpers over participants and tokens, shared by the event stages. */
import type { Participant, Token } from '../../core/doc.js';
import type { Mention } from '../../core/types.js';

/** an actor's side: a named non-state group is itself (the PKK against Turkey); anyone else its country, else its organisation, else itself */
export function key(m: Mention): string {
  if (m.actor.startsWith('group:')) return m.actor;
  return m.country ?? m.org ?? m.actor;
}

/**
 * Two sides of an event: different countries or organisations, or, inside one country, two
 * different branches ("Georgian demonstrators" against "the Georgian government").
 */
export function distinct(a: Mention, b: Mention): boolean {
  if (key(a) !== key(b)) return true;
  const ra = a.role ?? roleOf(a.actor), rb = b.role ?? roleOf(b.actor);
  return !!ra && !!rb && ra !== rb && a.actor !== b.actor && !a.actor.startsWith('person:') && !b.actor.startsWith('person:');
}

/** the role of a CAMEO-style actor code ("GEOOPP" → "OPP") */
export function roleOf(actor: string): string | null {
  return /^[A-Z]{3}([A-Z]{3})$/.exec(actor)?.[1] ?? null;
}

/** the same actors on both lists (by country, organisation or id) */
export function sameSide(a: Participant[], b: Participant[]): boolean {
  return a.some((q) => b.some((p) => key(p.m) === key(q.m)));
}

export function dedupeParts(ps: Participant[]): Participant[] {
  const seen = new Set<string>();
  return ps.filter((p) => {
    const k = `${p.m.actor}|${p.m.span[0]}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** the index of the last token starting before `end` */
export function lastTok(toks: Token[], end: number): number {
  let k = -1;
  for (let j = 0; j < toks.length; j++) if (toks[j].start < end) k = j;
  return k;
}

/** "test - fired" → "test-fire"; otherwise the token's lemma. */
export function compoundLemma(toks: Token[], i: number): string {
  const t = toks[i];
  if (i >= 2 && toks[i - 1].text === '-' && toks[i - 2].end === toks[i - 1].start && toks[i - 1].end === t.start) return `${toks[i - 2].norm}-${t.lemma}`;
  return t.lemma;
}

/** A per-pipeline cache of the first words of object tables' two-word keys. */
export function createFirstWords(): (objects: Record<string, string | null>) => ReadonlySet<string> {
  const cache = new WeakMap<Record<string, string | null>, Set<string>>();
  return (objects) => {
    let f = cache.get(objects);
    if (!f) cache.set(objects, (f = new Set(Object.keys(objects).filter((k) => k.includes(' ')).map((k) => k.split(' ')[0]))));
    return f;
  };
}
