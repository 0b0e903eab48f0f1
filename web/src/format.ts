/** Shared vocabularies, colours and formatting. */

export const QUAD_COLORS: Record<number, string> = {
  1: '#2b8a3e',
  2: '#1c7ed6',
  3: '#f08c00',
  4: '#c92a2a',
};

export const QUAD_LABELS: Record<number, string> = {
  1: 'Verbal cooperation',
  2: 'Material cooperation',
  3: 'Verbal conflict',
  4: 'Material conflict',
};

export const COOP_COLOR = QUAD_COLORS[1];
export const CONFLICT_COLOR = QUAD_COLORS[4];

/** CAMEO root codes and their short labels (data/codebook/cameo.yaml). */
export const CAMEO_ROOTS: [string, string][] = [
  ['01', 'Make public statement'],
  ['02', 'Appeal'],
  ['03', 'Express intent to cooperate'],
  ['04', 'Consult'],
  ['05', 'Engage in diplomatic cooperation'],
  ['06', 'Engage in material cooperation'],
  ['07', 'Provide aid'],
  ['08', 'Yield'],
  ['09', 'Investigate'],
  ['10', 'Demand'],
  ['11', 'Disapprove'],
  ['12', 'Reject'],
  ['13', 'Threaten'],
  ['14', 'Protest'],
  ['15', 'Exhibit force posture'],
  ['16', 'Reduce relations'],
  ['17', 'Coerce'],
  ['18', 'Assault'],
  ['19', 'Fight'],
  ['20', 'Use unconventional mass violence'],
];

export const ROOT_LABEL = new Map(CAMEO_ROOTS);

export const MODALITIES = ['factual', 'future', 'possible', 'negated', 'sought'] as const;

export const FLOW_CATEGORIES = [
  'arms', 'technology', 'food', 'energy', 'medicine', 'materials', 'troops', 'labor', 'finance', 'diplomatic-support', 'other',
] as const;

export const FLOW_STATUSES = ['delivered', 'promised', 'sought', 'possible'] as const;

export const CLAIM_KINDS = ['assessment', 'motive', 'prediction', 'recommendation', 'disagreement'] as const;

const nf = new Intl.NumberFormat('en');
export const num = (n: number | null | undefined): string => (n === null || n === undefined || Number.isNaN(n) ? '—' : nf.format(n));

export function signed(n: number | null | undefined, digits = 1): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  const s = Math.abs(n).toFixed(digits);
  return n > 0 ? `+${s}` : n < 0 ? `−${s}` : s;
}

/** ISO date of any precision (YYYY, YYYY-MM, YYYY-MM-DD) → the first day it covers, UTC. */
export function isoToDate(s: string | null | undefined): Date | null {
  if (!s) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(s);
  if (!m) return null;
  return new Date(Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Human date at the precision given: "19 Jun 2024", "Jun 2024", "2024". */
export function fmtDate(s: string | null | undefined): string {
  if (!s) return '—';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(s);
  if (!m) return s;
  if (m[3]) return `${+m[3]} ${MONTHS[+m[2] - 1]} ${m[1]}`;
  if (m[2]) return `${MONTHS[+m[2] - 1]} ${m[1]}`;
  return m[1];
}

/** Only http(s) URLs from documents become links. */
export function safeUrl(u: string | null | undefined): string | null {
  if (!u) return null;
  try {
    const url = new URL(u);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A country code as the dashboard expects it: three letters, upper case. */
export const isCountry = (s: string): boolean => /^[A-Z]{3}$/.test(s);

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${num(n)} ${n === 1 ? one : many}`;
}

export function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
