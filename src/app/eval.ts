/**
 * `statecraft eval`: score the coder on gold files. Two shapes are recognised by their
 * fields: event gold ({text, date, expected: [{source, target, code}], no_events?}, the
 * PETRARCH-2 GSR shape) and actor-mention gold ({text, mentions: [{text, actor}]}); claims,
 * flows and agreements gold too. Each item goes through the pipeline exactly as an ingested
 * feed line would ({id, text, date, authors}): ingest's build (normalise, clean, structure,
 * split), then the extractor.
 */
import { readFileSync } from 'node:fs';
import { emptyExtraction } from '../core/doc.js';
import type { EventRecord, Mention, RawDocument } from '../core/types.js';
import { normalizeText } from '../ingest/clean.js';
import type { Nlp } from '../nlp/nlp.js';
import { createDefaultPipeline, loadKnowledge, type Knowledge, type Pipeline } from './pipeline.js';

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision: r3(precision), recall: r3(recall), f1: r3(f1) };
}
export const r3 = (x: number) => Math.round(x * 1000) / 1000;

export interface GoldEvent {
  id: string;
  text: string;
  date?: string;
  context?: string;
  authors?: string[];
  expected: { source: string | null; target: string | null; code: string; modality?: string }[];
  no_events?: boolean;
  category?: string;
}

export interface GoldMentions {
  id: string;
  text: string;
  date?: string;
  context?: string;
  authors?: string[];
  mentions: { text: string; actor: string; country?: string | null }[];
  category?: string;
}

export function readGold<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as T;
      } catch (e) {
        throw new Error(`${file}:${i + 1}: ${(e as Error).message}`);
      }
    });
}

function isoDate(d?: string): string | null {
  if (!d) return null;
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(d);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : d;
}

export interface Refused {
  id: string;
  reason: string;
}

/** `refused` is in a report only when some item was refused, so reports of clean sets keep their shape. */
const withRefused = <T extends object>(report: T, refused: Refused[]): T & { refused?: Refused[] } => (refused.length ? { ...report, refused } : report);

const squashSpace = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Run one gold item through the pipeline as ingest does (build, then extract): the context
 * first, then the scored text, as one document. The built document's paragraphs that come
 * from the context (found in it, in order) precede the scored text's; only events and
 * mentions in the scored text's sentences are scored. `offset` is where the scored text
 * starts in the built text; `text` is the built (normalised, cleaned) text; `failure` says
 * why nothing was built, when the builder refused the item (nothing left after cleaning).
 */
function runItem(pipeline: Pipeline, item: { id: string; text: string; date?: string; context?: string; authors?: string[] }) {
  const ctx = item.context ? item.context.trim() + '\n\n' : '';
  const raw: RawDocument = { origin: 'eval', locator: item.id, text: ctx + item.text, kind: 'plain', published: isoDate(item.date), authors: item.authors ?? [] };
  let doc;
  try {
    doc = pipeline.build(raw);
  } catch (e) {
    return { events: [] as EventRecord[], mentions: [] as Mention[], offset: 0, text: '', all: emptyExtraction(), failure: (e as Error).message };
  }
  // the context's paragraphs, in order; the first paragraph not found there starts the scored text
  const context = squashSpace(normalizeText(item.context ?? ''));
  let first = doc.paragraphs.length;
  for (let i = 0, cur = 0; i < doc.paragraphs.length; i++) {
    const p = squashSpace(doc.text.slice(doc.paragraphs[i][0], doc.paragraphs[i][1]));
    const at = context ? context.indexOf(p, cur) : -1;
    if (at < 0) {
      first = i;
      break;
    }
    cur = at + p.length;
  }
  const offset = first < doc.paragraphs.length ? doc.paragraphs[first][0] : doc.text.length;
  const x = pipeline.extract(doc);
  const inText = (s: number) => doc.sentences[s].paragraph >= first;
  return { events: x.events.filter((e) => inText(e.sentence)), mentions: x.mentions.filter((m) => inText(m.sentence)), offset, text: doc.text, all: x, failure: null };
}

export function createActorNormalizer(k: Knowledge) {
  const orgCodes = new Set<string>();
  for (const a of k.actors.actors.values()) if (a.org) orgCodes.add(a.org.toUpperCase());
  // a group named by another of its names in the gold ("group:isis" for group:islamic-state)
  const groupByAlias = new Map<string, string>();
  for (const a of k.actors.actors.values()) {
    if (a.kind !== 'group') continue;
    for (const n of [a.name, ...a.aliases]) groupByAlias.set(`group:${n.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`, a.id);
  }
  /** gold or predicted actor code → a comparable key: country, ORG:code, or the actor id */
  return function norm(code: string | null | undefined): string {
    if (!code) return '-';
    // Kosovo has no ISO 3166 code: the user-assigned XKX (EU, IMF, World Bank) and world-countries' UNK name one state
    if (code.startsWith('XKX')) code = `UNK${code.slice(3)}`;
    if (code.startsWith('group:') && !k.actors.actors.has(code) && groupByAlias.has(code)) return groupByAlias.get(code)!;
    const a = k.actors.actors.get(code);
    if (a?.org && a.kind === 'igo') return `ORG:${a.org.toUpperCase()}`;
    if (orgCodes.has(code.toUpperCase())) return `ORG:${code.toUpperCase()}`;
    if (code.startsWith('org:')) return `ORG:${code.slice(4).toUpperCase()}`;
    if (code.startsWith('IGOUNO') || code.startsWith('UNO')) return 'ORG:UN';
    if (code.startsWith('EUR') || code.startsWith('IGOEU')) return 'ORG:EU';
    if (code.startsWith('IGO')) return `ORG:${code.slice(3, 6)}`;
    if (code.startsWith('---') || code === 'group:unnamed-armed') return '-';
    if (/^[A-Z]{3}(?:[A-Z]{3})*$/.test(code)) return code.slice(0, 3);
    if (code.startsWith('author:')) return `person:${code.slice(7)}`;
    return a?.country && a.kind !== 'person' && a.kind !== 'group' ? a.country : code;
  };
}

/**
 * Whether the ledger's giver or receiver names the gold's: the same actor (a state, an
 * organisation, a named group), or a named group's country when the gold names only the country
 * ("group:taliban" for "AFG"), as events are compared.
 */
export function createPartyMatch(k: Knowledge) {
  const norm = createActorNormalizer(k);
  return (gold: string | null | undefined, pred: string | null | undefined): boolean => {
    if (norm(gold) === norm(pred)) return true;
    const a = pred ? k.actors.actors.get(pred) : undefined;
    return !!(a && a.kind === 'group' && a.country && norm(a.country) === norm(gold));
  };
}

/**
 * How events are compared with gold on (source, target, root): a group is itself (group:hamas), an
 * organisation its org code, anything else its country; a non-state group also counts as its home
 * country when the gold names only the country (the contract: "_country … and the actor id say who
 * it is"). Shared by `eval` and `eval --why-missed`.
 */
export function createEventKeys(norm: ReturnType<typeof createActorNormalizer>) {
  const side = (m: { actor: string | null; org: string | null; country: string | null }) => norm(m.actor?.startsWith('group:') ? m.actor : m.org ? `org:${m.org}` : (m.country ?? m.actor));
  const sides = (id: string | null, org: string | null, country: string | null) => {
    const own = side({ actor: id, org, country });
    return id?.startsWith('group:') && country ? [own, norm(country)] : [own];
  };
  return {
    /** one side of an event or a mention, comparable with the gold's */
    side,
    /** every key a predicted event may match, its own first */
    keysOf: (e: EventRecord) => sides(e.source, e.source_org, e.source_country).flatMap((a) => sides(e.target, e.target_org, e.target_country).map((b) => `${a}>${b}:${e.root}`)),
    goldKey: (x: { source: string | null; target: string | null; code: string }) => `${norm(x.source)}>${norm(x.target)}:${x.code.slice(0, 2)}`,
  };
}

export interface EventEvalReport {
  items: number;
  overall: Score;
  full_code: Score;
  by_root: Record<string, Score>;
  by_modality: Record<string, Score>;
  by_category: Record<string, Score>;
  misses: { id: string; text: string; missing: string[]; spurious: string[] }[];
  /** items ingest's builder refused (e.g. nothing left after removing page furniture): scored as predicting nothing */
  refused?: Refused[];
}

export async function evalEvents(k: Knowledge, gold: GoldEvent[], nlp?: Nlp): Promise<EventEvalReport> {
  const pipeline = await createDefaultPipeline(k, nlp);
  const { keysOf, goldKey } = createEventKeys(createActorNormalizer(k));
  const tot = { tp: 0, fp: 0, fn: 0 };
  const full = { tp: 0, fp: 0, fn: 0 };
  const byRoot: Record<string, { tp: number; fp: number; fn: number }> = {};
  const byMod: Record<string, { tp: number; fp: number; fn: number }> = {};
  const byCat: Record<string, { tp: number; fp: number; fn: number }> = {};
  const bump = (m: Record<string, { tp: number; fp: number; fn: number }>, key: string, f: 'tp' | 'fp' | 'fn') => {
    (m[key] ??= { tp: 0, fp: 0, fn: 0 })[f]++;
  };
  const misses: EventEvalReport['misses'] = [];
  const refused: Refused[] = [];
  for (const item of gold) {
    const { events, failure } = runItem(pipeline, item);
    if (failure) refused.push({ id: item.id, reason: failure });
    const pred = events.map((e: EventRecord) => {
      const keys = keysOf(e);
      return { key: keys[0], keys, code: e.cameo, modality: e.modality };
    });
    const exp = (item.no_events ? [] : item.expected).map((x) => ({ key: goldKey(x), code: x.code, modality: x.modality ?? 'factual' }));
    const left = [...pred];
    const missing: string[] = [];
    for (const x of exp) {
      const j = left.findIndex((p) => p.keys.includes(x.key));
      if (j >= 0) {
        tot.tp++;
        bump(byRoot, x.key.slice(-2), 'tp');
        bump(byMod, x.modality, left[j].modality === x.modality ? 'tp' : 'fn');
        bump(byCat, item.category ?? '-', 'tp');
        if (left[j].code === x.code) full.tp++;
        else {
          full.fn++;
          full.fp++;
        }
        left.splice(j, 1);
      } else {
        tot.fn++;
        full.fn++;
        bump(byRoot, x.key.slice(-2), 'fn');
        bump(byMod, x.modality, 'fn');
        bump(byCat, item.category ?? '-', 'fn');
        missing.push(`${x.key} (${x.code}${x.modality !== 'factual' ? ' ' + x.modality : ''})`);
      }
    }
    for (const p of left) {
      tot.fp++;
      full.fp++;
      bump(byRoot, p.key.slice(-2), 'fp');
      bump(byMod, p.modality, 'fp');
      bump(byCat, item.category ?? '-', 'fp');
    }
    if (missing.length || left.length) misses.push({ id: item.id, text: item.text, missing, spurious: left.map((p) => `${p.key} (${p.code}${p.modality !== 'factual' ? ' ' + p.modality : ''})`) });
  }
  const fin = (m: Record<string, { tp: number; fp: number; fn: number }>) =>
    Object.fromEntries(Object.entries(m).sort().map(([k2, v]) => [k2, score(v.tp, v.fp, v.fn)]));
  return withRefused({ items: gold.length, overall: score(tot.tp, tot.fp, tot.fn), full_code: score(full.tp, full.fp, full.fn), by_root: fin(byRoot), by_modality: fin(byMod), by_category: fin(byCat), misses }, refused);
}

export interface MentionEvalReport {
  items: number;
  overall: Score;
  by_category: Record<string, Score>;
  misses: { id: string; text: string; missing: string[]; spurious: string[] }[];
  /** items ingest's builder refused (e.g. nothing left after removing page furniture): scored as predicting nothing */
  refused?: Refused[];
}

export async function evalMentions(k: Knowledge, gold: GoldMentions[], nlp?: Nlp): Promise<MentionEvalReport> {
  const pipeline = await createDefaultPipeline(k, nlp);
  const norm = createActorNormalizer(k);
  const same = (g: { actor: string; country?: string | null }, m: Mention) => {
    if (g.actor === m.actor || norm(g.actor) === norm(m.actor)) return true;
    const person = (id: string) => id.startsWith('person:') || id.startsWith('author:');
    if (person(g.actor) || person(m.actor)) return false;
    return (g.country ?? norm(g.actor)) === (m.country ?? norm(m.actor)) && !!(g.country ?? m.country);
  };
  let tp = 0, fp = 0, fn = 0;
  const byCat: Record<string, { tp: number; fp: number; fn: number }> = {};
  const misses: MentionEvalReport['misses'] = [];
  const refused: Refused[] = [];
  for (const item of gold) {
    const { mentions, offset, text, failure } = runItem(pipeline, item);
    if (failure) refused.push({ id: item.id, reason: failure });
    const cat = (byCat[item.category ?? '-'] ??= { tp: 0, fp: 0, fn: 0 });
    // gold spans: each surface found in order in the scored part of the built text (one not there cannot match)
    const scored = text.slice(offset);
    let cur = 0;
    const golds = item.mentions.map((g) => {
      let at = scored.indexOf(g.text, cur);
      if (at < 0) at = scored.indexOf(g.text);
      if (at >= 0 && item.mentions.filter((x) => x.text === g.text).length === 1) cur = at;
      else if (at >= 0) cur = at + 1;
      return { ...g, span: (at < 0 ? [-1, -1] : [offset + at, offset + at + g.text.length]) as [number, number] };
    });
    const left = mentions.map((m) => m);
    const missing: string[] = [];
    for (const g of golds) {
      const j = left.findIndex((m) => m.span[0] < g.span[1] && m.span[1] > g.span[0] && same(g, m));
      if (j >= 0) {
        tp++;
        cat.tp++;
        left.splice(j, 1);
      } else {
        fn++;
        cat.fn++;
        missing.push(`"${g.text}" → ${g.actor}`);
      }
    }
    // a predicted mention overlapping a gold one of another actor is wrong; one where the gold has none is spurious
    fp += left.length;
    cat.fp += left.length;
    if (missing.length || left.length) misses.push({ id: item.id, text: item.text, missing, spurious: left.map((m) => `"${m.text}" → ${m.actor}`) });
  }
  return withRefused({
    items: gold.length,
    overall: score(tp, fp, fn),
    by_category: Object.fromEntries(Object.entries(byCat).sort().map(([c, v]) => [c, score(v.tp, v.fp, v.fn)])),
    misses,
  }, refused);
}

// ---- claims, flows, agreements ------------------------------------------------------------

export interface AnalysisGold {
  id: string;
  text: string;
  date?: string;
  authors?: string[];
  context?: string;
  expected: Record<string, unknown>[];
  category?: string;
}

export interface AnalysisEvalReport {
  kind: 'claims' | 'flows' | 'agreements';
  items: number;
  overall: Score;
  /** how often a matched record also has the expected attribute */
  attributes: Record<string, { agree: number; of: number; rate: number }>;
  by_category: Record<string, Score>;
  misses: { id: string; text: string; missing: string[]; spurious: string[] }[];
  /** items ingest's builder refused (e.g. nothing left after removing page furniture): scored as predicting nothing */
  refused?: Refused[];
}

export function goldKind(line: Record<string, unknown>): 'events' | 'mentions' | 'claims' | 'flows' | 'agreements' {
  if (Array.isArray(line.mentions)) return 'mentions';
  const ex = (line.expected as Record<string, unknown>[] | undefined) ?? [];
  const first = ex[0];
  if (first && 'kind' in first && 'holder' in first) return 'claims';
  if (first && 'giver' in first) return 'flows';
  if (first && 'name' in first && 'parties' in first) return 'agreements';
  if (first && 'code' in first) return 'events';
  const id = String(line.id ?? '');
  return id.startsWith('cl') ? 'claims' : id.startsWith('fl') ? 'flows' : id.startsWith('ag') ? 'agreements' : 'events';
}

const squashName = (s: string) => s.toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').replace(/\b(?:the|treaty|agreement|pact|accords?|on|of|between|and)\b/g, ' ').replace(/\s+/g, ' ').trim();

export async function evalAnalysis(k: Knowledge, kind: 'claims' | 'flows' | 'agreements', gold: AnalysisGold[], nlp?: Nlp): Promise<AnalysisEvalReport> {
  const pipeline = await createDefaultPipeline(k, nlp);
  const party = createPartyMatch(k);
  let tp = 0, fp = 0, fn = 0;
  const attrs: Record<string, { agree: number; of: number; rate: number }> = {};
  const attr = (name: string, ok: boolean) => {
    const a = (attrs[name] ??= { agree: 0, of: 0, rate: 0 });
    a.of++;
    if (ok) a.agree++;
  };
  const byCat: Record<string, { tp: number; fp: number; fn: number }> = {};
  const misses: AnalysisEvalReport['misses'] = [];
  const refused: Refused[] = [];
  for (const item of gold) {
    const { all: x, offset, failure } = runItem(pipeline, item);
    if (failure) refused.push({ id: item.id, reason: failure });
    const cat = (byCat[item.category ?? '-'] ??= { tp: 0, fp: 0, fn: 0 });
    const missing: string[] = [];
    let left: Record<string, unknown>[];
    let match: (e: Record<string, unknown>, p: Record<string, unknown>) => boolean;
    let check: (e: Record<string, unknown>, p: Record<string, unknown>) => void;
    let show: (r: Record<string, unknown>) => string;
    if (kind === 'claims') {
      left = x.claims.filter((c) => c.span[0] >= offset) as unknown as Record<string, unknown>[];
      match = (e, p) => e.kind === p.kind;
      check = (e, p) => {
        const ek = e.holder_kind as string;
        attr('holder_kind', ek === p.holder_kind);
        attr('holder', e.holder === 'authors' ? p.holder_kind === 'author' : String(p.holder).toLowerCase().includes(String(e.holder).toLowerCase().split(' ').pop()!));
        if (e.likelihood === null || e.likelihood === undefined) attr('likelihood (none given)', p.likelihood === null);
        else attr('likelihood ±0.15', typeof p.likelihood === 'number' && Math.abs((p.likelihood as number) - (e.likelihood as number)) <= 0.15);
        const about = new Set(p.about as string[]);
        attr('about ⊇ expected', (e.about as string[] ?? []).every((c) => about.has(c)));
      };
      show = (r) => `${r.kind}${r.likelihood != null ? ` ${r.likelihood}` : ''}`;
    } else if (kind === 'flows') {
      left = x.flows.map((f) => ({ ...f })) as unknown as Record<string, unknown>[];
      match = (e, p) => party(e.giver as string, p.giver as string) && party(e.receiver as string, p.receiver as string) && e.category === p.category;
      check = (e, p) => {
        attr('status', e.status === p.status);
        attr('item', String(p.item).toLowerCase().includes(String(e.item).toLowerCase().split(' ').pop()!.replace(/s$/, '')) || String(e.item).toLowerCase().includes(String(p.item).toLowerCase().split(' ').pop()!.replace(/s$/, '')));
      };
      show = (r) => `${r.giver ?? '?'}→${r.receiver ?? '?'} ${r.category} (${r.item}, ${r.status})`;
    } else {
      // one agreement per name in an item, whatever the number of evidence rows
      const seen = new Set<string>();
      left = x.agreements.filter((a) => (seen.has(a.agreement) ? false : (seen.add(a.agreement), true))) as unknown as Record<string, unknown>[];
      match = (e, p) => {
        const a = squashName(String(e.name)), b = squashName(String(p.name));
        return a === b || (a.length > 2 && b.length > 2 && (a.includes(b) || b.includes(a)));
      };
      check = (e, p) => {
        attr('parties', JSON.stringify([...(e.parties as string[])].sort()) === JSON.stringify([...(p.parties as string[])].sort()));
        attr('signed', (e.signed ?? null) === (p.signed ?? null));
        attr('status', e.status === p.status);
        const arts = ((p.articles as { number: number }[]) ?? []).map((a) => a.number).sort((m, n) => m - n);
        attr('articles', JSON.stringify(arts) === JSON.stringify([...((e.articles as number[]) ?? [])].sort((m, n) => m - n)));
      };
      show = (r) => String(r.name);
    }
    for (const e of item.expected) {
      const j = left.findIndex((p) => match(e, p));
      if (j >= 0) {
        tp++;
        cat.tp++;
        check(e, left[j]);
        left.splice(j, 1);
      } else {
        fn++;
        cat.fn++;
        missing.push(show(e));
      }
    }
    fp += left.length;
    cat.fp += left.length;
    if (missing.length || left.length) misses.push({ id: item.id, text: item.text, missing, spurious: left.map(show) });
  }
  for (const a of Object.values(attrs)) a.rate = r3(a.agree / a.of);
  return withRefused({
    kind,
    items: gold.length,
    overall: score(tp, fp, fn),
    attributes: attrs,
    by_category: Object.fromEntries(Object.entries(byCat).sort().map(([c, v]) => [c, score(v.tp, v.fp, v.fn)])),
    misses,
  }, refused);
}

export type GoldKind = ReturnType<typeof goldKind>;

/** Score the coder on one gold file, its kind told by its first line (`statecraft eval`). */
export async function evalFile(file: string): Promise<
  | { kind: 'mentions'; report: MentionEvalReport }
  | { kind: 'events'; report: EventEvalReport }
  | { kind: 'claims' | 'flows' | 'agreements'; report: AnalysisEvalReport }
> {
  const k = await loadKnowledge();
  const gold = readGold<GoldEvent & GoldMentions>(file);
  const kind = gold.length ? goldKind(gold[0] as unknown as Record<string, unknown>) : 'events';
  if (kind === 'mentions') return { kind, report: await evalMentions(k, gold) };
  if (kind === 'events') return { kind, report: await evalEvents(k, gold) };
  return { kind, report: await evalAnalysis(k, kind, gold as unknown as AnalysisGold[]) };
}

