/**
 * The extraction stages, in order: the one file that lists them. Each stage is a plain function
 * over the Doc (src/core/doc.ts) that declares what it requires and what it assigns; the order
 * is checked once, when the pipeline is built.
 *
 *   keys → actors → places → agents → coref → tokens
 *     → triggers → arguments → governing → modality → dating → locating → coding → facts → used
 *     → claims → flows → agreements → compliance
 */
import { checkStages, type Stage } from '../core/doc.js';
import type { Knowledge } from './knowledge.js';
import type { Tagger } from './tokens/index.js';
import { keysStage } from './keys/index.js';
import { actorsStage } from './actors/index.js';
import { placesStage } from './places/index.js';
import { agentsStage } from './agents/index.js';
import { tokensStage } from './tokens/index.js';
import { corefStage } from './coref/index.js';
import { triggersStage } from './triggers/index.js';
import { argumentsStage } from './arguments/index.js';
import { governingStage } from './governing/index.js';
import { modalityStage } from './modality/index.js';
import { datingStage } from './dating/index.js';
import { locatingStage } from './locating/index.js';
import { codingStage } from './coding/index.js';
import { createClauseKnowledge } from './clause/view.js';
import { createDateFinder } from './dates/find.js';
import { factsStage } from './facts/index.js';
import { usedStage } from './used/index.js';
import { claimsStage } from './claims/index.js';
import { flowsStage } from './flows/index.js';
import { agreementsStage } from './agreements/index.js';
import { complianceStage } from './compliance/index.js';

export interface StageOptions {
  /** claims, flows, agreements and compliance (default true) */
  analysis?: boolean;
}

export function createStages(k: Knowledge, nlp: Tagger, opts: StageOptions = {}): readonly Stage[] {
  // what the event stages share: the patterns, the grammar words and conventions, per-pipeline caches
  const clause = createClauseKnowledge(k.patterns, k.lexicon);
  // one date finder per pipeline (it caches), for event dates and agreements' signing dates
  const dates = createDateFinder(k.lexicon);
  const stages: Stage[] = [
    keysStage(),
    actorsStage(k),
    placesStage(k),
    agentsStage(k),
    corefStage(k),
    tokensStage(nlp, (lemma) => clause.patterns.verbs.has(lemma) || clause.words.lightVerbs.has(lemma), (lemma) => clause.patterns.nouns.has(lemma)),
    triggersStage(clause),
    argumentsStage(clause),
    governingStage(clause),
    modalityStage(clause),
    datingStage(clause, dates),
    locatingStage(clause),
    codingStage(k),
    factsStage(),
    usedStage(k),
  ];
  if (opts.analysis !== false) stages.push(claimsStage(k, clause), flowsStage(k, clause), agreementsStage(k, dates), complianceStage(k));
  return checkStages(stages);
}
