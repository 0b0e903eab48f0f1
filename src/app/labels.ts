/**
 * Names first (issue #16): what the CLI and the dashboard show in place of ids and codes.
 * Actor ids ("PRKGOV", "person:kim-jong-un") become the actor's name, country codes the
 * country's name (also for countries no text named as an actor), CAMEO codes their own
 * codebook label (a four-digit code its own, not its root's), and a compliance subject (an
 * event or flow id) the words of what it is.
 */
import { loadCodebook } from '../knowledge/codebook.js';
import { DEFAULT_DATA_DIR } from '../knowledge/load.js';
import { actorNames, findActor, subjectFacts } from '../query/names.js';
import { StatecraftError } from '../core/errors.js';
import type { Store } from './store.js';
import { countryNames, createCountryResolver } from './countries.js';

export interface Labels {
  /** actor id → name */
  actors: Record<string, string>;
  /** ISO alpha-3 → name */
  countries: Record<string, string>;
  /** CAMEO code (2–4 digits) → its codebook label */
  cameo: Record<string, string>;
}

export async function loadLabels(store: Store): Promise<Labels> {
  const cameo = Object.fromEntries(loadCodebook(DEFAULT_DATA_DIR).codes().map((c) => [c.code, c.label]));
  return { actors: await actorNames(store), countries: countryNames(), cameo };
}

/** the name of an actor id, a country code or an "org:" node; the id itself when nothing names it */
export function nameOf(l: Labels, id: string | null | undefined): string {
  if (!id) return '';
  return l.actors[id] ?? l.countries[id] ?? id;
}

/** "Government of North Korea (PRKGOV)": the name first, the id beside it when it differs */
export function nameAndId(l: Labels, id: string | null | undefined): string {
  if (!id) return '';
  const n = nameOf(l, id);
  return n === id ? id : `${n} (${id})`;
}

/** a CAMEO code with its own label: "0862 Receive inspectors" (a code the book lacks: its nearest parent's) */
export function cameoLabel(l: Labels, code: string | null | undefined): string {
  if (!code) return '';
  for (let c = code; c.length >= 2; c = c.slice(0, -1)) if (l.cameo[c]) return `${code} ${l.cameo[c]}`;
  return code;
}

/**
 * compliance records with `subject_label`, the flagged event or flow in words, names first with
 * the code beside them ("Kim Jong Un (person:kim-jong-un) → Russia (RUS): cooperate militarily
 * (CAMEO 062), 2022-11"), and `subject_kind` (`event` or `flow`)
 */
export async function describeSubjects<T extends { subject?: unknown }>(store: Store, items: T[], labels?: Labels): Promise<(T & { subject_label: string; subject_kind: 'event' | 'flow' | null })[]> {
  const l = labels ?? (await loadLabels(store));
  const facts = await subjectFacts(store, [...new Set(items.map((i) => String(i.subject)))]);
  return items.map((i) => {
    const f = facts.get(String(i.subject));
    let label = String(i.subject);
    if (f?.kind === 'event') {
      const code = f.cameo ? cameoLabel(l, f.cameo) : '';
      const act = code ? `${code.slice(f.cameo!.length + 1) || 'an act'} (CAMEO ${f.cameo})` : 'an act';
      label = `${nameAndId(l, f.source) || 'someone'} → ${nameAndId(l, f.target) || 'no one named'}: ${act}${f.date ? `, ${f.date}` : ''}`;
    } else if (f?.kind === 'flow') label = `${nameAndId(l, f.source) || 'an unnamed giver'} → ${nameAndId(l, f.target) || 'an unnamed receiver'}: ${f.item} (${f.category}, ${f.status})`;
    return { ...i, subject_label: label, subject_kind: f?.kind ?? null };
  });
}

/**
 * What a user typed in an "actor or country" field: an actor id ("PRKGOV", "person:kim-jong-un"),
 * a country by code, name or demonym ("RUS", "Russia", "Russian": any actor of that country),
 * or an actor's name or alias ("Kim Jong Un"). Anything else is an E301 error that says the value
 * is unknown and suggests near names: the CLI prints it, the API answers it as a 400.
 */
export async function resolveActorOrCountry(store: Store, input: string, option: string): Promise<{ actor?: string; country?: string }> {
  const raw = input.trim();
  const found = await findActor(store, raw);
  // a state's own id is its country code: that means any actor of the country, as a name does
  if (found.id && found.id === raw && !/^[A-Z]{3}$/.test(raw)) return { actor: raw };
  try {
    return { country: createCountryResolver()(raw, option) };
  } catch {
    /* not a country: an actor's name, or unknown */
  }
  if (found.id) return found.id.length === 3 && /^[A-Z]{3}$/.test(found.id) ? { country: found.id } : { actor: found.id };
  const near = found.near.map((a) => `"${a.name}" (${a.id})`);
  throw new StatecraftError('E301', `${option} "${input}": not a known actor or country; give an actor id, a name or a country (e.g. RUS, "Russia", "Kim Jong Un")${near.length ? `; did you mean ${near.join(', ')}?` : ''}`);
}
