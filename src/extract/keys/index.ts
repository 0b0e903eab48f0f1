/** Stage `keys`: every sentence's folded tokens, the form the compiled dictionaries match. */
import type { Stage } from '../../core/doc.js';
import { tokenize } from '../../knowledge/text.js';

export function keysStage(): Stage {
  return {
    name: 'keys',
    requires: [],
    assigns: ['keys'],
    run(doc) {
      for (const s of doc.sentences) s.keys = tokenize(s.text, s.start);
    },
  };
}
