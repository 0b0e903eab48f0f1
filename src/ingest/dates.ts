/** Publication dates from metadata, kept at the precision given. */
import * as chrono from 'chrono-node';

const ISO = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Normalise a metadata date ("2023-09-13", "2023-09-13T08:00:00Z", "20230913", "Sept. 13, 2023") to
 * ISO at its precision; a date no calendar has (the year 0000, a 13th month, 31 February) is no date:
 * the document is undated rather than refused by the store.
 */
export function toIsoDate(v: string | null | undefined): string | null {
  const iso = readDate(v);
  return iso && isIsoDate(iso) ? iso : null;
}

function readDate(v: string | null | undefined): string | null {
  if (!v) return null;
  const s = v.trim();
  let m = COMPACT.exec(s);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = ISO.exec(s);
  if (m) {
    const [, y, mo, d] = m;
    if (d) return `${y}-${pad(+mo)}-${pad(+d)}`;
    if (mo) return `${y}-${pad(+mo)}`;
    return y;
  }
  const r = chrono.parse(s, new Date(Date.UTC(2100, 0, 1)))[0];
  if (!r) return null;
  const c = r.start;
  const y = c.get('year');
  if (!c.isCertain('year') || y === null) return null;
  if (!c.isCertain('month')) return String(y);
  if (!c.isCertain('day')) return `${y}-${pad(c.get('month')!)}`;
  return `${y}-${pad(c.get('month')!)}-${pad(c.get('day')!)}`;
}

/**
 * Validate a user-given date (`--published`, `--since`, `?until=`): YYYY, YYYY-MM or YYYY-MM-DD
 * with a year from 1000 to 9999. Year 0000 does not exist in PostgreSQL's calendar, and JavaScript
 * reads years below 100 as 19xx; no news is dated before 1000.
 */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  if (+m[1] < 1000) return false;
  if (m[2] && (+m[2] < 1 || +m[2] > 12)) return false;
  if (m[3]) {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }
  return true;
}
