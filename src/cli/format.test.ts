import { describe, expect, it } from 'vitest';
import { progressBar } from './format.js';

const fakeTerminal = (columns: number | undefined) => {
  const out: string[] = [];
  return { out, stream: { isTTY: true, columns, write: (s: string) => (out.push(s), true) } as unknown as NodeJS.WriteStream };
};

describe('progress bar', () => {
  it('survives a terminal that reports 0 columns and clears its line at the end', () => {
    const t = fakeTerminal(0);
    const bar = progressBar(t.stream)!;
    expect(() => {
      bar(1, 2, 'a.txt');
      bar(2, 2, 'b.txt');
    }).not.toThrow();
    expect(t.out.at(-1)).toMatch(/^\r +\r$/);
  });

  it('writes nothing when the stream is not a terminal', () => {
    expect(progressBar({ isTTY: false } as unknown as NodeJS.WriteStream)).toBeUndefined();
  });
});
