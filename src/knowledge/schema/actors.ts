/**
 * actors/*.yaml — the curated actor dictionaries read by ../actors.ts: the country overlay
 * on world-countries, organisations and armed groups, people with dated roles, and role
 * titles with the offices they resolve to. See data/actors/README.md.
 */
import { z } from 'zod';
import { alpha3, isoDate, phrase, phrases, version, type RefTypes } from './common.js';

// ---- countries.yaml -------------------------------------------------------------------

const overlay = z.strictObject({
  names: phrases.optional(),
  adjectives: phrases.optional(),
  ambiguous_names: phrases.optional(),
  context: phrases.optional(),
  government: phrases.optional(),
  military: phrases.optional(),
  media: phrases.optional(),
  drop_names: phrases.optional(),
  intelligence: phrases.optional(),
  legislature: phrases.optional(),
});

const ambiguity = ({ actorId }: RefTypes) =>
  z
    .strictObject({
      surface: phrase,
      /** state codes, or branch ids (USAMIL) where the choice is between branches */
      candidates: z.array(actorId),
      default: actorId.nullable(),
      prefer_if: z.record(z.string(), phrases),
    })
    .superRefine((a, ctx) => {
      if (a.default !== null && !a.candidates.includes(a.default)) ctx.addIssue({ code: 'custom', path: ['default'], message: `"${a.default}" is not one of the candidates` });
      for (const k of Object.keys(a.prefer_if)) if (!a.candidates.includes(k)) ctx.addIssue({ code: 'custom', path: ['prefer_if', k], message: `"${k}" is not one of the candidates` });
      if (a.candidates.length === 0 && a.default !== null) ctx.addIssue({ code: 'custom', path: ['default'], message: 'a stop phrase (no candidates) has default: null' });
    });

export const countriesSchema = (t: RefTypes) =>
  z.strictObject({
    version,
    /** overlay keyed by alpha-3; a code world-countries lacks must be in extra_states */
    countries: z.record(t.countryCode, overlay),
    /** states that no longer exist */
    historical: z
      .record(alpha3, z.strictObject({ name: phrase, names: phrases.optional(), adjectives: phrases.optional(), successor: t.countryCode.optional(), from: isoDate.optional(), until: isoDate.optional() }))
      .optional(),
    /** states the package lacks or marks non-independent */
    extra_states: z.record(alpha3, z.strictObject({ name: phrase, names: phrases.optional(), adjectives: phrases.optional(), capital: phrase.optional() })).nullable().optional(),
    ambiguities: z.array(ambiguity(t)).optional(),
  });

// ---- orgs.yaml ------------------------------------------------------------------------

const ORG_PREFIX = { igo: 'org:', group: 'group:', party: 'party:' } as const;

const org = ({ countryCode }: RefTypes) =>
  z
    .strictObject({
      id: z.string().regex(/^(?:org|group|party):[a-z0-9-]+$/, { error: 'expected org:<slug>, group:<slug> or party:<slug>' }),
      /** code exported as source_org/target_org; null for groups and parties */
      org: z.string().min(1).nullable(),
      name: phrase,
      kind: z.enum(['igo', 'group', 'party']),
      /** home state of a group or party */
      country: countryCode.nullable().optional(),
      names: phrases.optional(),
    })
    .superRefine((o, ctx) => {
      if (!o.id.startsWith(ORG_PREFIX[o.kind])) ctx.addIssue({ code: 'custom', path: ['id'], message: `a ${o.kind} has an id starting "${ORG_PREFIX[o.kind]}"` });
      if (o.kind === 'igo' && o.org === null) ctx.addIssue({ code: 'custom', path: ['org'], message: 'an igo needs an `org` code' });
    });

export const orgsSchema = (t: RefTypes) => z.strictObject({ version, orgs: z.array(org(t)) });

// ---- people.yaml, people-history.yaml -------------------------------------------------

const roleSpan = ({ roleCode, officeName }: RefTypes) =>
  z
    .strictObject({
      role: roleCode,
      title: z.string().min(1).optional(),
      from: isoDate.nullable(),
      /** exclusive: the day the successor took over; null while in office */
      until: isoDate.nullable(),
      office: officeName.nullable().optional(),
    })
    .superRefine((r, ctx) => {
      if (r.from && r.until && r.until < r.from) ctx.addIssue({ code: 'custom', path: ['until'], message: `ends (${r.until}) before it starts (${r.from})` });
    });

const person = (t: RefTypes) =>
  z.strictObject({
    id: z.string().regex(/^person:[a-z0-9-]+$/, { error: 'expected person:<slug of name>' }),
    name: phrase,
    /** the state the person acts for; null for officials of international organisations (with `org`) and transnational group leaders */
    country: t.countryCode.nullable(),
    /** organisation code (orgs.yaml `org`) of an international official */
    org: t.orgCode.optional(),
    names: phrases.optional(),
    short: phrases.optional(),
    roles: z.array(roleSpan(t)).optional(),
  });

export const peopleSchema = (t: RefTypes) => z.strictObject({ version, people: z.array(person(t)) });

// ---- roles.yaml -----------------------------------------------------------------------

export const rolesSchema = z.strictObject({
  version,
  roles: z.record(z.string().regex(/^[A-Z]{3}$/, { error: 'a role code is three capital letters' }), z.strictObject({ label: z.string().min(1), titles: phrases })),
  /** office → role phrases resolving to that office's holder */
  offices: z.record(z.string().regex(/^[a-z_]+$/, { error: 'an office is snake_case' }), phrases),
});

export type CountriesFile = z.infer<ReturnType<typeof countriesSchema>>;
export type OrgsFile = z.infer<ReturnType<typeof orgsSchema>>;
export type PeopleFile = z.infer<ReturnType<typeof peopleSchema>>;
export type RolesFile = z.infer<typeof rolesSchema>;
