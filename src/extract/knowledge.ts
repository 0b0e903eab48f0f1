/** Everything extraction knows, loaded and compiled once from data/ and shared by every document. */
import { loadActorKnowledge, type ActorKnowledge } from '../knowledge/actors.js';
import { loadAnalysisKnowledge, type AnalysisKnowledge } from '../knowledge/analysis.js';
import { loadCodebook, type Codebook } from '../knowledge/codebook.js';
import { loadLexicon, type Lexicon } from '../knowledge/lexicon.js';
import { DEFAULT_DATA_DIR } from '../knowledge/load.js';
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
  const lexicon = loadLexicon(dataDir);
  return Object.freeze({
    lexicon,
    actors: loadActorKnowledge(dataDir, lexicon),
    codebook: loadCodebook(dataDir),
    patterns: loadPatterns(dataDir),
    places: loadGazetteer(dataDir, lexicon),
    analysis: loadAnalysisKnowledge(dataDir),
  });
}
