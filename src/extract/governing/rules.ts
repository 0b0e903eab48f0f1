/**
 * What governs an act decides what is coded: an intention ("offered to mediate") is one 03
 * event, an accusation or appeal codes only itself, a denial negates what it governs, a threat
 * of force is 138; a declaration ("will not send", "said it would retaliate") is the actor's
 * refusal or stated intention; "X wants Y to do Z" is X's appeal to Y; claiming one's own
 * attack is 015 besides the attack. The codes each convention gives are data
 * (data/lexicon/conventions.yaml).
 */
import type { Trigger } from '../../core/doc.js';
import { sameSide } from '../clause/parts.js';
import type { ClauseKnowledge, SentenceView } from '../clause/view.js';
import { byPrefix } from '../clause/words.js';

export function createGoverningRules(k: ClauseKnowledge) {
  const { patterns, words: W } = k;

  /**
   * A verb that governs another trigger ("offered to mediate", "accused X of supplying",
   * "urged X to lift", "denied sending") decides what is coded: an intention is one 03
   * event, an accusation or appeal codes only itself, a denial negates what it governs.
   */
  function governance(v: SentenceView, trs: Trigger[]): void {
    const { toks, clauseStart } = v;
    const drop = new Set<Trigger>();
    for (const inner of trs) {
      if (inner.form !== 'clause') continue;
      const a = clauseStart(inner.tok);
      for (const outer of trs) {
        if (outer === inner || outer.form !== 'clause' || outer.tok >= inner.tok || outer.tok < a || inner.tok - outer.end > 8) continue;
        const link = toks.slice(outer.end + 1, inner.tok).map((t) => t.norm);
        if (!(W.governingLinks.some((w) => link.includes(w)) || W.gerundEnding.test(toks[inner.tok].norm))) continue;
        // ("agreed a ceasefire, with Russia acting as mediator": an absolute phrase is no governed act)
        if (v.absoluteGerund(inner.tok)) continue;
        const ol = toks[outer.tok].lemma;
        if (W.intentVerbs.has(ol)) {
          if (inner.modality) {
            // "vowed never to recognise": the refusal stands, the vow is its wording
            drop.add(outer);
            continue;
          }
          outer.code = byPrefix(W.intentCode, inner.code) ?? outer.code;
          if (outer.targets.length === 0) outer.targets = inner.targets;
          // "X and Y pledged to strengthen their ties": a joint intention runs both ways
          if (outer.targets.length === 0 && inner.symmetric) outer.symmetric = true;
          drop.add(inner);
        } else if (W.denialVerbs.has(ol)) {
          inner.negatedBy = true;
          drop.add(outer);
        } else if (W.threatVerbs.has(ol)) {
          outer.code = byPrefix(W.threatCode, inner.code) ?? outer.code;
          if (outer.targets.length === 0) outer.targets = inner.targets;
          drop.add(inner);
        } else if (W.governingVerbs.has(ol)) {
          if (outer.targets.length === 0) outer.targets = inner.targets;
          drop.add(inner);
        }
      }
    }
    for (let j = trs.length - 1; j >= 0; j--) if (drop.has(trs[j])) trs.splice(j, 1);
  }

  /**
   * Wishes, appeals and refusals around an act ("wants to help Y", "wants Y to extradite",
   * "said it would not send"): the stated wish or refusal is the event, as CAMEO codes it.
   * - X wants Y to do Z → X→Y 02 (an appeal; Z is not coded), sought;
   * - X wants/seeks/hopes/aims to do Z to Y, as Z's own source → 03 when Z cooperates,
   *   13 when Z coerces or attacks (an expressed intent to use force is a threat), factual;
   * - X said it would not / will not / vowed never to do Z to Y → 12 (a refusal), factual.
   * Acquiring something ("seeks to buy drones from Iran") keeps its own code: its source is the giver.
   */
  function intentions(v: SentenceView, trs: Trigger[]): void {
    const claims: Trigger[] = [];
    for (let n = 0; n < trs.length; n++) {
      const inner = trs[n];
      const own = claimedOwnAttack(v, inner);
      if (own) claims.push(own);
      if (declared(v, inner)) continue;
      const wish = wished(v, inner, trs);
      if (wish) trs[n] = wish;
    }
    trs.push(...claims);
  }

  /** the trigger restated as what governs it: a fact of its own, coded `code` */
  function restate(tr: Trigger, code: string, pattern: string): void {
    tr.code = code;
    tr.modality = 'factual';
    tr.reverse = undefined;
    tr.pattern = pattern;
  }

  /** "the US claimed that they had attacked Iraq": claiming one's own attack is 015 as well as the attack */
  function claimedOwnAttack(v: SentenceView, inner: Trigger): Trigger | null {
    const { toks, subjectOf } = v;
    if (!W.coerciveRoots.has(inner.code.slice(0, 2)) || inner.form !== 'clause' || !inner.targets.length) return null;
    let cv = -1;
    for (let j = Math.max(0, inner.tok - 8); j < inner.tok && cv < 0; j++) if (toks[j].pos === 'VERB' && W.ownClaimVerbs.has(toks[j].lemma)) cv = j;
    if (cv < 0 || !sameSide(subjectOf(cv), inner.sources)) return null;
    return { tok: cv, end: inner.end, code: byPrefix(W.reportedClaimCode, inner.code)!, pattern: `${toks[cv].lemma} … own ${inner.pattern}`, form: 'clause', sources: inner.sources, targets: inner.targets, symmetric: false, noTarget: false, modality: 'factual' };
  }

  /**
   * Declarations: "will not send", "would never attend", "vowed not to" (refusals, 12); "said it
   * would retaliate", "said Turkey would buy" (the actor's stated intention, 03/13). True when
   * the trigger was restated.
   */
  function declared(v: SentenceView, inner: Trigger): boolean {
    const { toks, clauseStart, subjectOf } = v;
    const r = inner.code.slice(0, 2);
    const coop = W.cooperativeRoots.has(r);
    if (!coop && !W.hostileRoots.has(r)) return false;
    const a = clauseStart(inner.tok);
    // a nominal is declared through the verb that governs it ("would not join any talks")
    let head = inner.tok;
    if (inner.form === 'nominal') {
      head = -1;
      for (let j = inner.tok - 1; j >= Math.max(a, inner.tok - 7) && head < 0; j--) if (toks[j].pos === 'VERB') head = j;
      if (head < 0) return false;
    }
    const w = toks.slice(Math.max(a, head - 4), head).map((t) => t.norm);
    let wi = -1;
    for (let j = w.length - 1; j >= 0 && wi < 0; j--) if (W.declaringModals.has(w[j])) wi = j;
    const neg = wi >= 0 && W.declarationNegators.has(w[wi + 1] ?? '');
    const vowedNot = (w.includes('not') || w.includes('never')) && w[w.length - 1] === 'to' && toks.slice(Math.max(0, head - 5), head).some((t) => W.vowVerbs.has(t.lemma));
    if (wi < 0 && !vowedNot) return false;
    // who says it: a refusal or intention is the actor's own statement, not someone's prediction
    let speech = -1;
    for (let j = head - 1; j >= 0 && speech < 0; j--) if (toks[j].pos === 'VERB' && patterns.attribution.has(toks[j].lemma)) speech = j;
    const bySource = speech >= 0 && sameSide(subjectOf(speech), inner.sources);
    if (coop && ((neg && (speech < 0 ? w[wi] !== 'would' : bySource)) || vowedNot)) {
      restate(inner, byPrefix(W.refusalCode, inner.code)!, `refuses: ${inner.pattern}`);
      return true;
    }
    // ("would resume imports": a nominal declared by the verb right after the modal)
    const direct = inner.form === 'clause' || toks.slice(Math.max(a, head - 2), head).some((t) => W.directModals.has(t.norm));
    const code = wi >= 0 && !neg && bySource && speech < head && direct ? byPrefix(W.intentCode, inner.code) : null;
    if (!code) return false;
    restate(inner, code, `says it will: ${inner.pattern}`);
    return true;
  }

  /**
   * Wishes and appeals with an infinitive: "X wants Y to do Z" → a new X→Y 02 trigger (Z is not
   * coded); "X wants/seeks/hopes to do Z", X being Z's own source → Z restated as 03/13.
   */
  function wished(v: SentenceView, inner: Trigger, trs: Trigger[]): Trigger | null {
    const { toks, mentionTok, clauseStart, subjectOf, coordinated } = v;
    if (inner.form !== 'clause') return null;
    let k = inner.tok - 1;
    if (toks[k]?.pos === 'ADV') k--;
    const a = clauseStart(inner.tok);
    if (toks[k]?.norm !== 'to' || k <= a) return null;
    let d = k - 1;
    const addressee = mentionTok.find((y) => y.last === d && y.m.via !== 'place' && y.first > a);
    if (addressee) d = addressee.first - 1;
    const dv = toks[d];
    if (!dv || trs.some((t) => t.tok === d)) return null;
    const lemma = W.gerundAliases.get(dv.norm) ?? dv.lemma;
    if (addressee && W.appealVerbs.has(lemma)) {
      const src = subjectOf(d);
      if (!src.length) return null;
      return { tok: d, end: inner.end, code: byPrefix(W.appealCode, inner.code)!, pattern: `${lemma} X to … ${inner.pattern}`, form: 'clause', sources: src, targets: coordinated(addressee).map((m) => ({ m, how: 'object' })), symmetric: false, noTarget: false, modality: W.seekingVerbs.has(lemma) ? 'sought' : 'factual' };
    }
    if (addressee || !W.wishVerbs.has(lemma)) return null;
    const code = sameSide(subjectOf(d), inner.sources) ? byPrefix(W.intentCode, inner.code) : null;
    if (code) restate(inner, code, `${lemma} to ${inner.pattern}`);
    return null;
  }

  return { governance, intentions, claimedOwnAttack, declared, wished };
}
