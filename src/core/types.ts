/** Core record types. Types only: every stage reads and writes these. */

/** `[start, end)` offsets in UTF-16 code units into a document's normalised text. */
export type Span = [number, number];

/** ISO date at the precision the text supports: YYYY-MM-DD, YYYY-MM or YYYY. */
export type IsoDate = string;

export interface Section {
  title: string;
  authors: string[];
  span: Span;
}

export interface Sentence {
  idx: number;
  span: Span;
  text: string;
  /** index into the document's sections, or null */
  section: number | null;
  paragraph: number;
}

/** A document as read from a source, before it is stored. */
export interface RawDocument {
  origin: string;
  /** where inside the origin (e.g. "line 4" of a JSONL feed) */
  locator?: string;
  text: string;
  /** 'plain' text may carry page junk and gets the boilerplate filter; 'clean' is already the article */
  kind: 'plain' | 'clean';
  title?: string | null;
  source?: string | null;
  url?: string | null;
  published?: IsoDate | null;
  authors?: string[];
  externalId?: string | null;
  /** 'news' (a report: its narration holds no claims, only what it attributes to others) or 'analysis' (its authors hold its judgements); unset: told by the text (src/extract/claims/genre.ts) */
  genre?: Genre | null;
  /** what the reader already removed from the page (an HTML page's menu, banners, footer, captions), for `show --dropped` */
  dropped?: { reason: string; text: string }[];
}

export type Genre = 'news' | 'analysis';

/** A document after cleaning and structuring: what the store keeps. */
export interface DocumentRecord {
  id: string;
  origin: string;
  title: string | null;
  source: string | null;
  url: string | null;
  published: IsoDate | null;
  authors: string[];
  language: string;
  sha256: string;
  chars: number;
  text: string;
  sections: Section[];
  paragraphs: Span[];
  sentences: Sentence[];
  /** what the cleaner dropped, for `show --dropped` and diagnostics */
  dropped: { reason: string; text: string }[];
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

export type ActorKind = 'state' | 'government' | 'military' | 'person' | 'igo' | 'party' | 'group' | 'other';

export interface Actor {
  id: string;
  name: string;
  kind: ActorKind;
  country: string | null;
  org: string | null;
  role?: string | null;
  aliases: string[];
  successor?: string | null;
}

export interface Mention {
  doc: string;
  sentence: number;
  span: Span;
  text: string;
  actor: string;
  country: string | null;
  org: string | null;
  role: string | null;
  /** how it was found: dict, title, short, role, pair, author */
  via: string;
}

export type Modality = 'factual' | 'future' | 'possible' | 'negated' | 'sought';
export type EventForm = 'clause' | 'nominal';

export interface Location {
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

export interface EventRecord {
  id: string;
  doc: string;
  sentence: number;
  span: Span;
  quote: string;
  source: string | null;
  source_country: string | null;
  source_org: string | null;
  source_role: string | null;
  target: string | null;
  target_country: string | null;
  target_org: string | null;
  target_role: string | null;
  cameo: string;
  root: string;
  plover: string | null;
  plover_mode?: string | null;
  goldstein: number;
  quad: number;
  date: IsoDate | null;
  location: Location | null;
  modality: Modality;
  form: EventForm;
  attributed_to: string | null;
  confidence: number;
  cluster: string;
  corroboration: number;
  /** why: the pattern and actors that produced it */
  reason: string;
}

export type ClaimKind = 'assessment' | 'motive' | 'prediction' | 'recommendation' | 'disagreement';

export interface ClaimRecord {
  id: string;
  doc: string;
  sentence: number;
  span: Span;
  quote: string;
  holder: string;
  holder_kind: 'author' | 'quoted' | 'unknown';
  /** the actor the holder is, when a mention names them (not stored; scoring and explanations) */
  holder_actor?: string | null;
  kind: ClaimKind;
  about: string[];
  likelihood: number | null;
  wep: string | null;
}

export type FlowCategory =
  | 'arms' | 'technology' | 'food' | 'energy' | 'medicine' | 'materials'
  | 'troops' | 'labor' | 'finance' | 'diplomatic-support' | 'other';
export type FlowStatus = 'delivered' | 'promised' | 'sought' | 'possible';

export interface Evidence { doc: string; span: Span; quote: string }

export interface FlowRecord {
  id: string;
  giver: string | null;
  receiver: string | null;
  item: string;
  category: FlowCategory;
  status: FlowStatus;
  evidence: Evidence[];
}

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
  regime: string;
  provision: string;
  reason: string;
  evidence: Evidence[];
}
