/**
 * Event dates: chrono-node relative to the publication date, the time expression in the
 * event's own clause winning, at the precision the text gives. Never invents a day.
 *
 * The words and cue expressions are the lexicon's (data/lexicon/dates.yaml), read when a finder
 * is created. A finder keeps its own small caches (the reference dates, the last sentence read),
 * so make one per pipeline: nothing is shared between pipelines at module level.
 */
import * as chrono from 'chrono-node';
import type { Modality } from '../../core/types.js';
import type { Lexicon } from '../../knowledge/lexicon.js';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * What chrono counts from when the story has no date of its own. Only the components the words
 * spell out (a year written in full, and the month and day beside it) are kept from such a
 * reading, so the instant only has to be fixed, never the wall clock: the same text dates the
 * same on any day and in any time zone.
 */
const NO_STORY_INSTANT = Date.UTC(2000, 0, 1, 12);

export interface Found {
  index: number;
  date: string;
}

export interface DateFinder {
  /** All time expressions in a sentence, resolved against `published` (a story's date, ISO, any precision). */
  findDates(text: string, published: string | null, modality?: Modality): Found[];
  /** The date of an event (see `resolveEventDate` below). */
  resolveEventDate(found: Found[], start: number, at: number, clause: [number, number]): string | null;
}

/** A private copy of a lexicon cue, so no other reader's `lastIndex` is ever shared. */
const own = (re: RegExp) => new RegExp(re.source, re.flags);

/** A date finder over the lexicon's date words; one per pipeline (it caches). */
export function createDateFinder(lexicon: Lexicon): DateFinder {
  const keep = lexicon.words('date_chrono_parsers');
  const months = lexicon.list('date_month_names');
  const yearOwners = lexicon.words('date_year_owners');
  const relativeYear = lexicon.map('date_relative_year');
  const CUE = own(lexicon.cue('date_cue'));
  const MAY_CUE = own(lexicon.cue('date_may_cue'));
  const ANY = own(lexicon.cue('date_any'));
  const MONTH_RELATIVE_YEAR = own(lexicon.cue('date_month_relative_year'));
  const DAY_BEFORE = own(lexicon.cue('date_day_before'));
  const BARE_YEAR = own(lexicon.cue('date_bare_year'));

  /**
   * chrono-node's casual English parser with only the parsers the lexicon keeps: events are dated
   * to the day at most, and dropping the time-of-day parsers makes parsing about 3.5 times faster.
   */
  const parser = (() => {
    const c = chrono.casual.clone();
    const lean = c.parsers.filter((p) => keep.has(p.constructor.name));
    // if a chrono release renames its parsers, keep the full set rather than lose dates
    if (lean.length >= 10) c.parsers = lean;
    return c;
  })();
  type Results = ReturnType<typeof parser.parse>;

  const refs = new Map<string, Date | null>();
  function refDate(published: string | null): Date | null {
    if (!published) return null;
    if (refs.has(published)) return refs.get(published)!;
    if (refs.size > 10_000) refs.clear();
    const d = refDate0(published);
    refs.set(published, d);
    return d;
  }

  /** chrono's reading of a sentence's cue windows; a sentence read for its past and its future events is parsed once */
  let last: { text: string; published: string; results: Results } | null = null;
  function parsed(text: string, published: string, ref: Date, wins: [number, number][]): Results {
    if (last && last.text === text && last.published === published) return last.results;
    const results = wins.flatMap(([a, b]) => parser.parse(text.slice(a, b), { instant: ref, timezone: 'UTC' }, { forwardDate: false }).map((x) => Object.assign(x, { index: x.index + a })));
    last = { text, published, results };
    return results;
  }

  /** where a time expression may stand: chrono runs only on short windows around the cues */
  function windows(text: string): [number, number][] {
    const out: [number, number][] = [];
    const cues = [...text.matchAll(CUE), ...text.matchAll(MAY_CUE)];
    if (cues.length > 1) cues.sort((x, y) => x.index! - y.index!);
    for (const m of cues) {
      const a = Math.max(0, m.index! - 24);
      const b = Math.min(text.length, m.index! + m[0].length + 24);
      const prev = out[out.length - 1];
      if (prev && a <= prev[1]) prev[1] = Math.max(prev[1], b);
      else out.push([a, b]);
    }
    return out;
  }

  function findDates(text: string, published: string | null, modality: Modality = 'factual'): Found[] {
    const wins = windows(text);
    if (!wins.length && !ANY.test(text)) return [];
    const ref = refDate(published);
    const out: Found[] = [];
    const taken: [number, number][] = [];
    const take = (index: number, len: number, date: string) => {
      if (taken.some(([a, b]) => index < b && index + len > a)) return;
      taken.push([index, index + len]);
      out.push({ index, date });
    };
    const dayPrecise = !!published && published.length === 10;
    // "June of last year", "in March this year"
    for (const m of text.matchAll(MONTH_RELATIVE_YEAR)) {
      if (!ref) continue;
      const y = ref.getUTCFullYear() + Number(relativeYear.get(m[2].toLowerCase()) ?? 0);
      take(m.index!, m[0].length, `${y}-${pad(months.indexOf(m[1].toLowerCase()) + 1)}`);
    }
    // "the previous day", "the day before": the day before the story's day
    for (const m of text.matchAll(DAY_BEFORE)) {
      if (ref && dayPrecise) {
        const d = new Date(ref.getTime() - 86400000);
        take(m.index!, m[0].length, d.toISOString().slice(0, 10));
      }
    }
    if (ref) {
      for (const r of parsed(text, published!, ref, wins)) {
        const c = r.start;
        const y = c.isCertain('year'), mo = c.isCertain('month'), d = c.isCertain('day'), wd = c.isCertain('weekday');
        if (!y && !mo && !d && !wd) continue; // "this week", "now": no point to pin
        let dt = c.date();
        // a year-less date after the story is last year's (for what has happened)
        if (!y && dt.getTime() > ref.getTime() + 86400000 && modality !== 'future') {
          if (mo) dt = new Date(Date.UTC(dt.getUTCFullYear() - 1, dt.getUTCMonth(), dt.getUTCDate()));
          else if (wd) dt = new Date(dt.getTime() - 7 * 86400000);
        }
        let iso: string;
        if (d || (wd && dayPrecise)) iso = dt.toISOString().slice(0, 10);
        else if (mo) iso = dt.toISOString().slice(0, 7);
        else if (y) iso = String(dt.getUTCFullYear());
        else continue; // a weekday against a month-precision story: no day to give
        take(r.index, r.text.length, iso);
      }
    } else {
      for (const r of wins.flatMap(([a, b]) => parser.parse(text.slice(a, b), { instant: new Date(NO_STORY_INSTANT), timezone: 'UTC' }).map((x) => Object.assign(x, { index: x.index + a })))) {
        const c = r.start;
        // with no story date, only a year the words spell out: "this year" has nothing to count from
        if (!c.isCertain('year') || !/\b(?:1[89]|20)\d{2}\b/.test(r.text)) continue;
        const dt = c.date();
        take(r.index, r.text.length, c.isCertain('day') ? dt.toISOString().slice(0, 10) : c.isCertain('month') ? dt.toISOString().slice(0, 7) : String(dt.getUTCFullYear()));
      }
    }
    // bare years: "in 2019", "in early 2023", "during 2018"; and a year naming an event: "the 2019 Hanoi summit", "the 1961 treaty"
    for (const m of text.matchAll(BARE_YEAR)) {
      if (yearOwners.has(m[0].split(/\s+/)[0].toLowerCase()) && !/^\s+\p{L}/u.test(text.slice(m.index! + m[0].length))) continue;
      take(m.index!, m[0].length, m[1]);
    }
    return out.sort((a, b) => a.index - b.index);
  }

  return { findDates, resolveEventDate };
}

function refDate0(published: string): Date | null {
  const p = published.length === 4 ? `${published}-07-01` : published.length === 7 ? `${published}-15` : published;
  const d = new Date(`${p}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * The date of an event whose trigger sits at absolute offset `at` in a sentence starting
 * at `start`: the nearest time expression inside the trigger's clause `[a, b)`.
 */
export function resolveEventDate(found0: Found[], start: number, at: number, clause: [number, number]): string | null {
  const found = found0.filter((f) => f.index + start >= clause[0] && f.index + start < clause[1]);
  if (!found.length) return null;
  found.sort((x, y) => Math.abs(x.index + start - at) - Math.abs(y.index + start - at));
  return found[0].date;
}
