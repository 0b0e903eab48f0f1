import { describe, expect, it } from 'vitest';
import { mention, oneSentenceDoc, patterns } from '../../../test/support/doc.js';
import { clauseKnowledge, runEventStages } from '../../../test/support/events.js';
import { locatingStage } from './index.js';

const k = clauseKnowledge(patterns({ verbs: { meet: { code: '040' }, pound: { code: '190' } } }));

function located(spec: string, place: string, loose: boolean) {
  const { doc, s } = oneSentenceDoc(spec, (s) => [mention(s, 'Lavrov', 'person:lavrov', { country: 'RUS' }), mention(s, 'Wang', 'person:wang-yi', { country: 'CHN' })]);
  const at = s.text.indexOf(place);
  s.places = [{ span: [at, at + place.length], location: { name: place, country: 'XXX', lat: 1, lon: 2 }, loose }];
  runEventStages(doc, k, [locatingStage(k)]);
  return s.triggers!.map((t) => t.location?.name ?? null);
}

describe('locating', () => {
  it('the place named in the clause', () => expect(located('Lavrov/PROPN met/VERB:meet Wang/PROPN in/ADP Vientiane/PROPN ./PUNCT', 'Vientiane', false)).toEqual(['Vientiane']));
  it('a city standing loose (an object, not a place) is no location', () => expect(located('Lavrov/PROPN met/VERB:meet Wang/PROPN near/ADP Vientiane/PROPN ./PUNCT', 'Vientiane', true)).toEqual([null]));
});
