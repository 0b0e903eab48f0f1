/**
 * A document's genre, when the caller does not give it: a news report attributes what it
 * tells ("…, the ministry said", "according to X", "Iran accused Washington of …", "Seoul
 * urged calm"), an analysis argues in its authors' voice.
 * A document of three sentences or more is read as news when at least two in five of them
 * (NEWS_ATTRIBUTION_SHARE) attribute what they say to someone; one with no authors, when any
 * of its sentences does.
 */
import type { Genre } from '../../core/types.js';
import type { AnalysisSentence } from '../analysis/shared.js';
import type { createHolders } from './holder.js';

/** The share of attributed sentences from which a document is news (wire copy runs well above it, analyses that quote a source or two well below). */
export const NEWS_ATTRIBUTION_SHARE = 0.4;

export function genreOf(sentences: AnalysisSentence[], holders: ReturnType<typeof createHolders>, authors: string[] = []): Genre {
  if (!sentences.length) return 'analysis';
  let attributed = 0;
  for (const { s, ms } of sentences) if (holders.quotedHolder(s, s.keys!, ms, true)) attributed++;
  if (!authors.length && attributed > 0 && sentences.length > 1) return 'news';
  // (a passage of one or two sentences says too little to tell: its authors hold it, as before)
  return sentences.length >= 3 && attributed / sentences.length >= NEWS_ATTRIBUTION_SHARE ? 'news' : 'analysis';
}
