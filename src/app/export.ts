/** `statecraft export --format jsonl`: the public contract (docs/CONTRACT.md). */
import type { Queryable } from '../store/store.js';
import { exportRecords } from '../query/export.js';
import { loadRegimes } from './regimes.js';

export const EXPORT_SCHEMA = 1;
export const GENERATOR = 'statecraft 0.1.0';

type Write = (line: string) => void | Promise<void>;

/** The `meta` line, then every record the store holds, one JSON object a line; returns the count of each type. */
export async function exportJsonl(q: Queryable, write: Write, now = new Date()): Promise<Record<string, number>> {
  const counts: Record<string, number> = { meta: 1, document: 0, actor: 0, event: 0, claim: 0, flow: 0, agreement: 0, compliance: 0 };
  await write(JSON.stringify({ type: 'meta', id: 'meta', schema: EXPORT_SCHEMA, generator: GENERATOR, exported: now.toISOString().replace(/\.\d{3}Z$/, 'Z') }));
  for await (const r of exportRecords(q, loadRegimes())) {
    counts[r.type]++;
    await write(JSON.stringify(r));
  }
  return counts;
}
