/**
 * places/sites.yaml — curated sites a cities gazetteer lacks, with country and coordinates.
 * Read by ../places.ts (event `location`).
 */
import { z } from 'zod';
import { phrase, phrases, version, type RefTypes } from './common.js';

export const SITE_KINDS = [
  'spaceport', 'nuclear-site', 'missile-site', 'test-site', 'military-base', 'naval-base', 'air-base', 'shipyard', 'factory',
  'border-crossing', 'port', 'venue', 'region', 'sea', 'strait', 'island', 'city',
] as const;

export const sitesSchema = ({ countryCode }: RefTypes) =>
  z.strictObject({
    version,
    sites: z.array(
      z.strictObject({
        name: phrase,
        names: phrases.optional(),
        /** the state the place is in under international law; null for seas and areas of no single state */
        country: countryCode.nullable(),
        /** the state actually in control, where that differs */
        controlled_by: countryCode.optional(),
        lat: z.number().min(-90).max(90),
        lon: z.number().min(-180).max(180),
        kind: z.enum(SITE_KINDS),
      }),
    ),
  });

export type SitesFile = z.infer<ReturnType<typeof sitesSchema>>;
