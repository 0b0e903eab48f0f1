/**
 * The registry of knowledge-file schemas: which zod schema checks which file under data/.
 *
 * Every YAML file under data/ should match one entry (the first that matches is used). A
 * file no entry matches is loaded unchecked and `statecraft knowledge check` warns about it
 * ("no schema registered"), so a new file is visible until its schema is added.
 *
 * To add a file (say data/briefings/sources.yaml):
 *   1. write its schema in src/knowledge/schema/<family>.ts with `z.strictObject` (unknown
 *      keys are errors), `version` from ./common.ts, and — wherever it names something defined
 *      in another file — the reference types of ./common.ts (`t.cameoCode`, `t.countryCode`,
 *      `t.itemName`, `t.actorId`, …), which makes the schema a function of them,
 *      `(t: RefTypes) => z.strictObject(…)`: that is what gives it the cross-reference checks.
 *      Keep the schema here, not in the loader module: loaders import ../load.ts, which
 *      imports this registry, so importing a loader from here would be an import cycle;
 *   2. add one line to KNOWLEDGE_SCHEMAS below: `{ files: 'briefings/sources.yaml', schema: … }`
 *      (`files` is a path under data/ or a glob: `*` within one folder, `**` across folders);
 *   3. read the file in its loader through the load's source, `source.load('briefings/sources.yaml')`
 *      (../load.ts), which validates it against this entry, and call `assertKnowledge(source)`
 *      (../check.ts) in the loader so cross-references are checked at start-up (once per load).
 * Checks that span several files (duplicate phrases, coverage) live in ../check.ts.
 */
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { KnowledgeError } from '../../core/errors.js';
import { countriesSchema, orgsSchema, peopleSchema, rolesSchema } from './actors.js';
import { codebookSchema } from './codebook.js';
import { FORMATS_ONLY, referenceTypes, type KnowledgeIssue, type KnowledgeRefs, type RefTypes } from './common.js';
import { itemsSchema } from './flows.js';
import { lexiconSchema } from './lexicon.js';
import { patternsSchema } from './patterns.js';
import { sitesSchema } from './places.js';
import { sanctionsSchema } from './sanctions.js';
import { wepSchema } from './wep.js';

export type { KnowledgeIssue, KnowledgeRefs, RefTypes } from './common.js';

export interface KnowledgeFileSchema {
  /** a path under data/ ('wep.yaml') or a glob ('sanctions/*.yaml') */
  readonly files: string;
  /** the file's schema, made with the reference types it resolves its references with */
  readonly schema: (t: RefTypes) => z.ZodType;
  /** start-up fails when no file matches */
  readonly required?: boolean;
}

export const KNOWLEDGE_SCHEMAS: readonly KnowledgeFileSchema[] = Object.freeze(
  [
    { files: 'codebook/cameo.yaml', schema: () => codebookSchema, required: true },
    { files: 'patterns/events.yaml', schema: patternsSchema, required: true },
    { files: 'patterns/*.yaml', schema: patternsSchema },
    { files: 'actors/countries.yaml', schema: countriesSchema },
    { files: 'actors/orgs.yaml', schema: orgsSchema },
    { files: 'actors/people*.yaml', schema: peopleSchema },
    { files: 'actors/roles.yaml', schema: () => rolesSchema },
    { files: 'wep.yaml', schema: () => wepSchema },
    { files: 'flows/items.yaml', schema: () => itemsSchema },
    { files: 'places/sites.yaml', schema: sitesSchema },
    { files: 'sanctions/*.yaml', schema: sanctionsSchema },
    { files: 'lexicon/*.yaml', schema: lexiconSchema },
  ].map((e): KnowledgeFileSchema => Object.freeze(e)),
);

function globRe(glob: string): RegExp {
  const body = glob.split(/(\*\*\/?|\*)/).map((part) => (part.startsWith('**') ? '(?:.*/)?' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`);
}

/** the file pattern of each registry entry, in the registry's order */
const MATCHERS: readonly RegExp[] = Object.freeze(KNOWLEDGE_SCHEMAS.map((e) => globRe(e.files)));

/** The registry entry for a file (path under data/, '/'-separated), if any. */
export function schemaEntryFor(rel: string): KnowledgeFileSchema | null {
  const i = MATCHERS.findIndex((re) => re.test(rel));
  return i < 0 ? null : KNOWLEDGE_SCHEMAS[i];
}

/**
 * The registry's schemas with references resolved against `refs` (none given: formats only),
 * each made on first use — for one check; `schemas(entry)` is the entry's schema.
 */
export function schemasWith(refs?: KnowledgeRefs): (entry: KnowledgeFileSchema) => z.ZodType {
  const types = refs ? referenceTypes(refs) : FORMATS_ONLY;
  const made = new Map<KnowledgeFileSchema, z.ZodType>();
  return (entry) => {
    let s = made.get(entry);
    if (!s) made.set(entry, (s = entry.schema(types)));
    return s;
  };
}


/** A key path as people read it: `verbs.seek.objects.talk`, `people[12].roles[0]`, `objects["military aid"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) {
    if (typeof p === 'number') s += `[${p}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(String(p))) s += (s ? '.' : '') + String(p);
    else s += `[${JSON.stringify(String(p))}]`;
  }
  return s;
}

/**
 * Issues of one parsed file against its schema, references resolved by `schemas` (from
 * `schemasWith(refs)`; formats only when not given); none for an unregistered file.
 */
export function schemaIssues(rel: string, data: unknown, schemas = schemasWith()): { issues: KnowledgeIssue[]; raw: { path: PropertyKey[]; reason: string }[] } {
  const entry = schemaEntryFor(rel);
  if (!entry) return { issues: [], raw: [] };
  const r = schemas(entry).safeParse(data);
  if (r.success) return { issues: [], raw: [] };
  const raw: { path: PropertyKey[]; reason: string }[] = [];
  for (const iss of r.error.issues) {
    if (iss.code === 'unrecognized_keys') {
      for (const k of iss.keys) raw.push({ path: [...iss.path, k], reason: `unknown key "${k}" (not in this file's schema; remove it, or add it to the schema and the loader)` });
    } else if (iss.code === 'invalid_key') {
      const inner = (iss.issues ?? []).map((x) => x.message).join('; ');
      raw.push({ path: iss.path, reason: `invalid key ${JSON.stringify(String(iss.path.at(-1)))}: ${inner || iss.message}` });
    } else if (iss.code === 'invalid_type' && /received undefined$/.test(iss.message)) {
      raw.push({ path: iss.path, reason: `missing required key (expected ${iss.expected})` });
    } else {
      raw.push({ path: iss.path, reason: iss.message });
    }
  }
  return { issues: raw.map((x) => ({ file: rel, path: formatPath(x.path), reason: x.reason })), raw };
}

/**
 * Line numbers for issues of one file, from its text: `lineFinder(text)(path)` is the line of
 * the deepest key of the path that exists (the key itself for an unknown key, its parent for
 * a missing one). Only used when there are issues, so start-up never pays for it.
 */
export function lineFinder(text: string): (path: readonly PropertyKey[]) => number | undefined {
  const lc = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter: lc });
  } catch {
    return () => undefined;
  }
  return (path) => {
    let node: Node | null | undefined = doc.contents as Node | null;
    let at: number | undefined = node?.range?.[0];
    for (const seg of path) {
      if (node && isAlias(node)) node = node.resolve(doc) as Node | undefined;
      if (node && isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
        if (!pair) break;
        at = (pair.key as Node | null)?.range?.[0] ?? at;
        node = pair.value as Node | null;
      } else if (node && isSeq(node) && typeof seg === 'number') {
        node = node.items[seg] as Node | undefined;
        if (!node) break;
        at = node.range?.[0] ?? at;
      } else break;
    }
    return at === undefined ? undefined : lc.linePos(at).line;
  };
}

/**
 * Check one parsed file against its schema; throw a KnowledgeError naming file, key path and
 * reason. A file no schema is registered for passes here (`checkKnowledge` reports it).
 * `dir` is how the error shows the knowledge directory.
 */
export function validateParsed(rel: string, data: unknown, text: () => string, dir = 'data'): void {
  if (!schemaEntryFor(rel)) return;
  const { issues, raw } = schemaIssues(rel, data);
  if (!issues.length) return;
  const first = { ...issues[0], line: lineFinder(text())(raw[0].path) };
  throw new KnowledgeError(first, issues.length - 1, dir);
}
