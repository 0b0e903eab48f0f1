/** Writing extracted records: actors, mentions, events, claims, flows, agreements, compliance. */
import type { Extraction } from '../core/doc.js';
import type { Actor } from '../core/types.js';
import type { Queryable } from './types.js';

/** one document's extraction, to be written under its id */
export interface DocExtraction {
  docId: string;
  x: Extraction;
}

/**
 * Insert or merge actors (shared by every document). Rows are written in id order, once each:
 * concurrent writers on one PostgreSQL server then lock shared actors in the same order and
 * cannot deadlock, and one statement never touches a row twice.
 */
export async function upsertActors(q: Queryable, given: Actor[]): Promise<void> {
  await upsertActorsOf(q, [given]);
}

/** an actor's aliases as one document gives them (its duplicates merged, in first-seen order) */
function actorsOfDocument(given: Actor[]): Map<string, Actor> {
  const byId = new Map<string, Actor>();
  for (const a of given) {
    const had = byId.get(a.id);
    byId.set(a.id, had ? { ...had, aliases: [...new Set([...had.aliases, ...a.aliases])] } : a);
  }
  return byId;
}

/**
 * The actors of several documents in one statement, with the rows that writing them one
 * document after another would leave: an actor first met in this batch keeps the first
 * document's fields and, when only one document names it, that document's aliases as given;
 * named by more (or already stored), its aliases become the distinct union as the update
 * below orders it (jsonb_agg DISTINCT), which is what a second per-document upsert made.
 */
async function upsertActorsOf(q: Queryable, perDocument: Actor[][]): Promise<void> {
  const merged = new Map<string, { actor: Actor; aliases: string[]; docs: number }>();
  for (const given of perDocument) {
    for (const a of actorsOfDocument(given).values()) {
      const had = merged.get(a.id);
      if (had) {
        had.aliases.push(...a.aliases);
        had.docs++;
      } else merged.set(a.id, { actor: a, aliases: [...a.aliases], docs: 1 });
    }
  }
  if (merged.size === 0) return;
  const rows = [...merged.values()].sort((a, b) => (a.actor.id < b.actor.id ? -1 : a.actor.id > b.actor.id ? 1 : 0));
  const actors = rows.map((r) => r.actor);
  await q.query(
    `INSERT INTO actors (id, name, kind, country, org, role, successor, aliases)
     SELECT id, name, kind, country, org, role, successor,
       CASE WHEN many THEN (SELECT coalesce(jsonb_agg(DISTINCT a), '[]'::jsonb) FROM jsonb_array_elements(aliases) a) ELSE aliases END
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::bool[])
       AS t(id, name, kind, country, org, role, successor, aliases, many)
     ON CONFLICT (id) DO UPDATE SET aliases = (
       SELECT coalesce(jsonb_agg(DISTINCT a), '[]'::jsonb) FROM jsonb_array_elements(actors.aliases || EXCLUDED.aliases) a)`,
    [actors.map((a) => a.id), actors.map((a) => a.name), actors.map((a) => a.kind), actors.map((a) => a.country), actors.map((a) => a.org),
      actors.map((a) => a.role ?? null), actors.map((a) => a.successor ?? null), rows.map((r) => JSON.stringify(r.aliases)), rows.map((r) => r.docs > 1)],
  );
}

/** rows of every document, each with its document's id first */
function rowsOf<R>(items: DocExtraction[], pick: (x: Extraction) => R[]): { ids: string[]; rows: R[]; nth: number[] } {
  const ids: string[] = [];
  const rows: R[] = [];
  const nth: number[] = [];
  for (const { docId, x } of items) {
    pick(x).forEach((r, i) => {
      ids.push(docId);
      rows.push(r);
      nth.push(i);
    });
  }
  return { ids, rows, nth };
}

export async function saveExtraction(q: Queryable, docId: string, x: Extraction): Promise<void> {
  await saveExtractions(q, [{ docId, x }]);
}

/**
 * Write the extractions of several documents (#15 batched writes): one statement a table for
 * them all, rows in document order, so the rows are those that one call a document would leave.
 */
export async function saveExtractions(q: Queryable, items: DocExtraction[]): Promise<void> {
  await upsertActorsOf(q, items.map((i) => i.x.actors));
  const { ids: mi, rows: m, nth } = rowsOf(items, (x) => x.mentions);
  if (m.length) {
    await q.query(
      `INSERT INTO mentions (doc_id, idx, sentence, start_off, end_off, text, actor_id, country, org, role, via)
       SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])`,
      [mi, nth, m.map((x) => x.sentence), m.map((x) => x.span[0]), m.map((x) => x.span[1]), m.map((x) => x.text),
        m.map((x) => x.actor), m.map((x) => x.country), m.map((x) => x.org), m.map((x) => x.role), m.map((x) => x.via)],
    );
  }
  await saveAnalyses(q, items);
  const { ids: ei, rows: e } = rowsOf(items, (x) => x.events);
  if (e.length) {
    await q.query(
      `INSERT INTO events (doc_id, id, sentence, start_off, end_off, quote, source, source_country, source_org, source_role,
         target, target_country, target_org, target_role, cameo, root, plover, plover_mode, goldstein, quad, date, date_sort,
         location, modality, form, attributed_to, confidence, cluster, reason)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
         $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::real[], $20::int[],
         $21::text[], $22::date[], $23::jsonb[], $24::text[], $25::text[], $26::text[], $27::real[], $28::text[], $29::text[])`,
      [ei, e.map((x) => x.id), e.map((x) => x.sentence), e.map((x) => x.span[0]), e.map((x) => x.span[1]), e.map((x) => x.quote),
        e.map((x) => x.source), e.map((x) => x.source_country), e.map((x) => x.source_org), e.map((x) => x.source_role),
        e.map((x) => x.target), e.map((x) => x.target_country), e.map((x) => x.target_org), e.map((x) => x.target_role),
        e.map((x) => x.cameo), e.map((x) => x.root), e.map((x) => x.plover), e.map((x) => x.plover_mode ?? null), e.map((x) => x.goldstein), e.map((x) => x.quad),
        e.map((x) => x.date), e.map((x) => (x.date ? dateSort(x.date) : null)), e.map((x) => (x.location ? JSON.stringify(x.location) : null)),
        e.map((x) => x.modality), e.map((x) => x.form), e.map((x) => x.attributed_to), e.map((x) => x.confidence), e.map((x) => x.cluster), e.map((x) => x.reason)],
    );
  }
}

export async function saveAnalysis(q: Queryable, docId: string, x: Extraction): Promise<void> {
  await saveAnalyses(q, [{ docId, x }]);
}

async function saveAnalyses(q: Queryable, items: DocExtraction[]): Promise<void> {
  const { ids: ci, rows: c } = rowsOf(items, (x) => x.claims);
  if (c.length) {
    await q.query(
      `INSERT INTO claims (doc_id, id, sentence, start_off, end_off, quote, holder, holder_kind, kind, about, likelihood, wep)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::jsonb[], $11::real[], $12::text[])`,
      [ci, c.map((r) => r.id), c.map((r) => r.sentence), c.map((r) => r.span[0]), c.map((r) => r.span[1]), c.map((r) => r.quote), c.map((r) => r.holder),
        c.map((r) => r.holder_kind), c.map((r) => r.kind), c.map((r) => JSON.stringify(r.about)), c.map((r) => r.likelihood), c.map((r) => r.wep)],
    );
  }
  const { ids: fi, rows: f } = rowsOf(items, (x) => x.flows);
  if (f.length) {
    await q.query(
      `INSERT INTO flow_evidence (doc_id, flow_id, giver, receiver, item, category, status, start_off, end_off, quote)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::int[], $10::text[])
       ON CONFLICT DO NOTHING`,
      [fi, f.map((r) => r.id), f.map((r) => r.giver), f.map((r) => r.receiver), f.map((r) => r.item), f.map((r) => r.category), f.map((r) => r.status),
        f.map((r) => r.span[0]), f.map((r) => r.span[1]), f.map((r) => r.quote)],
    );
  }
  const { ids: ai, rows: a } = rowsOf(items, (x) => x.agreements);
  if (a.length) {
    await q.query(
      `INSERT INTO agreement_evidence (doc_id, agreement_id, name, parties, signed, status, articles, start_off, end_off, quote)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::text[], $6::text[], $7::jsonb[], $8::int[], $9::int[], $10::text[])
       ON CONFLICT DO NOTHING`,
      [ai, a.map((r) => r.agreement), a.map((r) => r.name), a.map((r) => JSON.stringify(r.parties)), a.map((r) => r.signed), a.map((r) => r.status),
        a.map((r) => JSON.stringify(r.articles)), a.map((r) => r.span[0]), a.map((r) => r.span[1]), a.map((r) => r.quote)],
    );
  }
  const { ids: ki, rows: k } = rowsOf(items, (x) => x.compliance);
  if (k.length) {
    await q.query(
      `INSERT INTO compliance (doc_id, id, subject, regime, provision, reason, start_off, end_off, quote)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::text[]) ON CONFLICT DO NOTHING`,
      [ki, k.map((r) => r.id), k.map((r) => r.subject), k.map((r) => r.regime), k.map((r) => r.provision), k.map((r) => r.reason), k.map((r) => r.span[0]), k.map((r) => r.span[1]), k.map((r) => r.quote)],
    );
  }
}

/** The first day of an ISO date at any precision, for sorting and range filters. */
export function dateSort(d: string): string {
  if (/^\d{4}$/.test(d)) return `${d}-01-01`;
  if (/^\d{4}-\d{2}$/.test(d)) return `${d}-01`;
  return d;
}

/** Remove a document's extracted records (for `reprocess`). */
export async function clearExtraction(q: Queryable, docId: string): Promise<void> {
  for (const t of ['claims', 'flow_evidence', 'agreement_evidence', 'compliance']) await q.query(`DELETE FROM ${t} WHERE doc_id = $1`, [docId]);
  await q.query('DELETE FROM events WHERE doc_id = $1', [docId]);
  await q.query('DELETE FROM mentions WHERE doc_id = $1', [docId]);
}
