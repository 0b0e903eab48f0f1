/**
 * wink-nlp behind a small interface: sentences with character offsets, and tokens
 * with POS tags and offsets. Created once per pipeline (the model takes ~0.3 s to load).
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Span } from '../core/types.js';

import type { Token } from '../core/doc.js';
export type { Token };

export interface Nlp {
  /** sentence spans relative to `text` */
  sentences(text: string): Span[];
  /** tokens with POS tags; offsets relative to `text`, plus `offset` */
  tokens(text: string, offset?: number): Token[];
}

export function createNlp(): Nlp {
  const nlp = winkNLP(model, ['sbd', 'pos']);
  const its = nlp.its;
  function offsets(text: string, values: string[]): Span[] {
    const spans: Span[] = [];
    let cur = 0;
    for (const v of values) {
      const at = text.indexOf(v, cur);
      const s = at < 0 ? cur : at;
      spans.push([s, s + v.length]);
      cur = s + v.length;
    }
    return spans;
  }
  return {
    sentences(text) {
      const groups: string[][] = [];
      nlp.readDoc(text).sentences().each((s: { tokens(): { out(f: unknown): unknown } }) => {
        const toks = s.tokens().out(its.value) as string[];
        if (toks.length) groups.push(toks);
      });
      // one walk over the text resolves every token's offset, sentence by sentence
      const out: Span[] = [];
      let cur = 0;
      for (const toks of groups) {
        const spans = offsets(text.slice(cur), toks);
        const r: Span = [spans[0][0] + cur, spans[spans.length - 1][1] + cur];
        out.push(r);
        cur = r[1];
      }
      return out;
    },
    tokens(text, offset = 0) {
      const doc = nlp.readDoc(text);
      const vals = doc.tokens().out(its.value) as string[];
      const pos = doc.tokens().out(its.pos) as string[];
      const lemma = doc.tokens().out(its.lemma as never) as string[];
      const spans = offsets(text, vals);
      return vals.map((v, i) => ({
        text: v,
        norm: v.toLowerCase().replace(/[’‘]/g, "'"),
        pos: pos[i],
        lemma: (lemma[i] ?? v).toLowerCase(),
        start: spans[i][0] + offset,
        end: spans[i][1] + offset,
      }));
    },
  };
}
