/**
 * Stage `facts`: one event per fact. Within a sentence, a meeting during a visit between the
 * same sides is the visit ("arrived in Kyiv for talks with Zelensky") and an undated
 * restatement of a dated event is that event; across the document, the same source, target,
 * root, date and modality stated again elsewhere (a repeated paragraph, a summary of the lead)
 * is dropped, while two acts in one sentence stay two facts. Record ids are made unique.
 */
import type { Stage } from '../../core/doc.js';
import type { EventRecord } from '../../core/types.js';

/** the two sides of an event, unordered, by country, organisation or actor */
function dyadOf(e: EventRecord): string {
  const side = (id: string | null, c: string | null, o: string | null) => c ?? o ?? id ?? '';
  return [side(e.source, e.source_country, e.source_org), side(e.target, e.target_country, e.target_org)].sort().join('|');
}

/** One sentence's events, one per fact. */
export function onePerFact(coded: EventRecord[]): EventRecord[] {
  const visits = new Set(coded.filter((e) => e.cameo === '042' || e.cameo === '043').map(dyadOf));
  const fact = (e: EventRecord) => `${e.source}|${e.target}|${e.root}|${e.modality}`;
  const dated = new Set(coded.filter((e) => e.date).map(fact));
  return coded.filter((e) => !(e.root === '04' && e.cameo !== '042' && e.cameo !== '043' && visits.has(dyadOf(e))) && !(!e.date && dated.has(fact(e))));
}

export function factsStage(): Stage {
  return {
    name: 'facts',
    requires: ['coded'],
    assigns: ['events'],
    run(doc) {
      const events: EventRecord[] = [];
      const seen = new Map<string, { sentence: number; codes: Set<string> }>();
      const ids = new Set<string>();
      for (const s of doc.sentences) {
        for (const e of onePerFact(s.coded ?? [])) {
          const key = `${e.source}|${e.target}|${e.root}|${e.date}|${e.modality}`;
          const at = seen.get(key);
          if (at && (at.sentence !== s.idx || at.codes.has(e.cameo))) continue;
          if (at) at.codes.add(e.cameo);
          else seen.set(key, { sentence: s.idx, codes: new Set([e.cameo]) });
          // ids are unique within a document even when two records share words and actors
          for (let n = 2; ids.has(e.id); n++) e.id = `${e.id.split('~')[0]}~${n}`;
          ids.add(e.id);
          events.push(e);
        }
      }
      doc.events = events;
    },
  };
}
