/** A token trie for longest-match lookup of multi-word phrases. */
import type { Tok } from './text.js';

/** the answer for a miss, shared: frozen, so no caller can change it for the next */
const NONE: readonly never[] = Object.freeze([]);

interface Node<V> {
  next: Map<string, Node<V>>;
  values: V[] | null;
}

export class TokenTrie<V> {
  private root: Node<V> = { next: new Map(), values: null };
  size = 0;

  add(keys: string[], value: V): void {
    if (keys.length === 0) return;
    let n = this.root;
    for (const k of keys) {
      let c = n.next.get(k);
      if (!c) {
        c = { next: new Map(), values: null };
        n.next.set(k, c);
      }
      n = c;
    }
    (n.values ??= []).push(value);
    this.size++;
  }

  /** whether exactly this phrase is in the trie */
  has(keys: string[]): boolean {
    let n: Node<V> | undefined = this.root;
    for (const k of keys) if (!(n = n.next.get(k))) return false;
    return !!n.values;
  }

  /** The longest phrase starting at token `i`, without allocating for the misses. */
  longestAt(toks: Tok[], i: number): [number, V[]] | null {
    let n: Node<V> | undefined = this.root;
    let best: [number, V[]] | null = null;
    for (let j = i; j < toks.length; j++) {
      n = n.next.get(toks[j].key);
      if (!n) break;
      if (n.values) best = [j + 1, n.values];
    }
    return best;
  }

  /** All phrase ends starting at token `i`, longest first: [end index (exclusive), values]. Read-only. */
  matchesAt(toks: Tok[], i: number): readonly [number, V[]][] {
    if (!this.root.next.has(toks[i]?.key)) return NONE;
    const out: [number, V[]][] = [];
    let n: Node<V> | undefined = this.root;
    for (let j = i; j < toks.length; j++) {
      n = n.next.get(toks[j].key);
      if (!n) break;
      if (n.values) out.push([j + 1, n.values]);
    }
    return out.reverse();
  }
}
