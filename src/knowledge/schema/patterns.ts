/**
 * patterns/*.yaml (events.yaml first) — verb and noun patterns mapping wording to CAMEO
 * codes. Read and merged by ../patterns.ts; the keys are the fields of its VerbPattern and
 * NounPattern, which the event coder reads. Every code must exist in the codebook.
 */
import { z } from 'zod';
import { version, type RefTypes } from './common.js';

const word = z.string().min(1);
/** The schema of a patterns file: verbs and nouns, with their codes checked against the codebook through `t`. */
export function patternsSchema({ cameoCode, actorId }: RefTypes) {
  /** lemma → code; null: the object names no event ("hold an election") */
  const codeTable = z.record(word, cameoCode.nullable());
  const codeTableStrict = z.record(word, cameoCode);

  const verb = z
    .strictObject({
      /** default code when no object rule matches (omit: the verb needs one of its objects) */
      code: cameoCode.optional(),
      /** object lemma (within the next few tokens) → code */
      objects: codeTable.optional(),
      /** prepositions that introduce the target */
      preps: z.array(word).optional(),
      /** joint subjects give one event in each direction */
      symmetric: z.boolean().optional(),
      /** also code the other direction with this code */
      reverse: cameoCode.optional(),
      /** the act needs no target (launches, tests, drills) */
      no_target: z.boolean().optional(),
      /** a verb of speech: used for attribution, not coded */
      attribution: z.boolean().optional(),
      /** code when an untargeted act has a target after all */
      with_target: cameoCode.optional(),
      /** the target when the text names none (a veto is cast at the Security Council) */
      default_target: actorId.optional(),
      /** receiving verbs: with one of these objects the thing comes from the source */
      from_source: codeTableStrict.optional(),
    })
    .superRefine((v, ctx) => {
      if (v.code === undefined && !v.objects && !v.from_source && !v.attribution && v.with_target === undefined) {
        ctx.addIssue({ code: 'custom', message: 'codes nothing: give `code`, `objects`, `from_source`, `with_target` or `attribution`' });
      }
    });

  const noun = z
    .strictObject({
      code: cameoCode,
      symmetric: z.boolean().optional(),
      reverse: cameoCode.optional(),
      /** prepositions introducing the target */
      target: z.array(word).optional(),
      /** prepositions introducing the source */
      source: z.array(word).optional(),
      /** a preceding modifier lemma → code */
      modifiers: codeTableStrict.optional(),
      /** "sale of X": the object after "of" → code */
      of_object: codeTableStrict.optional(),
      /** only an event with one of `modifiers` (or `of_object`) */
      requires_modifier: z.boolean().optional(),
      /** only an event with one of `participle` ("signed an agreement") */
      requires_participle: z.boolean().optional(),
      /** only an event when a target is named */
      requires_target: z.boolean().optional(),
      participle: z.array(word).optional(),
      no_target: z.boolean().optional(),
    })
    .superRefine((n, ctx) => {
      if (n.requires_modifier && !n.modifiers && !n.of_object) ctx.addIssue({ code: 'custom', path: ['requires_modifier'], message: 'requires a modifier but lists no `modifiers` or `of_object`: never matches' });
      if (n.requires_participle && !n.participle?.length) ctx.addIssue({ code: 'custom', path: ['requires_participle'], message: 'requires a participle but lists no `participle`: never matches' });
    });

  return z.strictObject({
    version,
    verbs: z.record(word, verb).optional(),
    nouns: z.record(word, noun).optional(),
    /** verbs of wanting: the event they govern is "sought" */
    desire_verbs: z.array(word).optional(),
    /** verbs that negate the event they govern */
    negating_verbs: z.array(word).optional(),
  });
}

export type PatternsFile = z.infer<ReturnType<typeof patternsSchema>>;

/** Every CAMEO code a patterns file uses, with its key path (for coverage). */
export function patternCodes(p: PatternsFile): { code: string; path: string[] }[] {
  const out: { code: string; path: string[] }[] = [];
  const table = (t: Record<string, string | null> | undefined, at: string[]) => {
    for (const [k, c] of Object.entries(t ?? {})) if (c) out.push({ code: c, path: [...at, k] });
  };
  for (const [lemma, v] of Object.entries(p.verbs ?? {})) {
    for (const key of ['code', 'reverse', 'with_target'] as const) if (v[key]) out.push({ code: v[key]!, path: ['verbs', lemma, key] });
    table(v.objects, ['verbs', lemma, 'objects']);
    table(v.from_source, ['verbs', lemma, 'from_source']);
  }
  for (const [name, n] of Object.entries(p.nouns ?? {})) {
    out.push({ code: n.code, path: ['nouns', name, 'code'] });
    if (n.reverse) out.push({ code: n.reverse, path: ['nouns', name, 'reverse'] });
    table(n.modifiers, ['nouns', name, 'modifiers']);
    table(n.of_object, ['nouns', name, 'of_object']);
  }
  return out;
}
