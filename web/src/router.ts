/**
 * Hash routing: `#/<view>/<segments…>?<query>`. The URL is the only place a view keeps
 * its state, so every view can be shared and the back button undoes a filter.
 */
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  /** first path segment, '' for the overview */
  view: string;
  /** decoded path segments after the view */
  args: string[];
  query: URLSearchParams;
  /** the hash without '#' */
  raw: string;
}

export type QueryInit = Record<string, string | number | boolean | null | undefined>;

export function parseHash(hash: string = location.hash): Route {
  const raw = hash.replace(/^#/, '');
  const qi = raw.indexOf('?');
  const pathPart = qi >= 0 ? raw.slice(0, qi) : raw;
  const query = new URLSearchParams(qi >= 0 ? raw.slice(qi + 1) : '');
  const segs = pathPart
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  return { view: segs[0] ?? '', args: segs.slice(1), query, raw };
}

/** Query string from an object; empty, null, undefined and false values are left out. */
export function qs(q: QueryInit = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    p.set(k, String(v));
  }
  // commas are fine in a query and read better (dyad=RUS,PRK)
  const s = p.toString().replace(/%2C/gi, ',');
  return s ? `?${s}` : '';
}

/** An href for a view: `link('reader', {hl: 'e1'}, docId)` → `#/reader/<docId>?hl=e1`. */
export function link(view: string, q: QueryInit = {}, ...args: string[]): string {
  const path = [view, ...args.map((a) => encodeURIComponent(a))].filter(Boolean).join('/');
  return `#/${path}${qs(q)}`;
}

export function go(view: string, q: QueryInit = {}, ...args: string[]): void {
  const h = link(view, q, ...args);
  if (location.hash !== h) location.hash = h;
}

/** The current route; re-renders on every hash change. */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseHash());
  useEffect(() => {
    const on = () => setRoute(parseHash());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

/** Query values as a plain object (first value per key). */
export function queryObject(q: URLSearchParams): Record<string, string> {
  const o: Record<string, string> = {};
  for (const [k, v] of q) if (!(k in o)) o[k] = v;
  return o;
}
