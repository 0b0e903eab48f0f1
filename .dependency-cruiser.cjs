/**
 * THE layout of src/ (and web/), machine-readable: the parts, and which part may import which.
 * dependency-cruiser enforces it in `npm test` (test/layout.test.ts); `npx depcruise src web`
 * checks it by hand. Change the layout here first, then the code.
 *
 *   core  ←  nlp, knowledge  ←  extract
 *   core  ←  ingest (also nlp)
 *   core  ←  store  ←  query
 *   app   knows the whole pipeline: ingest, nlp, knowledge, extract, store, query
 *   cli, api: thin faces over app and query (cli's `serve` starts api)
 *   bench: measures app, api and query; writes generated rows straight into store
 *   web/: the dashboard, reaches data only through the HTTP API: imports nothing from src/
 *
 * Every arrow not listed is forbidden (a part may always import its own files), and so is any
 * cycle, any file no one imports that imports nothing, and any import that does not resolve.
 */

/** part → [its folder, the parts it may import, what it is] */
const PARTS = {
  core: ['src/core/', [], 'record types, numbered errors, the Doc the extraction stages share'],
  nlp: ['src/nlp/', ['core'], 'wink-nlp: sentences, tokens, POS'],
  knowledge: ['src/knowledge/', ['core'], 'loads and compiles data/ (actors, places, codebook, patterns)'],
  extract: ['src/extract/', ['core', 'nlp', 'knowledge'], 'actors, places, events, claims, flows, agreements from a document'],
  ingest: ['src/ingest/', ['core', 'nlp'], 'read files and feeds, clean, structure, split into documents'],
  store: ['src/store/', ['core'], 'drivers (PGlite, PostgreSQL), migrations, writes'],
  query: ['src/query/', ['core', 'store'], 'every read; rows become records here and only here'],
  app: ['src/app/', ['core', 'nlp', 'knowledge', 'extract', 'ingest', 'store', 'query'], 'use cases: the pipeline, ingest, reprocess, export, eval'],
  cli: ['src/cli/', ['core', 'app', 'query', 'api'], 'the command line (thin; `serve` starts the API)'],
  api: ['src/api/', ['core', 'app', 'query'], 'the HTTP API (thin)'],
  bench: ['src/bench/', ['core', 'app', 'api', 'query', 'store'], 'benchmarks (writes generated rows straight into the store)'],
  web: ['web/', [], 'the dashboard: data only through the HTTP API'],
};

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const at = (name) => `^${esc(PARTS[name][0])}`;
const ALL = Object.keys(PARTS).map(at);

const layoutRules = Object.entries(PARTS).map(([name, [, may, what]]) => ({
  name: `layout:${name}`,
  severity: 'error',
  comment: `${name} (${what}) may import only ${may.length ? may.join(', ') : 'nothing of ours'}${name === 'web' ? ' (no src/)' : ''}`,
  from: { path: at(name) },
  // anything of ours (src/, web/) outside its own part and the parts it may use
  to: { path: '^(?:src|web)/', pathNot: [at(name), ...may.map(at)] },
}));

module.exports = {
  forbidden: [
    ...layoutRules,
    {
      name: 'no-unknown-part',
      severity: 'error',
      comment: 'every folder of src/ is one of the parts above: add a new one to PARTS first',
      from: { path: '^src/', pathNot: ALL },
      to: {},
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'no import cycles, within a part or across parts',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      severity: 'error',
      comment: 'a file nothing imports and that imports nothing is dead (or not wired in yet)',
      from: { orphan: true, pathNot: ['\\.d\\.ts$', '(?:^|/)vite\\.config\\.[cm]?[jt]s$'] },
      to: {},
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'an import that does not resolve escapes every other rule',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'db-drivers-only-in-store',
      severity: 'error',
      comment: 'only store/ talks to PGlite or PostgreSQL',
      from: { path: '^(?:src|web)/', pathNot: at('store') },
      to: { path: '(?:^|/)node_modules/(?:pg|@electric-sql/pglite)/' },
    },
    {
      name: 'api-no-files',
      severity: 'error',
      comment: 'the API reads no files itself: app/ finds what it serves',
      from: { path: at('api') },
      to: { dependencyTypes: ['core'], path: '^(?:node:)?fs(?:/promises)?$' },
    },
    {
      name: 'src-no-dev-deps',
      severity: 'error',
      comment: 'src/ runs with the dependencies only (type-only imports of dev packages are fine)',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(?:^|/)dist/', '\\.test\\.ts$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
// The parts, for tests and tools (not part of dependency-cruiser's schema, so not enumerable).
Object.defineProperty(module.exports, 'parts', { value: PARTS, enumerable: false });
