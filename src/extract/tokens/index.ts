/**
 * Stage `tokens`: wink-nlp tokens (POS, lemma) for the prose sentences that can hold an event —
 * those naming at least one actor that is not an author or a place. The tagger is the dearest
 * step after dates, so sentences with no possible participant are never tagged.
 */
import type { Stage, Token } from '../../core/doc.js';

export interface Tagger {
  tokens(text: string, offset?: number): Token[];
}

/**
 * The tagger reads a verb in the third person as a plural noun after a subject ("Biden plans a
 * visit", "Russia arms the rebels", "who plans a trip"): a word tagged as a noun in -s whose lemma
 * is a verb the patterns know, between a name, a noun or a pronoun and a determiner, is that verb.
 */
export function retagVerbs(toks: Token[], isVerb: (lemma: string) => boolean): void {
  for (let i = 1; i < toks.length - 1; i++) {
    const t = toks[i], prev = toks[i - 1], next = toks[i + 1];
    if (t.pos !== 'NOUN' || !t.norm.endsWith('s') || t.lemma === t.norm || !isVerb(t.lemma)) continue;
    if (next.pos !== 'DET' || !['PROPN', 'NOUN', 'PRON'].includes(prev.pos)) continue;
    toks[i] = { ...t, pos: 'VERB' };
  }
}

/**
 * The tagger splits a hyphenated word in three ("cease", "-", "fire"): written with no space, it is
 * one word when the patterns know it joined ("ceasefire", "pullout", "walkout").
 */
export function joinHyphens(toks: Token[], isEventWord: (lemma: string) => boolean): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < toks.length; i++) {
    const a = toks[i], h = toks[i + 1], b = toks[i + 2];
    if (h?.text === '-' && b && a.end === h.start && h.end === b.start) {
      const joined = a.norm + b.norm;
      if (/^\p{L}+$/u.test(joined) && isEventWord(joined)) {
        out.push({ text: a.text + h.text + b.text, norm: `${a.norm}-${b.norm}`, pos: 'NOUN', lemma: joined, start: a.start, end: b.end });
        i += 2;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

export function tokensStage(nlp: Tagger, isVerb: (lemma: string) => boolean = () => false, isNoun: (lemma: string) => boolean = () => false): Stage {
  return {
    name: 'tokens',
    requires: ['agents', 'coref'],
    assigns: ['tokens'],
    run(doc) {
      for (const s of doc.sentences) {
        if (!s.prose || !s.mentions!.some((m) => m.via !== 'author' && m.via !== 'place')) continue;
        const toks = joinHyphens(nlp.tokens(s.text, s.start), isNoun);
        retagVerbs(toks, isVerb);
        s.tokens = toks;
      }
    },
  };
}
