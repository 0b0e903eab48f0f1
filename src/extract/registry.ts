/**
 * The extraction stages, in order: the one file that lists them. Each stage is a plain function
 * over the Doc (src/core/doc.ts) that declares what it requires and what it assigns; the order
 * is checked once, when the pipeline is built.
 *
 *   keys → actors → places → agents → tokens → coding → facts → used → analysis → compliance
 */
import { checkStages, type Stage } from '../core/doc.js';
import type { Knowledge } from './knowledge.js';
import type { Tagger } from './tokens/index.js';
import { keysStage } from './keys/index.js';
import { actorsStage } from './actors/index.js';
import { placesStage } from './places/index.js';
import { agentsStage } from './agents/index.js';
import { tokensStage } from './tokens/index.js';
import { codingStage } from './coding/index.js';
import { factsStage } from './facts/index.js';
import { usedStage } from './used/index.js';
import { analysisStage } from './analysis/index.js';
import { complianceStage } from './compliance/index.js';

export interface StageOptions {
  /** claims, flows, agreements and compliance (default true) */
  analysis?: boolean;
}

export function createStages(k: Knowledge, nlp: Tagger, opts: StageOptions = {}): readonly Stage[] {
  const stages: Stage[] = [
    keysStage(),
    actorsStage(k),
    placesStage(k),
    agentsStage(k),
    tokensStage(nlp),
    codingStage(k),
    factsStage(),
    usedStage(k),
  ];
  if (opts.analysis !== false) stages.push(analysisStage(k), complianceStage(k));
  return checkStages(stages);
}
