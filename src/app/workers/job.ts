/**
 * One document's extraction as plain data (#15): what a worker thread does with a raw document
 * and hands back to the one writer on the main thread. Build and extraction failures travel as
 * the report's own failure lines, so a document extracted in a thread fails exactly as in process.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { StatecraftError } from '../../core/errors.js';
import type { RawDocument } from '../../core/types.js';
import type { BuiltDocument, Extraction, Pipeline } from '../pipeline.js';

/** a failed document as the ingest report lists it */
export interface IngestFailure {
  origin: string;
  locator?: string;
  code: string;
  message: string;
  line: string;
}

/** the defaults an ingest applies to documents that carry no value of their own */
export interface JobDefaults {
  published?: string | null;
  source?: string | null;
  title?: string | null;
}

export interface Job {
  raw: RawDocument;
  defaults: JobDefaults;
}

/** the document built, then its extraction or why extraction failed; or why building failed */
export type JobResult =
  | { built: BuiltDocument; extraction: Extraction; extractFailed?: undefined; buildFailed?: undefined }
  | { built: BuiltDocument; extraction?: undefined; extractFailed: IngestFailure; buildFailed?: undefined }
  | { built?: undefined; extraction?: undefined; extractFailed?: undefined; buildFailed: IngestFailure };

export function toFailure(e: unknown, origin: string, locator?: string): IngestFailure {
  const err = e instanceof StatecraftError ? e : new StatecraftError('E201', (e as Error)?.message ?? String(e), { file: origin, locator });
  return { origin: err.file ?? origin, locator: err.locator, code: err.code, message: err.message, line: err.describe() };
}

/** A failure already described (in a worker thread), thrown so the writer reports it as it is. */
export class ReportedFailure extends Error {
  constructor(readonly failure: IngestFailure) {
    super(failure.message);
  }
}

/** Build and extract one document; nothing thrown. */
export function runJob(pipeline: Pipeline, { raw, defaults }: Job): JobResult {
  let built: BuiltDocument;
  try {
    built = pipeline.build(raw, defaults);
  } catch (e) {
    return { buildFailed: toFailure(e, raw.origin, raw.locator) };
  }
  try {
    return { built, extraction: pipeline.extract(built) };
  } catch (e) {
    return { built, extractFailed: toFailure(e, raw.origin, raw.locator) };
  }
}

/** A job handed to a worker thread, and how its answer comes back. */
export interface Task {
  id: number;
  job: Job;
  resolve: (r: JobResult) => void;
}

/** Whether a worker thread's compiled entry exists (absent when running from the TypeScript sources, as vitest does). */
export function compiledEntry(entry: URL): boolean {
  return entry.protocol === 'file:' && existsSync(fileURLToPath(entry));
}
