/**
 * lexicon/*.yaml — the coder's linguistic knowledge that is not a pattern or a dictionary
 * entry: word classes, maps and cue expressions, looked up by name. Read and compiled by
 * ../lexicon.ts; a name is defined once across the files (../check.ts reports a second).
 *
 * A map named `…_code` (conventions.yaml: `intent_code`, `appeal_code`, …) gives CAMEO codes:
 * every value is a code of codebook/cameo.yaml, or "=" (the act keeps its own code).
 */
import { z } from 'zod';
import { FORMATS_ONLY, type RefTypes } from './common.js';

const name = z.string().regex(/^[a-z][a-z0-9_]*$/);
const doc = z.string().min(1);
const wordClass = z.object({ doc, words: z.array(z.string().min(1)).min(1) }).strict();
const mapping = z.object({ doc, entries: z.record(z.string(), z.string()) }).strict();
const cue = z
  .object({
    doc,
    /** a regular expression over the text; `\b` word boundaries are the caller's choice */
    pattern: z.string().min(1),
    flags: z.string().regex(/^[gimsuy]*$/).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    try {
      new RegExp(c.pattern, c.flags ?? '');
    } catch (e) {
      ctx.addIssue({ code: 'custom', path: ['pattern'], message: (e as Error).message });
    }
  });

/** the maps whose values are CAMEO codes */
export const CODE_MAP = /_code$/;
/** the value of a code map that keeps the act's own code */
export const SAME_CODE = '=';

/** The schema of a lexicon file; the values of its code maps are checked against the codebook through `t`. */
export function lexiconSchema({ cameoCode }: RefTypes) {
  return z
    .object({
      version: z.literal(1),
      about: z.string().optional(),
      classes: z.record(name, wordClass).optional(),
      maps: z.record(name, mapping).optional(),
      cues: z.record(name, cue).optional(),
    })
    .strict()
    .superRefine((f, ctx) => {
      for (const [m, map] of Object.entries(f.maps ?? {})) {
        if (!CODE_MAP.test(m)) continue;
        for (const [k, v] of Object.entries(map.entries)) {
          if (v === SAME_CODE) continue;
          const r = cameoCode.safeParse(v);
          if (!r.success) ctx.addIssue({ code: 'custom', path: ['maps', m, 'entries', k], message: `${r.error.issues[0].message} (nor "${SAME_CODE}", the act's own code): a map named *_code gives CAMEO codes` });
        }
      }
    });
}

/** The lexicon schema checking formats only (code maps: 2-4 digits or "="), for a lexicon built from parsed files. */
export const lexiconFileSchema = lexiconSchema(FORMATS_ONLY);

export type LexiconFile = z.infer<typeof lexiconFileSchema>;
