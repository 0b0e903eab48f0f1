/** One evidence row per mention of an agreement; articles, name, parties and date shared by every row of one agreement. */
import type { AgreementEvidenceRow } from '../../core/doc.js';

/**
 * Rows of one agreement share its articles (every row's, by number), its name (the formal one,
 * its agreement word capitalised — `formal` — over a description, then the shortest), the
 * parties most rows give and the most precise signing date. A row repeated at one place is kept once.
 */
export function mergeAgreements(rows: AgreementEvidenceRow[], formal: RegExp): AgreementEvidenceRow[] {
  const byId = new Map<string, AgreementEvidenceRow[]>();
  for (const r of rows) (byId.get(r.agreement) ?? byId.set(r.agreement, []).get(r.agreement)!).push(r);
  for (const group of byId.values()) {
    const arts = new Map<number, AgreementEvidenceRow['articles'][number]>();
    for (const r of group) for (const a of r.articles) if (!arts.has(a.number)) arts.set(a.number, a);
    const all = [...arts.values()].sort((x, y) => x.number - y.number);
    // the formal name (its agreement word capitalised) over a description; the parties most rows give
    const rank = (n: string) => (formal.test(n) ? 0 : 1);
    const name = group.map((r) => r.name).sort((x, y) => rank(x) - rank(y) || x.length - y.length)[0];
    const votes = new Map<string, number>();
    for (const r of group) if (r.parties.length >= 2) votes.set(r.parties.join('|'), (votes.get(r.parties.join('|')) ?? 0) + 1);
    const best = [...votes.entries()].sort((x, y) => y[1] - x[1] || x[0].split('|').length - y[0].split('|').length)[0];
    const parties = best ? best[0].split('|') : group.map((r) => r.parties).sort((x, y) => y.length - x.length)[0];
    const signed = group.map((r) => r.signed).filter(Boolean).sort((x, y) => y!.length - x!.length)[0] ?? null;
    for (const r of group) Object.assign(r, { articles: all, name, parties, signed });
  }
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.agreement}|${r.span[0]}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
