/**
 * The one document every extraction stage reads and annotates (as spaCy's components share a
 * Doc). Offsets into `text` (the normalised text) are the only link to the words: every span
 * below indexes into it. The date the document is read against and the clock are inputs, not
 * the wall clock read somewhere deep inside a stage.
 */
import type { Actor, ClaimRecord, ComplianceRecord, EventRecord, FlowRecord, Genre, Location, Mention, Modality, Span } from './types.js';

/** A wink-nlp token: surface, normalised form, POS, lemma and offsets into the document. */
export interface Token {
  text: string;
  /** lower-cased, apostrophes unified */
  norm: string;
  pos: string;
  lemma: string;
  start: number;
  end: number;
}

/** A token folded for dictionary matching: the same folding the compiled dictionaries use. */
export interface KeyToken {
  /** folded: lower case, no diacritics, curly apostrophes straightened */
  key: string;
  text: string;
  start: number;
  end: number;
  /** first letter upper case */
  cap: boolean;
  /** every letter upper case (an acronym) */
  upper: boolean;
}

/** An actor filling one side of an event, and how it was found (subject, object, prep:at, by, place …). */
export interface Participant {
  m: Mention;
  how: string;
}

/** A word the patterns know as a possible event, before its arguments are read (stage `triggers`). */
export interface Candidate {
  /** the token */
  tok: number;
  /** the verb pattern's key, when the token is read as a verb */
  verb?: string;
  /** the noun pattern's key and the phrase's last token, when read as an event noun (also the fallback of a verb) */
  noun?: { key: string; last: number };
}

/** An event in the making: a trigger with its arguments, refined by the stages that follow. */
export interface Trigger {
  tok: number;
  /** last token of the trigger phrase (object noun for object-conditioned verbs) */
  end: number;
  code: string;
  pattern: string;
  form: 'clause' | 'nominal';
  sources: Participant[];
  targets: Participant[];
  symmetric: boolean;
  reverse?: string;
  noTarget: boolean;
  /** governed by a denial ("denied supplying arms") */
  negatedBy?: boolean;
  /** fixed by what governs it (a stated intention or refusal is itself a fact) */
  modality?: Modality;
  // ---- resolved by later stages
  /** stage `modality` */
  mood?: Modality;
  /** stage `modality`: the dyads the trigger makes, with their codes (source, target or null, code) */
  pairs?: [Participant, Participant | null, string][];
  /** stage `modality`: who the text says states it */
  attributed?: string | null;
  /** stage `dating` */
  date?: string | null;
  /** stage `locating` */
  location?: Location | null;
}

/** A place the gazetteer finds in a sentence. */
export interface PlaceHit {
  span: Span;
  location: Location;
  /** a city name not introduced as a place ("pounded Kharkiv"): never an act's location */
  loose?: boolean;
}

export interface AgreementEvidenceRow {
  agreement: string;
  name: string;
  parties: string[];
  signed: string | null;
  status: string;
  articles: { number: number; summary: string; topics: string[] }[];
  span: Span;
  quote: string;
}

export interface FlowEvidenceRow extends Omit<FlowRecord, 'evidence'> {
  span: Span;
  quote: string;
}

export interface ComplianceRow extends Omit<ComplianceRecord, 'evidence'> {
  span: Span;
  quote: string;
}

/** What extraction produces for one document. */
export interface Extraction {
  actors: Actor[];
  mentions: Mention[];
  events: EventRecord[];
  claims: ClaimRecord[];
  flows: FlowEvidenceRow[];
  agreements: AgreementEvidenceRow[];
  compliance: ComplianceRow[];
}

export function emptyExtraction(): Extraction {
  return { actors: [], mentions: [], events: [], claims: [], flows: [], agreements: [], compliance: [] };
}

export interface DocSentence {
  /** index in the document's sentence list */
  idx: number;
  text: string;
  /** offset of the sentence in the document's text */
  start: number;
  paragraph: number;
  /** body prose; bylines, bios and signatures name people (authors) but state no events or claims */
  prose: boolean;
  /** authors of the section holding the sentence, when it has its own byline */
  sectionAuthors: string[];
  /** whether the sentence is in the article's lead (its current news) — set by the document builder */
  lead: boolean;

  // ---- annotations, each assigned by one stage (see src/extract/registry.ts) ----
  /** folded tokens for dictionary matching (stage `keys`) */
  keys?: KeyToken[];
  /** actor mentions (stage `actors`, then refined by `agents`) */
  mentions?: Mention[];
  /** gazetteer places (stage `places`) */
  places?: PlaceHit[];
  /** wink-nlp tokens with POS and lemma (stage `tokens`; only sentences that can hold an event) */
  tokens?: Token[];
  /** possible events (stage `triggers`) */
  candidates?: Candidate[];
  /** events in the making (stage `arguments`, refined by `governing`, `modality`, `dating`, `locating`) */
  triggers?: Trigger[];
  /** triggers a governing verb took over (stage `governing`): kept to explain what was not coded */
  taken?: Trigger[];
  /** the sentence's coded events before the document-wide one-per-fact filter (stage `coding`) */
  coded?: EventRecord[];
}

/** The annotations a stage can require or assign. */
export type Annotation =
  | 'keys'
  | 'actors'
  | 'mentions'
  | 'places'
  | 'agents'
  | 'coref'
  | 'tokens'
  | 'candidates'
  | 'triggers'
  | 'governed'
  | 'modality'
  | 'dates'
  | 'locations'
  | 'coded'
  | 'events'
  | 'claims'
  | 'genre'
  | 'flows'
  | 'agreements'
  | 'compliance'
  | 'used';

export interface Doc {
  id: string;
  text: string;
  /** publication date (ISO, any precision), or null */
  published: string | null;
  /** the date the text is read against: `published`, else what the caller gives (never the wall clock) */
  readAt: string | null;
  authors: string[];
  sentences: DocSentence[];
  /** sections with their own bylines */
  sections: { authors: string[]; span: Span }[];
  /** the genre the caller gave, if any (the claims stage tells it from the text otherwise) */
  genre: Genre | null;
  /** the genre the document is read as (stage `claims`: the caller's, else told by the text) */
  genreRead?: Genre;

  // ---- document-level annotations ----
  /** every actor mentioned, by id (stage `actors`) */
  actors?: Map<string, Actor>;
  /** the document's mentions in text order (stage `actors`, refined by `agents`) */
  mentions?: Mention[];
  events?: EventRecord[];
  claims?: ClaimRecord[];
  flows?: FlowEvidenceRow[];
  agreements?: AgreementEvidenceRow[];
  compliance?: ComplianceRow[];
  /** the actors the records use (stage `used`) */
  used?: Actor[];
  /** what each stage assigned, in order: the pipeline's own trace */
  trace: string[];
}

/** A stage: a plain function over the Doc, with what it needs and what it adds. */
export interface Stage {
  name: string;
  requires: readonly Annotation[];
  assigns: readonly Annotation[];
  run(doc: Doc): void;
}

/** A document as the builder hands it to extraction. */
export interface DocInput {
  id: string;
  text: string;
  published: string | null;
  /** the reference date when the document has none of its own (e.g. `--date` of `statecraft code`) */
  readAt?: string | null;
  authors: string[];
  sentences: { idx: number; text: string; start: number; paragraph: number; prose?: boolean }[];
  sections?: { authors: string[]; span: Span }[];
  genre?: Genre | null;
}

/** A fresh Doc from a built document: sentences, sections and the date it is read against. */
export function makeDoc(d: DocInput): Doc {
  const sections = d.sections ?? [];
  const firstPara = d.sentences.find((s) => s.prose !== false)?.paragraph ?? 0;
  return {
    id: d.id,
    text: d.text,
    published: d.published,
    readAt: d.published ?? d.readAt ?? null,
    authors: d.authors,
    genre: d.genre ?? null,
    sections,
    sentences: d.sentences.map((s) => ({
      idx: s.idx,
      text: s.text,
      start: s.start,
      paragraph: s.paragraph,
      prose: s.prose !== false,
      lead: s.paragraph === firstPara,
      sectionAuthors: sections.find((x) => s.start >= x.span[0] && s.start < x.span[1])?.authors ?? [],
    })),
    trace: [],
  };
}

/** Thrown when a pipeline is built with a stage whose needs no earlier stage assigns. */
export class PipelineOrderError extends Error {}

/**
 * Check, once at start-up, that every requirement is assigned by an earlier stage and that no
 * annotation is assigned twice; returns the stages to run in order.
 */
export function checkStages(stages: readonly Stage[]): readonly Stage[] {
  const have = new Map<Annotation, string>();
  const names = new Set<string>();
  for (const s of stages) {
    if (names.has(s.name)) throw new PipelineOrderError(`stage "${s.name}" is listed twice`);
    names.add(s.name);
    for (const r of s.requires) {
      if (!have.has(r)) throw new PipelineOrderError(`stage "${s.name}" requires "${r}", which no earlier stage assigns`);
    }
    for (const a of s.assigns) {
      const by = have.get(a);
      if (by) throw new PipelineOrderError(`stage "${s.name}" assigns "${a}", already assigned by "${by}"`);
      have.set(a, s.name);
    }
  }
  return stages;
}

/** Run checked stages over a Doc, in order. */
export function runStages(stages: readonly Stage[], doc: Doc): Doc {
  for (const s of stages) {
    s.run(doc);
    doc.trace.push(s.name);
  }
  return doc;
}
