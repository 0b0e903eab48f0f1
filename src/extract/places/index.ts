/**
 * Stage `places`: the places each prose sentence names — gazetteer sites, countries' cities and
 * regions, towns introduced as such ("the city of Nablus"), and capitals the actor stage read as
 * places ("in Pyongyang"). A city not introduced by a locative word is kept `loose`: an act's
 * object ("pounded Kharkiv"), never the act's location.
 */
import type { KeyToken, PlaceHit, Stage } from '../../core/doc.js';
import type { Mention } from '../../core/types.js';
import type { Lexicon } from '../../knowledge/lexicon.js';
import type { Gazetteer, Place } from '../../knowledge/places.js';

export interface PlacesKnowledge {
  places: Gazetteer;
  lexicon: Lexicon;
}

export function createPlaceFinder(k: PlacesKnowledge) {
  const LOCATIVE = k.lexicon.words('place_locatives');
  const PLACE_NOUNS = k.lexicon.words('place_nouns');
  const TOWN_NOUNS = k.lexicon.words('town_nouns');

  /** "the city of Nablus", "the town of Bakhmut": any town the gazetteer holds, named as one */
  function townAt(toks: KeyToken[], i: number): [number, Place[]] | null {
    if (i < 2 || toks[i - 1].key !== 'of' || !TOWN_NOUNS.has(toks[i - 2].key)) return null;
    for (let end = Math.min(toks.length, i + 3); end > i; end--) {
      if (!toks.slice(i, end).every((t) => t.cap)) continue;
      const p = k.places.town(toks.slice(i, end).map((t) => t.key));
      if (p) return [end, [p]];
    }
    return null;
  }

  return function placesIn(toks: KeyToken[], mentions: Mention[]): PlaceHit[] {
    const out: PlaceHit[] = [];
    for (let i = 0; i < toks.length; i++) {
      const hit = k.places.trie.longestAt(toks, i) ?? townAt(toks, i);
      if (!hit || !toks[i].cap) continue;
      const [end, places] = hit;
      // "Granada, Spain", "Tripoli, Lebanon": the country named after the comma chooses among the towns of that name
      const after = toks[end]?.key === ',' ? mentions.find((m) => m.span[0] === toks[end + 1]?.start && m.country && !m.actor.includes(':')) : undefined;
      let p = (after && places.find((x) => x.country === after.country)) || places.find((x) => x.kind === 'site') || places[0];
      if (after && p.country !== after.country) {
        // a town of that name the gazetteer does not hold: the named country, at its capital's coordinates
        const cap = k.places.capital(after.country!);
        p = { ...p, country: after.country, lat: cap?.lat ?? p.lat, lon: cap?.lon ?? p.lon };
      }
      const prev = toks[i - 1]?.key;
      // a site is a place wherever it stands; a city only after a locative word
      const named = (w?: string) => !!w && PLACE_NOUNS.has(w);
      // "in Kherson", "the city Aleppo", "the city of Kherson": named as a place
      const loose = !(p.kind === 'site' || (prev && (LOCATIVE.has(prev) || named(prev) || (prev === 'of' && named(toks[i - 2]?.key)))));
      out.push({ span: [toks[i].start, toks[end - 1].end], location: { name: p.name, country: p.country, lat: p.lat, lon: p.lon }, loose });
      i = end - 1;
    }
    // capitals used as places ("in Pyongyang") by the actor stage
    for (const m of mentions) {
      if (m.via !== 'place' || out.some((o) => o.span[0] <= m.span[0] && o.span[1] >= m.span[1])) continue;
      const cap = m.country ? k.places.capital(m.country) : null;
      if (cap && m.actor.endsWith('GOV')) out.push({ span: m.span, location: { name: cap.name, country: cap.country, lat: cap.lat, lon: cap.lon } });
    }
    return out;
  };
}

export function placesStage(k: PlacesKnowledge): Stage {
  const placesIn = createPlaceFinder(k);
  return {
    name: 'places',
    requires: ['keys', 'actors'],
    assigns: ['places'],
    run(doc) {
      for (const s of doc.sentences) if (s.prose) s.places = placesIn(s.keys!, s.mentions!);
    },
  };
}
