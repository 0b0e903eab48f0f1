/**
 * The layout of src/ and web/ as .dependency-cruiser.cjs writes it down: which part may import
 * which, no cycles, no orphans, nothing of src/ in web/. The second test feeds the same rules a
 * deliberately bad tree (test/fixtures/layout) to show that they bite.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RULES = path.join(ROOT, '.dependency-cruiser.cjs');
const FIXTURE = path.join(ROOT, 'test/fixtures/layout');

/** the rules file's rules, for their comments */
const config = createRequire(import.meta.url)(RULES) as { forbidden: { name: string; comment?: string }[] };
const comments = new Map(config.forbidden.map((r) => [r.name, r.comment ?? '']));

/** Cruise `dirs` under `baseDir` with the layout rules; one line per violation. */
async function violations(baseDir: string, dirs: string[]): Promise<{ rule: string; line: string }[]> {
  const options = await extractDepcruiseOptions(RULES);
  const tsConfig = extractTSConfig(path.join(ROOT, 'tsconfig.json'));
  const r = await cruise(dirs, { ...options, baseDir, tsConfig: { fileName: path.join(ROOT, 'tsconfig.json') } }, undefined, { tsConfig });
  const out = r.output as ICruiseResult;
  return out.summary.violations.map((v: IViolation) => ({ rule: v.rule.name, line: describeViolation(v) }));
}

function describeViolation(v: IViolation): string {
  const why = comments.get(v.rule.name);
  if (v.cycle?.length) return `${v.rule.name}: ${[v.from, ...v.cycle.map((c) => c.name)].join(' → ')}`;
  return `${v.rule.name}: ${v.from}${v.to && v.to !== v.from ? ` → ${v.to}` : ''}${why ? `  (${why})` : ''}`;
}

describe('layout (.dependency-cruiser.cjs)', () => {
  it('src/ and web/ keep to it', async () => {
    const found = await violations(ROOT, ['src', 'web']);
    // one line each, so a failure reads as the list of what to fix
    expect(found.map((v) => v.line).join('\n')).toBe('');
  });

  it('catches an upward import, a cycle, src/ in web/, file reading in the API, an orphan and an unknown part', async () => {
    const found = await violations(FIXTURE, ['src', 'web']);
    const lines = found.map((v) => v.line);
    const has = (rule: string, ...words: string[]) => expect(lines.some((l) => l.startsWith(`${rule}:`) && words.every((w) => l.includes(w))), `${rule} ${words.join(' ')} in\n${lines.join('\n')}`).toBe(true);
    has('layout:store', 'src/store/rows.ts', 'src/app/use.ts');
    has('no-circular', 'src/query/a.ts', 'src/query/b.ts');
    has('layout:web', 'web/src/main.ts', 'src/core/types.ts');
    has('layout:api', 'src/api/server.ts', 'src/store/rows.ts');
    has('api-no-files', 'src/api/server.ts', 'fs');
    has('db-drivers-only-in-store', 'src/api/server.ts', 'pg');
    has('no-orphans', 'src/core/lonely.ts');
    has('no-unknown-part', 'src/misc/helper.ts');
    // and nothing else: the good arrows of the fixture (app → core, query → query) pass
    expect(found.filter((v) => v.line.includes('src/app/use.ts →'))).toEqual([]);
  });
});
