/** The extractor end to end on sentences written for these tests, and on a generated corpus. */
import { describe, expect, it } from 'vitest';
import { createDocumentExtractor, createKnowledge } from '../src/extract/index.js';
import { createNlp } from '../src/nlp/nlp.js';
import { generateCorpus } from '../src/bench/corpus.js';

const nlp = createNlp();
const k = createKnowledge();
const extract = createDocumentExtractor(k, nlp);

function run(text: string, published = '2024-06-21', authors: string[] = []) {
  const sentences = nlp.sentences(text).map(([a, b], idx) => ({ idx, text: text.slice(a, b), start: a, paragraph: 0 }));
  return extract({ id: 'd_test', published, authors, text, sentences });
}

const ev = (x: ReturnType<typeof run>) => x.events.map((e) => `${e.source_country ?? e.source_org ?? e.source}>${e.target_country ?? e.target_org ?? e.target ?? '-'}:${e.cameo}:${e.modality}`);

describe('events', () => {
  it.each([
    ['Japan condemned China on Monday.', ['JPN>CHN:111:factual']],
    ['Russia imposed new sanctions on Japan.', ['RUS>JPN:163:factual']],
    ['Ukraine was supplied with tanks by Poland.', ['POL>UKR:062:factual']],
    ['Pyongyang has not sent troops to Belarus.', ['PRK>BLR:062:negated']],
    ['India may seek closer ties with France.', []],
    ['Egypt offered to mediate between Israel and Qatar.', ['EGY>ISR:039:factual', 'EGY>QAT:039:factual']],
    ['Brazil accused Argentina of violating the trade accord.', ['BRA>ARG:112:factual']],
    ['Norway denied selling weapons to Iran.', ['NOR>IRN:062:negated']],
  ])('%s', (text, expected) => {
    expect(ev(run(text)).sort()).toEqual([...expected].sort());
  });

  // the conventions added for wishes, refusals, threats, places and unnamed agents (README "Coding conventions")
  it.each([
    // an act on another state's territory targets it; drills only on its territory
    ['Turkish drones struck a convoy in Iraq\'s Duhok province.', ['TUR>IRQ:195:factual']],
    ['Belarus held joint exercises in Serbia last month.', ['BLR>SRB:150:factual']],
    ['Colombian students staged a protest in Madrid.', ['COL>ESP:141:factual']],
    // unnamed agents take the country that places them; unnamed armed men have none
    ['A court in Senegal ordered the arrest of two Malian nationals.', ['SEN>MLI:173:factual']],
    ['Gunmen attacked a checkpoint in Nigeria\'s Borno state.', ['group:unnamed-armed>NGA:190:factual']],
    // a stated wish is the event: cooperative → 03, coercive → 13; an appeal with an infinitive → 02
    ['Vietnam wants to expand defense cooperation with India.', ['VNM>IND:0312:factual']],
    ['Azerbaijan wants to punish Armenia for the shelling.', ['AZE>ARM:130:factual']],
    ['Kenya wants Ethiopia to reopen the border crossing.', ['KEN>ETH:025:sought']],
    // declared refusals are 12; a plain negation stays the act, negated
    ['Austria said it would not send weapons to Georgia.', ['AUT>GEO:121:factual']],
    ['Austria has not sent weapons to Georgia.', ['AUT>GEO:062:negated']],
    ['Peru vowed never to recognise the new government of Bolivia.', ['PER>BOL:120:factual']],
    // "said it would" by the actor itself: its intention
    ['Japan said it would impose sanctions on Myanmar.', ['JPN>MMR:1312:factual']],
    // responsibility claims, evidence, warrants, travel warnings
    ['The Taliban claimed responsibility for an attack on Pakistani soldiers.', ['AFG>PAK:015:factual', 'AFG>PAK:190:factual']],
    ['Lithuania presented evidence against Belarus to the court.', ['LTU>BLR:112:factual']],
    ['Canada advised its citizens against travel to Haiti.', ['CAN>HTI:160:factual']],
    // names typed in lower case
    ['egypt and sudan signed a water agreement on tuesday.', ['EGY>SDN:057:factual', 'SDN>EGY:057:factual']],
  ])('%s', (text, expected) => {
    expect(ev(run(text)).sort()).toEqual([...expected].sort());
  });

  it('codes joint subjects in both directions and a visit with its host', () => {
    expect(ev(run('Kenya and Ghana signed a trade agreement.')).sort()).toEqual(['GHA>KEN:057:factual', 'KEN>GHA:057:factual']);
    expect(ev(run('Emmanuel Macron visited Warsaw on Tuesday.', '2024-03-08')).sort()).toEqual(['FRA>POL:042:factual', 'POL>FRA:043:factual']);
  });

  it('resolves relative dates against the publication date, at their precision', () => {
    const dated = (s: string, pub: string) => run(s, pub).events.map((e) => e.date);
    expect(dated('Chile condemned Peru on Wednesday.', '2024-06-21')).toEqual(['2024-06-19']);
    expect(dated('Chile condemned Peru in June of last year.', '2024-06-21')).toEqual(['2023-06']);
    expect(dated('Chile condemned Peru on March 3.', '2024-06-21')).toEqual(['2024-03-03']);
    expect(dated('Chile condemned Peru on October 3.', '2024-06-21')).toEqual(['2023-10-03']);
    expect(dated('Chile condemned Peru in 2019.', '2024-06-21')).toEqual(['2019']);
    // a year that names the event, and "this year" with no story date to count from
    expect(dated('Kim Jong Un left the 2019 Hanoi summit with Donald Trump empty-handed.', '2023-09-13')).toEqual(['2019']);
    expect(dated('Chile condemned Peru this year.', null as unknown as string)).toEqual([null]);
  });

  it('points every event at its exact words and gives it a place when the text names one', () => {
    const text = 'The Kremlin said that Vladimir Putin met Kim Jong Un at the Vostochny Cosmodrome on Wednesday.';
    const x = run(text, '2023-09-15');
    const e = x.events.find((r) => r.source_country === 'RUS' && r.target_country === 'PRK');
    expect(e).toBeTruthy();
    expect(text.slice(e!.span[0], e!.span[1])).toBe(e!.quote);
    expect(e!.location?.name).toBe('Vostochny Cosmodrome');
    expect(e!.date).toBe('2023-09-13');
    expect(e!.attributed_to).toBe('RUSGOV');
  });

  it('gives unique event ids across a generated corpus', () => {
    for (const d of generateCorpus(150)) {
      const x = run(d.text, d.published);
      expect(new Set(x.events.map((e) => e.id)).size).toBe(x.events.length);
    }
  });
});

describe('actors', () => {
  it('keeps a co-author named Kim apart from Kim Jong Un', () => {
    const x = run('Ellen Kim argues that Kim Jong Un gained little. Kim notes that the North Korean leader wants food.', '2023-09-13', ['Ellen Kim', 'Victor Cha']);
    const ids = x.mentions.map((m) => `${m.text}=${m.actor}`);
    expect(ids).toContain('Ellen Kim=person:ellen-kim');
    expect(ids).toContain('Kim Jong Un=person:kim-jong-un');
    expect(ids).toContain('Kim=person:ellen-kim');
    expect(ids).toContain('the North Korean leader=person:kim-jong-un');
  });

  it('resolves a role phrase to the office holder on the date', () => {
    const who = (date: string) => run("Russia's defense minister toured a factory.", date).mentions.map((m) => m.actor);
    expect(who('2023-07-26')).toContain('person:sergei-shoigu');
    expect(who('2025-03-01')).toContain('person:andrei-belousov');
  });

  it('introduces a person the dictionaries lack from a title', () => {
    const x = run('Ukrainian military intelligence chief Kyrylo Budanov spoke on Friday.');
    const m = x.mentions.find((r) => r.text === 'Kyrylo Budanov');
    expect(m?.country).toBe('UKR');
  });
});

describe('claims, flows, agreements', () => {
  it('finds a hedged assessment with its words of estimative probability', () => {
    const x = run('Seoul probably sees the pact as a threat to its security.', '2024-06-21', ['Ana Ruiz']);
    expect(x.claims).toHaveLength(1);
    expect(x.claims[0]).toMatchObject({ holder: 'Ana Ruiz', holder_kind: 'author', kind: 'assessment', wep: 'probably' });
    expect(x.claims[0].likelihood).toBeCloseTo(0.7, 1);
  });

  it('records what flows from whom to whom, with status', () => {
    const x = run('Iran sold drones to Russia. Cuba seeks fuel from Venezuela.');
    const f = x.flows.map((r) => `${r.giver}>${r.receiver}:${r.category}:${r.status}`);
    expect(f).toContain('IRN>RUS:arms:delivered');
    expect(f).toContain('VEN>CUB:energy:sought');
  });

  it('finds a named treaty with its articles and flags arms from a sanctioned state', () => {
    const text = 'Kenya and Uganda signed the Treaty on Lake Security on 4 May 2021. Article 3 of the treaty provides for joint patrols. North Korea sold artillery shells to Russia.';
    const x = run(text, '2024-01-10');
    const a = x.agreements.find((r) => r.name.startsWith('Treaty on Lake Security'));
    expect(a?.parties).toEqual(['KEN', 'UGA']);
    expect(a?.signed).toBe('2021-05-04');
    expect(a?.articles.map((r) => r.number)).toEqual([3]);
    expect(x.compliance.some((c) => c.regime === 'UNSCR 1718' && /arms/.test(c.provision))).toBe(true);
  });
});
