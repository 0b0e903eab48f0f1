import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { compileLexicon, LexiconError } from '../../knowledge/lexicon.js';
import { createDateFinder, resolveEventDate } from './find.js';

// only the date words (data/lexicon/dates.yaml), not the whole knowledge
const lexicon = compileLexicon({ 'lexicon/dates.yaml': YAML.parse(readFileSync(new URL('../../../data/lexicon/dates.yaml', import.meta.url), 'utf8')) });
const dates = (text: string, published: string | null, modality?: 'factual' | 'future') =>
  createDateFinder(lexicon).findDates(text, published, modality).map((f) => [text.slice(f.index).split(/[,.]/)[0], f.date]);

describe('date finder', () => {
  it('reads a full date and a weekday against the story date', () => {
    const { findDates } = createDateFinder(lexicon);
    const text = 'The envoys met on March 5, 2019, and again on Monday.';
    const found = findDates(text, '2019-03-13');
    expect(found.map((f) => f.date)).toEqual(['2019-03-05', '2019-03-11']);
    expect(text.slice(found[0].index)).toMatch(/^March 5, 2019/);
  });

  it('counts "yesterday" and "the previous day" only from a story dated to the day', () => {
    expect(dates('Troops crossed the border yesterday.', '2024-02-10')).toEqual([['yesterday', '2024-02-09']]);
    expect(dates('Troops crossed the border the previous day.', '2024-02-10')).toEqual([['the previous day', '2024-02-09']]);
    expect(dates('Troops crossed the border the previous day.', '2024-02')).toEqual([]);
  });

  it('places "June of last year" in the year before the story', () => {
    expect(dates('The ceasefire agreed in June of last year collapsed.', '2024-05-01')).toEqual([['June of last year collapsed', '2023-06']]);
    expect(dates('The summit in March this year was cancelled.', '2024-05-01')).toEqual([['March this year was cancelled', '2024-03']]);
  });

  it('tells the month May from the modal "may"', () => {
    expect(dates('Officials may resume talks.', '2024-07-01')).toEqual([]);
    expect(dates('Talks stalled in May.', '2024-07-01').map(([, d]) => d)).toEqual(['2024-05']);
  });

  it('puts a year-less date after the story in the past for what happened, not for what is expected', () => {
    expect(dates('The troops withdrew on March 20.', '2024-03-10').map(([, d]) => d)).toEqual(['2023-03-20']);
    expect(dates('The troops will withdraw on March 20.', '2024-03-10', 'future').map(([, d]) => d)).toEqual(['2024-03-20']);
  });

  it('takes bare years and years naming an event, but not ranges', () => {
    expect(dates('Sanctions imposed in 2018 remain.', '2024-01-01').map(([, d]) => d)).toEqual(['2018']);
    expect(dates('Since the 2019 Hanoi summit, talks stalled.', '2024-01-01').map(([, d]) => d)).toEqual(['2019']);
    expect(dates('The talks of 2019-2020 failed.', '2024-01-01')).toEqual([]);
    expect(dates('The talks in 2019 and 2020 failed.', '2024-01-01')).toEqual([]);
  });

  it('with no story date keeps only what the words spell out, the same on any day', () => {
    expect(dates('On March 5, 2019, the two sides met.', null).map(([, d]) => d)).toEqual(['2019-03-05']);
    expect(dates('The two sides met on Monday and yesterday.', null)).toEqual([]);
    expect(dates('The treaty was signed in 2015.', null).map(([, d]) => d)).toEqual(['2015']);
  });

  it('gives the same answers from a cached reading, and each finder keeps its own cache', () => {
    const a = createDateFinder(lexicon);
    const b = createDateFinder(lexicon);
    const text = 'Forces shelled the town on Friday and will withdraw on April 2.';
    const past = a.findDates(text, '2024-03-10', 'factual');
    const future = a.findDates(text, '2024-03-10', 'future');
    expect(past.map((f) => f.date)).toEqual(['2024-03-08', '2023-04-02']);
    expect(future.map((f) => f.date)).toEqual(['2024-03-08', '2024-04-02']);
    expect(b.findDates(text, '2024-03-10', 'future')).toEqual(future);
    expect(a.findDates(text, '2024-03-10', 'factual')).toEqual(past);
  });

  it('dates an event by the nearest expression inside its clause', () => {
    const found = [{ index: 10, date: '2020-01-01' }, { index: 40, date: '2021-01-01' }, { index: 90, date: '2022-01-01' }];
    // sentence starts at 100; trigger at 145; clause [120, 170)
    expect(resolveEventDate(found, 100, 145, [120, 170])).toBe('2021-01-01');
    expect(resolveEventDate(found, 100, 145, [150, 170])).toBeNull();
    expect(createDateFinder(lexicon).resolveEventDate(found, 100, 105, [100, 200])).toBe('2020-01-01');
  });

  it('fails at creation when the lexicon lacks a date word list', () => {
    const partial = compileLexicon({ 'lexicon/x.yaml': { version: 1, classes: { date_month_names: { doc: 'months', words: ['january'] } } } });
    expect(() => createDateFinder(partial)).toThrow(LexiconError);
  });
});
