/**
 * Names first (issue #16): the names the API gives for ids and codes (`GET /api/labels`), loaded
 * once and shared through a context. Actor ids ("PRKGOV", "person:kim-jong-un") show as names
 * with the code beside them, country codes as country names, CAMEO codes with their own
 * codebook label (a four-digit code its own, not its root's).
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { ROOT_LABEL } from './format';

export interface Labels {
  actors: Record<string, string>;
  countries: Record<string, string>;
  cameo: Record<string, string>;
}

export const NO_LABELS: Labels = { actors: {}, countries: {}, cameo: {} };

export const LabelsContext = createContext<Labels>(NO_LABELS);

export const useLabels = (): Labels => useContext(LabelsContext);

/** the name of an actor id, a country code or an "org:" node; the id itself when nothing names it */
export function nameOf(l: Labels, id: string | null | undefined): string {
  if (!id) return '';
  return l.actors[id] ?? l.countries[id] ?? id;
}

/** the code shown beside a name: an actor code ("PRKGOV", "RUS"), or a person's country */
export function codeBeside(l: Labels, id: string | null | undefined, country?: string | null): string {
  if (!id) return country ?? '';
  if (/^[A-Z]{3}[A-Z]*$/.test(id)) return id;
  return country ?? '';
}

/** a CAMEO code's own label, else its nearest parent's, else the root's */
export function cameoLabel(l: Labels, code: string, root?: string): string {
  for (let c = code; c.length >= 2; c = c.slice(0, -1)) if (l.cameo[c]) return l.cameo[c];
  return ROOT_LABEL.get(root ?? code.slice(0, 2)) ?? '';
}

/** sentence case for codebook labels ("make a visit" → "Make a visit") */
export const cap = (s: string): string => (s ? s[0].toUpperCase() + s.slice(1) : s);
