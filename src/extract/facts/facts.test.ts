import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../core/doc.js';
import type { EventRecord } from '../../core/types.js';
import { factsStage, onePerFact } from './index.js';

const ev = (over: Partial<EventRecord>): EventRecord =>
  ({ id: 'e_1', doc: 'd', sentence: 0, span: [0, 1], quote: '', source: 'IND', source_country: 'IND', source_org: null, source_role: null, target: 'UKR', target_country: 'UKR', target_org: null, target_role: null, cameo: '042', root: '04', plover: null, plover_mode: null, goldstein: 0, quad: 1, date: '2024-08', location: null, modality: 'factual', form: 'clause', attributed_to: null, confidence: 0.9, cluster: 'k', corroboration: 1, reason: '', ...over }) as EventRecord;

describe('one event per fact', () => {
  it('a meeting during a visit between the same sides is the visit', () => {
    const kept = onePerFact([ev({ cameo: '042' }), ev({ cameo: '040', id: 'e_2' })]);
    expect(kept.map((e) => e.cameo)).toEqual(['042']);
  });

  it('an undated restatement of a dated event in one sentence is that event', () => {
    const kept = onePerFact([ev({ cameo: '190', root: '19' }), ev({ cameo: '195', root: '19', date: null, id: 'e_2' })]);
    expect(kept.map((e) => e.cameo)).toEqual(['190']);
  });

  it('the same fact in a later sentence is dropped; ids stay unique', () => {
    const doc = makeDoc({ id: 'd', text: 'a. b.', published: null, authors: [], sentences: [{ idx: 0, text: 'a.', start: 0, paragraph: 0 }, { idx: 1, text: 'b.', start: 3, paragraph: 1 }] });
    doc.sentences[0].coded = [ev({}), ev({ cameo: '043', source: 'UKR', target: 'IND', source_country: 'UKR', target_country: 'IND' })];
    doc.sentences[1].coded = [ev({ sentence: 1 })];
    factsStage().run(doc);
    expect(doc.events!.map((e) => `${e.sentence} ${e.cameo} ${e.id}`)).toEqual(['0 042 e_1', '0 043 e_1~2']);
  });
});
