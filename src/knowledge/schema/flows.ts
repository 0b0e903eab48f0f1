/**
 * flows/items.yaml — exchanged items: canonical name, flow category, surface terms. Read by
 * ../analysis.ts (the exchange ledger's `flow.item`, `flow.category`); sanctions files refer
 * to the item names.
 */
import { z } from 'zod';
import { phrase, phrases, version } from './common.js';

/** the `category` vocabulary of the export contract (FlowCategory in src/core/types.ts) */
export const FLOW_CATEGORIES = ['arms', 'technology', 'food', 'energy', 'medicine', 'materials', 'troops', 'labor', 'finance', 'diplomatic-support', 'other'] as const;
export const flowCategory = z.enum(FLOW_CATEGORIES);

export const itemsSchema = z.strictObject({
  version,
  items: z.array(z.strictObject({ item: phrase, category: flowCategory, terms: phrases.optional() })),
});

export type ItemsFile = z.infer<typeof itemsSchema>;
