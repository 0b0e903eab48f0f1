/**
 * wep.yaml — words of estimative probability: the ICD 203 scale, analysts' hedges and
 * negation. Read by ../analysis.ts (the claim extractor's `likelihood` and `wep`).
 */
import { z } from 'zod';
import { phrase, phrases, version } from './common.js';

const probability = z.number().min(0).max(1);

const band = z
  .strictObject({
    label: z.string().min(1),
    band: z.tuple([probability, probability]),
    /** the band's midpoint */
    likelihood: probability,
    phrases,
  })
  .superRefine((b, ctx) => {
    const [lo, hi] = b.band;
    if (lo > hi) ctx.addIssue({ code: 'custom', path: ['band'], message: `band [${lo}, ${hi}] runs backwards` });
    const mid = Math.round(((lo + hi) / 2) * 1000) / 1000;
    if (Math.abs(mid - b.likelihood) > 0.0005) ctx.addIssue({ code: 'custom', path: ['likelihood'], message: `${b.likelihood} is not the band's midpoint ${mid}` });
  });

export const wepSchema = z.strictObject({
  version,
  scale: z.array(band),
  hedges: z.array(z.strictObject({ phrase, likelihood: probability, modal: z.boolean().optional() })),
  negation: z.strictObject({
    /** the rule for a negator before a phrase no pattern covers: p → 1 − p (the only rule the extractor implements) */
    default: z.literal('complement'),
    /** single words compared with one token each ("n't" is recognised by the extractor itself) */
    negators: phrases,
    /** tokens before the phrase searched for a negator: fixed at 3 in the extractor */
    window: z.literal(3),
    patterns: z.array(z.strictObject({ pattern: phrase, likelihood: probability, modal: z.boolean().optional() })),
  }),
});

export type WepFile = z.infer<typeof wepSchema>;
