/**
 * Compliance flags: one per flagged subject (an event or a flow) and sanctions regime, listing
 * every provision of that regime the subject may breach. The store keeps one row per subject and
 * provision (the compliance stage's); the regimes, their resolutions and the order those were
 * adopted in come from data/sanctions/*.yaml, read by the caller (src/app/regimes.ts): without
 * them a flag is one per subject, its regime unnamed.
 */
import type { Queryable } from '../store/store.js';

/** a resolution (or other act) id → its regime and when it was adopted */
export type RegimeIndex = Record<string, { id: string; name: string; target: string; adopted: string }>;

export interface ComplianceFilter {
  limit?: number;
  offset?: number;
  /** flags on subjects this document tells of */
  doc?: string;
  /** one subject's flags (an event or flow id) */
  subject?: string;
  /** one regime's flags: its id (`unsc-prk`) */
  regime?: string;
}

type Stored = { resolution: string; provision: string; reason: string };
/** a provision a flag lists: the resolution that set it, its label, the later resolutions that restate it, and why it matched */
export type FlagProvision = { resolution: string; provision: string; also: string[]; reason: string };
type Evidence = { doc: string; span: [number, number]; quote: string };

/** the stage writes the later resolutions of a provision at the end of its reason */
const ALSO = /; also under (.*)$/;

/**
 * The provisions of one flag, each once (documents that tell of one flow may give it twice, in
 * other words), in the order of their resolutions' adoption.
 */
function provisionsOf(list: Stored[], regimes: RegimeIndex): FlagProvision[] {
  const when = (p: Stored) => regimes[p.resolution]?.adopted ?? '9999';
  const byKey = new Map<string, FlagProvision>();
  for (const p of [...list].sort((x, y) => when(x).localeCompare(when(y)) || x.resolution.localeCompare(y.resolution) || x.provision.localeCompare(y.provision) || x.reason.localeCompare(y.reason))) {
    const key = `${p.resolution}|${p.provision}`;
    const also = ALSO.exec(p.reason)?.[1].split(', ') ?? [];
    const prev = byKey.get(key);
    if (prev) prev.also = [...new Set([...prev.also, ...also])];
    else byKey.set(key, { resolution: p.resolution, provision: p.provision, also, reason: p.reason.replace(ALSO, '') });
  }
  return [...byKey.values()];
}

/** a flag in words: what matched first, then every provision it may breach with the resolutions that set it */
export function flagReason(provisions: FlagProvision[]): string {
  if (!provisions.length) return '';
  const acts = (p: FlagProvision) => [p.resolution, ...p.also].join(', ');
  if (provisions.length === 1) return `${provisions[0].reason}; may breach ${provisions[0].provision} (${acts(provisions[0])})`;
  return `${provisions[0].reason}; may breach ${provisions.length} provisions: ${provisions.map((p) => `${p.provision} (${acts(p)})`).join('; ')}`;
}

/**
 * The flags, one per subject and regime, with the provisions each may breach (`provisions`, the
 * earliest resolution's first) and the evidence of every document that tells of the subject.
 * `regime`, `provision` and `reason` keep their export meaning: the first provision's resolution
 * and label, and the reason in words; `regime_id` and `regime_name` name the regime.
 */
export async function complianceFlags(q: Queryable, f: ComplianceFilter = {}, regimes: RegimeIndex = {}) {
  const res = Object.keys(regimes);
  const p: unknown[] = [res, res.map((r) => regimes[r].id), res.map((r) => regimes[r].name)];
  const w: string[] = [];
  if (f.doc) w.push(`subject IN (SELECT subject FROM compliance WHERE doc_id = $${p.push(f.doc)})`);
  if (f.subject) w.push(`subject = $${p.push(f.subject)}`);
  if (f.regime) w.push(`regime_id = $${p.push(f.regime)}`);
  const where = w.length ? `WHERE ${w.join(' AND ')}` : '';
  const flagged = `WITH m AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS m(resolution, regime_id, regime_name)),
    c AS (SELECT c.*, coalesce(m.regime_id, '') AS regime_id, m.regime_name AS regime_name
            FROM compliance c LEFT JOIN m ON m.resolution = c.regime)`;
  const limit = Math.max(0, Math.min(f.limit ?? 200, 10000));
  const offset = Math.max(0, f.offset ?? 0);
  const rows = await q.query<{ id: string; subject: string; regime_id: string; regime_name: string; provisions: Stored[]; evidence: Evidence[] }>(
    `${flagged}
     SELECT min(id) AS id, subject, regime_id, min(regime_name) AS regime_name,
            jsonb_agg(DISTINCT jsonb_build_object('resolution', regime, 'provision', provision, 'reason', reason)) AS provisions,
            jsonb_agg(DISTINCT jsonb_build_object('doc', doc_id, 'span', jsonb_build_array(start_off, end_off), 'quote', quote)) AS evidence
       FROM c ${where} GROUP BY subject, regime_id ORDER BY regime_id, count(DISTINCT provision) DESC, subject LIMIT ${limit} OFFSET ${offset}`,
    p,
  );
  const total = (await q.query<{ n: number }>(`${flagged} SELECT count(*)::int AS n FROM (SELECT 1 FROM c ${where} GROUP BY subject, regime_id) x`, p))[0].n;
  const items = rows.map((r) => {
    const provisions = provisionsOf(r.provisions, regimes);
    const evidence = [...r.evidence].sort((x, y) => x.doc.localeCompare(y.doc) || x.span[0] - y.span[0]);
    return {
      type: 'compliance', id: r.id, subject: r.subject, regime: provisions[0].resolution, provision: provisions[0].provision, reason: flagReason(provisions),
      regime_id: r.regime_id || null, regime_name: r.regime_name ?? null, provisions, evidence,
    };
  });
  return { items, total };
}
