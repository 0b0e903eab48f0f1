/**
 * Stage `actors`: dictionary actors, titles, surnames, role phrases and authors, resolved
 * across the document (see recognize.ts). In bylines, bios and signatures only the authors count.
 * Office holders are resolved on the Doc's `readAt` (its publication date, else the caller's);
 * with none, as the latest the data knows (LATEST_DAY in knowledge/actors.ts).
 */
import type { Stage } from '../../core/doc.js';
import type { Mention } from '../../core/types.js';
import { createActorRecognizer, type ActorsKnowledge } from './recognize.js';

export type { ActorsKnowledge };

export function actorsStage(k: ActorsKnowledge): Stage {
  const recognize = createActorRecognizer(k);
  return {
    name: 'actors',
    requires: ['keys'],
    assigns: ['actors'],
    run(doc) {
      const recognized = recognize({
        id: doc.id,
        date: doc.readAt,
        authors: doc.authors,
        text: doc.text,
        sentences: doc.sentences.map((s) => ({ idx: s.idx, text: s.text, start: s.start, toks: s.keys })),
      });
      const notProse = new Set(doc.sentences.filter((s) => !s.prose).map((s) => s.idx));
      const bySentence = new Map<number, Mention[]>();
      for (const m of recognized.mentions) {
        if (notProse.has(m.sentence) && m.via !== 'author') continue;
        (bySentence.get(m.sentence) ?? bySentence.set(m.sentence, []).get(m.sentence)!).push(m);
      }
      for (const s of doc.sentences) s.mentions = bySentence.get(s.idx) ?? [];
      doc.actors = recognized.actors;
    },
  };
}
