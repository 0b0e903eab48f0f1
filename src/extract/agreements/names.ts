/**
 * Named agreements in a sentence: formal names ("the Treaty on Comprehensive Strategic
 * Partnership"), quoted names, short names ("New START"), descriptions with capitalised words
 * ("the Comprehensive Strategic Partnership treaty") and kinds ("a 25-year cooperation
 * agreement"); with their parties, the date they were signed and their status.
 */
import type { AgreementEvidenceRow, DocSentence } from '../../core/doc.js';
import type { EventRecord, Mention, Span } from '../../core/types.js';
import type { Lexicon } from '../../knowledge/lexicon.js';
import { hash64 } from '../../knowledge/text.js';
import { createDateFinder, type DateFinder } from '../dates/find.js';
import { countryActors, cueTable, wordsRe } from '../analysis/shared.js';

/** `dates`: the pipeline's date finder (it caches; one per pipeline, shared with the dating stage) */
export function createAgreementNames(lx: Lexicon, dates: DateFinder = createDateFinder(lx)) {
  const AGREEMENT_WORD = lx.cueSource('agreement_word');
  const LINKS = lx.list('agreement_name_links').join('|');
  const NAMED = new RegExp(
    // group 1: a quoted name holding an agreement word
    `(?:[“"‘]([^”"’]{4,140}?\\b${AGREEMENT_WORD}\\b[^”"’]{0,120}?)[”"’])|` +
      // group 2: capitalised words (and linking words) ending in an agreement word, with what follows it
      `((?:\\b(?:19|20)\\d{2}\\s+)?(?:(?:[A-Z][\\w’'\\-.]*|${LINKS})\\s+){0,8}?(?:[A-Z][\\w’'\\-]*\\s+)?${AGREEMENT_WORD}\\b${lx.cueSource('agreement_name_tail')})|` +
      // groups 3, 4, 5: a short name, a description, a kind
      `${lx.cueSource('agreement_known_names')}|${lx.cueSource('agreement_described')}|${lx.cueSource('agreement_kind_named')}`,
    'g',
  );
  /** the agreement word alone: no name */
  const BARE_WORD = new RegExp(`^${AGREEMENT_WORD}$`);
  /** a name holding its agreement word: a formal name, preferred over a description */
  const FORMAL = new RegExp(`\\b${AGREEMENT_WORD}\\b`);
  const LEAD_NOISE = lx.cue('agreement_lead_noise');
  const LEADING_ARTICLE = lx.cue('agreement_leading_article');
  const TRAILING_LINK = lx.cue('agreement_trailing_link');
  const NOT_A_NAME = lx.cue('agreement_not_a_name');
  const DATE_TAIL = lx.cue('agreement_date_tail');
  const BETWEEN_PARTIES = lx.cue('agreement_between_parties');
  const FILLERS = wordsRe(lx, 'agreement_name_fillers', 'g');
  const SIGNING = lx.cue('agreement_signing');
  const CONCLUDED = new RegExp(`${lx.cueSource('agreement_signing')}|${lx.cueSource('agreement_concluded')}`, 'i');
  const STATUSES = cueTable(lx, 'agreement_statuses');
  /** words that make the clause's states parties: signing, concluding, a status, keeping or joining */
  const AGREEMENT_NOUN = wordsRe(lx, 'agreement_nouns', 'i');
  const PARTY_LINK = new RegExp(`^\\s+(?:${lx.list('agreement_party_links').join('|')})\\b`, 'i');
  const PARTY_VERBS = new RegExp([lx.cueSource('agreement_signing'), lx.cueSource('agreement_concluded'), lx.cueSource('agreement_party_verbs'), ...[...lx.map('agreement_statuses').values()].map((c) => lx.cueSource(c))].join('|'), 'i');

  /** the sentence's clauses, split at , ; : parentheses and dashes; a comma between two country mentions is a list's, no break */
  function clausesOf(s: DocSentence, ms: Mention[]): [number, number][] {
    const states = countryActors(ms);
    const listComma = (at: number) =>
      states.some((m) => m.span[1] <= at && /^\s*$/.test(s.text.slice(m.span[1] - s.start, at - s.start))) &&
      states.some((m) => m.span[0] > at && /^[,\s]*$/.test(s.text.slice(at - s.start, m.span[0] - s.start)));
    const out: [number, number][] = [];
    let from = s.start;
    for (const m of s.text.matchAll(/[,;:()\u2014]|\s\u2013\s/g)) {
      const at = s.start + m.index!;
      if (m[0] === ',' && listComma(at)) continue;
      out.push([from, at]);
      from = at + m[0].length;
    }
    out.push([from, s.start + s.text.length]);
    return out;
  }

  /**
   * The parties the text itself gives: the states named inside the name ("Treaty between the
   * Soviet Union and the DPRK"); else, when the sentence signs, concludes, keeps, joins or leaves
   * it, the states of the name's clause and of the clauses that do so, but for a clause about
   * another agreement ("…, the Russia-DPRK pact could drag China in"). A state the sentence only
   * mentions near it is no party.
   */
  function partiesOf(s: DocSentence, span: Span, ms: Mention[], others: Span[]): string[] {
    const states = countryActors(ms);
    const inside = [...new Set(states.filter((x) => x.span[0] >= span[0] && x.span[1] <= span[1]).map((x) => x.country!))];
    if (inside.length >= 2) return inside.sort();
    const text = (a: number, b: number) => s.text.slice(a - s.start, b - s.start);
    const ours = clausesOf(s, ms).filter(([a, b]) => {
      if (a <= span[0] && span[1] <= b) return true;
      return !others.some((o) => o[0] < b && o[1] > a && (o[0] !== span[0] || o[1] !== span[1])) && !AGREEMENT_NOUN.test(text(a, b));
    });
    const blank = (a: number, b: number) => text(a, b).replace(text(span[0], span[1]), ' ');
    const linked = PARTY_LINK.test(s.text.slice(span[1] - s.start));
    const acting = ours.filter(([a, b]) => PARTY_VERBS.test(blank(a, b)));
    if (!linked && !acting.length) return inside;
    // the states of the name's own clause and of the clauses that sign, keep or leave it ("…, a move that worried China": not China)
    const own = ours.filter(([a, b]) => a <= span[0] && span[1] <= b);
    const from = [...own, ...acting];
    return [...new Set(states.filter((x) => from.some(([a, b]) => x.span[0] >= a && x.span[1] <= b)).map((x) => x.country!))].sort();
  }

  /** The words that identify an agreement: "Treaty on Comprehensive Strategic Partnership" and
   *  "the Comprehensive Strategic Partnership treaty" are one. */
  function normName(name: string): string {
    return name
      .toLowerCase()
      .replace(/[“”"'’]/g, '')
      .replace(FILLERS, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  }

  /** the status the sentence gives the agreement: the first status cue it matches, else signed or referenced */
  function statusOf(text: string, signed: boolean): string {
    for (const [re, status] of STATUSES) if (re.test(text)) return status;
    return signed || SIGNING.test(text) ? 'signed' : 'referenced';
  }

  /** A name as matched, trimmed of the words around it. */
  function cleanName(m: RegExpMatchArray): string {
    let name = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '').trim().replace(LEAD_NOISE, '').replace(LEADING_ARTICLE, '').replace(DATE_TAIL, '').replace(/[\s,.;:]+$/, '');
    // ("Association Agreement between the": every linking word at the end)
    for (let prev = ''; prev !== name; ) [prev, name] = [name, name.replace(TRAILING_LINK, '')];
    return name;
  }

  /** Every agreement the sentence names, one evidence row each. */
  function agreementsIn(s: DocSentence, ms: Mention[], evs: EventRecord[], published: string | null): AgreementEvidenceRow[] {
    const found: { m: RegExpMatchArray; name: string; span: Span }[] = [];
    for (const m of s.text.matchAll(NAMED)) {
      const name = cleanName(m);
      // a bare word ("Agreement", "the treaty") is not a name
      if (!m[5] && (!/[A-Z]/.test(name.replace(BARE_WORD, '')) || (name.split(/\s+/).length < 2 && !m[3]))) continue;
      if (NOT_A_NAME.test(name)) continue;
      // a quotation that mentions a treaty is no name: a quoted name is short and mostly capitalised
      if (m[1]) {
        const words = name.split(/\s+/).filter((w) => /\p{L}/u.test(w));
        if (words.length > 12 || words.filter((w) => /^\p{Lu}/u.test(w)).length * 2 < words.length) continue;
      }
      const at = s.start + m.index! + m[0].indexOf(name);
      found.push({ m, name, span: [at, at + name.length] });
    }
    const out: AgreementEvidenceRow[] = [];
    for (const { m, name, span } of found) {
      const parties = partiesOf(s, span, ms, found.map((f) => f.span));
      const yearInName = /\b((?:19|20)\d{2})\b/.exec(m[0]);
      const signEv = evs.find((e) => e.cameo === '057');
      let signed: string | null = yearInName ? yearInName[1] : null;
      const concluded = CONCLUDED.exec(s.text);
      if (concluded) {
        // the date nearest the signing word, before it or in its clause ("signed … on June 19, attracted … in 1984": not 1984)
        const at = s.start + concluded.index;
        const b = clausesOf(s, ms).find(([x, y]) => x <= at && at < y)?.[1] ?? s.start + s.text.length;
        const near = dates
          .findDates(s.text, published)
          .filter((d) => s.start + d.index < b)
          .sort((x, y) => Math.abs(x.index - concluded.index) - Math.abs(y.index - concluded.index))[0];
        signed = near?.date ?? signEv?.date ?? signed;
      }
      const status = statusOf(s.text, !!signed);
      // a kind with no name of its own ("a peace treaty", "the security pact") is one agreement per set of parties, not one for the world
      const generic = !/\p{Lu}/u.test(name);
      const key = normName(name).replace(BETWEEN_PARTIES, '') + (generic ? `|${parties.join(',') || s.text}` : '');
      out.push({ agreement: `a_${hash64(key)}`, name, parties: parties.slice(0, 8), signed, status, articles: [], span, quote: s.text.slice(span[0] - s.start, span[1] - s.start) });
    }
    return out;
  }

  return { agreementsIn, statusOf, normName, formal: FORMAL };
}
