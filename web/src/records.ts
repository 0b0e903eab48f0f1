/**
 * The records the HTTP API answers with, as the dashboard reads them (the shapes of
 * docs/CONTRACT.md). Written here, not imported from src/: the dashboard reaches the
 * data only through the API (see .dependency-cruiser.cjs).
 */

/** `[start, end)` offsets in UTF-16 code units into a document's normalised text. */
export type Span = [number, number];

/** ISO date at the precision the text supports: YYYY-MM-DD, YYYY-MM or YYYY. */
export type IsoDate = string;

export interface Section {
  title: string;
  authors: string[];
  span: Span;
}

/** A stored document as lists show it. */
export interface DocumentSummary {
  id: string;
  title: string | null;
  source: string | null;
  published: string | null;
  authors: string[];
  chars: number;
  sentences: number;
  origin: string;
  url: string | null;
}

export type Modality = 'factual' | 'future' | 'possible' | 'negated' | 'sought';

export interface Evidence { doc: string; span: Span; quote: string }

export interface AgreementArticle { number: number; summary: string; topics: string[] }

export interface AgreementRecord {
  id: string;
  name: string;
  parties: string[];
  signed: IsoDate | null;
  status: string;
  articles: AgreementArticle[];
  evidence: Evidence[];
}

export interface ComplianceRecord {
  id: string;
  subject: string;
  /** the flagged event or flow in words (the API's compliance list adds it) */
  subject_label?: string;
  regime: string;
  provision: string;
  reason: string;
  evidence: Evidence[];
}
