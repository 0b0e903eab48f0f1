/**
 * The lexicon written from the CAMEO codebook (data/patterns/codebook.yaml, merged after
 * events.yaml by src/knowledge/patterns.ts): sentences of our own for the families that were
 * nearly empty (yield, investigate, demand, protest, reject, reduce relations), senses told
 * apart by the object, every code reachable from some pattern, and a key defined in two
 * pattern files stopping the loader with an error that names both files.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KnowledgeError } from '../src/core/errors.js';
import { createDocumentExtractor, createKnowledge } from '../src/extract/index.js';
import { loadCodebook } from '../src/knowledge/codebook.js';
import { DEFAULT_DATA_DIR } from '../src/knowledge/load.js';
import { loadPatterns, patternFiles } from '../src/knowledge/patterns.js';
import { createNlp } from '../src/nlp/nlp.js';
import { linkData, thrownBy } from './support/data.js';

const nlp = createNlp();
const k = createKnowledge();
const extract = createDocumentExtractor(k, nlp);

function events(text: string): string[] {
  const sentences = nlp.sentences(text).map(([a, b], idx) => ({ idx, text: text.slice(a, b), start: a, paragraph: 0 }));
  const x = extract({ id: 'd_lexicon', published: '2024-06-21', authors: [], text, sentences });
  return x.events.map((e) => `${e.source_country ?? e.source_org ?? e.source}>${e.target_country ?? e.target_org ?? e.target ?? '-'}:${e.cameo}`);
}

describe('codebook lexicon: families that had next to no wording', () => {
  it.each([
    // 08 yield
    // (a resignation aimed at nobody named is no event: only 14 and 15 go untargeted)
    ['Israel freed 30 Palestinian prisoners on Monday.', 'ISR>PSE:0841'],
    ['Turkey bowed to pressure from Sweden.', 'TUR>SWE:080'],
    ['Russia lifted the blockade of Ukrainian ports.', 'RUS>UKR:0872'],
    ['Iran allowed IAEA inspectors into its nuclear sites.', 'IRN>IAEA:0862'],
    // 09 investigate
    ['Ukraine investigated Russian war crimes in Bucha.', 'UKR>RUS:094'],
    // 10 demand
    ['France demanded a withdrawal of Russian troops from Ukraine.', 'FRA>RUS:1056'],
    ['Poland demanded reparations from Germany.', 'POL>DEU:1031'],
    // 11 disapprove
    ['Washington accused Beijing of espionage.', 'USA>CHN:1125'],
    ['South Africa brought a case against Israel at the World Court.', 'ZAF>ISR:115'],
    // 12 reject
    ['Iran ruled out direct negotiations with Washington.', 'IRN>USA:125'],
    ['Russia rejected Ukraine\'s peace plan.', 'RUS>UKR:127'],
    // 13 threaten
    ['Washington threatened Turkey with sanctions.', 'USA>TUR:1312'],
    // 14 protest
    ['Georgian protesters rioted against the government in Tbilisi.', 'GEO>GEO:145'],
    // 16 reduce relations
    ['China suspended imports from Japan.', 'CHN>JPN:163'],
    ['China unveiled countermeasures against the United States.', 'CHN>USA:163'],
    ['Mali expelled UN peacekeepers.', 'MLI>UN:1661'],
    ['Russia walked out of talks with Ukraine.', 'RUS>UKR:164'],
  ])('%s → %s', (text, want) => {
    expect(events(text)).toContain(want);
  });
});

describe('codebook lexicon: the object selects the sense', () => {
  it.each([
    ['Iran\'s navy blasted a Kuwaiti tanker with machine guns.', 'IRN>KWT:190', ':111'],
    ['The United States blasted China\'s trade policy.', 'USA>CHN:111', ':19'],
    ['Iraqi troops freed three towns from the Islamic State.', ':192', ':0841'],
    ['Iraq freed five Turkish prisoners.', 'IRQ>TUR:0841', ':192'],
    ['Washington targeted Iran with sweeping new sanctions.', 'USA>IRN:163', ':190'],
    ['India struck a deal with France.', 'IND>FRA:057', ':195'],
    ['Iran seized assets of British firms.', 'IRN>GBR:1711', ':192'],
    ['Russia seized the town of Avdiivka from Ukraine.', 'RUS>UKR:192', ':1711'],
  ])('%s', (text, want, not) => {
    const got = events(text);
    expect(got.some((e) => e.endsWith(want) || e === want)).toBe(true);
    expect(got.some((e) => e.endsWith(not) || e.includes(`${not}`))).toBe(false);
  });

  it('a released statement is no release of persons', () => {
    expect(events('Russia released a statement on the talks.')).toEqual([]);
  });
});

describe('codebook lexicon: light verbs, phrasal verbs and senses told apart (issue #12)', () => {
  it.each([
    // light-verb phrases: the noun carries the code
    ['Armenia and Azerbaijan put their signatures to a border treaty.', 'ARM>AZE:057'],
    ['Kenya made a phone call to Ethiopia on Monday.', 'KEN>ETH:041'],
    ['Serbia made a formal offer to Kosovo.', 'SRB>UNK:030'],
    ['Beijing gave a stern warning to Manila.', 'CHN>PHL:130'],
    ['Poland lent its support to Lithuania.', 'POL>LTU:051'],
    ['Chad raised concerns with Sudan over the border.', 'TCD>SDN:012'],
    ['Egypt entered into talks with Ethiopia.', 'EGY>ETH:040'],
    ['The Kremlin declined to comment on Ukraine\'s claims.', 'RUS>UKR:011'],
    ['Moldova delivered a warning to Russia.', 'MDA>RUS:130'],
    // phrasal verbs and verb + object classes
    ['Venezuela broke off diplomatic relations with Panama.', 'VEN>PAN:161'],
    ['Germany handed over weapons to Ukraine.', 'DEU>UKR:062'],
    ['Mexico sent two suspects to the United States.', 'MEX>USA:063'],
    ['The United States approved the sale of fighter jets to Turkey.', 'USA>TUR:062'],
    ['Washington designated the Houthis a terrorist organization.', 'USA>YEM:163'],
    ['Chinese coast guard ships harassed Philippine vessels.', 'CHN>PHL:170'],
    ['Japan disbursed a loan to Ukraine.', 'JPN>UKR:071'],
    ['Niger cautioned France against meddling.', 'NER>FRA:130'],
    ['Two American bombers flew over the Korean Peninsula on Monday.', 'USA>-:150'],
    ['The Kremlin dismissed Moldova\'s remarks as destabilizing.', 'RUS>MDA:111'],
    ['Panama flatly dismissed a suggestion by the United States.', 'PAN>USA:120'],
    ['Belarusian factory workers walked out in protest at the vote count.', 'BLR>-:143'],
    ['China has not excluded using force against Taiwan.', 'CHN>TWN:138'],
    ['The Taliban vowed a response to Pakistan.', 'AFG>PAK:130'],
    ['ECOWAS gave Niger one week to restore the president.', 'ECOWAS>NER:139'],
    ['Taipei said it would not accept a formula proposed by Beijing.', 'TWN>CHN:120'],
    ['Britain trained Ukrainian soldiers on Salisbury Plain.', 'GBR>UKR:072'],
    // nominals (README-events convention 16)
    ['Russia\'s troop build-up near Ukraine alarmed NATO.', 'RUS>UKR:154'],
    ['The deal drew praise from Washington for Egypt.', 'USA>EGY:051'],
    ['Japan\'s offer of talks to China was rejected.', 'JPN>CHN:036'],
    ['Russia\'s invitation to India surprised many.', 'RUS>IND:036'],
    ['Ukraine\'s request to Germany for tanks was approved.', 'UKR>DEU:020'],
  ])('%s → %s', (text, want) => {
    expect(events(text)).toContain(want);
  });

  it.each([
    // a sense that is no event, or another event, in context
    ['The minister delivered a speech to Ukraine\'s parliament.', ':062'],
    ['Critics called the reshuffle a manoeuvre by the president of Georgia.', ':150'],
    ['Millions of Yemenis require assistance from the United Nations.', ':100'],
    ['The Philippines granted the U.S. military access to four bases.', ':086'],
    ['Ukraine sold grain to Egypt.', ':062'],
    ['Russia and Ukraine held a prisoner exchange on Friday.', ':173'],
    ['Washington ruled out military action against Iran.', ':138'],
    ['Mozambique was hit by a cyclone, and Zimbabwe by floods.', ':190'],
    ['French and Indian troops will train together in Rajasthan.', ':072'],
    ['Syrian air defences intercepted Israeli missiles over Damascus.', ':150'],
    ['North Korea has stationed IT workers in Laos since 2022.', ':154'],
    ['Russia denied claims that it sends migrants to the Finnish border.', ':016'],
  ])('%s: not %s', (text, not) => {
    expect(events(text).some((e) => e.endsWith(not))).toBe(false);
  });

  it('selling arms stays military cooperation (062), selling grain is trade (061)', () => {
    expect(events('China sold fighter jets to Pakistan.')).toContain('CHN>PAK:062');
    expect(events('Ukraine sold grain to Egypt.')).toContain('UKR>EGY:061');
  });
});

describe('codebook lexicon: coverage', () => {
  it('every CAMEO code of the codebook is produced by some pattern (a root through its x0 code)', () => {
    const p = loadPatterns(DEFAULT_DATA_DIR);
    const used = new Set<string>();
    const add = (c: string | null | undefined) => c && used.add(c);
    for (const v of p.verbs.values()) {
      [v.code, v.reverse, v.with_target].forEach(add);
      Object.values(v.objects ?? {}).forEach(add);
      Object.values(v.from_source ?? {}).forEach(add);
    }
    for (const n of p.nouns.values()) {
      [n.code, n.reverse].forEach(add);
      Object.values(n.modifiers ?? {}).forEach(add);
      Object.values(n.of_object ?? {}).forEach(add);
    }
    const missing = loadCodebook(DEFAULT_DATA_DIR)
      .codes()
      .map((c) => c.code)
      .filter((c) => !used.has(c) && !(c.length === 2 && used.has(`${c}0`)));
    expect(missing).toEqual([]);
  });

  it('merges every patterns file, events.yaml first', () => {
    const files = patternFiles(DEFAULT_DATA_DIR);
    expect(files[0]).toBe('patterns/events.yaml');
    expect(files).toContain('patterns/codebook.yaml');
  });
});

describe('pattern files: one key, one file', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'statecraft-patterns-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  /** data/ as symlinks (lexicon left out: not needed to load patterns), plus one extra patterns file */
  let copies = 0;
  function withExtra(name: string, text: string): string {
    const dir = linkData(path.join(tmp, `copy-${++copies}`));
    writeFileSync(path.join(dir, 'patterns', name), text);
    return dir;
  }

  it('a verb defined in events.yaml and in another file is an error naming both files', () => {
    const dir = withExtra('zz-extra.yaml', 'version: 1\nverbs:\n  condemn: { code: "111" }\n');
    const thrown = thrownBy(() => loadPatterns(dir));
    expect(thrown).toBeInstanceOf(KnowledgeError);
    const err = thrown as KnowledgeError;
    expect(err.issue).toMatchObject({ file: 'patterns/zz-extra.yaml', path: 'verbs.condemn' });
    expect(err.message).toContain('patterns/zz-extra.yaml');
    expect(err.message).toContain('patterns/events.yaml');
    expect(err.issue.line).toBe(3);
  });

  it('a noun defined in two of the other files is an error too', () => {
    const dir = withExtra('zz-extra.yaml', 'version: 1\nverbs: {}\nnouns:\n  massacre: { code: "202", target: [of], source: [by] }\n');
    expect(() => loadPatterns(dir)).toThrow(/nouns\.massacre.*also defined in patterns\/codebook\.yaml/);
  });

  it('an extra file is checked against the patterns schema', () => {
    const dir = withExtra('zz-extra.yaml', 'version: 1\nverbs:\n  parley2: { code: "0499" }\n');
    expect(() => loadPatterns(dir)).toThrow(KnowledgeError);
  });
});
