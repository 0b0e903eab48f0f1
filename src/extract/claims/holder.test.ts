import { beforeAll, describe, expect, it } from 'vitest';
import { createDefaultPipeline, loadKnowledge } from '../../app/pipeline.js';
import type { ClaimRecord } from '../../core/types.js';

// the whole pipeline (tagger, mentions, clause reader) on news reports written for these tests
let claimsOf: (text: string) => ClaimRecord[];

beforeAll(async () => {
  const p = await createDefaultPipeline(await loadKnowledge());
  claimsOf = (text) => p.extract(p.build({ origin: 'test', locator: 't', text, kind: 'plain', published: '2024-06-01', authors: [], genre: 'news' })).claims;
}, 60_000);

const held = (cs: ClaimRecord[]) => cs.map((c) => [c.sentence, c.holder, c.kind]);

describe('who holds an attributed statement in a news report', () => {
  it('reads the speaker past an apposition and a relative clause, and a later "it" as that speaker', () => {
    const cs = claimsOf("NORDMIS, the European Union's monitoring mission, which has about 40 observers from Finland, Sweden and Estonia in the east, said a drone had crashed near one of its posts overnight; it urged both sides to show restraint.");
    expect(held(cs)).toEqual([
      [0, 'NORDMIS', 'assessment'],
      [0, 'NORDMIS', 'recommendation'],
    ]);
  });

  it('resolves "according to the ministry" and "who it said" to the body named before', () => {
    const cs = claimsOf("Norway's Defence Ministry said on Monday that a patrol had been attacked near the border. According to the ministry, 40 soldiers, who it said had been lightly wounded, were flown home to Oslo.");
    expect(cs.map((c) => [c.sentence, c.holder])).toEqual([
      [0, "Norway's Defence Ministry"],
      [1, "Norway's Defence Ministry"],
    ]);
  });

  it('gives verbs in a row one speaker, each statement its own kind, and no claim to a state the statement is about', () => {
    const cs = claimsOf('Maria Lopez, the foreign minister, said Chile would stay neutral in the dispute, praised the negotiators and warned that the talks could still fail.');
    expect(new Set(cs.map((c) => c.holder))).toEqual(new Set(['Maria Lopez']));
    expect(cs.map((c) => c.kind)).toContain('prediction');
  });

  it('reads no claim from narration: a noun like "states", a naming participle, a passive charge', () => {
    expect(claimsOf('The Baltic states approved a new budget for their joint air defence on Monday.')).toEqual([]);
    expect(claimsOf('A coalition called Red Dawn seized the town of Gao in northern Mali last week.')).toEqual([]);
    expect(claimsOf('She is accused of spying for Russia for more than a decade, court papers show.').filter((c) => c.holder === 'Russia')).toEqual([]);
    // a verb of speech whose object is no statement; a name after a preposition in an untagged sentence
    expect(claimsOf('The crowd cheered as Okonkwo said goodbye to his supporters in the square and left by car.')).toEqual([]);
    expect(claimsOf('The riots began over a new levy on Telegram calls, but they soon spread across the whole of the country.')).toEqual([]);
  });

  it('names one person one way, whatever the capitals', () => {
    const cs = claimsOf('DANIEL OKAFOR said the vote in Nigeria had been free and fair. Daniel Okafor added that the losing side should accept the result.');
    expect(cs.map((c) => c.holder)).toEqual(['Daniel Okafor', 'Daniel Okafor']);
  });

  it("gives a passive's statement to its agent", () => {
    expect(held(claimsOf('The plan was denounced by Brazil as illegal during the summit on Tuesday morning.'))).toEqual([[0, 'Brazil', 'assessment']]);
  });

  it('holds an unnamed source as the report describes it', () => {
    const cs = claimsOf('Hospital officials said two civilians were killed when a shell hit a market in the town.');
    expect(cs.map((c) => [c.holder, c.holder_kind])).toEqual([['Hospital officials', 'unknown']]);
  });

  it('names an acronym as the report spelled it out, and reads the speaker before a parenthesis', () => {
    const cs = claimsOf("Sweden's Maritime Safety Agency (SMSA) said on Monday that a tanker had run aground off Gotland. Divers were sent to the wreck, and the SMSA said the spill was small.");
    expect(cs.map((c) => [c.sentence, c.holder])).toEqual([
      [0, "Sweden's Maritime Safety Agency"],
      [1, "Sweden's Maritime Safety Agency"],
    ]);
  });

  it("gives a relative clause's verb to its antecedent, and 'it' to the body the sentence opened with", () => {
    expect(new Set(claimsOf('Ships were diverted from the strait overnight, and EOS Maritime Group, which noted that two tankers had been hit, urged owners to avoid the area.').map((c) => c.holder))).toEqual(new Set(['EOS Maritime Group']));
    expect(held(claimsOf('Lithuania closed its border crossing with Belarus on Friday, and later that day it said the closure would last a month.'))).toEqual([[0, 'Lithuania', 'prediction']]);
  });

  it('reads past a date between the speaker and the verb', () => {
    expect(claimsOf('Finnish Prime Minister Petteri Orpo late on Tuesday said Finland would keep the border with Russia closed.').map((c) => c.holder)).toEqual(['Petteri Orpo']);
  });

  it("reads each statement's kind and likelihood from its own words, before the verb when little follows it", () => {
    expect(claimsOf('"Iran will probably test another missile before the summer," Lena Park told reporters on Monday.').map((c) => [c.holder, c.kind, c.likelihood])).toEqual([['Lena Park', 'prediction', 0.7]]);
    const cs = claimsOf('Lena Park said Iran would probably test another missile, and urged Tehran to return to talks.');
    expect(cs.find((c) => c.kind === 'recommendation')).toMatchObject({ holder: 'Lena Park', likelihood: null, wep: null });
  });

  it('takes the person named in apposition to a description of them as the speaker', () => {
    const cs = claimsOf("Ghana's army spokesman, Col. Kwame Mensah Boateng, told a local radio station that three soldiers had been wounded in the north.");
    expect(cs.map((c) => c.holder)).toEqual(['Kwame Mensah Boateng']);
  });

  it('gives a body that names no state to the state of the speaker before it', () => {
    const cs = claimsOf('Foreign Minister Hakan Fidan told reporters in Ankara that the talks on Syria had stalled, and the Foreign Ministry said in a statement that Turkey would not withdraw its troops.');
    expect(cs.map((c) => c.holder)).toEqual(['Hakan Fidan', 'Foreign Ministry']);
    expect(cs[1].holder_actor).not.toBeNull();
    expect(cs[1].holder_actor).toMatch(/^TUR/);
  });

  it('reads a common noun opening a sentence as a description, not a name', () => {
    const cs = claimsOf('Dutch prosecutors said on Monday they had charged two men with smuggling arms to Libya. Prosecutors later said both men had denied the charges.');
    expect(cs.map((c) => [c.sentence, c.holder_actor])).toEqual([
      [0, cs[0].holder_actor],
      [1, cs[0].holder_actor],
    ]);
    expect(cs[0].holder_actor).toMatch(/^NLD/);
  });

  it('gives a surname to the speaker of the report who goes by it', () => {
    const cs = claimsOf('Kim Yo Jong warned on Sunday that the North would answer the joint drills. In a statement carried by state media, Kim said the South had crossed a red line.');
    expect(cs.map((c) => c.holder)).toEqual(['Kim Yo Jong', 'Kim Yo Jong']);
    const lo = claimsOf('Police Commissioner Arvid Lo Mendes declared that the march had been banned. Crowds gathered anyway near the harbour, and Lo said officers had made several arrests.');
    expect(lo.map((c) => c.holder_actor)).toEqual([lo[0].holder_actor, lo[0].holder_actor]);
    expect(lo[0].holder_actor).not.toBeNull();
  });

  it("gives a relative clause after a description of a person to that person", () => {
    const cs = claimsOf('Prosecutors said on Monday that the son of Tomas Varga, an ultra-conservative activist who argues that Slovakia should leave NATO, had died in a fire near Kosice.');
    expect(cs.find((c) => c.holder === 'Tomas Varga')).toMatchObject({ kind: 'recommendation' });
  });
});
