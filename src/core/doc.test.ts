import { describe, expect, it } from 'vitest';
import { checkStages, makeDoc, PipelineOrderError, runStages, type Stage } from './doc.js';

const stage = (name: string, requires: string[], assigns: string[]): Stage => ({ name, requires, assigns, run: () => {} }) as unknown as Stage;

describe('the Doc and its stages', () => {
  it('a stage that needs what no earlier stage assigns stops the build, naming both', () => {
    expect(() => checkStages([stage('tokens', ['agents'], ['tokens'])])).toThrow(new PipelineOrderError('stage "tokens" requires "agents", which no earlier stage assigns'));
  });
  it('two stages assigning one annotation stop the build', () => {
    expect(() => checkStages([stage('a', [], ['keys']), stage('b', [], ['keys'])])).toThrow(/assigns "keys", already assigned by "a"/);
  });
  it('runs stages in order and keeps their trace; the lead is the first prose paragraph; readAt falls back to the caller’s date', () => {
    const doc = makeDoc({ id: 'd', text: 'x y', published: null, readAt: '2024-05-01', authors: [], sentences: [{ idx: 0, text: 'x', start: 0, paragraph: 0, prose: false }, { idx: 1, text: 'y', start: 2, paragraph: 1 }] });
    expect(doc.readAt).toBe('2024-05-01');
    expect(doc.sentences.map((s) => s.lead)).toEqual([false, true]);
    runStages(checkStages([stage('a', [], ['keys']), stage('b', ['keys'], ['actors'])]), doc);
    expect(doc.trace).toEqual(['a', 'b']);
  });
});
