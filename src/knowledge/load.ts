/** Read knowledge files from data/. The repo's data/ unless a directory is given. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

export function loadYaml(dataDir: string, rel: string): unknown {
  const file = path.join(dataDir, rel);
  if (!existsSync(file)) return null;
  try {
    return YAML.parse(readFileSync(file, 'utf8'), { maxAliasCount: -1 });
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message.split('\n')[0]}`);
  }
}
