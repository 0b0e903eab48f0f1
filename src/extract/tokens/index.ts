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

export function tokensStage(nlp: Tagger, isVerb: (lemma: string) => boolean = () => false): Stage {
  return {
    name: 'tokens',
    requires: ['agents', 'coref'],
    assigns: ['tokens'],
    run(doc) {
      for (const s of doc.sentences) {
        if (!s.prose || !s.mentions!.some((m) => m.via !== 'author' && m.via !== 'place')) continue;
        const toks = nlp.tokens(s.text, s.start);
        retagVerbs(toks, isVerb);
        s.tokens = toks;
      }
    },
  };
}
