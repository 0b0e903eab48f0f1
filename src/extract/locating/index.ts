/**
 * Stage `locating`: where each event happens — the place named in its clause nearest its
 * trigger, never a city that stands only as an act's object ("pounded Kharkiv").
 */
import type { Stage } from '../../core/doc.js';
import { viewOf, type ClauseKnowledge } from '../clause/view.js';
import { pairsOf } from '../coding/pairs.js';

export function locatingStage(k: ClauseKnowledge): Stage {
  return {
    name: 'locating',
    requires: ['modality'],
    assigns: ['locations'],
    run(doc) {
      for (const s of doc.sentences) {
        if (!s.triggers?.length) continue;
        const v = viewOf(k, doc.id, s);
        for (const tr of s.triggers) {
          if (!pairsOf(tr, tr.mood!).length) continue;
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
      }
    },
  };
}
