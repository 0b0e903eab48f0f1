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

/** A provision a compliance flag may breach: the resolution that set it, its label, later resolutions restating it, why it matched. */
export interface FlagProvision { resolution: string; provision: string; also: string[]; reason: string }

/** A compliance flag: one per flagged event or flow and sanctions regime. */
export interface ComplianceRecord {
  id: string;
  subject: string;
  /** the flagged event or flow in words (the API's compliance list adds it) */
  subject_label?: string;
  /** `event` or `flow` (the API's compliance list adds it) */
  subject_kind?: 'event' | 'flow' | null;
  /** the first provision's resolution */
  regime: string;
  /** the first provision's label */
  provision: string;
  reason: string;
  /** the regime's id and name (data/sanctions) */
  regime_id?: string;
  regime_name?: string;
  /** every provision of the regime it may breach, the earliest resolution's first */
  provisions?: FlagProvision[];
  evidence: Evidence[];
}
