/**
 * Stage `agreements`: the agreements the prose names (names.ts), with their parties, signing
 * date and status, the articles it cites and what they say (articles.ts); one evidence row
 * per mention, the rows of one agreement sharing what is known of it (merge.ts).
 */
import type { AgreementEvidenceRow, Stage } from '../../core/doc.js';
import type { Lexicon } from '../../knowledge/lexicon.js';
import { proseSentences } from '../analysis/shared.js';
import { createArticleReader, type PendingArticles } from './articles.js';
import type { DateFinder } from '../dates/find.js';
import { mergeAgreements } from './merge.js';
import { createAgreementNames } from './names.js';

export function agreementsStage(k: { lexicon: Lexicon }, dates?: DateFinder): Stage {
  const { agreementsIn, formal } = createAgreementNames(k.lexicon, dates);
  const { articlesIn, attachArticles } = createArticleReader(k.lexicon);
  return {
    name: 'agreements',
    requires: ['mentions', 'events'],
    assigns: ['agreements'],
    run(doc) {
      const agreements: AgreementEvidenceRow[] = [];
      const pending: PendingArticles[] = [];
      for (const { s, ms, evs } of proseSentences(doc)) {
        agreements.push(...agreementsIn(s, ms, evs, doc.published));
        pending.push(...articlesIn(s, agreements));
      }
      attachArticles(pending, agreements, doc.events!);
      doc.agreements = mergeAgreements(agreements, formal);
    },
  };
}
