/** Stage `used`: the actors the document's mentions and events use, with their records. */
import type { Stage } from '../../core/doc.js';
import type { Actor } from '../../core/types.js';
import type { ActorKnowledge } from '../../knowledge/actors.js';

export function usedStage(k: { actors: ActorKnowledge }): Stage {
  return {
    name: 'used',
    requires: ['mentions', 'events'],
    assigns: ['used'],
    run(doc) {
      const used = new Map<string, Actor>();
      for (const m of doc.mentions!) {
        const a = doc.actors!.get(m.actor) ?? k.actors.actors.get(m.actor);
        if (a) used.set(a.id, a);
      }
      for (const e of doc.events!) {
        for (const id of [e.source, e.target]) {
          if (id && !used.has(id)) {
            // a branch an argument reader named ("detained 35,000 people" → the civilians of the country)
            const b = /^[A-Z]{6}$/.test(id) && k.actors.countryName.has(id.slice(0, 3)) ? k.actors.branch(id.slice(0, 3), id.slice(3)) : undefined;
            const a = k.actors.actors.get(id) ?? doc.actors?.get(id) ?? b;
            if (a) used.set(id, a);
          }
        }
      }
      doc.used = [...used.values()];
    },
  };
}
