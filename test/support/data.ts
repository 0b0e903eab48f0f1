/** Copies of data/ for tests that break one file: the files as symlinks, so only what a test changes can fail. */
import { mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_DATA_DIR } from '../../src/knowledge/load.js';

/** data/ under `dir` as symlinks, leaving out the folders named in `skip` (e.g. the lexicon, tested apart) */
export function linkData(dir: string, skip: string[] = ['lexicon'], from = DEFAULT_DATA_DIR): string {
  const walk = (sub: string) => {
    mkdirSync(path.join(dir, sub), { recursive: true });
    for (const d of readdirSync(path.join(from, sub), { withFileTypes: true })) {
      const r = sub ? `${sub}/${d.name}` : d.name;
      if (d.isDirectory()) {
        if (!skip.includes(r)) walk(r);
      } else symlinkSync(path.join(from, r), path.join(dir, r));
    }
  };
  walk('');
  return dir;
}

/** What a call throws (undefined when it does not): for tests that then look into the error. */
export function thrownBy(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}
