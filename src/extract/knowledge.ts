/**
 * Everything extraction knows, loaded and compiled once from data/ and shared by every document.
 * One load reads through one KnowledgeSource (src/knowledge/load.ts): every file is parsed once
 * and checked once, and the loaders share the parses; nothing is kept between loads.
 */
import { loadActorKnowledge, type ActorKnowledge } from '../knowledge/actors.js';
import { loadAnalysisKnowledge, type AnalysisKnowledge } from '../knowledge/analysis.js';
import { loadCodebook, type Codebook } from '../knowledge/codebook.js';
import { loadLexicon, type Lexicon } from '../knowledge/lexicon.js';
import { DEFAULT_DATA_DIR, KnowledgeSource } from '../knowledge/load.js';
import { loadPatterns, type Patterns } from '../knowledge/patterns.js';
import { loadGazetteer, type Gazetteer } from '../knowledge/places.js';

export interface Knowledge {
  actors: ActorKnowledge;
  codebook: Codebook;
  patterns: Patterns;
  places: Gazetteer;
  analysis: AnalysisKnowledge;
  lexicon: Lexicon;
}

export function createKnowledge(dataDir = DEFAULT_DATA_DIR): Knowledge {
  const source = new KnowledgeSource(dataDir);
  const lexicon = loadLexicon(source);
  return Object.freeze({
    lexicon,
    actors: loadActorKnowledge(source, lexicon),
    codebook: loadCodebook(source),
    patterns: loadPatterns(source),
    places: loadGazetteer(source, lexicon),
    analysis: loadAnalysisKnowledge(source),
  });
}
