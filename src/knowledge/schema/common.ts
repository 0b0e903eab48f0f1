/**
 * Building blocks shared by the knowledge-file schemas: the `version` key, dates, phrases,
 * and the reference types (a CAMEO code, an item name, a country, …) that must resolve in
 * another file.
 *
 * A reference type always checks its format. It checks that the value resolves only when it
 * is made by `referenceTypes(refs)` with the known values, which `checkKnowledge` (../check.ts)
 * does after reading the files that define them; with `FORMATS_ONLY` (a lone
 * `validateKnowledgeFile`) it checks formats only. So a schema that names something defined in
 * another file is a function of the reference types (`(t: RefTypes) => z.ZodType`), and gets
 * the cross-reference checks by using `t.cameoCode`, `t.countryCode`, ….
 */
import { z } from 'zod';

/** One problem in one knowledge file. */
export interface KnowledgeIssue {
  /** path under data/, '/'-separated: `patterns/events.yaml` */
  file: string;
  /** key path inside the file: `verbs.seek.objects.talk`, `people[12].roles[0].from`; '' for the whole file */
  path: string;
  reason: string;
  /** 1-based line of the key, when it could be found */
  line?: number;
}

/** What the other files define, for resolving references. A missing entry is not checked. */
export interface KnowledgeRefs {
  /** CAMEO codes of codebook/cameo.yaml */
  cameo?: ReadonlySet<string>;
  /** canonical item names of flows/items.yaml */
  items?: ReadonlySet<string>;
  /** ISO alpha-3 codes of states: world-countries plus countries.yaml `historical` and `extra_states` */
  countries?: ReadonlySet<string>;
  /** actor ids of actors/orgs.yaml (`org:un`, `group:hamas`, …) */
  orgIds?: ReadonlySet<string>;
  /** organisation codes (`org:` values) of actors/orgs.yaml */
  orgCodes?: ReadonlySet<string>;
  /** role codes of actors/roles.yaml `roles` */
  roles?: ReadonlySet<string>;
  /** office names of actors/roles.yaml `offices` */
  offices?: ReadonlySet<string>;
  /** actor ids of actors/people*.yaml */
  people?: ReadonlySet<string>;
}

export const version = z.literal(1, { error: 'expected `version: 1` (bump it, and the schema, when a key changes meaning)' });

/**
 * A phrase matched in text (tokenized, so spacing does not matter). Plain string here, for
 * speed on the ~15,000 phrases; ../check.ts reports empty ones with the duplicates.
 */
export const phrase = z.string();
export const phrases = z.array(phrase);

const ISO_DATE = /^\d{4}-(\d{2})-(\d{2})$/;
const MONTH_DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** An ISO calendar date, YYYY-MM-DD, with a month and day that exist (29 February in any year). */
export const isoDate = z.string().superRefine((v, ctx) => {
  const m = ISO_DATE.exec(v);
  if (!m || +m[1] < 1 || +m[1] > 12 || +m[2] < 1 || +m[2] > MONTH_DAYS[+m[1]]) ctx.addIssue({ code: 'custom', message: `${JSON.stringify(v)} is not an ISO date (YYYY-MM-DD)` });
});

const CAMEO_FORMAT = z.string({ error: 'a CAMEO code is a quoted string of 2-4 digits ("042"): unquoted, leading zeros are lost' }).regex(/^\d{2,4}$/, { error: 'a CAMEO code is 2-4 digits' });
/** The format of a CAMEO code, for the codebook itself. */
export const cameoFormat = CAMEO_FORMAT;

const ALPHA3 = z.string().regex(/^[A-Z]{3}$/, { error: 'expected an ISO 3166-1 alpha-3 code (PRK)' });
export const alpha3 = ALPHA3;

/**
 * The reference types, resolving against `refs` (a set `refs` lacks is not checked: the
 * format still is). Made once per check; a schema that uses them takes them as its argument.
 */
export function referenceTypes(refs: KnowledgeRefs) {
  /** A string that must be in one of the `KnowledgeRefs` sets. */
  const ref = (kind: keyof KnowledgeRefs, base: z.ZodString, what: string) =>
    base.superRefine((v, ctx) => {
      const known = refs[kind];
      if (known && !known.has(v)) ctx.addIssue({ code: 'custom', message: `${JSON.stringify(v)} is not ${what}` });
    });
  return Object.freeze({
    /** A CAMEO code that exists in codebook/cameo.yaml (exactly: a sub-code the book lacks is an error, not its parent). */
    cameoCode: ref('cameo', CAMEO_FORMAT, 'a CAMEO code in codebook/cameo.yaml'),
    /** A state: an alpha-3 code that world-countries or actors/countries.yaml knows. */
    countryCode: ref('countries', ALPHA3, 'a country code (world-countries, or countries.yaml historical/extra_states)'),
    /** A canonical item name of flows/items.yaml. */
    itemName: ref('items', z.string().min(1), 'an item name in flows/items.yaml'),
    /** An organisation code (`org:` value) of actors/orgs.yaml. */
    orgCode: ref('orgCodes', z.string().min(1), 'an organisation code (`org`) in actors/orgs.yaml'),
    /** A role code of actors/roles.yaml. */
    roleCode: ref('roles', z.string().regex(/^[A-Z]{3}$/, { error: 'expected a 3-letter CAMEO role code (GOV)' }), 'a role in actors/roles.yaml'),
    /** An office of actors/roles.yaml `offices`, or `other` (a post no role phrase resolves to). */
    officeName: z.string().superRefine((v, ctx) => {
      const known = refs.offices;
      if (v !== 'other' && known && !known.has(v)) ctx.addIssue({ code: 'custom', message: `${JSON.stringify(v)} is not an office in actors/roles.yaml (or "other")` });
    }),
    /**
     * An actor id: a state (`PRK`), a branch (`USAMIL`: state + role), an organisation or group
     * of actors/orgs.yaml (`org:unsc`), or a person of actors/people*.yaml.
     */
    actorId: z.string().superRefine((v, ctx) => {
      const r = refs;
      let ok: boolean;
      if (/^[A-Z]{3}$/.test(v)) ok = !r.countries || r.countries.has(v);
      else if (/^[A-Z]{6}$/.test(v)) ok = (!r.countries || r.countries.has(v.slice(0, 3))) && (!r.roles || r.roles.has(v.slice(3)));
      else if (/^(?:org|group|party):[a-z0-9-]+$/.test(v)) ok = !r.orgIds || r.orgIds.has(v);
      else if (/^person:[a-z0-9-]+$/.test(v)) ok = !r.people || r.people.has(v);
      else {
        ctx.addIssue({ code: 'custom', message: `${JSON.stringify(v)} is not an actor id (PRK, USAMIL, org:…, group:…, party:…, person:…)` });
        return;
      }
      if (!ok) ctx.addIssue({ code: 'custom', message: `${JSON.stringify(v)} does not resolve to a known state, branch, organisation or person` });
    }),
  });
}

/** The reference types a schema is written against. */
export type RefTypes = ReturnType<typeof referenceTypes>;

/** Reference types that check formats only (no other file read). */
export const FORMATS_ONLY: RefTypes = referenceTypes({});
