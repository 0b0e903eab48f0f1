/**
 * Rows become records here, and only here: every read of src/query maps its SQL rows through
 * these functions, so the export (docs/CONTRACT.md), the API and the CLI show one shape.
 */
import type { Span } from '../core/types.js';

type Row = Record<string, unknown>;

/** A `document` line of the export. */
export function documentRecord(d: Row): Row {
  return {
    type: 'document', id: d.id, origin: d.origin, title: d.title, source: d.source, url: d.url, published: d.published,
    authors: d.authors, language: d.language, sha256: d.sha256, chars: d.chars, sentences: d.n_sent, sections: d.sections,
  };
}

/** An `actor` line of the export: `role` and `successor` only when set. */
export function actorRecord(a: Row): Row {
  const rec: Row = { type: 'actor', id: a.id, name: a.name, kind: a.kind, country: a.country, org: a.org, aliases: a.aliases };
  if (a.role) rec.role = a.role;
  if (a.successor) rec.successor = a.successor;
  return rec;
}

/** An `event` record (the export's line; lists add `reason`). */
export function eventRecord(e: Row): Row {
  return {
    type: 'event', id: e.id, doc: e.doc_id, span: [e.start_off, e.end_off], quote: e.quote,
    source: e.source, source_country: e.source_country, source_org: e.source_org, source_role: e.source_role,
    target: e.target, target_country: e.target_country, target_org: e.target_org, target_role: e.target_role,
    cameo: e.cameo, root: e.root, plover: e.plover, goldstein: Math.round(Number(e.goldstein) * 10) / 10, quad: e.quad,
    date: e.date, location: e.location ?? null, modality: e.modality, form: e.form, attributed_to: e.attributed_to,
    confidence: Math.round(Number(e.confidence) * 100) / 100, cluster: e.cluster, corroboration: e.corroboration ?? 1,
  };
}

/** An event as lists (CLI, API) show it: the record and why it was coded. */
export function listedEvent(e: Row): Row {
  return { ...eventRecord(e), reason: e.reason };
}

export function claimRecord(r: Row): Row {
  return {
    type: 'claim', id: r.id, doc: r.doc_id, span: [r.start_off, r.end_off], quote: r.quote, holder: r.holder, holder_kind: r.holder_kind,
    kind: r.kind, about: r.about, likelihood: r.likelihood === null ? null : Math.round(Number(r.likelihood) * 100) / 100, wep: r.wep,
  };
}

/** A ledger row (aggregated in SQL: id, giver, receiver, item, category, status, evidence) as an export line. */
export function flowRecord(r: Row): Row {
  return { type: 'flow', ...r };
}

type Article = { number: number; summary: string; topics: string[] };

/** the value most rows give (ties: the longest, then the first in order); null when no row gives one */
function mostGiven<T>(values: T[], size: (v: T) => number): T | null {
  const counts = new Map<string, { v: T; n: number }>();
  for (const v of values) {
    if (v === null || v === undefined || size(v) === 0) continue;
    const k = JSON.stringify(v);
    const c = counts.get(k) ?? counts.set(k, { v, n: 0 }).get(k)!;
    c.n++;
  }
  return [...counts.values()].sort((x, y) => y.n - x.n || size(y.v) - size(x.v))[0]?.v ?? null;
}

/**
 * An agreement across its evidence: the name, parties and signing date most mentions give (ties:
 * the fuller), so one mention's stray party or date does not win; articles accumulate, one per
 * number, the longest summary wins.
 */
export function agreementRecord({ articles_all, names_all, parties_all, signed_all, ...r }: Row): Row {
  if (names_all) {
    r = {
      ...r,
      name: mostGiven(names_all as string[], (n) => n.length) ?? '',
      parties: mostGiven(parties_all as string[][], (p) => p.length) ?? [],
      signed: mostGiven(signed_all as (string | null)[], (d) => d?.length ?? 0),
    };
  }
  const byNum = new Map<number, Article>();
  for (const list of articles_all as Article[][]) {
    for (const a of list) {
      const prev = byNum.get(a.number);
      if (!prev || a.summary.length > prev.summary.length) byNum.set(a.number, { ...a, topics: [...new Set([...(prev?.topics ?? []), ...a.topics])] });
    }
  }
  const { id, name, parties, signed, status, evidence, ...rest } = r;
  return { type: 'agreement', id, name, parties, signed, status, evidence, ...rest, articles: [...byNum.values()].sort((x, y) => x.number - y.number) };
}

export interface MentionRow {
  idx: number;
  start_off: number;
  end_off: number;
  text: string;
  actor_id: string;
  country: string | null;
  role: string | null;
  via: string;
}

/** A mention as the reader view shows it. */
export function mentionRecord(m: MentionRow) {
  return { id: `m${m.idx}`, span: [m.start_off, m.end_off], text: m.text, actor: m.actor_id, country: m.country, role: m.role, via: m.via };
}

/** One document's flow evidence rows as flow records, each with its evidence in this document. */
export function documentFlows(rows: Row[], doc: string) {
  const byId = new Map<string, Row & { evidence: { doc: string; span: [number, number]; quote: string }[] }>();
  for (const f of rows) {
    const id = String(f.flow_id);
    if (!byId.has(id)) byId.set(id, { id, type: 'flow', giver: f.giver, receiver: f.receiver, item: f.item, category: f.category, status: f.status, evidence: [] });
    byId.get(id)!.evidence.push({ doc, span: [Number(f.start_off), Number(f.end_off)], quote: String(f.quote) });
  }
  return [...byId.values()];
}

export interface SentenceRow {
  idx: number;
  start_off: number;
  end_off: number;
  section: number | null;
  kind: string;
}

/** Where a stored sentence is: the `sentences` of `show --json` and the reader. */
export function sentenceSpan(s: SentenceRow): { idx: number; span: Span; section: number | null; kind: string } {
  return { idx: s.idx, span: [s.start_off, s.end_off], section: s.section, kind: s.kind };
}

export interface FullSentenceRow {
  idx: number;
  start_off: number;
  end_off: number;
  section: number | null;
  paragraph: number;
  text: string;
}

/** A stored sentence as extraction reads it again (`reprocess`). */
export function sentenceRecord(s: FullSentenceRow): { idx: number; span: Span; text: string; section: number | null; paragraph: number } {
  return { idx: s.idx, span: [s.start_off, s.end_off], text: s.text, section: s.section, paragraph: s.paragraph };
}

/** A search hit: offsets become a span. */
export function searchHit<T extends { start_off: number; end_off: number }>({ start_off, end_off, ...h }: T): Omit<T, 'start_off' | 'end_off'> & { span: Span } {
  return { ...h, span: [start_off, end_off] as Span };
}
