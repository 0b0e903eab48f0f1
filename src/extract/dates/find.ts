/**
 * Event dates: chrono-node relative to the publication date, the time expression in the
 * event's own clause winning, at the precision the text gives. Never invents a day.
 */
import * as chrono from 'chrono-node';
import type { Modality } from '../../core/types.js';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * chrono-node's casual English parser without the time-of-day parsers: events are dated to
 * the day at most, and dropping those parsers makes parsing about 3.5 times faster.
 */
const DATE_PARSERS = new Set([
  'ENYearMonthDayParser', 'ISOFormatParser', 'SlashDateFormatParser', 'ENMonthNameLittleEndianParser', 'ENMonthNameMiddleEndianParser',
  'ENWeekdayParser', 'ENSlashMonthFormatParser', 'ENTimeUnitAgoFormatParser', 'ENTimeUnitLaterFormatParser', 'ENYearMonthNameParser',
  'ENCasualDateParser', 'ENMonthNameParser', 'ENRelativeDateFormatParser', 'ENTimeUnitCasualRelativeFormatParser',
]);
const parser = (() => {
  const c = chrono.casual.clone();
  const lean = c.parsers.filter((p) => DATE_PARSERS.has(p.constructor.name));
  // if a chrono release renames its parsers, keep the full set rather than lose dates
  if (lean.length >= 10) c.parsers = lean;
  return c;
})();
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export interface Found {
  index: number;
  date: string;
}

const REFS = new Map<string, Date | null>();
function refDate(published: string | null): Date | null {
  if (!published) return null;
  if (REFS.has(published)) return REFS.get(published)!;
  if (REFS.size > 10_000) REFS.clear();
  const d = refDate0(published);
  REFS.set(published, d);
  return d;
}

function refDate0(published: string): Date | null {
  const p = published.length === 4 ? `${published}-07-01` : published.length === 7 ? `${published}-15` : published;
  const d = new Date(`${p}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** chrono's reading of a sentence's cue windows; a sentence read for its past and its future events is parsed once */
let last: { text: string; published: string; results: ReturnType<typeof parser.parse> } | null = null;
function parsed(text: string, published: string, ref: Date, wins: [number, number][]): ReturnType<typeof parser.parse> {
  if (last && last.text === text && last.published === published) return last.results;
  const results = wins.flatMap(([a, b]) => parser.parse(text.slice(a, b), { instant: ref, timezone: 'UTC' }, { forwardDate: false }).map((x) => Object.assign(x, { index: x.index + a })));
  last = { text, published, results };
  return results;
}

/** All time expressions in a text, resolved against `published`. */
// where a time expression may stand: chrono runs only on short windows around these cues
// ("may" is mostly the modal: the month is cued only as "May" beside a number or a preposition, below)
const CUE = /\b(?:(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tomorrow|tonight|(?:last|next|this|previous|past|coming|following)\s+(?:week|month|year|weekend|day|spring|summer|autumn|fall|winter|morning|evening|night)|\d+\s+(?:days?|weeks?|months?|years?)\s+(?:ago|earlier|later|before|after)|\d{1,2}\/\d{1,2}\/\d{2,4})\b/gi;

const MAY_CUE = /\b(?:(?:in|of|since|until|by|early|late|mid|last|next|this|on|from|through|before|after|during)\s+May\b|May\s+\d)/g;

function windows(text: string): [number, number][] {
  const out: [number, number][] = [];
  const cues = [...text.matchAll(CUE)];
  if (text.includes('May')) cues.push(...text.matchAll(MAY_CUE));
  if (cues.length > 1) cues.sort((x, y) => x.index! - y.index!);
  for (const m of cues) {
    const a = Math.max(0, m.index! - 24);
    const b = Math.min(text.length, m.index! + m[0].length + 24);
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export function findDates(text: string, published: string | null, modality: Modality = 'factual'): Found[] {
  const wins = windows(text);
  if (!wins.length && !/\b(?:the previous day|the day before|a day earlier|(?:19|20)\d{2})\b/.test(text)) return [];
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
  for (const m of text.matchAll(/\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:of\s+)?(last|this|next)\s+year\b/gi)) {
    if (!ref) continue;
    const y = ref.getUTCFullYear() + (m[2].toLowerCase() === 'last' ? -1 : m[2].toLowerCase() === 'next' ? 1 : 0);
    take(m.index!, m[0].length, `${y}-${pad(MONTHS.indexOf(m[1].toLowerCase()) + 1)}`);
  }
  // "the previous day", "the day before": the day before the story's day
  for (const m of text.matchAll(/\b(?:the previous day|the day before|a day earlier|yesterday)\b/gi)) {
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
    for (const r of wins.flatMap(([a, b]) => parser.parse(text.slice(a, b)).map((x) => Object.assign(x, { index: x.index + a })))) {
      const c = r.start;
      // with no story date, only a year the words spell out: "this year" has nothing to count from
      if (!c.isCertain('year') || !/\b(?:1[89]|20)\d{2}\b/.test(r.text)) continue;
      const dt = c.date();
      take(r.index, r.text.length, c.isCertain('day') ? dt.toISOString().slice(0, 10) : c.isCertain('month') ? dt.toISOString().slice(0, 7) : String(dt.getUTCFullYear()));
    }
  }
  // bare years: "in 2019", "in early 2023", "during 2018"; and a year naming an event: "the 2019 Hanoi summit", "the 1961 treaty"
  for (const m of text.matchAll(/\b(?:in|during|by|of|early|late|mid-?|the|its|his|her|their)\s+((?:19|20)\d{2})\b(?!\s*[-–]\s*\d)(?!\s+(?:and|to|through|or)\b)/gi)) {
    if (/^(?:the|its|his|her|their)$/i.test(m[0].split(/\s+/)[0]) && !/^\s+\p{L}/u.test(text.slice(m.index! + m[0].length))) continue;
    take(m.index!, m[0].length, m[1]);
  }
  return out.sort((a, b) => a.index - b.index);
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
