/** What every command shares: where output goes, option parsers, the ingest summary line. */
import { InvalidArgumentError, Option } from 'commander';
import { isIsoDate } from '../app/dates.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { IngestFailure, IngestItem, IngestReport } from '../app/ingest.js';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

export const defaultIo: Io = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };

export function isoDateArg(v: string): string {
  if (!isIsoDate(v)) throw new InvalidArgumentError('expected YYYY, YYYY-MM or YYYY-MM-DD with a year from 1000 to 9999');
  return v;
}

export function formatOption(choices: string[], def: string): Option {
  return new Option('--format <format>', 'output format').choices(choices).default(def);
}

export function summaryLine(r: IngestReport): string {
  return `${r.stored.length} stored, ${r.unchanged.length} unchanged, ${r.failed.length} failed (${r.seconds.toFixed(1)} s)`;
}

/** one document's outcome as ingest prints it, as soon as it is known (#16) */
export function documentLine(io: Io, outcome: 'stored' | 'unchanged' | 'failed', what: IngestItem | IngestFailure): void {
  if (outcome === 'failed') return io.err((what as IngestFailure).line);
  const s = what as IngestItem;
  if (outcome === 'stored') io.out(`stored     ${s.id}  ${s.title ?? s.origin}  (${s.sentences} sentences${s.events !== undefined ? `, ${s.events} events` : ''})`);
  else io.out(`unchanged  ${s.id}  ${s.title ?? s.origin}  (already in the store)`);
}

/**
 * Say so before an embedded store is created (the first open of a new directory initialises a
 * database and takes several seconds with no other output): `--db`, else $STATECRAFT_DB, else ./.statecraft.
 */
export function announceNewStore(io: Io, db: string | undefined): void {
  const loc = db || process.env.STATECRAFT_DB || './.statecraft';
  if (/^postgres(ql)?:\/\//.test(loc) || existsSync(path.join(loc, 'PG_VERSION'))) return;
  io.err(`statecraft: creating a new store in ${loc} (the first time takes about 10 s)…`);
}
