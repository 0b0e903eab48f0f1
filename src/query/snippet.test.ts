import { describe, expect, it } from 'vitest';
import { trimSnippet } from './documents.js';

const filler = (n: number, w = 'word') => Array.from({ length: n }, () => w).join(' ');

describe('search snippets (#16)', () => {
  it('shows a short sentence whole', () => {
    const s = 'Russia gives Kim Jong Un a «limousine» as a gift.';
    expect(trimSnippet(s, '«', '»')).toBe(s);
  });

  it('never cuts a name at either end of a long sentence', () => {
    const s = `${filler(30)} the «treaty» ${filler(27)} Russia gives Kim Jong Un ${filler(20)}`;
    const out = trimSnippet(s, '«', '»');
    expect(out).toContain('«treaty»');
    expect(out).not.toMatch(/Kim Jong…$/);
    expect(out).not.toMatch(/Kim…$/);
    expect(out.split(' ').length).toBeLessThanOrEqual(46);
    // eight words before the match falls on "Yoon": the snippet starts at "President"
    const before = `${filler(30)} President Yoon Suk Yeol of South Korea signed the «treaty» ${filler(50)}`;
    expect(trimSnippet(before, '«', '»')).toMatch(/^…President Yoon Suk Yeol of South Korea signed the «treaty»/);
  });

  it('keeps every mark it opens closed', () => {
    const s = `${filler(50)} «a» «b» ${filler(60)}`;
    const out = trimSnippet(s, '«', '»');
    expect(out.split('«').length).toBe(out.split('»').length);
  });
});
