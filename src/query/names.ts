/** Names for ids: what the faces show in place of actor ids and record ids (issue #16, names first). */
import type { Queryable } from '../store/store.js';

/** every stored actor's id → name */
export async function actorNames(q: Queryable): Promise<Record<string, string>> {
  const rows = await q.query<{ id: string; name: string }>('SELECT id, name FROM actors');
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

export interface SubjectFacts {
  id: string;
  kind: 'event' | 'flow';
  source: string | null;
  target: string | null;
  cameo: string | null;
  date: string | null;
  item: string | null;
  category: string | null;
  status: string | null;
}

/** what a compliance subject (an event or a flow id) is: its sides and what was done or given */
export async function subjectFacts(q: Queryable, ids: string[]): Promise<Map<string, SubjectFacts>> {
  if (!ids.length) return new Map();
  const rows = await q.query<SubjectFacts>(
    `SELECT DISTINCT ON (id) * FROM (
       SELECT e.id, 'event' AS kind, coalesce(e.source, e.source_country, e.source_org) AS source, coalesce(e.target, e.target_country, e.target_org) AS target,
              e.cameo, e.date, NULL AS item, NULL AS category, NULL AS status
         FROM events e WHERE e.id = ANY($1::text[])
       UNION ALL
       SELECT f.flow_id, 'flow', f.giver, f.receiver, NULL, NULL, f.item, f.category, f.status
         FROM flow_evidence f WHERE f.flow_id = ANY($1::text[])
     ) x ORDER BY id`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** the actor an input names: its id, or its name or an alias in any case; with near names when none does */
export async function findActor(q: Queryable, input: string): Promise<{ id: string | null; near: { id: string; name: string }[] }> {
  const exact = await q.query<{ id: string }>(
    `SELECT id FROM actors WHERE id = $1 OR lower(name) = lower($1)
        OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(aliases) a WHERE lower(a) = lower($1))
      ORDER BY (id = $1) DESC, (lower(name) = lower($1)) DESC, id LIMIT 1`,
    [input],
  );
  if (exact.length) return { id: exact[0].id, near: [] };
  const near = await q.query<{ id: string; name: string }>(
    `SELECT id, name FROM actors WHERE strpos(lower(name), lower($1)) > 0 OR strpos(lower(id), lower($1)) > 0 ORDER BY length(name), id LIMIT 3`,
    [input.slice(0, 100)],
  );
  return { id: null, near };
}
