import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../core/doc.js';
import { keysStage } from './index.js';

describe('keys', () => {
  it('folds every sentence for dictionary matching, offsets into the document', () => {
    const doc = makeDoc({ id: 'd', text: 'Kim Jong-un left. Putin’s aide spoke.', published: null, authors: [], sentences: [{ idx: 0, text: 'Kim Jong-un left.', start: 0, paragraph: 0 }, { idx: 1, text: 'Putin’s aide spoke.', start: 18, paragraph: 0 }] });
    keysStage().run(doc);
    expect(doc.sentences[0].keys!.map((t) => t.key)).toEqual(['kim', 'jong', '-', 'un', 'left', '.']);
    expect(doc.sentences[1].keys!.slice(0, 3).map((t) => [t.key, t.start])).toEqual([['putin', 18], ["'", 23], ['s', 24]]);
    expect(doc.sentences[0].keys![0]).toMatchObject({ cap: true, upper: false });
  });
});
