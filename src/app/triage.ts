/**
 * `statecraft eval GOLD --why-missed`: the misses of an event gold set grouped by cause, so the
 * next piece of work is chosen by counts, not by the last sentence looked at. Each missed gold
 * event is found in its sentence (by the `words` the gold gives, else by its actors), and the
 * stages' own annotations of that sentence say where the event was lost:
 *
 * - `no actor`: a side of the event is not among the sentence's actors (nor its places);
 * - `no trigger`: no word of the sentence (of the gold's words, when given) is a known event word;
 * - `no sense`: a verb the patterns know only with certain objects met none of them;
 * - `no frame`: a trigger was found, but no source (or no target) was read for it;
 * - `governed`: a trigger was read and then taken over by a verb governing it;
 * - `wrong sense`: an event was coded for the same sides with another root;
 * - `wrong actor`: an event was coded with the same root for other sides;
 * - `other`: coded elsewhere or dropped as a restatement (one event per fact).
 */
import type { Doc, DocSentence, Trigger } from '../core/doc.js';
import type { EventRecord } from '../core/types.js';
import type { Knowledge } from '../extract/index.js';
import { StatecraftError } from '../core/errors.js';
import { createActorNormalizer, createEventKeys, goldKind, readGold, type GoldEvent } from './eval.js';
import { createDefaultPipeline, loadKnowledge, type Pipeline } from './pipeline.js';

export const CAUSES = ['no actor', 'no trigger', 'no sense', 'no frame', 'governed', 'wrong sense', 'wrong actor', 'other'] as const;
export type Cause = (typeof CAUSES)[number];

export interface TriageReport {
  items: number;
  missed: number;
  by_cause: Record<Cause, number>;
  /** cause → root → count */
  by_cause_root: Record<string, Record<string, number>>;
  examples: Record<string, { id: string; event: string; words: string; detail: string }[]>;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

export function triageEvents(gold: (GoldEvent & { expected: (GoldEvent['expected'][number] & { words?: string })[] })[], pipeline: Pipeline, k: Knowledge, perCause = 12): TriageReport {
  const norm = createActorNormalizer(k);
  const keys = createEventKeys(norm);
  const { keysOf, goldKey } = keys;
  const by_cause = Object.fromEntries(CAUSES.map((c) => [c, 0])) as Record<Cause, number>;
  const by_cause_root: Record<string, Record<string, number>> = {};
  const examples: TriageReport['examples'] = {};
  let missed = 0;
  for (const item of gold) {
    const date = item.date && /^\d{8}$/.test(item.date) ? `${item.date.slice(0, 4)}-${item.date.slice(4, 6)}-${item.date.slice(6)}` : (item.date ?? null);
    let doc: Doc | null;
    try {
      doc = pipeline.inspect(pipeline.build({ origin: 'eval', locator: item.id, text: (item.context ? item.context.trim() + '\n\n' : '') + item.text, kind: 'plain', published: date, authors: [] }));
    } catch {
      continue;
    }
    if (!doc) continue;
    // what the arguments stage read: the triggers kept and those a governing verb took over
    const argued = new Map<DocSentence, Trigger[]>(doc.sentences.map((s) => [s, [...(s.triggers ?? []), ...(s.taken ?? [])]]));
    const events = doc.events ?? [];
    const left = events.map(keysOf);
    for (const x of item.expected ?? []) {
      const j = left.findIndex((keys) => keys.includes(goldKey(x)));
      if (j >= 0) {
        left.splice(j, 1);
        continue;
      }
      missed++;
      const [cause, detail, s] = classify(doc, x, norm, keys, argued, events, k);
      by_cause[cause]++;
      (by_cause_root[cause] ??= {})[x.code.slice(0, 2)] = (by_cause_root[cause]?.[x.code.slice(0, 2)] ?? 0) + 1;
      const ex = (examples[cause] ??= []);
      if (ex.length < perCause) ex.push({ id: item.id, event: `${x.source}→${x.target ?? '-'} ${x.code}`, words: x.words ?? s?.text.slice(0, 120) ?? '', detail });
    }
  }
  return { items: gold.length, missed, by_cause, by_cause_root, examples };
}

function classify(
  doc: Doc,
  x: { source: string | null; target: string | null; code: string; words?: string },
  norm: (c: string | null | undefined) => string,
  keys: ReturnType<typeof createEventKeys>,
  argued: Map<DocSentence, Trigger[]>,
  events: EventRecord[],
  k: Knowledge,
): [Cause, string, DocSentence | undefined] {
  const src = norm(x.source), tgt = norm(x.target), root = x.code.slice(0, 2);
  const sideOf = keys.side;
  const key = (e: EventRecord) => keys.keysOf(e)[0];
  // the sentence: the one holding the gold's words, else the first naming both sides
  const w = x.words ? squash(x.words) : '';
  let s = w ? doc.sentences.find((q) => squash(q.text).includes(w)) : undefined;
  let span: [number, number] | null = null;
  if (s && x.words) {
    const at = s.text.toLowerCase().indexOf(x.words.toLowerCase());
    if (at >= 0) span = [s.start + at, s.start + at + x.words.length];
  }
  const sidesIn = (q: DocSentence) => new Set([...(q.mentions ?? []).map(sideOf), ...(q.places ?? []).map((p) => p.location.country ?? '')]);
  s ??= doc.sentences.find((q) => q.prose && sidesIn(q).has(src) && (tgt === '-' || sidesIn(q).has(tgt)));
  if (!s) return ['no actor', `no sentence names ${src}${tgt !== '-' ? ` and ${tgt}` : ''}`, undefined];
  const have = sidesIn(s);
  const lacking = [src, tgt].filter((a) => a !== '-' && !have.has(a));
  if (lacking.length) return ['no actor', `not found: ${lacking.join(', ')}`, s];
  const toks = s.tokens ?? [];
  const inSpan = (tok: number) => !span || (toks[tok] && toks[tok].start >= span[0] && toks[tok].end <= span[1]);
  const cands = (s.candidates ?? []).filter((c) => inSpan(c.tok));
  if (!cands.length) return ['no trigger', span ? 'no known event word in the gold words' : 'no known event word', s];
  const before = (argued.get(s) ?? []).filter((t) => inSpan(t.tok));
  const objectOnly = cands.filter((c) => c.verb !== undefined && !k.patterns.verbs.get(c.verb)?.code && !c.noun);
  if (!before.length && objectOnly.length === cands.length) return ['no sense', `${objectOnly.map((c) => toks[c.tok]?.text).join(', ')} met none of the objects its pattern knows`, s];
  if (!before.length) return ['no frame', `trigger ${cands.map((c) => toks[c.tok]?.text).join(', ')} found no ${'source'}`, s];
  const after = (s.triggers ?? []).filter((t) => inSpan(t.tok));
  if (!after.length) return ['governed', `${before.map((t) => toks[t.tok]?.text).join(', ')} taken over by a governing verb`, s];
  const mine = events.filter((e) => e.sentence === s!.idx);
  const dyad = `${src}>${tgt}:`;
  const sameDyad = mine.find((e) => key(e).startsWith(dyad));
  if (sameDyad) return ['wrong sense', `coded ${sameDyad.cameo} (${sameDyad.reason.split(';')[0]})`, s];
  const sameRoot = mine.find((e) => e.root === root);
  if (sameRoot) return ['wrong actor', `coded ${key(sameRoot)}`, s];
  const t0 = after[0];
  return ['other', `trigger "${t0.pattern}" ${t0.code}: ${t0.sources.map((p) => p.m.text).join('+')} → ${t0.targets.map((p) => p.m.text).join('+') || '-'}`, s];
}

/** The report as text. */
export function formatTriage(r: TriageReport): string {
  const lines = [`${r.items} items, ${r.missed} missed events, by cause:`];
  for (const c of CAUSES) {
    if (!r.by_cause[c]) continue;
    const roots = Object.entries(r.by_cause_root[c] ?? {}).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}:${n}`).join(' ');
    lines.push(`  ${c.padEnd(12)} ${String(r.by_cause[c]).padStart(4)}  (${((100 * r.by_cause[c]) / Math.max(1, r.missed)).toFixed(0)}%)  by root ${roots}`);
  }
  for (const c of CAUSES) {
    const ex = r.examples[c];
    if (!ex?.length) continue;
    lines.push('', `${c}:`);
    for (const e of ex) lines.push(`  ${e.id}  ${e.event}  "${e.words}"  — ${e.detail}`);
  }
  return lines.join('\n');
}

/** `eval --why-missed`: an event gold file's misses grouped by cause. */
export async function triageFile(file: string, perCause = 12): Promise<TriageReport> {
  const k = await loadKnowledge();
  const gold = readGold<GoldEvent>(file);
  if (gold.length && goldKind(gold[0] as unknown as Record<string, unknown>) !== 'events') throw new StatecraftError('E301', `${file}: --why-missed reads event gold ({text, expected: [{source, target, code}]})`);
  return triageEvents(gold, await createDefaultPipeline(k), k, perCause);
}
