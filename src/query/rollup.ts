/**
 * Reading the event aggregates (src/store/aggregates.ts) in place of the events table: whole
 * months of a window come from an aggregate, the days at either end from the events themselves,
 * so every answer is exactly what counting the events gives.
 */
import { EVENT_AGGREGATES, type EventDim } from '../store/aggregates.js';
import { dateSort } from '../store/records.js';

/** The last day an ISO date of any precision covers. */
export function untilSort(d: string): string {
  if (/^\d{4}$/.test(d)) return `${d}-12-31`;
  if (/^\d{4}-\d{2}$/.test(d)) {
    const [y, m] = d.split('-').map(Number);
    return `${d}-${pad(lastDay(y, m))}`;
  }
  return d;
}

const pad = (n: number) => String(n).padStart(2, '0');
// a month's last day, computed without Date.UTC (which reads years below 100 as 19xx)
function lastDay(y: number, m: number): number {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}
const ym = (d: string) => d.slice(0, 4).padStart(4, '0');
function addMonth(first: string, k: number): string {
  const y = Number(first.slice(0, 4));
  const m = Number(first.slice(5, 7)) - 1 + k;
  return `${ym(String(y + Math.floor(m / 12)))}-${pad((((m % 12) + 12) % 12) + 1)}-01`;
}
const monthStart = (d: string) => `${d.slice(0, 7)}-01`;
const monthEnd = (d: string) => `${d.slice(0, 7)}-${pad(lastDay(Number(d.slice(0, 4)), Number(d.slice(5, 7))))}`;

export interface WindowSplit {
  /** no window: every event, undated ones too */
  all: boolean;
  /** whole months the aggregate answers (first and last month's first day; null: open) */
  months: { from: string | null; to: string | null } | null;
  /** day ranges (inclusive) the events table answers */
  edges: { from: string; to: string }[];
}

/** Split a window (ISO dates of any precision) into whole months and the days at its ends. */
export function splitWindow(since?: string, until?: string): WindowSplit {
  if (!since && !until) return { all: true, months: null, edges: [] };
  const s = since ? dateSort(since) : null;
  const u = until ? untilSort(until) : null;
  const first = s ? (s.endsWith('-01') ? s : addMonth(monthStart(s), 1)) : null;
  const last = u ? (u === monthEnd(u) ? monthStart(u) : addMonth(monthStart(u), -1)) : null;
  if (s && u && first! > last!) return { all: false, months: null, edges: s <= u ? [{ from: s, to: u }] : [] };
  const edges: { from: string; to: string }[] = [];
  if (s && s < first!) edges.push({ from: s, to: monthEnd(addMonth(first!, -1)) });
  if (u && last && addMonth(last, 1) <= u) edges.push({ from: addMonth(last, 1), to: u });
  return { all: false, months: { from: first, to: last }, edges };
}

/** the first aggregate with every dimension asked for, or null (then the events table answers) */
export function aggregateFor(dims: EventDim[]): string | null {
  return EVENT_AGGREGATES.find((a) => dims.every((d) => a.dims.includes(d)))?.table ?? null;
}

/** conditions on an aggregate's month for the whole months of a split (appended to `p`) */
export function monthConditions(split: WindowSplit, p: unknown[]): string[] {
  const w: string[] = [];
  if (split.all || !split.months) return w;
  w.push('month IS NOT NULL');
  if (split.months.from) {
    p.push(split.months.from);
    w.push(`month >= $${p.length}::date`);
  }
  if (split.months.to) {
    p.push(split.months.to);
    w.push(`month <= $${p.length}::date`);
  }
  return w;
}
