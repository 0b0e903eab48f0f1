import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../core/doc.js';
import type { EventRecord } from '../../core/types.js';
import type { ActorKnowledge } from '../../knowledge/actors.js';
import { mention } from '../../../test/support/doc.js';
import { usedStage } from './index.js';

const countryName = new Map([['BLR', 'Belarus'], ['RUS', 'Russia']]);
const actors = {
  actors: new Map([['RUS', { id: 'RUS', name: 'Russia', kind: 'state', country: 'RUS', org: null, aliases: [] }]]),
  countryName,
  branch: (country: string, role: string) => ({ id: `${country}${role}`, name: `${role === 'CVL' ? 'Civilians' : role} of ${countryName.get(country)}`, kind: 'other', country, org: null, role, aliases: [] }),
} as unknown as ActorKnowledge;

describe('used', () => {
  it('lists the actors the mentions and events use, naming a branch an argument reader made', () => {
    const doc = makeDoc({ id: 'd', text: 'Russia detained people.', published: null, authors: [], sentences: [{ idx: 0, text: 'Russia detained people.', start: 0, paragraph: 0 }] });
    doc.actors = new Map();
    doc.mentions = [mention(doc.sentences[0], 'Russia', 'RUS')];
    doc.events = [{ source: 'RUS', target: 'BLRCVL' } as EventRecord];
    usedStage({ actors }).run(doc);
    expect(doc.used!.map((a) => `${a.id} ${a.name}`)).toEqual(['RUS Russia', 'BLRCVL Civilians of Belarus']);
  });
});
