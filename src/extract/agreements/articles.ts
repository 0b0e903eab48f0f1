/**
 * Articles of agreements: "Article 4 of the new treaty", "Articles 2 and 3 of the 1961 treaty",
 * "the UN Charter's Article 51" — their numbers, a summary of what they say with its topics,
 * and the agreement they belong to: the one named next to them, else the one of the year they
 * name, else the treaty the piece is about (the one it names most often, then the newest).
 */
import type { AgreementEvidenceRow, DocSentence } from '../../core/doc.js';
import type { EventRecord } from '../../core/types.js';
import type { Lexicon } from '../../knowledge/lexicon.js';
import { hash64 } from '../../knowledge/text.js';
import { cueTable, sentenceSpan } from '../analysis/shared.js';

/** Articles a sentence refers to, waiting for the agreement they belong to. */
export interface PendingArticles {
  nums: number[];
  summary: string;
  /** the agreement's year the reference names ("of the 1961 treaty") */
  year: string | null;
  /** the agreement named next to the reference, if any */
  own: AgreementEvidenceRow | null;
  s: DocSentence;
}

export function createArticleReader(lx: Lexicon) {
  const ARTICLES = lx.cue('article_numbers');
  const OF_YEAR = lx.cue('article_of_year');
  const SUMMARY_OF = lx.cue('article_summary_of');
  const SUMMARY_RELATIVE = lx.cue('article_summary_relative');
  const SUMMARY_ABOUT = lx.cue('article_summary_about');
  const AGREEMENT_NOUNS = lx.words('agreement_nouns');
  const FOUNDING = lx.cue('agreement_founding_documents');
  const TOPICS = cueTable(lx, 'agreement_article_topics');

  /** what the article says: the text after the reference, to the end of its sentence or clause */
  function articleSummary(text: string, from: number): string {
    let rest = text.slice(from).replace(SUMMARY_OF, '');
    const relative = SUMMARY_RELATIVE.test(rest);
    rest = rest.replace(SUMMARY_RELATIVE, '').replace(SUMMARY_ABOUT, '');
    rest = rest.replace(/[“”"]/g, '').split(/(?<=\.)\s|;/)[0];
    // a relative clause ("Article 51, which invokes …, a rather ironic clause") ends at its comma: what follows is the writer's, not the article's
    if (relative) rest = rest.split(',')[0];
    rest = rest.replace(/[.,\s]+$/, '');
    return rest.length > 160 ? rest.slice(0, 157).replace(/\s\S*$/, '') + '…' : rest;
  }

  /** The article references of a sentence; `agreements`: those named so far, this sentence's included. */
  function articlesIn(s: DocSentence, agreements: AgreementEvidenceRow[]): PendingArticles[] {
    const out: PendingArticles[] = [];
    for (const m of s.text.matchAll(ARTICLES)) {
      const end = m.index! + m[0].length;
      const after = s.text.slice(end, end + 40);
      const year = OF_YEAR.exec(after)?.[1] ?? null;
      const at = s.start + m.index!;
      // "Article 51 of the UN Charter", or "the UN Charter's Article 51"
      const own = agreements.find((x) => (x.span[0] >= at + m[0].length && x.span[0] - (at + m[0].length) <= 12) || (x.span[1] <= at && at - x.span[1] <= 3)) ?? null;
      const nums = [m[1], ...(m[2].match(/\d+/g) ?? [])].map(Number);
      // "the UN Charter's Article 51": another document's article, not the treaty's
      const possessor = /(\w+)[’']s\s+$/.exec(s.text.slice(0, m.index!))?.[1];
      if (!own && possessor && !AGREEMENT_NOUNS.has(possessor.toLowerCase())) {
        const named = agreements.find((x) => x.name.includes(possessor));
        if (named) out.push({ nums, summary: articleSummary(s.text, end), year, own: named, s });
        continue;
      }
      out.push({ nums, summary: articleSummary(s.text, end), year, own, s });
    }
    return out;
  }

  /**
   * Give each pending reference's articles to its agreement; unqualified articles ("Article 4
   * of the new treaty") belong to the treaty the piece is about: the newest named one, else
   * one built from the signing events the piece reports. The sentence describing an article
   * is evidence of its agreement too. Adds to `agreements`.
   */
  function attachArticles(pending: PendingArticles[], agreements: AgreementEvidenceRow[], events: EventRecord[]): void {
    const treaties = agreements.filter((x) => !FOUNDING.test(x.name));
    // the treaty the piece is about: the one it names most often, then the newest
    const named = new Map<string, number>();
    for (const x of treaties) named.set(x.agreement, (named.get(x.agreement) ?? 0) + 1);
    let main = [...treaties].sort((x, y) => named.get(y.agreement)! - named.get(x.agreement)! || (y.signed ?? '').localeCompare(x.signed ?? ''))[0] ?? null;
    if (!main && pending.length) {
      const sign = events.find((e) => e.cameo === '057' && e.source_country && e.target_country);
      if (sign) {
        const parties = [sign.source_country!, sign.target_country!].sort();
        main = { agreement: `a_${hash64(`treaty|${parties.join('|')}|${sign.date ?? ''}`)}`, name: `Treaty between ${parties.join(' and ')}`, parties, signed: sign.date, status: 'signed', articles: [], span: sign.span, quote: sign.quote };
        agreements.push(main);
      }
    }
    for (const p of pending) {
      const target = p.own ?? (p.year ? treaties.find((x) => x.name.includes(p.year!) || x.signed?.startsWith(p.year!)) : null) ?? (p.year ? null : main);
      if (!target) continue;
      for (const number of p.nums) {
        if (!target.articles.some((x) => x.number === number)) target.articles.push({ number, summary: p.summary, topics: TOPICS.filter(([re]) => re.test(p.summary)).map(([, t]) => t) });
      }
      if (!agreements.some((x) => x.agreement === target.agreement && x.span[0] === p.s.start)) {
        agreements.push({ ...target, span: sentenceSpan(p.s), quote: p.s.text });
      }
    }
  }

  return { articlesIn, attachArticles, articleSummary };
}
