/** What every command shares: where output goes, option parsers, the ingest summary line. */
import { InvalidArgumentError, Option } from 'commander';
import { isIsoDate } from '../app/dates.js';
import type { IngestReport } from '../app/ingest.js';

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
