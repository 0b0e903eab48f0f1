import { describe, expect, it } from 'vitest';
import { codebook, mention, oneSentenceDoc, patterns } from '../../../test/support/doc.js';
import { clauseKnowledge, runEventStages } from '../../../test/support/events.js';
import { codingStage, onePerAct } from './index.js';
import { pairsOf } from './pairs.js';
import { distinct } from '../clause/parts.js';

const k = clauseKnowledge(patterns({ verbs: { visit: { code: '042', reverse: '043' }, meet: { code: '040', symmetric: true } }, nouns: { drill: { code: '150', no_target: true } } }));
const cb = codebook({ '042': 'Make a visit', '043': 'Host a visit', '040': 'Consult', '150': 'Demonstrate military power' });

function events(spec: string, ms: (s: { text: string }) => ReturnType<typeof mention>[]) {
  const { doc, s } = oneSentenceDoc(spec, ms);
  runEventStages(doc, k, [codingStage({ codebook: cb })]);
  return s.coded!;
}

describe('coding', () => {
  it('a visit is coded both ways, with the words from source to target', () => {
    const ev = events('Modi/PROPN visited/VERB:visit Moscow/PROPN ./PUNCT', (s) => [mention(s, 'Modi', 'person:modi', { country: 'IND' }), mention(s, 'Moscow', 'RUSGOV')]);
    expect(ev.map((e) => `${e.source}→${e.target} ${e.cameo} ${e.quote}`)).toEqual(['person:modi→RUSGOV 042 Modi visited Moscow', 'RUSGOV→person:modi 043 Modi visited Moscow']);
    expect(ev[0].reason).toMatch(/^clause "visit" → 042 Make a visit; source "Modi" \(subject\); target "Moscow" \(object\)/);
  });

  it('joint subjects of a symmetric verb: one event each way', () => {
    const ev = events('Kim/PROPN and/CCONJ Putin/PROPN met/VERB:meet ./PUNCT', (s) => [mention(s, 'Kim', 'PRK'), mention(s, 'Putin', 'RUS')]);
    expect(ev.map((e) => `${e.source}→${e.target}`)).toEqual(['PRK→RUS', 'RUS→PRK']);
  });

  it('a joint drill: one untargeted event per participant, no dyad between partners', () => {
    const ev = events('China/PROPN and/CCONJ Russia/PROPN held/VERB:hold drills/NOUN:drill ./PUNCT', (s) => [mention(s, 'China', 'CHN'), mention(s, 'Russia', 'RUS')]);
    expect(ev.map((e) => `${e.source}→${e.target} ${e.cameo}`)).toEqual(['CHN→null 150', 'RUS→null 150']);
  });

  it('nobody hosts a visit that did not happen', () => {
    const m = (actor: string) => ({ m: { doc: 'd', sentence: 0, span: [0, 1] as [number, number], text: actor, actor, country: actor, org: null, role: null, via: 'dict' }, how: 'subject' });
    const tr = { tok: 0, end: 0, code: '042', pattern: 'visit', form: 'clause' as const, sources: [m('IND')], targets: [m('RUS')], symmetric: false, reverse: '043', noTarget: false };
    expect(pairsOf(tr, 'negated', new Set()).map((p) => p[2])).toEqual(['042']);
    expect(pairsOf(tr, 'factual', new Set()).map((p) => p[2])).toEqual(['042', '043']);
  });

  it('coordinated parties of a mutual act with no target act on one another; of other acts, side by side', () => {
    const m = (actor: string) => ({ m: { doc: 'd', sentence: 0, span: [0, 1] as [number, number], text: actor, actor, country: actor, org: null, role: null, via: 'dict' }, how: 'subject' });
    const tr = (code: string) => ({ tok: 0, end: 0, code, pattern: 'x', form: 'clause' as const, sources: [m('ARM'), m('AZE')], targets: [], symmetric: false, noTarget: false });
    // "Armenia and Azerbaijan declared a ceasefire"
    expect(pairsOf(tr('0871'), 'factual', new Set(), { mutual: ['046', '057', '087'] }).map((p) => `${p[0].m.actor}→${p[1]?.m.actor} ${p[2]}`)).toEqual(['ARM→AZE 0871', 'AZE→ARM 0871']);
    // "Armenia and Azerbaijan welcomed the decision": no dyad between them
    expect(pairsOf(tr('051'), 'factual', new Set(), { mutual: ['046', '057', '087'] })).toEqual([]);
  });

  it("a country's crowd protesting at nobody named protests against its own state; a state's own untargeted act stays untargeted", () => {
    const m = (actor: string, country: string, role: string | null) => ({ m: { doc: 'd', sentence: 0, span: [0, 1] as [number, number], text: actor, actor, country, org: null, role, via: 'role' }, how: 'subject' });
    const tr = (src: ReturnType<typeof m>, code: string) => ({ tok: 0, end: 0, code, pattern: 'x', form: 'clause' as const, sources: [src], targets: [], symmetric: false, noTarget: false });
    const street = new Set(['OPP', 'CVL']);
    // "Thousands of protesters rallied in Tbilisi"
    expect(pairsOf(tr(m('GEOOPP', 'GEO', 'OPP'), '141'), 'factual', new Set(['14', '15']), { streetRoles: street }).map((p) => `${p[0].m.actor}→${p[1]?.m.actor ?? null}`)).toEqual(['GEOOPP→GEO']);
    // "Russia held naval drills": no one named, no one implied
    expect(pairsOf(tr(m('RUS', 'RUS', null), '150'), 'factual', new Set(['14', '15']), { streetRoles: street }).map((p) => `${p[0].m.actor}→${p[1]?.m.actor ?? null}`)).toEqual(['RUS→null']);
  });

  it("a government's act on its own people with no target named (stepping down, a curfew) is aimed at its public; a group's is not", () => {
    const m = (actor: string, country: string | null, role: string | null) => ({ m: { doc: 'd', sentence: 0, span: [0, 1] as [number, number], text: actor, actor, country, org: null, role, via: 'dict' }, how: 'subject' });
    const tr = (src: ReturnType<typeof m>, code: string) => ({ tok: 0, end: 0, code, pattern: 'x', form: 'clause' as const, sources: [src], targets: [], symmetric: false, noTarget: false });
    const conv = { ownPublicCodes: ['0831', '1723'] };
    const show = (p: ReturnType<typeof pairsOf>) => p.map((x) => `${x[0].m.actor}→${x[1]?.m.actor ?? null} ${x[2]}`);
    // "the prime minister stepped down after weeks of protests"
    expect(show(pairsOf(tr(m('person:pm', 'LKA', 'GOV'), '0831'), 'factual', new Set(['14', '15']), conv))).toEqual(['person:pm→LKACVL 0831']);
    // "the junta imposed a curfew"
    expect(show(pairsOf(tr(m('BFAMIL', 'BFA', 'MIL'), '1723'), 'factual', new Set(['14', '15']), conv))).toEqual(['BFAMIL→BFACVL 1723']);
    // an armed group has no public of its own to yield to; other codes stay untargeted, hence no dyad
    expect(show(pairsOf(tr(m('group:x', null, 'REB'), '0831'), 'factual', new Set(['14', '15']), conv))).toEqual([]);
    expect(show(pairsOf(tr(m('RUS', 'RUS', null), '111'), 'factual', new Set(['14', '15']), conv))).toEqual([]);
  });

  it('force between a state and its own crowd is violent protest or repression; named arms stay military force', () => {
    const m = (actor: string, country: string, role: string | null) => ({ m: { doc: 'd', sentence: 0, span: [0, 1] as [number, number], text: actor, actor, country, org: null, role, via: 'role' }, how: 'subject' });
    const conv = { streetRoles: new Set(['OPP', 'CVL']), domesticForceCodes: ['18', '190'], domesticForceCode: new Map([['dissent', '145'], ['repression', '175']]) };
    const tr = (a: ReturnType<typeof m>, b: ReturnType<typeof m>, code: string) => ({ tok: 0, end: 0, code, pattern: 'x', form: 'clause' as const, sources: [a], targets: [b], symmetric: false, noTarget: false });
    const codes = (a: ReturnType<typeof m>, b: ReturnType<typeof m>, code: string) => pairsOf(tr(a, b, code), 'factual', new Set(), conv).map((p) => p[2]);
    // "protesters fought running battles with police"
    expect(codes(m('KENOPP', 'KEN', 'OPP'), m('KENCOP', 'KEN', 'COP'), '190')).toEqual(['145']);
    // "security forces clashed with protesters"
    expect(codes(m('PERCOP', 'PER', 'COP'), m('PEROPP', 'PER', 'OPP'), '190')).toEqual(['175']);
    // "demonstrators launched missiles at the government", "Russian troops fought Ukrainian protesters"
    expect(codes(m('GEOOPP', 'GEO', 'OPP'), m('GEOGOV', 'GEO', 'GOV'), '195')).toEqual(['195']);
    expect(codes(m('RUSMIL', 'RUS', 'MIL'), m('UKROPP', 'UKR', 'OPP'), '190')).toEqual(['190']);
  });

  it('one event per act a sentence tells: the same sides, root and modality from two triggers are coded once, by the more specific code', () => {
    const r = (cameo: string, target = 'UKR', modality = 'factual') => ({ source: 'RUS', target, root: cameo.slice(0, 2), cameo, modality }) as Parameters<typeof onePerAct>[0][number];
    expect(onePerAct([r('087'), r('0871'), r('0871', 'USA'), r('087', 'UKR', 'future')]).map((e) => `${e.target} ${e.cameo} ${e.modality}`)).toEqual(['UKR 0871 factual', 'USA 0871 factual', 'UKR 087 future']);
  });

  it('one event per act: a leader and his country acting with the same code are one act; another code of the same root between other actors stays', () => {
    const r = (source: string, target: string, cameo: string) =>
      ({ source, source_country: source.startsWith('person:') ? source.slice(7, 10).toUpperCase() : source, source_org: null, target, target_country: target.startsWith('person:') ? target.slice(7, 10).toUpperCase() : target, target_org: null, root: cameo.slice(0, 2), cameo, modality: 'factual' }) as Parameters<typeof onePerAct>[0][number];
    const out = onePerAct([r('KGZ', 'TJK', '040'), r('person:kgz-japarov', 'person:tjk-rahmon', '040'), r('KGZ', 'TJK', '042')]);
    expect(out.map((e) => `${e.source}>${e.target} ${e.cameo}`)).toEqual(['KGZ>TJK 040']);
    const two = onePerAct([r('person:kgz-japarov', 'TJK', '040'), r('KGZ', 'TJK', '042')]);
    expect(two.map((e) => `${e.source}>${e.target} ${e.cameo}`)).toEqual(['person:kgz-japarov>TJK 040', 'KGZ>TJK 042']);
  });

  it('a named non-state group is a side of its own, not its home state: Turkey strikes the PKK', () => {
    const m = (actor: string, country: string | null, role: string | null = null) => ({ doc: 'd', sentence: 0, span: [0, 1] as [number, number], text: actor, actor, country, org: null, role, via: 'dict' });
    expect(distinct(m('TUR', 'TUR'), m('group:pkk', 'TUR'))).toBe(true);
    expect(distinct(m('group:hamas', 'PSE'), m('group:hamas', 'PSE'))).toBe(false);
    expect(distinct(m('TUR', 'TUR'), m('TURGOV', 'TUR', 'GOV'))).toBe(false);
  });
});
