/**
 * The registry of knowledge-file schemas: which zod schema checks which file under data/.
 *
 * Every YAML file under data/ should match one entry (the first that matches is used). A
 * file no entry matches is loaded unchecked and `statecraft knowledge check` warns about it
 * ("no schema registered"), so a new file is visible until its schema is added.
 *
 * To add a file (say data/lexicon/hedges.yaml):
 *   1. write its schema in src/knowledge/schema/<family>.ts with `z.strictObject` (unknown
 *      keys are errors), `version` from ./common.ts, and the reference types of ./common.ts
 *      (`cameoCode`, `countryCode`, `itemName`, `actorId`, …) wherever it names something
 *      defined in another file — that is what gives it the cross-reference checks. Keep the
 *      schema here, not in the loader module: loaders import ../load.ts, which imports this
 *      registry, so importing a loader from here would be an import cycle;
 *   2. add one line to KNOWLEDGE_SCHEMAS below: `{ files: 'lexicon/hedges.yaml', schema: … }`
 *      (`files` is a path under data/ or a glob: `*` within one folder, `**` across folders);
 *   3. read the file with `loadYaml(dataDir, 'lexicon/hedges.yaml')` (../load.ts), which
 *      validates it against this entry, and call `assertKnowledge(dataDir)` (../check.ts)
 *      in the loader so cross-references are checked at start-up.
 * Checks that span several files (duplicate phrases, coverage) live in ../check.ts.
 */
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { KnowledgeError } from '../../core/errors.js';
import { countriesSchema, orgsSchema, peopleSchema, rolesSchema } from './actors.js';
import { codebookSchema } from './codebook.js';
import type { KnowledgeIssue } from './common.js';
import { itemsSchema } from './flows.js';
import { patternsExtraSchema, patternsSchema } from './patterns.js';
import { sitesSchema } from './places.js';
import { sanctionsSchema } from './sanctions.js';
import { wepSchema } from './wep.js';

export type { KnowledgeIssue, KnowledgeRefs } from './common.js';
export { withRefs } from './common.js';

export interface KnowledgeFileSchema {
  /** a path under data/ ('wep.yaml') or a glob ('sanctions/*.yaml') */
  files: string;
  schema: z.ZodType;
  /** start-up fails when no file matches */
  required?: boolean;
}

export const KNOWLEDGE_SCHEMAS: KnowledgeFileSchema[] = [
  { files: 'codebook/cameo.yaml', schema: codebookSchema, required: true },
  { files: 'patterns/events.yaml', schema: patternsSchema, required: true },
  { files: 'patterns/*.yaml', schema: patternsSchema },
  { files: 'patterns/*.yaml', schema: patternsExtraSchema },
  { files: 'actors/countries.yaml', schema: countriesSchema },
  { files: 'actors/orgs.yaml', schema: orgsSchema },
  { files: 'actors/people*.yaml', schema: peopleSchema },
  { files: 'actors/roles.yaml', schema: rolesSchema },
  { files: 'wep.yaml', schema: wepSchema },
  { files: 'flows/items.yaml', schema: itemsSchema },
  { files: 'places/sites.yaml', schema: sitesSchema },
  { files: 'sanctions/*.yaml', schema: sanctionsSchema },
];

const globs = new Map<string, RegExp>();
function globRe(glob: string): RegExp {
  let re = globs.get(glob);
  if (!re) {
    const body = glob.split(/(\*\*\/?|\*)/).map((part) => (part.startsWith('**') ? '(?:.*/)?' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))).join('');
    globs.set(glob, (re = new RegExp(`^${body}$`)));
  }
  return re;
}

/** The registry entry for a file (path under data/, '/'-separated), if any. */
export function schemaEntryFor(rel: string): KnowledgeFileSchema | null {
  return KNOWLEDGE_SCHEMAS.find((e) => globRe(e.files).test(rel)) ?? null;
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

/** Issues of one parsed file against its schema (references resolve against `withRefs`, if set); none for an unregistered file. */
export function schemaIssues(rel: string, data: unknown): { issues: KnowledgeIssue[]; raw: { path: PropertyKey[]; reason: string }[] } {
  const entry = schemaEntryFor(rel);
  if (!entry) return { issues: [], raw: [] };
  const r = entry.schema.safeParse(data);
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
