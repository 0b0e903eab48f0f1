/**
 * Issue #11: no module-level mutable state in src/. A cache, a memo or a counter belongs to an
 * object made per call or per load (the knowledge's KnowledgeSource, a pipeline, a store), so
 * two loads, two pipelines or two tests never see each other's state.
 *
 * This scans every non-test `.ts` under src/ with the TypeScript parser and checker and
 * reports: a top-level `let` or `var`; a top-level `const` made with `new Map/Set/WeakMap/
 * WeakSet/Array(…)` or an array or object literal (also inside `Object.freeze(…)`) that is
 * mutated anywhere in src/ — a mutating method called on it (`.set(`, `.add(`, `.push(`,
 * `.delete(`, `.clear(`, …) or an element written (`X[k] = …`, `X[k] += …`, `delete X[k]`).
 * References are resolved by the checker, so a local of the same name is not mistaken for the
 * module's, and a mutation through an import is found in the importing file.
 * Frozen tables, sets only read, and regular expressions are fine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const MUTATORS = new Set(['set', 'add', 'push', 'delete', 'clear', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin']);
const CONTAINERS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'Array']);

/** What a top-level const is initialised with, if it is a container that could hold state. */
function container(init: ts.Expression | undefined): string | null {
  let e = init;
  while (e && (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isTypeAssertionExpression(e))) e = e.expression;
  // Object.freeze(x): a frozen array or object cannot change, but a frozen Map or Set still can
  if (e && ts.isCallExpression(e) && e.expression.getText() === 'Object.freeze' && e.arguments.length === 1) {
    const inner = container(e.arguments[0]);
    return inner?.startsWith('new ') ? inner : null;
  }
  if (!e) return null;
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && CONTAINERS.has(e.expression.text)) return `new ${e.expression.text}`;
  if (ts.isArrayLiteralExpression(e)) return 'an array literal';
  if (ts.isObjectLiteralExpression(e)) return 'an object literal';
  return null;
}

/**
 * Offenders in a set of sources (path → text), as `file:line what`. One program over all of
 * them, so that a mutation in one module of a const exported by another is found too.
 */
export function moduleStateOffenders(sources: Record<string, string>): string[] {
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noLib: true, types: [], allowJs: false };
  const files = new Map(Object.entries(sources).map(([f, text]) => [path.resolve(f), text]));
  const host = ts.createCompilerHost(options);
  host.getSourceFile = (f, lang) => (files.has(path.resolve(f)) ? ts.createSourceFile(f, files.get(path.resolve(f))!, lang, true) : undefined);
  host.fileExists = (f) => files.has(path.resolve(f));
  host.readFile = (f) => files.get(path.resolve(f));
  host.directoryExists = () => true;
  const program = ts.createProgram([...files.keys()], options, host);
  const checker = program.getTypeChecker();
  const out: string[] = [];
  const where = (sf: ts.SourceFile, n: ts.Node) => `${path.relative(process.cwd(), sf.fileName)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;

  // 1. top-level let/var, and the containers to watch
  const watched = new Map<ts.Symbol, { at: string; name: string; what: string }>();
  const sfs = program.getSourceFiles().filter((sf) => files.has(path.resolve(sf.fileName)));
  for (const sf of sfs) {
    for (const st of sf.statements) {
      if (!ts.isVariableStatement(st)) continue;
      const flags = st.declarationList.flags;
      for (const d of st.declarationList.declarations) {
        if (!(flags & (ts.NodeFlags.Let | ts.NodeFlags.Const | ts.NodeFlags.Using))) {
          out.push(`${where(sf, d)} top-level var ${d.name.getText()}`);
        } else if (flags & ts.NodeFlags.Let) {
          out.push(`${where(sf, d)} top-level let ${d.name.getText()}`);
        } else if (ts.isIdentifier(d.name)) {
          const what = container(d.initializer);
          const sym = checker.getSymbolAtLocation(d.name);
          if (what && sym) watched.set(sym, { at: where(sf, d), name: d.name.text, what });
        }
      }
    }
  }

  // 2. mutations of a watched const, anywhere
  const target = (e: ts.Expression): ts.Symbol | undefined => {
    while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e)) e = e.expression;
    if (!ts.isIdentifier(e) && !ts.isPropertyAccessExpression(e)) return undefined;
    let sym = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(e) ? e.name : e);
    if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
    return sym && watched.has(sym) ? sym : undefined;
  };
  const mutated = new Map<ts.Symbol, string[]>();
  const note = (sym: ts.Symbol | undefined, sf: ts.SourceFile, n: ts.Node, how: string) => {
    if (!sym) return;
    if (!mutated.has(sym)) mutated.set(sym, []);
    mutated.get(sym)!.push(`${how} at ${where(sf, n)}`);
  };
  const isAssignment = (k: ts.SyntaxKind) => k >= ts.SyntaxKind.FirstAssignment && k <= ts.SyntaxKind.LastAssignment;
  for (const sf of sfs) {
    const visit = (n: ts.Node) => {
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && MUTATORS.has(n.expression.name.text)) {
        note(target(n.expression.expression), sf, n, `.${n.expression.name.text}(`);
      } else if (ts.isBinaryExpression(n) && isAssignment(n.operatorToken.kind) && ts.isElementAccessExpression(n.left)) {
        note(target(n.left.expression), sf, n, '[…] =');
      } else if (ts.isDeleteExpression(n) && ts.isElementAccessExpression(n.expression)) {
        note(target(n.expression.expression), sf, n, 'delete […]');
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  for (const [sym, hows] of mutated) {
    const w = watched.get(sym)!;
    out.push(`${w.at} top-level const ${w.name} (${w.what}) is mutated: ${hows.join(', ')}`);
  }
  return out.sort();
}

function sources(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts')) out[path.join(dir, f)] = readFileSync(path.join(dir, f), 'utf8');
  }
  return out;
}

describe('no module-level mutable state', () => {
  it('no top-level let/var, and no top-level Map, Set, array or object that is mutated, in src/', () => {
    const src = sources('src');
    expect(Object.keys(src).length).toBeGreaterThan(50);
    expect(moduleStateOffenders(src)).toEqual([]);
  });

  it('the scan catches what it is meant to catch', () => {
    const bad = [
      `let count = 0;`,
      `var seen;`,
      `const cache = new Map<string, number>();`,
      `export const names = new Set<string>();`,
      `const list: string[] = [];`,
      `const table: Record<string, number> = {};`,
      `const frozenMap = Object.freeze(new Map());`,
      `export function f(k: string) { cache.set(k, 1); list.push(k); table[k] = 2; frozenMap.clear(); count++; }`,
    ].join('\n');
    const other = `import { names } from './bad.js';\nexport function g(): void { names.add('x'); }`;
    const found = moduleStateOffenders({ 'scan/bad.ts': bad, 'scan/other.ts': other });
    expect(found).toHaveLength(7);
    expect(found.join('\n')).toMatch(/bad\.ts:1 top-level let count/);
    expect(found.join('\n')).toMatch(/bad\.ts:2 top-level var seen/);
    expect(found.join('\n')).toMatch(/bad\.ts:3 top-level const cache \(new Map\) is mutated: \.set\( at .*bad\.ts:8/);
    expect(found.join('\n')).toMatch(/bad\.ts:4 top-level const names \(new Set\) is mutated: \.add\( at .*other\.ts:2/);
    expect(found.join('\n')).toMatch(/top-level const list \(an array literal\)/);
    expect(found.join('\n')).toMatch(/top-level const table \(an object literal\) is mutated: \[…\] =/);
    expect(found.join('\n')).toMatch(/top-level const frozenMap \(new Map\)/);

    const fine = [
      `const QUOTES = new Set(['"', '“']);`,
      `const TABLE = Object.freeze({ a: 1 });`,
      `const RE = /^[A-Z]{3}$/;`,
      `const KINDS = ['a', 'b'] as const;`,
      `export function h(x: string) { const cache = new Map<string, number>(); cache.set(x, 1); const QUOTES = [] as string[]; QUOTES.push(x); return RE.test(x) && TABLE.a === 1 && KINDS.includes('a'); }`,
      `export class Memo { private seen = new Set<string>(); add(k: string) { this.seen.add(k); } }`,
    ].join('\n');
    expect(moduleStateOffenders({ 'scan/fine.ts': fine })).toEqual([]);
  });
});
