/**
 * Which sanctions provisions (data/sanctions/*.yaml) an event or flow may breach: a flow of a
 * listed category or item to or from the target, an act of a listed CAMEO code by or toward
 * it, when the act's date (else its document's) falls while the provision is in force. One flag
 * per subject and kind of provision, under the earliest resolution that sets it.
 */
import type { ComplianceRow, FlowEvidenceRow } from '../../core/doc.js';
import type { EventRecord, Span } from '../../core/types.js';
import type { Provision } from '../../knowledge/analysis.js';
import { hash64 } from '../../knowledge/text.js';

/** The provisions in play: each one's founding resolution, plus any resolution the text names by number. */
export function relevantProvisions(provisions: Provision[], text: string): Provision[] {
  const named = new Set([...text.matchAll(/\b(\d{4})\b/g)].map((m) => m[1]));
  return provisions.filter((p) => p.founding || named.has(p.resolution.replace(/\D/g, '')));
}

/** a provision's kind: the first two long words of its label, so the resolutions that restate it are one */
function provisionKind(p: Provision): string {
  return p.label.toLowerCase().replace(/\(.*?\)/g, '').replace(/[^a-z ]+/g, ' ').split(/\s+/).filter((w) => w.length > 3).slice(0, 2).join(' ');
}

/** the direction a provision forbids that the two sides take, if any */
function direction(p: Provision, from: string | null, to: string | null): 'from' | 'to' | null {
  return from === p.target && p.directions.includes('from_target') ? 'from' : to === p.target && p.directions.includes('to_target') ? 'to' : null;
}

/**
 * The date of a flow: the date of a dated event its sentence tells of between the same two
 * states ("In 2005 Russia sold missiles to North Korea"), else null (its document's then).
 */
export function flowDate(f: FlowEvidenceRow, events: EventRecord[]): string | null {
  const sides = new Set([f.giver, f.receiver]);
  const e = events.find((x) => x.date && x.span[0] < f.span[1] && x.span[1] > f.span[0] && sides.has(x.source_country) && sides.has(x.target_country));
  return e?.date ?? null;
}

/**
 * Whether a provision is in force on a date (any precision): from its adoption to its lapse,
 * and again from its re-application. With no date, it is taken to apply.
 */
export function inForce(p: Provision, date: string | null): boolean {
  if (!date) return true;
  // compare at the date's own precision ("2015" is after a resolution adopted in 2015-07)
  const at = (iso: string) => iso.slice(0, date.length);
  if (date < at(p.adopted)) return false;
  if (p.until && date > at(p.until)) return !!p.reapplied && date >= at(p.reapplied);
  return true;
}

/** Events and flows that touch a sanctions provision, with the reason. */
export function complianceFor(provisions: Provision[], docId: string, text: string, flows: FlowEvidenceRow[], events: EventRecord[], docDate: string | null = null): ComplianceRow[] {
  if (flows.length === 0 && !events.some((e) => e.root === '06' || e.root === '07')) return [];
  const relevant = relevantProvisions(provisions, text);
  // one flag per subject and kind of provision: the earliest resolution that sets it, the later ones named in the reason
  const byKey = new Map<string, ComplianceRow & { also: string[] }>();
  const add = (subject: string, p: Provision, reason: string, span: Span, quote: string) => {
    const key = `${subject}|${p.target}|${provisionKind(p)}`;
    const prev = byKey.get(key);
    if (prev) {
      if (prev.regime !== p.resolution && !prev.also.includes(p.resolution)) prev.also.push(p.resolution);
      return;
    }
    byKey.set(key, { id: `x_${hash64(`${docId}|${key}`)}`, subject, regime: p.resolution, provision: p.label, reason, span, quote, also: [] });
  };
  for (const f of flows) {
    const when = flowDate(f, events) ?? docDate;
    for (const p of relevant) {
      const dir = direction(p, f.giver, f.receiver);
      // a resolution adopted later does not flag an earlier transfer (a flow is dated by the act that tells of it, else by its document)
      if (!dir || !inForce(p, when)) continue;
      // items are canonical names (data/flows/items.yaml): "technology" is not "space launch technology"
      const item = f.item.toLowerCase();
      const itemHit = p.items.some((i) => i.toLowerCase() === item);
      if (!p.categories.includes(f.category) && !itemHit) continue;
      add(f.id, p, `${f.category === 'arms' ? 'arms' : f.item} transfer ${dir} ${p.target}: ${f.item} (${f.giver ?? '?'} → ${f.receiver ?? '?'}, ${f.status})`, f.span, f.quote);
    }
  }
  // an act the text also tells as a transfer is flagged once, as the flow: its items say what passed
  const toldAsFlow = (e: EventRecord) =>
    flows.some((f) => f.span[0] < e.span[1] && f.span[1] > e.span[0] && new Set([f.giver, f.receiver, e.source_country, e.target_country]).size === 2 && f.giver !== f.receiver);
  for (const e of events) {
    if (e.modality === 'negated' || toldAsFlow(e)) continue;
    for (const p of relevant) {
      // a listed code covers its sub-codes ("062" flags 0621); the act is dated by its own date, else the document's
      if (!p.cameo.some((c) => e.cameo.startsWith(c)) || !inForce(p, e.date ?? docDate)) continue;
      const dir = direction(p, e.source_country, e.target_country);
      if (!dir || !e.target_country || e.source_country === e.target_country) continue;
      add(e.id, p, `CAMEO ${e.cameo} ${dir} ${p.target} (${e.source_country} → ${e.target_country}, ${e.modality})`, e.span, e.quote);
    }
  }
  // the provision's later resolutions, in the reason
  return [...byKey.values()].map(({ also, ...row }) => (also.length ? { ...row, reason: `${row.reason}; also under ${also.join(', ')}` } : row));
}
