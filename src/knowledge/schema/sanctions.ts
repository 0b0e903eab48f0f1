/**
 * sanctions/*.yaml — one sanctions regime per file: its legal acts and, per provision, what
 * it matches (`applies_to`). Read by ../analysis.ts (the `compliance` stage); the layout is
 * described in data/sanctions/README.md.
 */
import { z } from 'zod';
import { flowCategory } from './flows.js';
import { isoDate, version, type RefTypes } from './common.js';

const appliesTo = ({ cameoCode, itemName }: RefTypes) =>
  z.strictObject({
    directions: z.array(z.enum(['from_target', 'to_target', 'by_target'])).min(1),
    categories: z.array(flowCategory).optional(),
    /** canonical item names of flows/items.yaml */
    items: z.array(itemName).optional(),
    /** CAMEO codes of codebook/cameo.yaml */
    cameo: z.array(cameoCode).optional(),
  });

const cap = z.strictObject({
  amount: z.number().positive(),
  unit: z.string().min(1),
  /** a second measure of the same ceiling (barrels and tonnes) */
  alt_amount: z.number().positive().optional(),
  alt_unit: z.string().min(1).optional(),
  period: z.string().min(1),
  from: isoDate.optional(),
});

const provision = (t: RefTypes) =>
  z.strictObject({
    /** unique within the act */
    id: z.string().regex(/^[a-z0-9-]+$/, { error: 'a provision id is kebab-case' }),
    /** what compliance.provision shows */
    label: z.string().min(1),
    kind: z.enum(['prohibition', 'cap', 'obligation', 'enforcement', 'listing', 'monitoring', 'mechanism']),
    /** false for a measure the body only "calls upon"; omitted when binding */
    binding: z.boolean().optional(),
    summary: z.string().min(1).optional(),
    until: isoDate.optional(),
    ended: isoDate.optional(),
    deadline: isoDate.optional(),
    /** a mechanism's dates: when it was set off, when it took effect */
    triggered: isoDate.optional(),
    effective: isoDate.optional(),
    cap: cap.optional(),
    superseded_by: z.string().min(1).optional(),
    /** null: informational only, never matched */
    applies_to: appliesTo(t).nullable(),
  });

export const sanctionsSchema = (t: RefTypes) =>
  z
    .strictObject({
      version,
      regime: z.string().min(1),
      /** stable id, unique across files */
      id: z.string().regex(/^[a-z0-9-]+$/, { error: 'a regime id is kebab-case' }),
      target: t.countryCode,
      body: z.string().min(1),
      committee: z.string().min(1).optional(),
      status: z.enum(['in-force', 'disputed', 'lifted', 'expired']),
      notes: z.array(z.string().min(1)).optional(),
      resolutions: z.array(
        z.strictObject({
          id: z.string().min(1),
          adopted: isoDate,
          occasion: z.string().min(1).optional(),
          reapplied: isoDate.optional(),
          provisions: z.array(provision(t)).optional(),
        }),
      ),
    })
    .superRefine((r, ctx) => {
      const acts = new Set(r.resolutions.map((x) => x.id));
      r.resolutions.forEach((res, i) => {
        const ids = new Set<string>();
        (res.provisions ?? []).forEach((p, j) => {
          if (ids.has(p.id)) ctx.addIssue({ code: 'custom', path: ['resolutions', i, 'provisions', j, 'id'], message: `"${p.id}" is listed twice in ${res.id}` });
          ids.add(p.id);
          if (p.superseded_by && !acts.has(p.superseded_by)) ctx.addIssue({ code: 'custom', path: ['resolutions', i, 'provisions', j, 'superseded_by'], message: `"${p.superseded_by}" is not a resolution of this file` });
        });
      });
    });

export type SanctionsFile = z.infer<ReturnType<typeof sanctionsSchema>>;
