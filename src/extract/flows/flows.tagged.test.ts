/** The flows stage inside the whole extractor, for the rules that read the tagger's parts of speech (sentences written for these tests). */
import { describe, expect, it } from 'vitest';
import { createDocumentExtractor, createKnowledge } from '../index.js';
import { createNlp } from '../../nlp/nlp.js';

const nlp = createNlp();
const extract = createDocumentExtractor(createKnowledge(), nlp);

function news(text: string): string[] {
  const sentences = nlp.sentences(text).map(([a, b], idx) => ({ idx, text: text.slice(a, b), start: a, paragraph: 0 }));
  const x = extract({ id: 'd_flows', published: '2024-05-02', authors: [], text, sentences, genre: 'news' });
  return x.flows.map((f) => `${f.giver ?? '?'}>${f.receiver ?? '?'} ${f.category} ${f.status}`);
}

describe('flows read with the tagger', () => {
  it('takes no party of the report for a receiver the text names by a common noun', () => {
    // (Poland is the party the report names most: it must not become the receiver)
    expect(news('Poland and Poland\'s allies met in Warsaw on Monday. Officials said Iran sent weapons to armed groups in the region.')).toEqual([]);
    expect(news('Poland and Lithuania met on Monday. Iran sent weapons to Lithuania.')).toEqual(['IRN>LTU arms delivered']);
  });

  it('takes no party for a subject that is a plural common noun', () => {
    expect(news('Poland hosted talks with France on Monday. Charities receiving money from abroad must register.')).toEqual([]);
    // ("Russian drug makers" holds a party)
    expect(news('Russian drug makers have shipped insulin to Cuba.')).toEqual(['RUS>CUB medicine delivered']);
  });
});
