/**
 * Stage `claims`: what the prose holds to be so — assessments, motives, predictions,
 * recommendations and disagreements — with who holds each (holder.ts), what kind it is
 * (kind.ts), the countries it is about and how likely it says something is (likelihood.ts).
 * A sentence of six words or more, not a question and not a news report; an assessment only
 * when it is about a country.
 */
import type { Stage } from '../../core/doc.js';
import type { ClaimRecord } from '../../core/types.js';
import type { AnalysisKnowledge } from '../../knowledge/analysis.js';
import type { Lexicon } from '../../knowledge/lexicon.js';
import { hash64 } from '../../knowledge/text.js';
import { proseSentences, sentenceSpan } from '../analysis/shared.js';
import { createHolders } from './holder.js';
import { createClaimKinds } from './kind.js';
import { likelihoodOf } from './likelihood.js';

export interface ClaimsKnowledge {
  analysis: Pick<AnalysisKnowledge, 'wep' | 'negators'>;
  lexicon: Lexicon;
}

export function claimsStage(k: ClaimsKnowledge): Stage {
  const { claimKind, isNews } = createClaimKinds(k.lexicon);
  const { holderOf } = createHolders(k.lexicon);
  return {
    name: 'claims',
    requires: ['keys', 'mentions', 'events'],
    assigns: ['claims'],
    run(doc) {
      const claims: ClaimRecord[] = [];
      for (const { s, ms, evs } of proseSentences(doc)) {
        const toks = s.keys!;
        const words = toks.filter((t) => /\p{L}/u.test(t.text)).length;
        if (words < 6 || s.text.trim().endsWith('?')) continue;
        const lk = likelihoodOf(k.analysis, toks, s.text);
        const kind = isNews(s.text, evs, !!lk) ? null : claimKind(s.text, !!lk);
        // the countries it is about
        const about = [...new Set(ms.filter((m) => m.via !== 'author' && m.country).map((m) => m.country!))];
        if (!kind || (about.length === 0 && kind === 'assessment')) continue;
        const { holder, holder_kind } = holderOf(s, toks, ms, doc.authors);
        claims.push({ id: `c_${hash64(`${doc.id}|${s.idx}`)}`, doc: doc.id, sentence: s.idx, span: sentenceSpan(s), quote: s.text, holder, holder_kind, kind, about, likelihood: lk?.likelihood ?? null, wep: lk?.wep ?? null });
      }
      doc.claims = claims;
    },
  };
}
