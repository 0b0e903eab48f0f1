#!/usr/bin/env node
// `npm run bench`: speed and memory, printed and written to bench/results/latest.json.
import { existsSync } from 'node:fs';
const main = new URL('../dist/bench/bench.js', import.meta.url);
if (!existsSync(main)) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
await import(main.href);
