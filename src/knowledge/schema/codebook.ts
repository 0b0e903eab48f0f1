/**
 * codebook/cameo.yaml — CAMEO codes with label, Goldstein value and PLOVER mapping; the
 * root → QuadClass table; PLOVER event types and their modes. Read by ../codebook.ts.
 */
import { z } from 'zod';
import { cameoFormat, version } from './common.js';

const quad = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: 'a QuadClass is 1, 2, 3 or 4' });

const plover = z.strictObject({
  /** one of plover_events, or null: no PLOVER equivalent */
  event: z.string().nullable(),
  /** one of that event's modes, or null */
  mode: z.string().nullable(),
  /** optional PLOVER context: one of `contexts` */
  context: z.string().optional(),
  /** PLOVER puts the actors the other way round from CAMEO (043) */
  reverse: z.boolean().optional(),
});

const code = z.strictObject({
  code: cameoFormat,
  label: z.string().min(1),
  goldstein: z.number().min(-10).max(10),
  plover,
});

export const codebookSchema = z
  .strictObject({
    version,
    quad_of_root: z.record(z.string().regex(/^\d{2}$/, { error: 'a CAMEO root is two digits ("01")' }), quad),
    plover_events: z.record(z.string().regex(/^[A-Z]+$/, { error: 'PLOVER event types are upper case' }), z.strictObject({ quad, modes: z.array(z.string().min(1)) })),
    contexts: z.array(z.string().min(1)),
    codes: z.array(code).min(1),
  })
  .superRefine((book, ctx) => {
    const seen = new Map<string, number>();
    const contexts = new Set(book.contexts);
    book.codes.forEach((c, i) => {
      const at = (...p: (string | number)[]) => ['codes', i, ...p];
      if (seen.has(c.code)) ctx.addIssue({ code: 'custom', path: at('code'), message: `"${c.code}" is listed twice (also codes[${seen.get(c.code)}])` });
      else seen.set(c.code, i);
      const root = c.code.slice(0, 2);
      if (!(root in book.quad_of_root)) ctx.addIssue({ code: 'custom', path: at('code'), message: `root "${root}" has no entry in quad_of_root` });
      const { event, mode, context } = c.plover;
      if (event === null) {
        if (mode !== null) ctx.addIssue({ code: 'custom', path: at('plover', 'mode'), message: `mode "${mode}" without a PLOVER event` });
      } else if (!(event in book.plover_events)) {
        ctx.addIssue({ code: 'custom', path: at('plover', 'event'), message: `"${event}" is not a PLOVER event type in plover_events` });
      } else if (mode !== null && !book.plover_events[event].modes.includes(mode)) {
        ctx.addIssue({ code: 'custom', path: at('plover', 'mode'), message: `"${mode}" is not a mode of ${event} (plover_events.${event}.modes: ${book.plover_events[event].modes.join(', ') || 'none'})` });
      }
      if (context !== undefined && !contexts.has(context)) ctx.addIssue({ code: 'custom', path: at('plover', 'context'), message: `"${context}" is not in contexts` });
    });
    // every sub-code sits under a code the book has: 0231 under 023, 023 under 02
    for (const [c, i] of seen) {
      if (c.length > 2 && !seen.has(c.slice(0, -1))) {
        ctx.addIssue({ code: 'custom', path: ['codes', i, 'code'], message: `"${c}" has no parent code "${c.slice(0, -1)}" in the book` });
      }
    }
    for (let r = 1; r <= 20; r++) {
      const root = String(r).padStart(2, '0');
      if (!(root in book.quad_of_root)) ctx.addIssue({ code: 'custom', path: ['quad_of_root'], message: `root "${root}" is missing` });
      if (!seen.has(root)) ctx.addIssue({ code: 'custom', path: ['codes'], message: `root code "${root}" is missing` });
    }
  });

export type CodebookFile = z.infer<typeof codebookSchema>;
