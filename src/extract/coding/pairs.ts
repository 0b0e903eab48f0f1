/**
 * The dyads a trigger makes: source → target pairs with their code, including the reverse of a
 * visit (host → visitor), both directions of a symmetric act, one untargeted event per
 * participant of a joint drill, and acts aimed at nobody named (a missile test, a rally) — only
 * in the roots the conventions allow that for (conventions.yaml `untargeted_roots`: 14, 15).
 */
import type { Participant, Trigger } from '../../core/doc.js';
import type { Modality } from '../../core/types.js';
import { dedupeParts, distinct } from '../clause/parts.js';
import { hasPrefix } from '../clause/words.js';

export type Pair = [Participant, Participant | null, string];

/** The conventions a trigger's dyads follow besides the untargeted roots (conventions.yaml). */
export interface PairConventions {
  /** codes whose coordinated parties act on one another (`mutual_codes`) */
  mutual?: readonly string[];
  /** roles of a country's crowd, opposition, workers (`street_roles`) */
  streetRoles?: ReadonlySet<string>;
  /** codes of force between a state and its own crowd (`domestic_force_codes`, with sub-codes) and what they become (`domestic_force_code`: dissent, repression) */
  domesticForceCodes?: readonly string[];
  domesticForceCode?: ReadonlyMap<string, string>;
  /** codes of acts a government does to its own people, aimed at its public when no target is named (`own_public_codes`) */
  ownPublicCodes?: readonly string[];
}

export function pairsOf(tr: Trigger, modality: Modality, untargeted: ReadonlySet<string>, conv: PairConventions = {}): Pair[] {
  const mutual = conv.mutual ?? [];
  const streetRoles = conv.streetRoles ?? new Set<string>();
  const pairs: Pair[] = [];
  const srcs = dedupeParts(tr.sources);
  const tgts = dedupeParts(tr.targets);
  if (tr.code.startsWith('15') && tgts.length === 0) {
    // joint drills: each participant shows force; no dyad between partners
    for (const a of srcs) pairs.push([a, null, tr.code]);
  } else if ((tr.symmetric || hasPrefix(mutual, tr.code)) && tgts.length === 0 && srcs.length >= 2) {
    for (const a of srcs) for (const b of srcs) if (distinct(a.m, b.m)) pairs.push([a, b, tr.code]);
  } else if (tgts.length) {
    for (const a of srcs) for (const b of tgts) {
      if (!distinct(a.m, b.m)) continue;
      pairs.push([a, b, tr.code]);
      if (tr.reverse && modality !== 'negated') pairs.push([b, a, tr.reverse]); // nobody hosts a visit that did not happen
      if (tr.symmetric && tr.form === 'nominal' && srcs.length === 1) pairs.push([b, a, tr.code]);
    }
  } else if (hasPrefix(conv.ownPublicCodes ?? [], tr.code)) {
    // "the prime minister stepped down", "the junta lifted the curfew": a state's act on its own public
    for (const a of srcs) if (a.m.country && !a.m.org && !a.m.actor.startsWith('group:')) pairs.push([a, ownSide(a, 'public'), tr.code]);
  } else if ((tr.noTarget || (tr.code.startsWith('14') && tr.form === 'clause')) && untargeted.has(tr.code.slice(0, 2))) {
    // a protest, strike or rally aimed at nobody named is still an act of its own; other acts
    // need a target (a resignation, a ceasefire declared, tear gas fired at nobody named are no dyad)
    // a country's crowd protesting at nobody named protests against its own state (CAMEO: domestic
    // dissent targets the government); anyone else's untargeted act stays untargeted
    for (const a of srcs) pairs.push([a, tr.code.startsWith('14') && a.m.country && a.m.role && streetRoles.has(a.m.role) ? ownSide(a, 'state') : null, tr.code]);
  }
  return pairs.map((p) => domesticForce(p, conv));
}

/**
 * A side of the participant's own country, standing where the participant stands: its state (the
 * implied other side of domestic dissent) or its public (CVL, what a government's act on its own
 * people is aimed at).
 */
function ownSide(a: Participant, side: 'state' | 'public'): Participant {
  const c = a.m.country!;
  return side === 'state'
    ? { m: { ...a.m, actor: c, country: c, org: null, role: null }, how: 'own state' }
    : { m: { ...a.m, actor: `${c}CVL`, country: c, org: null, role: 'CVL' }, how: 'own public' };
}

/**
 * Force between a state and its own crowd is dissent or repression, as CAMEO codes it: protesters
 * fighting police protest violently (145); police or soldiers using force on their country's
 * protesters repress them (175).
 */
function domesticForce(p: Pair, conv: PairConventions): Pair {
  const [a, b, code] = p;
  const street = conv.streetRoles;
  if (!b || !street || !hasPrefix(conv.domesticForceCodes ?? [], code) || !a.m.country || a.m.country !== b.m.country) return p;
  const aStreet = !!a.m.role && street.has(a.m.role), bStreet = !!b.m.role && street.has(b.m.role);
  const recode = aStreet && !bStreet ? conv.domesticForceCode?.get('dissent') : bStreet && !aStreet ? conv.domesticForceCode?.get('repression') : undefined;
  return recode ? [a, b, recode] : p;
}
