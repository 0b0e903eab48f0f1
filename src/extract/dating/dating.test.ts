import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { compileLexicon } from '../../knowledge/lexicon.js';
import { createDateFinder } from '../dates/find.js';
import { mention, oneSentenceDoc, patterns } from '../../../test/support/doc.js';
import { clauseKnowledge, runEventStages } from '../../../test/support/events.js';
import { datingStage } from './index.js';

const k = clauseKnowledge(patterns({ verbs: { attack: { code: '190' }, visit: { code: '042' } } }));
const dateWords = compileLexicon({ 'lexicon/dates.yaml': YAML.parse(readFileSync(new URL('../../../data/lexicon/dates.yaml', import.meta.url), 'utf8')) });
const dating = datingStage(k, createDateFinder(dateWords));
const ms = (s: { text: string }) => [mention(s, 'Russia', 'RUS'), mention(s, 'Ukraine', 'UKR')];

function dated(spec: string, published = '2024-05-10') {
  const { doc, s } = oneSentenceDoc(spec, ms, published);
  runEventStages(doc, k, [dating]);
  return s.triggers!.map((t) => t.date);
}

describe('dating', () => {
  it('a weekday is read against the story date', () => expect(dated('Russia/PROPN attacked/VERB:attack Ukraine/PROPN on/ADP Tuesday/PROPN ./PUNCT')).toEqual(['2024-05-07']));
  it('a month and year without a day keep month precision', () => expect(dated('Russia/PROPN attacked/VERB:attack Ukraine/PROPN in/ADP March/PROPN 2022/NUM ./PUNCT')).toEqual(['2022-03']));
  it('a factual clause in the lead with no time expression takes the story month', () => expect(dated('Russia/PROPN attacked/VERB:attack Ukraine/PROPN ./PUNCT')).toEqual(['2024-05']));
  it('no story date, no time expression: no date (never the wall clock)', () => expect(dated('Russia/PROPN attacked/VERB:attack Ukraine/PROPN ./PUNCT', null as unknown as string)).toEqual([null]));
});
