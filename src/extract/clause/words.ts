/**
 * The event coder's grammar words and conventions, read once from the lexicon
 * (data/lexicon/events.yaml, conventions.yaml) when the pipeline is built: a name the
 * lexicon lacks stops start-up there, not in the middle of a document.
 */
import type { Lexicon } from '../../knowledge/lexicon.js';

export function eventWords(lx: Lexicon) {
  const w = lx.words;
  return Object.freeze({
    clauseBreaks: w('clause_breaks'),
    commaClauseOpeners: w('comma_clause_openers'),
    subordinators: w('subordinators'),
    complementOpeners: w('complement_openers'),
    complementTargetRoots: w('complement_target_roots'),
    relativePronouns: w('relative_pronouns'),
    adjunctPreps: w('adjunct_preps'),
    absoluteOpeners: w('absolute_openers'),
    frontedOpeners: w('fronted_adjunct_openers'),
    objectControlVerbs: w('object_control_verbs'),
    chargeVerbs: w('charge_verbs'),
    phrasalParticles: w('phrasal_particles'),
    partitiveHeads: w('partitive_heads'),
    quantityWords: w('quantity_words'),
    objectRelatives: w('object_relatives'),
    subjectPronouns: w('subject_pronouns'),
    speakerPronouns: w('speaker_pronouns'),
    possessivePronouns: w('possessive_pronouns'),
    subjectPreps: w('subject_preps'),
    coordinationBefore: w('coordination_gap_before'),
    coordinationAfter: w('coordination_gap_after'),
    listVerbs: w('list_verbs'),
    asideNouns: w('aside_nouns'),
    passiveAux: w('passive_auxiliaries'),
    counterfactualModals: w('counterfactual_modals'),
    topicPreps: w('topic_prepositions'),
    outcomeGerunds: w('outcome_gerunds'),
    verbLicensers: w('verb_licensers'),
    givenPreceders: w('preposition_given_preceders'),
    lightVerbs: w('light_verbs'),
    occurrenceVerbs: w('occurrence_verbs'),
    passiveTargetPreps: w('passive_target_preps'),
    forcePosturePreps: lx.list('force_posture_preps'),
    visitPreps: w('visit_preps'),
    sendingPreps: w('sending_preps'),
    attackPreps: w('attack_preps'),
    territoryPreps: w('territory_preps'),
    nonTargetPreps: w('non_target_preps'),
    streetOnlyVerbs: w('street_only_verbs'),
    streetObstructVerbs: w('street_obstruct_verbs'),
    intentVerbs: w('intent_verbs'),
    governingVerbs: w('governing_verbs'),
    denialVerbs: w('denial_verbs'),
    threatVerbs: w('threat_verbs'),
    governingLinks: lx.list('governing_links'),
    ownClaimVerbs: w('own_claim_verbs'),
    declaringModals: w('declaring_modals'),
    directModals: w('direct_modals'),
    declarationNegators: w('declaration_negators'),
    vowVerbs: w('vow_verbs'),
    appealVerbs: w('appeal_verbs'),
    seekingVerbs: w('seeking_verbs'),
    wishVerbs: w('wish_verbs'),
    negationWords: w('negation_words'),
    possibilityWords: w('possibility_words'),
    futureWords: w('future_words'),
    nominalNegators: w('nominal_negators'),
    clauseNegators: lx.list('clause_negators'),
    nominalPossible: w('nominal_possible'),
    nominalFuture: w('nominal_future'),
    nominalPossibleModals: w('nominal_possible_modals'),
    nominalFutureModals: w('nominal_future_modals'),
    notNegating: w('not_negating'),
    foreseenWords: w('foreseen_words'),
    progressiveFuture: w('progressive_future'),
    infinitiveMarkers: lx.list('infinitive_markers'),
    accordingTo: lx.cue('according_to'),
    pastEnding: lx.cue('past_ending'),
    gerundEnding: lx.cue('gerund_ending'),
    participleEndings: lx.cue('participle_endings'),
    pluralEnding: lx.cue('plural_ending'),
    shortPast: lx.cue('short_past'),
    councilContext: lx.cue('council_context'),
    reciprocal: lx.cue('reciprocal'),
    irregularPast: lx.map('irregular_past'),
    gerundAliases: lx.map('gerund_aliases'),
    // conventions
    streetRoles: w('street_roles'),
    untargetedRoots: w('untargeted_roots'),
    mutualCodes: lx.list('mutual_codes'),
    domesticForceCodes: lx.list('domestic_force_codes'),
    ownPublicCodes: lx.list('own_public_codes'),
    domesticForceCode: lx.map('domestic_force_code'),
    coerciveRoots: w('coercive_roots'),
    cooperativeRoots: w('cooperative_roots'),
    hostileRoots: w('hostile_roots'),
    placeTargetRoots: w('place_target_roots'),
    placeTargetCodes: lx.list('place_target_codes'),
    nominalPlaceCodes: lx.list('nominal_place_codes'),
    ownerRoots: w('owner_roots'),
    sendingRoots: w('sending_roots'),
    intentCode: lx.map('intent_code'),
    appealCode: lx.map('appeal_code'),
    refusalCode: lx.map('refusal_code'),
    threatCode: lx.map('threat_code'),
    reportedClaimCode: lx.map('reported_claim_code'),
    victimRoots: lx.list('victim_roots'),
    impliedStateCodes: lx.list('implied_state_codes'),
    objectForceRoots: w('object_force_roots'),
    impliedStateRole: lx.list('implied_state_role')[0],
    victimNouns: w('victim_nouns'),
    linkParticiples: w('link_participles'),
    linkPreps: w('link_prepositions'),
    civilianRole: lx.list('civilian_role')[0],
  });
}

export type EventWords = ReturnType<typeof eventWords>;

/**
 * The code a convention map gives a CAMEO code: the longest key that prefixes it ("" is the
 * default), "=" keeping the code itself; null when no key applies.
 */
export function byPrefix(map: ReadonlyMap<string, string>, code: string): string | null {
  for (let n = code.length; n >= 0; n--) {
    const v = map.get(code.slice(0, n));
    if (v !== undefined) return v === '=' ? code : v;
  }
  return null;
}

/** the code starts with one of the listed codes or roots */
export function hasPrefix(list: Iterable<string>, code: string): boolean {
  for (const p of list) if (code.startsWith(p)) return true;
  return false;
}
