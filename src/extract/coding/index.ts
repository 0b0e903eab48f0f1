/**
 * Stage `coding`: each trigger's dyads become event records, coded in CAMEO with the
 * codebook's label, root, Goldstein value, quad class and PLOVER event and mode, with the
 * span from source to target, the exact words, modality, date, place, attribution and the
 * reason the coder gives ("clause "hold … talk" → 046 …; source … (subject); target … (object)").
 */
import type { DocSentence, Stage, Token, Trigger } from '../../core/doc.js';
import type { EventRecord } from '../../core/types.js';
import type { Codebook } from '../../knowledge/codebook.js';
import { hash64 } from '../../knowledge/text.js';

/** The records of one trigger. */
export function recordsOf(codebook: Codebook, docId: string, s: Pick<DocSentence, 'idx' | 'text' | 'start'>, toks: Token[], tr: Trigger): EventRecord[] {
  const modality = tr.mood!;
  const out: EventRecord[] = [];
  const date = tr.date ?? null;
  for (const [src, t, code] of tr.pairs!) {
    const info = codebook.lookup(code);
    const lo = Math.min(src.m.span[0], toks[tr.tok].start, t ? t.m.span[0] : Infinity);
    const hi = Math.max(src.m.span[1], toks[tr.end].end, t ? t.m.span[1] : -Infinity);
    const span: [number, number] = [lo, hi];
    const quote = s.text.slice(lo - s.start, hi - s.start);
    const conf = Math.min(0.95, 0.5 + (src.how === 'subject' || src.how === 'by' || src.how === 'possessive' || src.how === 'compound' ? 0.2 : 0.1) + (t ? (t.how === 'object' || t.how.startsWith('prep') || t.how === 'compound' ? 0.2 : 0.1) : 0.1));
    const id = `e_${hash64(`${docId}|${span}|${src.m.actor}|${t?.m.actor ?? ''}|${code}|${modality}|${date ?? ''}|${tr.form}`)}`;
    out.push({
      id,
      doc: docId,
      sentence: s.idx,
      span,
      quote,
      source: src.m.actor,
      source_country: src.m.country,
      source_org: src.m.org,
      source_role: src.m.role,
      target: t?.m.actor ?? null,
      target_country: t?.m.country ?? null,
      target_org: t?.m.org ?? null,
      target_role: t?.m.role ?? null,
      cameo: info.code,
      root: info.root,
      plover: info.plover,
      plover_mode: info.mode,
      goldstein: info.goldstein,
      quad: info.quad,
      date,
      location: tr.location ?? null,
      modality,
      form: tr.form,
      attributed_to: tr.attributed ?? null,
      confidence: Math.round(conf * 100) / 100,
      cluster: `k_${hash64(`${src.m.country ?? src.m.org ?? src.m.actor}|${t ? t.m.country ?? t.m.org ?? t.m.actor : ''}|${info.root}|${date ?? ''}`)}`,
      corroboration: 1,
      reason: `${tr.form} "${tr.pattern}" → ${info.code} ${info.label}; source "${src.m.text}" (${src.how}); target ${t ? `"${t.m.text}" (${t.how})` : 'none'}${modality !== 'factual' ? `; ${modality}` : ''}`,
    });
  }
  return out;
}

export function codingStage(k: { codebook: Codebook }): Stage {
  return {
    name: 'coding',
    requires: ['modality', 'dates', 'locations'],
    assigns: ['coded'],
    run(doc) {
      for (const s of doc.sentences) {
        if (!s.tokens) continue;
        s.coded = onePerAct((s.triggers ?? []).flatMap((tr) => recordsOf(k.codebook, doc.id, s, s.tokens!, tr)));
      }
    },
  };
}

/**
 * One event per act a sentence tells: two triggers of one sentence that give the same sides, root
 * and modality ("met … for talks", "signed … the agreement") are one act, coded once, by its most
 * specific code (the longer CAMEO code; the first on a tie). A side is the state, organisation or
 * named group an actor stands for, so a list of leaders in apposition to their countries ("the
 * presidents of Kyrgyzstan and Tajikistan, Sadyr Japarov and Emomali Rahmon, met") is one meeting.
 */
export function onePerAct(records: EventRecord[]): EventRecord[] {
  const side = (actor: string | null, org: string | null, country: string | null) => (actor === null ? '' : actor.startsWith('group:') ? actor : (org ?? country ?? actor));
  // the same actors, root and modality: one act, by its most specific code
  const byActors = (r: EventRecord) => `${r.source}|${r.target}|${r.root}|${r.modality}`;
  // the same sides and code: one act, told of a leader and of his country
  const bySides = (r: EventRecord) => `${side(r.source, r.source_org, r.source_country)}|${side(r.target, r.target_org, r.target_country)}|${r.cameo}|${r.modality}`;
  let out = records;
  for (const keyOf of [byActors, bySides]) {
    const best = new Map<string, EventRecord>();
    for (const r of out) {
      const key = keyOf(r);
      const had = best.get(key);
      if (!had || r.cameo.length > had.cameo.length) best.set(key, r);
    }
    out = out.filter((r) => best.get(keyOf(r)) === r);
  }
  return out;
}
