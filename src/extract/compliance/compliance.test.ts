import { describe, expect, it } from 'vitest';
import type { FlowEvidenceRow } from '../../core/doc.js';
import type { Provision } from '../../knowledge/analysis.js';
import { handDoc } from '../../../test/support/analysis.js';
import { complianceStage } from './index.js';

const arms = (resolution: string, adopted: string, founding: boolean): Provision => ({
  regime: 'UNSC DPRK sanctions', resolution, adopted, id: 'arms-embargo', label: 'Arms embargo (both directions)', target: 'PRK',
  directions: ['from_target', 'to_target'], categories: ['arms'], items: [], cameo: ['163'], founding,
});
const stage = complianceStage({ analysis: { provisions: [arms('UNSCR 1718', '2006-10-14', true), arms('UNSCR 2270', '2016-03-02', false)] } });

const flow = (giver: string, receiver: string, item: string, category: FlowEvidenceRow['category']): FlowEvidenceRow => ({ id: `f_${giver}${receiver}`, giver, receiver, item, category, status: 'delivered', span: [0, 10], quote: 'q' });

describe('stage compliance', () => {
  it('flags an arms flow from the target under the founding resolution', () => {
    const d = handDoc(['North Korea sent artillery shells to Russia.'], []);
    d.flows = [flow('PRK', 'RUS', 'artillery shells', 'arms'), flow('CHN', 'RUS', 'grain', 'food')];
    stage.run(d);
    expect(d.compliance).toEqual([{ id: expect.stringMatching(/^x_/), subject: 'f_PRKRUS', regime: 'UNSCR 1718', provision: 'Arms embargo (both directions)', reason: 'arms transfer from PRK: artillery shells (PRK → RUS, delivered)', span: [0, 10], quote: 'q' }]);
  });

  it('names a later resolution the text cites', () => {
    const d = handDoc(['North Korea sent artillery shells to Russia in breach of resolution 2270.'], []);
    d.flows = [flow('PRK', 'RUS', 'artillery shells', 'arms')];
    stage.run(d);
    expect(d.compliance!.map((r) => r.reason)).toEqual(['arms transfer from PRK: artillery shells (PRK → RUS, delivered); also under UNSCR 2270']);
  });

  it('flags an act of a listed code toward the target, not a negated one', () => {
    const d = handDoc(['Japan imposed an embargo on North Korea.'], [], [
      { id: 'e1', cameo: '163', root: '16', source_country: 'JPN', target_country: 'PRK', span: [0, 5], quote: 'e' },
      { id: 'e2', cameo: '163', root: '16', source_country: 'KOR', target_country: 'PRK', modality: 'negated', span: [0, 5], quote: 'e' },
      { id: 'e3', cameo: '071', root: '07', source_country: 'RUS', target_country: 'PRK', span: [0, 5], quote: 'e' },
    ]);
    d.flows = [];
    stage.run(d);
    expect(d.compliance!.map((r) => [r.subject, r.reason])).toEqual([['e1', 'CAMEO 163 to PRK (JPN → PRK, factual)']]);
  });

  it('reads nothing without flows or aid events', () => {
    const d = handDoc(['Japan imposed an embargo on North Korea.'], [], [{ id: 'e1', cameo: '163', root: '16', source_country: 'JPN', target_country: 'PRK' }]);
    d.flows = [];
    stage.run(d);
    expect(d.compliance).toEqual([]);
  });

  it('flags a sub-code of a listed code, and nothing dated before the resolution was adopted', () => {
    const d = handDoc(['Japan imposed an embargo on North Korea.'], [], [
      { id: 'e1', cameo: '1631', root: '16', source_country: 'JPN', target_country: 'PRK', date: '2010-05', span: [0, 5], quote: 'e' },
      { id: 'e2', cameo: '163', root: '16', source_country: 'JPN', target_country: 'PRK', date: '2003-01-10', span: [0, 5], quote: 'e' },
      // (acts are looked at in documents that tell of transfers: one aid event opens the door, as above)
      { id: 'e3', cameo: '071', root: '07', source_country: 'RUS', target_country: 'PRK', span: [0, 5], quote: 'e' },
    ]);
    d.flows = [];
    stage.run(d);
    expect(d.compliance!.map((r) => r.subject)).toEqual(['e1']);
    // a flow is dated by its document: a 2004 report of a transfer falls before 1718 (2006)
    const old = handDoc(['North Korea sent artillery shells to Russia.'], [], [], '2004-03-01');
    old.flows = [flow('PRK', 'RUS', 'artillery shells', 'arms')];
    stage.run(old);
    expect(old.compliance).toEqual([]);
  });

  it('matches items by their canonical name: a generic "technology" is not a listed "space launch technology"', () => {
    const launch: Provision = { ...arms('UNSCR 2087', '2013-01-22', true), id: 'launch-tech', label: 'launch technology', categories: [], items: ['space launch technology'], cameo: [] };
    const only = complianceStage({ analysis: { provisions: [launch] } });
    const d = handDoc(['Russia may give North Korea technology.'], []);
    d.flows = [flow('RUS', 'PRK', 'technology', 'technology'), flow('RUS', 'PRK', 'space launch technology', 'technology')];
    only.run(d);
    expect(d.compliance!.map((r) => r.subject)).toEqual(['f_RUSPRK']);
    expect(d.compliance![0].reason).toMatch(/space launch technology/);
  });

  it('dates a flow by the act its sentence tells of: a transfer told as from 2004 falls before 1718, whenever the report', () => {
    const d = handDoc(['In 2004 North Korea sold artillery shells to Russia.'], [], [
      { id: 'e1', cameo: '071', root: '07', source_country: 'PRK', target_country: 'RUS', date: '2004', span: [0, 40], quote: 'sold' },
    ], '2024-05-01');
    d.flows = [flow('PRK', 'RUS', 'artillery shells', 'arms')];
    d.flows[0].span = [0, 50];
    stage.run(d);
    expect(d.compliance!.filter((r) => r.subject.startsWith('f_'))).toEqual([]);
  });

  it('flags an act the sentence also tells as a transfer once, as the flow', () => {
    const d = handDoc(['North Korea sent artillery shells to Russia.'], [], [
      { id: 'e1', cameo: '163', root: '16', source_country: 'PRK', target_country: 'RUS', span: [0, 10], quote: 'e' },
      { id: 'e2', cameo: '071', root: '07', source_country: 'PRK', target_country: 'RUS', span: [0, 10], quote: 'e' },
    ]);
    d.flows = [flow('PRK', 'RUS', 'artillery shells', 'arms')];
    stage.run(d);
    expect(d.compliance!.map((r) => r.subject)).toEqual(['f_PRKRUS']);
  });
});
