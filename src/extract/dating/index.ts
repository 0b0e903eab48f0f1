/**
 * Stage `dating`: each event's own date, at the precision the text gives — the time
 * expression nearest its trigger in its clause (chrono-node, read against the story's date),
 * else, for a factual clause in the article's lead, the story's month. Time expressions are
 * parsed once per sentence, separately for what happened and for what is expected, and only
 * in sentences with an event (chrono is the dearest step).
 */
import type { Stage } from '../../core/doc.js';
import { eachTriggered, type ClauseKnowledge } from '../clause/view.js';
import type { DateFinder, Found } from '../dates/find.js';

export function datingStage(k: ClauseKnowledge, finder: DateFinder): Stage {
  return {
    name: 'dating',
    requires: ['modality'],
    assigns: ['dates'],
    run(doc) {
      eachTriggered(doc, k, (s, v, triggers) => {
        const dates: { past?: Found[]; future?: Found[] } = {};
        for (const tr of triggers) {
          const modality = tr.mood!;
          if (!tr.pairs!.length) continue;
          const which = modality === 'future' ? 'future' : 'past';
          dates[which] ??= finder.findDates(s.text, doc.readAt, which === 'future' ? 'future' : 'factual');
          let date = finder.resolveEventDate(dates[which]!, s.start, v.toks[tr.tok].start, v.clauseBounds(tr.tok));
          if (!date && s.lead && modality === 'factual' && tr.form === 'clause' && doc.published) date = doc.published.slice(0, 7);
          tr.date = date;
        }
      });
    },
  };
}
