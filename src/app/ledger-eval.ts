/**
 * `statecraft eval ledger.news.*.jsonl`: the analytic layer on whole news reports. Each line is
 * a report with every flow and every attributed statement a blind annotator found
 * (test/golden/README-ledger-news.md): `{id, text, date, genre, flows: [...], claims: [...]}`.
 *
 * - Flows match on (giver, receiver, category), sides compared as the event scorer compares
 *   them (a country, an organisation's code, a group); status and item are reported as the
 *   share of matched flows that agree.
 * - Claims: a gold statement is *found* when a claim was read from the sentence holding its
 *   words, and found *with the right holder* when that claim's holder is the gold's: a person
 *   (one the dictionaries know, or a name no actor goes by) by surname, never by the state they
 *   serve; a body or unnamed officials by the state or organisation they speak for ("the
 *   Kremlin" for the gold's "Russian government"). Precision: the share of
 *   claims read that hold a gold statement of their sentence with the right holder; a claim
 *   from a sentence with no attributed statement (narration) is counted apart.
 */
import type { Doc } from '../core/doc.js';
import type { FlowEvidenceRow } from '../core/doc.js';
import type { Actor, ClaimRecord } from '../core/types.js';
import { readFileSync } from 'node:fs';
import { createActorNormalizer, createPartyMatch, r3, readGold, score, type Score } from './eval.js';
import { createDefaultPipeline, loadKnowledge, type Knowledge } from './pipeline.js';

export interface LedgerGold {
  id: string;
  text: string;
  date?: string;
  genre?: 'news' | 'analysis';
  flows: { giver: string | null; receiver: string | null; item: string; category: string; status: string; words?: string }[];
  claims: { holder: string; holder_kind: string; holder_country?: string | null; kind: string; about?: string[]; likelihood?: number | null; words: string; cue?: string }[];
}

export interface LedgerEvalReport {
  items: number;
  flows: Score & { status_agree: number; item_agree: number };
  claims: {
    gold: number;
    read: number;
    /** gold statements with a claim read from their sentence */
    found: number;
    /** … whose holder is the gold's */
    found_right_holder: number;
    recall_found: number;
    recall_right_holder: number;
    /** of the found, how many have the right holder */
    holder_right_when_found: number;
    /** claims read that hold a gold statement of their sentence with the right holder */
    precision: number;
    /** claims read from sentences with no attributed statement */
    from_narration: number;
    kind_agree: number;
    /** of those, the likelihood within ±0.15, or both none */
    likelihood_agree: number;
  };
  misses: { id: string; flows_missing: string[]; flows_spurious: string[]; claims_missing: string[]; claims_spurious: string[] }[];
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();

export function evalLedger(k: Knowledge, gold: LedgerGold[], pipeline: Awaited<ReturnType<typeof createDefaultPipeline>>): LedgerEvalReport {
  const norm = createActorNormalizer(k);
  const party = createPartyMatch(k);
  // every actor the dictionaries know, by each of its names
  const byName = new Map<string, Actor>();
  for (const x of k.actors.actors.values()) for (const n of [x.name, ...x.aliases]) if (!byName.has(fold(n))) byName.set(fold(n), x);
  const known = (name: string) => byName.get(fold(name)) ?? byName.get(fold(name).replace(/^the /, ''));
  // a name with a title of the dictionaries in it ("Azerbaijani Defense Ministry") is a body, not a person; so is a name
  // that ends in the head word of a body ("Kyrgyz Border Service", "US Treasury Department", "Myawaddy TV": the words the
  // claims stage knows as bodies' heads, data/lexicon/claims.yaml claim_state_body_heads)
  const bodyHeads = k.lexicon.words('claim_state_body_heads');
  const titled = (name: string) => {
    const w = fold(name).split(' ');
    if (bodyHeads.has(w[w.length - 1])) return true;
    for (let i = 0; i < w.length; i++) for (let n = 1; n <= 3 && i + n <= w.length; n++) if (k.actors.titleRoles.has(w.slice(i, i + n).join(' '))) return true;
    return false;
  };
  let ftp = 0, ffp = 0, ffn = 0, statusOk = 0, itemOk = 0;
  let gTotal = 0, read = 0, found = 0, foundRight = 0, precise = 0, narration = 0, kindOk = 0, lkOk = 0;
  const misses: LedgerEvalReport['misses'] = [];
  for (const item of gold) {
    const built = pipeline.build({ origin: 'eval', locator: item.id, text: item.text, kind: 'plain', published: item.date ?? null, authors: [], genre: item.genre ?? null });
    const x = pipeline.extract(built);
    const flows: FlowEvidenceRow[] = x.flows;
    const claims: ClaimRecord[] = x.claims;
    const actors = new Map<string, Actor>(x.actors.map((a) => [a.id, a]));
    const sentences = built.sentences;
    const miss = { id: item.id, flows_missing: [] as string[], flows_spurious: [] as string[], claims_missing: [] as string[], claims_spurious: [] as string[] };
    // ---- flows
    const left = [...flows];
    for (const g of item.flows) {
      const j = left.findIndex((p) => party(g.giver, p.giver) && party(g.receiver, p.receiver) && p.category === g.category);
      if (j < 0) {
        ffn++;
        miss.flows_missing.push(`${g.giver ?? '?'}→${g.receiver ?? '?'} ${g.category} (${g.item}, ${g.status})`);
        continue;
      }
      ftp++;
      const p = left.splice(j, 1)[0];
      if (p.status === g.status) statusOk++;
      const a = fold(p.item), b = fold(g.item);
      if (a.includes(b.split(' ').pop()!.replace(/s$/, '')) || b.includes(a.split(' ').pop()!.replace(/s$/, ''))) itemOk++;
    }
    ffp += left.length;
    for (const p of left) miss.flows_spurious.push(`${p.giver ?? '?'}→${p.receiver ?? '?'} ${p.category} (${p.item}, ${p.status})`);
    // ---- claims: each gold statement's sentence
    const sentenceOf = (words: string) => {
      const w = fold(words);
      return sentences.find((s) => fold(s.text).includes(w))?.idx ?? sentences.find((s) => w.includes(fold(s.text)) && fold(s.text).length > 20)?.idx ?? -1;
    };
    const golds = item.claims.map((g) => ({ g, s: sentenceOf(g.words) }));
    const holderMatches = (g: LedgerGold['claims'][number], c: ClaimRecord) => holderAgrees(g, c, actors, known, titled, norm);
    gTotal += golds.length;
    read += claims.length;
    for (const { g, s } of golds) {
      const here = claims.filter((c) => c.sentence === s);
      if (!here.length) {
        miss.claims_missing.push(`${g.holder}: ${g.words.slice(0, 80)}`);
        continue;
      }
      found++;
      const right = here.find((c) => holderMatches(g, c) && c.kind === g.kind) ?? here.find((c) => holderMatches(g, c));
      if (right) {
        foundRight++;
        if (right.kind === g.kind) kindOk++;
        const gl = g.likelihood ?? null, pl = right.likelihood ?? null;
        if (gl === null ? pl === null : pl !== null && Math.abs(pl - gl) <= 0.15) lkOk++;
      } else miss.claims_missing.push(`${g.holder} (read: ${here.map((c) => c.holder).join(', ')}): ${g.words.slice(0, 60)}`);
    }
    for (const c of claims) {
      const mine = golds.filter((x) => x.s === c.sentence);
      if (!mine.length) {
        narration++;
        miss.claims_spurious.push(`narration, ${c.holder}: ${c.quote.slice(0, 80)}`);
      } else if (mine.some((x) => holderMatches(x.g, c))) precise++;
      else miss.claims_spurious.push(`holder ${c.holder} (gold: ${mine.map((x) => x.g.holder).join(', ')})`);
    }
    if (miss.flows_missing.length || miss.flows_spurious.length || miss.claims_missing.length || miss.claims_spurious.length) misses.push(miss);
  }
  return {
    items: gold.length,
    flows: { ...score(ftp, ffp, ffn), status_agree: r3(statusOk / Math.max(1, ftp)), item_agree: r3(itemOk / Math.max(1, ftp)) },
    claims: {
      gold: gTotal,
      read,
      found,
      found_right_holder: foundRight,
      recall_found: r3(found / Math.max(1, gTotal)),
      recall_right_holder: r3(foundRight / Math.max(1, gTotal)),
      holder_right_when_found: r3(foundRight / Math.max(1, found)),
      precision: r3(precise / Math.max(1, read)),
      from_narration: narration,
      kind_agree: r3(kindOk / Math.max(1, foundRight)),
      likelihood_agree: r3(lkOk / Math.max(1, foundRight)),
    },
    misses,
  };
}

/**
 * Whether a claim's holder is the gold's: a person by surname (the gold's last word in the
 * holder's name); a body by the state or organisation it speaks for (the gold's
 * `holder_country`, compared as the event scorer compares sides).
 */
function holderAgrees(g: LedgerGold['claims'][number], c: ClaimRecord, actors: Map<string, Actor>, known: (name: string) => Actor | undefined, titled: (name: string) => boolean, norm: (c: string | null | undefined) => string): boolean {
  const a = fold(g.holder), b = fold(c.holder);
  if (!a || !b) return false;
  if (a === b) return true;
  const last = (s: string) => s.split(' ').pop()!;
  // the gold's holder is a person when the dictionaries know them, or when no actor goes by that name
  const goldActor = known(g.holder);
  const goldPerson = goldActor ? goldActor.kind === 'person' : g.holder_kind !== 'unknown' && !titled(g.holder) && /^(?:\p{Lu}[\p{L}'-]+\s+){1,3}\p{Lu}[\p{L}'-]+$/u.test(g.holder.trim());
  const actor = (c.holder_actor ? actors.get(c.holder_actor) : undefined) ?? [...actors.values()].find((x) => x.id === c.holder || fold(x.name) === b || x.aliases.some((y) => fold(y) === b)) ?? known(c.holder);
  if (goldPerson) return !!actor ? actor.kind === 'person' && last(fold(actor.name)) === last(a) : last(a) === last(b);
  // a body, or people the report leaves unnamed: the state or organisation they speak for
  const code = actor ? (actor.org ? actor.org.toUpperCase() : actor.country) : null;
  return !!g.holder_country && !!code && norm(code) === norm(g.holder_country) && actor?.kind !== 'person';
}

export async function evalLedgerFile(file: string): Promise<LedgerEvalReport> {
  const k = await loadKnowledge();
  return evalLedger(k, readGold<LedgerGold>(file), await createDefaultPipeline(k));
}

/** The report as text. */
export function formatLedger(file: string, r: LedgerEvalReport): string {
  const f = r.flows, c = r.claims;
  const lines = [
    `${file}: ${r.items} reports (flows and attributed statements)`,
    `flows          P ${f.precision.toFixed(3)}  R ${f.recall.toFixed(3)}  F1 ${f.f1.toFixed(3)}   (tp ${f.tp}, fp ${f.fp}, fn ${f.fn}); of the matched: status ${f.status_agree.toFixed(3)}, item ${f.item_agree.toFixed(3)}`,
    `claims         ${c.gold} attributed statements, ${c.read} claims read`,
    `  found                    ${c.recall_found.toFixed(3)}  (${c.found})`,
    `  found, right holder      ${c.recall_right_holder.toFixed(3)}  (${c.found_right_holder})`,
    `  holder right when found  ${c.holder_right_when_found.toFixed(3)}`,
    `  precision                ${c.precision.toFixed(3)}  (claims from narration: ${c.from_narration})`,
    `  kind agrees              ${c.kind_agree.toFixed(3)}`,
    `  likelihood agrees        ${c.likelihood_agree.toFixed(3)}`,
  ];
  return lines.join('\n');
}

/** Whether a gold file is ledger gold (its first line has `flows` and `claims` lists). */
export function isLedgerGold(file: string): boolean {
  const first = readFileSync(file, 'utf8').split('\n').find((l) => l.trim());
  if (!first) return false;
  try {
    const x = JSON.parse(first) as Record<string, unknown>;
    return Array.isArray(x.flows) && Array.isArray(x.claims);
  } catch {
    return false;
  }
}
