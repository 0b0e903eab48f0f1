/** Typed helpers for the statecraft HTTP API (`/api`, JSON, GET only). */
import { useEffect, useRef, useState } from 'preact/hooks';
import { qs, type QueryInit } from './router';
import type { AgreementArticle, AgreementRecord, ComplianceRecord, DocumentSummary, Evidence, Modality, Section, Span } from './records';

export type { Evidence, Modality, Section, Span };
export type Article = AgreementArticle;
export type Agreement = AgreementRecord;
export type Compliance = ComplianceRecord;
export type DocSummary = DocumentSummary;

export type Quad = 1 | 2 | 3 | 4;

export interface List<T> {
  items: T[];
  total: number;
}

export interface Dyad {
  a: string;
  b: string;
  events: number;
  goldstein: number;
  coop: number;
  conflict: number;
}

export interface Stats {
  documents: number;
  sentences: number;
  events: number;
  actors: number;
  mentions: number;
  claims: number;
  flows: number;
  agreements: number;
  compliance: number;
  newest: DocSummary[];
  dyads: Dyad[];
}

export interface Location {
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

export interface EventRec {
  id: string;
  doc: string;
  sentence?: number;
  span: Span;
  quote: string;
  source: string | null;
  source_country: string | null;
  target: string | null;
  target_country: string | null;
  cameo: string;
  root: string;
  plover: string | null;
  goldstein: number;
  quad: Quad;
  date: string | null;
  location: Location | null;
  modality: Modality;
  form: string;
  attributed_to: string | null;
  confidence: number;
  cluster: string;
  corroboration: number;
  reason?: string;
}

export interface Mention {
  id?: string;
  span: Span;
  text: string;
  actor: string;
  country: string | null;
  role: string | null;
}

export interface Claim {
  id: string;
  doc: string;
  span: Span;
  quote: string;
  holder: string;
  /** the actor a holder names ("US" → USA), when one does (the API's claims list adds it) */
  holder_id?: string | null;
  holder_kind: 'author' | 'quoted' | 'unknown';
  kind: string;
  about: string[];
  likelihood: number | null;
  wep: string | null;
}

export interface Flow {
  id: string;
  giver: string | null;
  receiver: string | null;
  item: string;
  category: string;
  status: string;
  evidence: Evidence[];
}

/** The ledger by dyad (`GET /api/flows/dyads`): a pair of sides with its flows both ways. */
export interface FlowDyad {
  a: string | null;
  b: string | null;
  flows: number;
  a_to_b: number;
  b_to_a: number;
  evidence_count: number;
  items: Flow[];
}

export interface DocumentFull {
  id: string;
  title: string | null;
  source: string | null;
  published: string | null;
  authors: string[];
  url: string | null;
  text: string;
  sections: Section[];
  sentences: { idx: number; span: Span }[];
  mentions: Mention[];
  events: EventRec[];
  claims: Claim[];
  flows: Flow[];
  agreements: Agreement[];
}

export interface SearchHit {
  doc: string;
  title: string | null;
  published: string | null;
  sentence: number;
  span: Span;
  snippet: string;
  marks: [number, number][];
  text?: string;
}

export interface SeriesPoint {
  period: string;
  events: number;
  quad1: number;
  quad2: number;
  quad3: number;
  quad4: number;
  goldstein: number;
}

export interface NetNode {
  id: string;
  label: string;
  kind: string;
  country: string | null;
  events: number;
}

export interface NetEdge {
  id: string;
  source: string;
  target: string;
  coop: number;
  conflict: number;
  events: number;
  goldstein: number;
}

export interface Network {
  nodes: NetNode[];
  edges: NetEdge[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function apiUrl(path: string, params: QueryInit = {}): string {
  return `/api${path}${qs(params)}`;
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' }, signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', `Could not reach the server (${(e as Error).message}).`);
  }
  const body = await res.text();
  let json: unknown = null;
  try {
    json = body ? JSON.parse(body) : null;
  } catch {
    /* not JSON */
  }
  if (!res.ok) {
    const j = (json ?? {}) as { error?: string; message?: string };
    throw new ApiError(res.status, j.error ?? `http_${res.status}`, j.message ?? (res.statusText || 'Request failed'));
  }
  if (json === null) throw new ApiError(res.status, 'bad_response', 'The server answered with something other than JSON.');
  return json as T;
}

export interface Loaded<T> {
  data: T | null;
  error: Error | null;
  loading: boolean;
}

/**
 * Fetch `url` (null: fetch nothing) and keep the answer; the answer object stays the same
 * between renders as long as the URL does.
 */
export function useJson<T>(url: string | null): Loaded<T> {
  return useLoader<T>(url, (signal) => getJson<T>(url!, signal));
}

/** Like useJson, but with any async loader keyed by `key`. */
export function useLoader<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const [state, setState] = useState<Loaded<T> & { key: string | null }>({ data: null, error: null, loading: key !== null, key });
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    if (key === null) {
      setState({ data: null, error: null, loading: false, key });
      return;
    }
    const ctl = new AbortController();
    setState((s) => ({ data: s.data, error: null, loading: true, key }));
    loadRef.current(ctl.signal).then(
      (data) => {
        if (!ctl.signal.aborted) setState({ data, error: null, loading: false, key });
      },
      (error: Error) => {
        if (!ctl.signal.aborted && error.name !== 'AbortError') setState({ data: null, error, loading: false, key });
      },
    );
    return () => ctl.abort();
  }, [key]);
  // while a new key loads, the previous data stays visible (no flashing); `loading` says so
  return { data: state.data, error: state.key === key ? state.error : null, loading: state.key !== key || state.loading };
}

/**
 * Every item of a list endpoint, page by page, up to `cap` items: for charts and groupings
 * that need more than one table page. Works whatever page size the server allows.
 */
export async function fetchAll<T>(path: string, params: QueryInit, signal: AbortSignal, cap = 5000): Promise<List<T> & { capped: boolean }> {
  const items: T[] = [];
  let total = Infinity;
  let offset = 0;
  while (offset < total && items.length < cap) {
    const page = await getJson<List<T>>(apiUrl(path, { ...params, limit: Math.min(1000, cap - items.length), offset }), signal);
    total = page.total;
    if (!page.items.length) break;
    items.push(...page.items);
    offset += page.items.length;
  }
  return { items, total: Number.isFinite(total) ? total : items.length, capped: items.length < total };
}
