/**
 * Issue #11: no `.ts` file under src/extract or src/knowledge holds an English word list or a
 * regular expression of English words — linguistic knowledge lives in data/ (data/lexicon and
 * the other knowledge files), checked at load. This scans the sources with the TypeScript
 * parser: arrays of two or more lower-case words, and regex literals or `new RegExp` strings
 * with a word of three or more letters outside escapes. Our own identifiers (the contract's
 * vocabularies, internal tags such as how a mention was found) are not English word lists;
 * they are listed below, each with where it comes from.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** identifiers of our own, not English words: vocabularies of the export contract and internal tags */
const OWN_IDENTIFIERS = new Set([
  // export contract: modality, form, flow status, claim kinds
  'factual', 'future', 'possible', 'negated', 'sought', 'clause', 'nominal', 'delivered', 'promised',
  'assessment', 'motive', 'prediction', 'recommendation', 'disagreement',
  // how a mention was found (Mention.via) and paragraph kinds of the document builder
  'dict', 'title', 'short', 'role', 'pair', 'author', 'adj', 'place', 'implied', 'body', 'byline', 'bio', 'signature', 'heading',
  // actor dictionary entry types and kinds
  'state', 'branch', 'org', 'person', 'ambiguous', 'contextual', 'government', 'military', 'igo', 'party', 'group', 'other', 'site', 'city', 'region',
  // the kinds of pair phrases in data/actors ("the two leaders")
  'leaders', 'countries', 'sides',
]);

/**
 * The schemas and the cross-reference checker describe the data files' formats (their keys and
 * enumerations), not English: they are not scanned.
 */
const FORMAT_FILES = [path.join('src', 'knowledge', 'schema'), path.join('src', 'knowledge', 'check.ts')];

export function offendersIn(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
  const out: string[] = [];
  const where = (n: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const englishWord = (s: string) => /^[a-z][a-z' -]*[a-z]$/.test(s) && !OWN_IDENTIFIERS.has(s);
  const englishRegex = (src: string) => [...src.replace(/\\[pPuxk]\{[^}]*\}|\\[a-zA-Z]|\[[^\]]*\]|\(\?<?[=!]?|\{\d+(,\d*)?\}/g, ' ').replace(/\/[gimsuy]*$/, '').matchAll(/[a-z]{3,}/g)].some((m) => !OWN_IDENTIFIERS.has(m[0]));
  const visit = (n: ts.Node) => {
    // a stage's declared needs are annotation names
    if (ts.isPropertyAssignment(n) && ['requires', 'assigns'].includes(n.name.getText())) return;
    if (ts.isArrayLiteralExpression(n)) {
      const words = n.elements.filter((e) => ts.isStringLiteral(e) && englishWord(e.text));
      if (words.length >= 2) out.push(`${where(n)} word list [${words.map((w) => (w as ts.StringLiteral).text).join(', ')}]`);
    } else if (ts.isRegularExpressionLiteral(n)) {
      if (englishRegex(n.text.slice(1))) out.push(`${where(n)} regex ${n.text}`);
    } else if (ts.isNewExpression(n) && n.expression.getText() === 'RegExp' && n.arguments?.[0] && ts.isStringLiteral(n.arguments[0])) {
      if (englishRegex(n.arguments[0].text)) out.push(`${where(n)} new RegExp("${n.arguments[0].text}")`);
    } else if (ts.isCaseClause(n) && ts.isStringLiteral(n.expression) && englishWord(n.expression.text)) {
      out.push(`${where(n)} case "${n.expression.text}"`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => path.join(dir, f))
    .filter((f) => !FORMAT_FILES.some((x) => f.startsWith(x)));
}

describe('linguistic knowledge lives in data/', () => {
  it('no English word list or regex of English words in src/extract or src/knowledge', () => {
    const offenders = [...sources('src/extract'), ...sources('src/knowledge')].flatMap((f) => offendersIn(f, readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the scan catches what it is meant to catch', () => {
    const bad = `const A = new Set(['agree', 'offer']); const B = /\\b(?:resolution|draft)\\b/i; const C = new RegExp('\\\\bwarned\\\\b'); switch (x) { case 'deny': break; }`;
    expect(offendersIn('x.ts', bad)).toHaveLength(4);
    const fine = `const P = new Set(['VERB', 'NOUN']); const R = /^[A-Z]{3}([A-Z]{3})$/; const T = /[\\p{L}\\p{N}]+/u; const m = ['factual', 'future'];`;
    expect(offendersIn('y.ts', fine)).toEqual([]);
  });
});
