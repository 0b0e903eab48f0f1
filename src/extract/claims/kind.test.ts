import { beforeAll, describe, expect, it } from 'vitest';
import { createDefaultPipeline, loadKnowledge } from '../../app/pipeline.js';
import type { ClaimRecord } from '../../core/types.js';

// the whole pipeline on news reports written for these tests: the kind of what a report attributes
let claimsOf: (text: string) => ClaimRecord[];

beforeAll(async () => {
  const p = await createDefaultPipeline(await loadKnowledge());
  claimsOf = (text) => p.extract(p.build({ origin: 'test', locator: 't', text, kind: 'plain', published: '2024-06-01', authors: [], genre: 'news' })).claims;
}, 60_000);

const kinds = (text: string) => claimsOf(text).map((c) => c.kind);

describe('the kind of an attributed statement in a news report', () => {
  it('reads what the speaker says they will do as a motive', () => {
    expect(kinds('Norway said on Monday it would send two more frigates to the Baltic Sea this summer.')).toEqual(['motive']);
    expect(kinds('The Norwegian defence ministry said Norway will open a new air base in the far north next year.')).toEqual(['motive']);
  });

  it('reads what the speaker says will happen to others, or will do on a condition, as a prediction', () => {
    expect(kinds('Norway said on Monday the exercise would last until the end of June.')).toEqual(['prediction']);
    expect(kinds('Norway said on Monday it would close its ports to the ships if the fishing dispute went on.')).toEqual(['prediction']);
    expect(kinds('Norway said on Monday it would never accept any change to the treaty.')).toEqual(['prediction']);
  });

  it('reads a plan or an intention as a motive, but not a thing ready to be done', () => {
    expect(kinds('The Finnish defence ministry said it was ready to start talks with Sweden on a joint brigade.')).toEqual(['motive']);
    expect(kinds('Sweden said the two sides had agreed to hold joint patrols along the coast.')).toEqual(['motive']);
    expect(kinds('Sweden said the text of the accord was ready to be signed by both parliaments.')).toEqual(['assessment']);
  });

  it('reads a long subject up to its future modal, and a finite verb before it as no future', () => {
    expect(kinds('Norway said the naval drills, planned with Danish and Swedish units, would last until the end of June.')).toEqual(['prediction']);
    expect(kinds('Norway said the frigates were already at sea and would dock in Tromso on Friday.')).toEqual(['assessment']);
  });

  it('reads what someone had to do, in reported speech, as a recommendation', () => {
    expect(kinds('The Danish police said protesters had to keep away from the parliament building.')).toEqual(['recommendation']);
    expect(kinds('Denmark requested that the fishing boats be moved out of the strait by Sunday.')).toEqual(['recommendation']);
  });
});
