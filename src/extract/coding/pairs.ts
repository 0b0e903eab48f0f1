/**
 * The dyads a trigger makes: source → target pairs with their code, including the reverse of a
 * visit (host → visitor), both directions of a symmetric act, one untargeted event per
 * participant of a joint drill, and acts aimed at nobody named (a missile test, a rally) — only
 * in the roots the conventions allow that for (conventions.yaml `untargeted_roots`: 14, 15).
 */
import type { Participant, Trigger } from '../../core/doc.js';
import type { Modality } from '../../core/types.js';
import { dedupeParts, distinct } from '../clause/parts.js';

export type Pair = [Participant, Participant | null, string];

export function pairsOf(tr: Trigger, modality: Modality, untargeted: ReadonlySet<string>, mutual: readonly string[] = [], streetRoles: ReadonlySet<string> = new Set()): Pair[] {
  const pairs: Pair[] = [];
  const srcs = dedupeParts(tr.sources);
  const tgts = dedupeParts(tr.targets);
  if (tr.code.startsWith('15') && tgts.length === 0) {
    // joint drills: each participant shows force; no dyad between partners
    for (const a of srcs) pairs.push([a, null, tr.code]);
  } else if ((tr.symmetric || mutual.some((c) => tr.code.startsWith(c))) && tgts.length === 0 && srcs.length >= 2) {
    for (const a of srcs) for (const b of srcs) if (distinct(a.m, b.m)) pairs.push([a, b, tr.code]);
  } else if (tgts.length) {
    for (const a of srcs) for (const b of tgts) {
      if (!distinct(a.m, b.m)) continue;
      pairs.push([a, b, tr.code]);
      if (tr.reverse && modality !== 'negated') pairs.push([b, a, tr.reverse]); // nobody hosts a visit that did not happen
      if (tr.symmetric && tr.form === 'nominal' && srcs.length === 1) pairs.push([b, a, tr.code]);
    }
  } else if ((tr.noTarget || (tr.code.startsWith('14') && tr.form === 'clause')) && untargeted.has(tr.code.slice(0, 2))) {
    // a protest, strike or rally aimed at nobody named is still an act of its own; other acts
    // need a target (a resignation, a ceasefire declared, tear gas fired at nobody named are no dyad)
    // a country's crowd protesting at nobody named protests against its own state (CAMEO: domestic
    // dissent targets the government); anyone else's untargeted act stays untargeted
    for (const a of srcs) pairs.push([a, tr.code.startsWith('14') && a.m.country && a.m.role && streetRoles.has(a.m.role) ? ownState(a) : null, tr.code]);
  }
  return pairs;
}

/** The state of a participant's country, standing where the participant stands (the implied other side of domestic dissent). */
function ownState(a: Participant): Participant {
  const c = a.m.country!;
  return { m: { ...a.m, actor: c, country: c, org: null, role: null }, how: 'own state' };
}
