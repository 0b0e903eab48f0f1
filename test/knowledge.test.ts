/**
 * The knowledge-file checks (src/knowledge/check.ts): the real data/ passes; a copy of data/
 * with one file broken is reported with the file, the key path and the reason, and stops a
 * loader with a KnowledgeError.
 *
 * A copy is a tree of symlinks to data/ with the broken file written as a real file. Every call
 * given a directory reads it afresh (parses and checks are shared only within one load, one
 * KnowledgeSource: src/knowledge/load.ts).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { knowledgeCheck } from '../src/app/knowledge.js';
import { KnowledgeError, StatecraftError } from '../src/core/errors.js';
import { assertKnowledge, checkKnowledge, type KnowledgeIssue } from '../src/knowledge/check.js';
import { DEFAULT_DATA_DIR, loadYaml } from '../src/knowledge/load.js';
import { loadLexicon } from '../src/knowledge/lexicon.js';
import { KnowledgeSource } from '../src/knowledge/load.js';
import { linkData, thrownBy } from './support/data.js';
import { loadPatterns } from '../src/knowledge/patterns.js';

const DATA = DEFAULT_DATA_DIR;
const tmp = mkdtempSync(path.join(tmpdir(), 'statecraft-knowledge-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let copies = 0;
/** A copy of data/ as symlinks, without the lexicon files (tested apart, with `withLexicon` below), so that only what a test breaks can fail. */
function copyOfData(): string {
  return linkData(path.join(tmp, `copy-${++copies}`), ['lexicon'], DATA);
}

/** A copy of data/ with one occurrence of `from` in `rel` replaced by `to` (the same edit: the same copy). */
const brokenCopies = new Map<string, string>();
function broken(rel: string, from: string, to: string): string {
  const key = JSON.stringify([rel, from, to]);
  let dir = brokenCopies.get(key);
  if (dir) return dir;
  dir = copyOfData();
  const text = readFileSync(path.join(DATA, rel), 'utf8');
  expect(text.split(from).length - 1, `"${from}" occurs once in ${rel}`).toBe(1);
  unlinkSync(path.join(dir, rel)); // never write through the link into data/
  writeFileSync(path.join(dir, rel), text.replace(from, to));
  brokenCopies.set(key, dir);
  return dir;
}

const lineOf = (rel: string, needle: string) => readFileSync(path.join(DATA, rel), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('the real data/', () => {
  it('passes every check', () => {
    const r = checkKnowledge(DATA);
    expect(r.errors).toEqual([]);
    expect(r.coverage.patterns.roots.map((x) => x.root)).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(r.coverage.patterns.roots.find((x) => x.root === '04')!.rules).toBeGreaterThan(10);
    // every CAMEO code of the codebook has a lexicon entry (a root's heading by its unspecified code, "01" by "010")
    expect(r.coverage.patterns.uncovered).toEqual([]);
    expect(r.coverage.actors.people).toBeGreaterThan(500);
    expect(r.coverage.files.find((f) => f.file === 'codebook/cameo.yaml')!.counts.codes).toBeGreaterThan(300);
    expect(() => assertKnowledge(DATA)).not.toThrow();
  });

  it('prints a report with exit code 0', () => {
    const r = knowledgeCheck(DATA, 'text');
    expect(r.code).toBe(0);
    expect(r.text).toMatch(/patterns per CAMEO root/);
    expect(r.text).toMatch(/0 errors/);
    expect(JSON.parse(knowledgeCheck(DATA, 'json').text).errors).toEqual([]);
  });
});

describe('a broken file is reported with the file, the key path and the reason', () => {
  const cases: [string, string, [string, string], Partial<KnowledgeIssue> & { reason: RegExp }][] = [
    ['a schema violation (a latitude that is not a number)', 'places/sites.yaml', ['lat: 51.88, lon: 128.33', 'lat: "north", lon: 128.33'], { path: 'sites[0].lat', reason: /expected number, received string/ }],
    ['an unknown key', 'patterns/events.yaml', ['ask: { code: "020" }', 'ask: { code: "020", sought: false }'], { path: 'verbs.ask.sought', reason: /unknown key "sought"/ }],
    ['a CAMEO code the codebook lacks (0236: not its parent 023)', 'patterns/events.yaml', ['talk: "026", meeting: "026", shell', 'talk: "0236", meeting: "026", shell'], { path: 'verbs.seek.objects.talk', reason: /"0236" is not a CAMEO code in codebook\/cameo\.yaml/ }],
    ['an unquoted CAMEO code (leading zero lost)', 'patterns/events.yaml', ['invite: { code: "036" }', 'invite: { code: 036 }'], { path: 'verbs.invite.code', reason: /quoted string/ }],
    ['a sanctions CAMEO code the codebook lacks', 'sanctions/unsc-prk.yaml', ['cameo: ["150", "2042"]', 'cameo: ["150", "2049"]'], { path: 'resolutions[0].provisions[4].applies_to.cameo[1]', reason: /"2049" is not a CAMEO code/ }],
    ['a PLOVER mode of another event type', 'codebook/cameo.yaml', ['goldstein: 1.9, plover: { event: CONSULT, mode: visit }', 'goldstein: 1.9, plover: { event: CONSULT, mode: troops }'], { reason: /"troops" is not a mode of CONSULT/ }],
    ['a sanctions item not in flows/items.yaml', 'sanctions/unsc-prk.yaml', ['items: ["luxury goods"]\n      - id: no-tests-or-launches', 'items: ["luxury yachts"]\n      - id: no-tests-or-launches'], { path: 'resolutions[0].provisions[3].applies_to.items[0]', reason: /"luxury yachts" is not an item name in flows\/items\.yaml/ }],
    ['a group with an unknown home country', 'actors/orgs.yaml', ['name: "Hamas"\n    kind: group\n    country: PSE', 'name: "Hamas"\n    kind: group\n    country: PSX'], { reason: /"PSX" is not a country code/ }],
    ['a role that roles.yaml lacks', 'actors/people.yaml', ['{ role: GOV, title: "President", from: "2009-01-20"', '{ role: GVT, title: "President", from: "2009-01-20"'], { path: 'people[0].roles[0].role', reason: /"GVT" is not a role in actors\/roles\.yaml/ }],
    ['a phrase in two entries', 'wep.yaml', ['{ phrase: "definitely", likelihood: 0.97 }', '{ phrase: "probable", likelihood: 0.97 }'], { reason: /"probable" is also at scale\[4\]\.phrases\[1\]/ }],
    ['a YAML syntax error', 'flows/items.yaml', ['  - { item: "ammunition", category: arms,', '  - { item: "ammunition", category: [arms,'], { path: '', reason: /^YAML syntax/ }],
  ];

  it.each(cases)('%s', (_name, rel, [from, to], expected) => {
    const dir = broken(rel, from, to);
    const { errors } = checkKnowledge(dir);
    const hit = errors.find((e) => e.file === rel && (expected.path === undefined || e.path === expected.path) && expected.reason.test(e.reason));
    expect(hit, `no error like ${JSON.stringify({ ...expected, reason: String(expected.reason) })} in ${JSON.stringify(errors, null, 1)}`).toBeTruthy();
    expect(hit!.line).toBeGreaterThan(0);
    // the same error stops start-up
    const thrown = thrownBy(() => assertKnowledge(dir));
    expect(thrown).toBeInstanceOf(KnowledgeError);
    expect((thrown as KnowledgeError).message).toContain(rel);
  });

  it('locates the key: the line of the code, and the codebook row of the mode', () => {
    const dir = broken('patterns/events.yaml', 'talk: "026", meeting: "026", shell', 'talk: "0236", meeting: "026", shell');
    const e = checkKnowledge(dir).errors.find((x) => x.path === 'verbs.seek.objects.talk')!;
    expect(e.line).toBe(lineOf('patterns/events.yaml', '  seek: {'));
    const dir2 = broken('codebook/cameo.yaml', 'goldstein: 1.9, plover: { event: CONSULT, mode: visit }', 'goldstein: 1.9, plover: { event: CONSULT, mode: troops }');
    const m = checkKnowledge(dir2).errors.find((x) => /not a mode of CONSULT/.test(x.reason))!;
    expect(m.path).toMatch(/^codes\[\d+\]\.plover\.mode$/);
    expect(m.line).toBe(lineOf('codebook/cameo.yaml', '{ code: "042",'));
  });

  it('stops the loader with a numbered KnowledgeError naming file, key path and reason', () => {
    const dir = broken('patterns/events.yaml', 'talk: "026", meeting: "026", shell', 'talk: "0236", meeting: "026", shell');
    const thrown = thrownBy(() => loadPatterns(dir));
    expect(thrown).toBeInstanceOf(KnowledgeError);
    expect(thrown).toBeInstanceOf(StatecraftError);
    const k = thrown as KnowledgeError;
    expect(k.code).toBe('E401');
    expect(k.message).toMatch(/patterns\/events\.yaml:\d+: verbs\.seek\.objects\.talk: "0236" is not a CAMEO code in codebook\/cameo\.yaml/);
    expect(k.describe()).toMatch(/^E401 knowledge file invalid: /);
    expect(k.issue).toMatchObject({ file: 'patterns/events.yaml', path: 'verbs.seek.objects.talk' });
  });

  it('reports through the CLI logic with exit code 1', () => {
    const dir = broken('patterns/events.yaml', 'ask: { code: "020" }', 'ask: { code: "020", sought: false }');
    const r = knowledgeCheck(dir, 'text');
    expect(r.code).toBe(1);
    expect(r.text).toMatch(/^error: .*patterns\/events\.yaml:\d+: verbs\.ask\.sought: unknown key "sought"/m);
    const j = JSON.parse(knowledgeCheck(dir, 'json').text);
    expect(j.errors[0]).toMatchObject({ file: 'patterns/events.yaml', path: 'verbs.ask.sought' });
  });

  it('checks every pattern file: codes, and a verb defined in two files', () => {
    const dir = copyOfData();
    writeFileSync(path.join(dir, 'patterns/extra.yaml'), 'version: 1\nverbs:\n  meet: { code: "040" }\n  parley: { code: "0405" }\n');
    const { errors } = checkKnowledge(dir);
    expect(errors).toContainEqual({ file: 'patterns/extra.yaml', path: 'verbs.meet', reason: expect.stringMatching(/also defined in patterns\/events\.yaml/), line: 3 });
    expect(errors).toContainEqual({ file: 'patterns/extra.yaml', path: 'verbs.parley.code', reason: expect.stringMatching(/"0405" is not a CAMEO code/), line: 4 });
  });

  it('warns about a file no schema is registered for, and loads it unchecked', () => {
    const dir = copyOfData();
    writeFileSync(path.join(dir, 'extra.yaml'), 'version: 1\nanything: [goes]\n');
    const r = checkKnowledge(dir);
    expect(r.errors).toEqual([]);
    expect(r.warnings.some((w) => w.file === 'extra.yaml' && /no schema registered/.test(w.reason))).toBe(true);
    expect(loadYaml(dir, 'extra.yaml')).toEqual({ version: 1, anything: ['goes'] });
  });
});

// ---- the lexicon (data/lexicon/*.yaml): its schema, its code maps, names defined once --------------------


/** A copy of data/ with its lexicon (copyOfData leaves it out), one occurrence of `from` in `rel` replaced by `to` (none when `from` is ''). */
function withLexicon(rel = '', from = '', to = ''): string {
  const dir = copyOfData();
  mkdirSync(path.join(dir, 'lexicon'));
  for (const f of readdirSync(path.join(DATA, 'lexicon'))) symlinkSync(path.join(DATA, 'lexicon', f), path.join(dir, 'lexicon', f));
  if (from) {
    const text = readFileSync(path.join(DATA, rel), 'utf8');
    expect(text.split(from).length - 1, `"${from}" occurs once in ${rel}`).toBe(1);
    unlinkSync(path.join(dir, rel)); // never write through the link into data/
    writeFileSync(path.join(dir, rel), text.replace(from, to));
  }
  return dir;
}

describe('the lexicon is checked like every other knowledge file', () => {
  it('has a schema: no lexicon file is loaded unchecked, and the real lexicon passes', () => {
    const r = checkKnowledge(DATA);
    expect(r.errors).toEqual([]);
    expect(r.warnings.filter((w) => w.file.startsWith('lexicon/'))).toEqual([]);
    expect(r.coverage.files.find((f) => f.file === 'lexicon/conventions.yaml')!.counts.maps).toBeGreaterThanOrEqual(5);
  });

  it('a convention code that is not in the codebook: file, key path, reason, line; stops the loader', () => {
    const rel = 'lexicon/conventions.yaml';
    const dir = withLexicon(rel, "'045': '039'", "'045': '0399'");
    const { errors } = checkKnowledge(dir);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: rel, path: 'maps.intent_code.entries["045"]', line: lineOf(rel, "'045': '039'") });
    expect(errors[0].reason).toMatch(/"0399" is not a CAMEO code in codebook\/cameo\.yaml \(nor "=", the act's own code\)/);
    const thrown = thrownBy(() => loadLexicon(dir));
    expect(thrown).toBeInstanceOf(KnowledgeError);
    expect((thrown as KnowledgeError).issue).toMatchObject({ file: rel, path: 'maps.intent_code.entries["045"]' });
    expect((thrown as KnowledgeError).message).toContain(rel);
  });

  it('a convention code that is not a code at all', () => {
    const dir = withLexicon('lexicon/conventions.yaml', "'': '015'", "'': 'claim'");
    expect(checkKnowledge(dir).errors).toEqual([{ file: 'lexicon/conventions.yaml', path: 'maps.reported_claim_code.entries[""]', reason: expect.stringMatching(/a CAMEO code is 2-4 digits/), line: lineOf('lexicon/conventions.yaml', "'': '015'") }]);
  });

  it('a name defined in two lexicon files', () => {
    const dir = withLexicon();
    writeFileSync(path.join(dir, 'lexicon/extra.yaml'), 'version: 1\nclasses:\n  street_roles:\n    doc: again\n    words: [OPP]\n');
    const { errors } = checkKnowledge(dir);
    expect(errors).toEqual([{ file: 'lexicon/extra.yaml', path: 'classes.street_roles', reason: expect.stringMatching(/"street_roles" is also defined in lexicon\/conventions\.yaml at classes\.street_roles/), line: 3 }]);
    expect(() => assertKnowledge(dir)).toThrow(KnowledgeError);
  });
});

describe('one load, one source: parses and checks are shared within a load, never between loads', () => {
  it('a source parses a file once and checks once; a new source reads the files as they are now', () => {
    const dir = withLexicon();
    const load = new KnowledgeSource(dir);
    expect(load.read('wep.yaml')).toBe(load.read('wep.yaml'));
    expect(new KnowledgeSource(dir).read('wep.yaml')).not.toBe(load.read('wep.yaml'));
    assertKnowledge(load);
    expect(load.checked).toBeNull();
    // the file changes after this load was checked: the load keeps what it read, the next load sees the change
    const rel = 'lexicon/conventions.yaml';
    const text = readFileSync(path.join(DATA, rel), 'utf8');
    unlinkSync(path.join(dir, rel));
    writeFileSync(path.join(dir, rel), text.replace("'045': '039'", "'045': '0399'"));
    expect(() => assertKnowledge(load)).not.toThrow();
    expect(() => assertKnowledge(new KnowledgeSource(dir))).toThrow(/"0399" is not a CAMEO code/);
    expect(() => assertKnowledge(dir)).toThrow(KnowledgeError);
  });
});
