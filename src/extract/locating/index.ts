/**
 * Stage `locating`: where each event happens — the place named in its clause nearest its
 * trigger, never a city that stands only as an act's object ("pounded Kharkiv").
 */
import type { Stage } from '../../core/doc.js';
import { eachTriggered, type ClauseKnowledge } from '../clause/view.js';

export function locatingStage(k: ClauseKnowledge): Stage {
  return {
    name: 'locating',
    requires: ['modality'],
    assigns: ['locations'],
    run(doc) {
      eachTriggered(doc, k, (s, v, triggers) => {
        for (const tr of triggers) {
          if (!tr.pairs!.length) continue;
          const [a, b] = v.clauseBounds(tr.tok);
          const inClause = s.places!.filter((p) => !p.loose && p.span[0] >= a && p.span[1] <= b);
          if (!inClause.length) {
            tr.location = null;
            continue;
          }
          // the place nearest the trigger
          const at = v.toks[tr.tok].start;
          inClause.sort((x, y) => Math.abs(x.span[0] - at) - Math.abs(y.span[0] - at));
          tr.location = inClause[0].location;
        }
      });
    },
  };
}
