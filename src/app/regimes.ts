/** The sanctions regimes of data/sanctions/*.yaml, as the compliance flags group by them (src/query/compliance.ts). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_DATA_DIR } from '../knowledge/load.js';
import type { RegimeIndex } from '../query/compliance.js';

/** Each resolution (or other act) id with its regime's id, name and target and its adoption date. */
export function loadRegimes(dataDir: string = DEFAULT_DATA_DIR): RegimeIndex {
  const dir = path.join(dataDir, 'sanctions');
  const out: RegimeIndex = {};
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml')).sort()) {
    const r = parse(readFileSync(path.join(dir, f), 'utf8')) as { id: string; regime: string; target: string; resolutions?: { id: string; adopted: string }[] } | null;
    for (const res of r?.resolutions ?? []) out[res.id] = { id: r!.id, name: r!.regime, target: r!.target, adopted: String(res.adopted) };
  }
  return out;
}
