/** Author lists from metadata: a JSON array, an array, or names separated by ; | , and &. */

export function authorList(v: unknown): string[] {
  if (v === undefined || v === null || v === '') return [];
  if (Array.isArray(v)) return v.map((x) => String(x).trim()).filter(Boolean);
  const s = String(v).trim();
  if (s.startsWith('[')) {
    try {
      return authorList(JSON.parse(s));
    } catch {
      /* fall through: treat as a list in text */
    }
  }
  return s.split(/\s*(?:;|\||,|\band\b|&)\s*/).map((x) => x.trim()).filter(Boolean);
}
