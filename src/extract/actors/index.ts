/**
 * Stage `actors`: dictionary actors, titles, surnames, role phrases and authors, resolved
 * across the document (see recognize.ts). In bylines, bios and signatures only the authors count.
 */
import type { Stage } from '../../core/doc.js';
import type { Mention } from '../../core/types.js';
import type { ActorKnowledge } from '../../knowledge/actors.js';
import { createActorRecognizer } from './recognize.js';

export function actorsStage(k: { actors: ActorKnowledge }): Stage {
  const recognize = createActorRecognizer(k.actors);
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
