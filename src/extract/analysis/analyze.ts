/**
 * What the analyses are about: claims (who holds what, how likely), the exchange ledger
 * (what flows from whom to whom), agreements (named treaties and their articles), and
 * compliance (which sanctions provisions an event or flow may breach).
 */
import type { ClaimKind, ClaimRecord, ComplianceRecord, EventRecord, FlowRecord, FlowStatus, Mention, Span } from '../../core/types.js';
import type { AnalysisKnowledge, Wep } from '../../knowledge/analysis.js';
import type { AgreementEvidenceRow, ComplianceRow, FlowEvidenceRow } from '../../core/doc.js';
export type { AgreementEvidenceRow, ComplianceRow, FlowEvidenceRow };
import { hash64, tokenize, type Tok } from '../../knowledge/text.js';
import { findDates } from '../dates/find.js';

export interface AnalysisSentence {
  idx: number;
  text: string;
  start: number;
  /** authors of the section holding the sentence, if it has its own byline */
  sectionAuthors: string[];
  /** the shared tokenizer's tokens, when the caller has them */
  toks?: Tok[];
}

export interface AnalysisDoc {
  id: string;
  published: string | null;
  authors: string[];
  text: string;
  sentences: AnalysisSentence[];
  mentions: Mention[];
  events: EventRecord[];
}

export interface AnalysisResult {
  claims: ClaimRecord[];
  flows: FlowEvidenceRow[];
  agreements: AgreementEvidenceRow[];
  compliance: ComplianceRow[];
}


// ---- claim cues: the words analysts use for each kind --------------------------------
const DISAGREE = /\b(?:suggests? otherwise|(?:is|are|seems?) misplaced|(?:we|i) do(?:es)? not (?:believe|think|accept|share)|(?:rejected|dismissed|disputed|rebuffed)\s+(?:\w+\s+){0,4}claims?|(?:is|are) (?:often|widely|commonly) (?:said|argued|assumed|claimed|believed)|it is (?:often|widely|commonly) (?:said|argued|assumed|claimed)|(?:critics|skeptics|sceptics|some) (?:insist|claim|maintain)|unlike (?:many|most|some) (?:observers|analysts|commentators)|do(?:es)? not agree|don't agree|disagree[sd]?|contrary to|is mistaken|are mistaken|misreads?|overstate[sd]?|understate[sd]?|wrong to|not convinced|unconvinced|(?:reject|dispute|challenge)s? the (?:view|argument|notion|idea|claim|assumption|observation)|others (?:argue|contend|believe|say)|critics (?:argue|contend|say)|some (?:analysts|observers|experts|commentators) (?:argue|believe|contend|say)|conventional wisdom|widely held (?:view|belief|assumption)|it is a mistake|this view (?:ignores|misses)|that argument (?:ignores|misses)|(?:is|are) not (?:as|so) (?:simple|clear|straightforward))\b/i;
const RECOMMEND = /\b(?:would be (?:wise|prudent|sensible|well advised|better off)|it would be (?:wise|prudent|sensible|better)|(?:urged|urges|called on|calls on|appealed to|appeals to)\s+(?:\w+\s+){1,4}to\b|should(?! (?:be expected|come as))|ought to|must|need(?:s)? to|has to|have to|would do well to|it is (?:essential|imperative|crucial|vital|important|necessary) (?:that|to|for)|(?:we|i) (?:recommend|urge|suggest)|(?:is|are) advised to|it would be wise|policymakers (?:should|must)|the (?:best|right) (?:course|response|policy) (?:is|would be))\b/i;
const PREDICT = /\b(?:will|won't|is (?:expected|likely|unlikely|set|poised|bound|certain|sure) to|are (?:expected|likely|unlikely|set|poised|bound) to|in the coming (?:months|years|weeks)|in the (?:near|long|short) (?:term|run)|going forward|down the road|is on track to|would likely|will likely|will probably|may well|could well|stands to|is about to|are about to)\b/i;
const MOTIVE = /\b(?:(?:aim|aims|goal|purpose|calculation|intention|interest|objective|priority)(?:\s+(?:in|for|of)\s+[^,.;]{1,50})?\s+(?:is|was|remains)\s+(?:partly\s+|mainly\s+|largely\s+|simply\s+)?to|(?:is|are) trying to|seeks?|sought|seeking|wants?|wanted|aims? to|aimed to|hopes? to|hoped to|intends? to|desires?|is (?:eager|keen|determined|desperate|anxious) to|are (?:eager|keen|determined) to|(?:interest|interests|goal|goals|objective|objectives|aim|aims|motive|motives|motivation|ambition|ambitions|priority|priorities|incentive|incentives) (?:is|are|lies|lie|was|were|include|remains?)|(?:looking|looks|looked) to|in (?:search|pursuit) of|would like to|covets?|craves?|is after|are after|(?:needs?|needed) (?:to|a |an |the ))\b/i;
const ASSESS = /\b(?:sees?|saw|views?|viewed|regards?|believes?|thinks?|suggests?|suggested|shows?|showed|signals?|signaled|signalled|reflects?|reflected|underscores?|underscored|demonstrates?|indicates?|means?|meant|appears?|appeared|seems?|seemed|implies|implied|confirms?|highlights?|reveals?|marks?|represents?|amounts? to|is (?:a|an) (?:sign|signal|indication|reflection|symptom|example|win|boon|blow|setback|turning point|shift|step|test)|significan(?:t|ce)|important|notabl[ey]|clear(?:ly)? that|arguabl[ey]|undoubtedly|no doubt|evident(?:ly)?|in effect|effectively|likely|unlikely|probabl[ey]|possibl[ey]|perhaps|may|might|could|concern(?:ing|ed)?|worr(?:y|ies|ied|ying)|risks?|threat(?:en|ens)?|benefit(?:s|ed)?|troubling|alarming|dangerous|crucial|critical|key|major|serious|limited|modest|unprecedented|transactional|strategic|symbolic|largely|mostly|primarily)\b/i;
/** "is very unlikely to enter", "is almost certain to veto": an estimate about what will happen, unless of a state */
const ESTIMATE_TO = /\b(?:is|are|was|were|seems?|appears?)\s+(?:(?:very|highly|not|almost|all but|quite|increasingly|less|more|still)\s+)*(?:likely|unlikely|certain|sure|bound|set|poised|expected|due)\s+to\s+(\w+)/i;
/** "may resume", "could host", "might see": a modal before a verb */
const MODAL_VERB = /\b(?:may|might|could|will|would likely|will likely|will probably|may well|could well)\s+(?:(?:also|still|soon|eventually|well|yet|even|not|never|further)\s+)*([a-z]+)/i;
/** verbs of state and of wanting: after a modal they assess or state a motive, they do not predict */
const STATIVE = /^(?:be|have|know|believe|think|hope|want|seek|need|understand|feel|prefer|view|regard|consider|see|reflect|mean|suggest|indicate|prove|remain|appear|seem|matter)$/i;
const MODAL_MOTIVE = /\b(?:may|might|could|would)\s+(?:also\s+)?(?:hope|want|seek|aim|try|wish|like)\b/i;
const NEWS_PAST = /\b(?:arrived|met|visited|signed|held|announced|said|told|launched|fired|landed|toured|attended|hosted|received|greeted|traveled|travelled|departed|returned)\b/i;
const SPEECH = new Set(['said', 'says', 'say', 'argued', 'argues', 'argue', 'believes', 'believed', 'told', 'noted', 'notes', 'warned', 'warns', 'stressed', 'stresses', 'insisted', 'insists', 'claimed', 'claims', 'contended', 'contends', 'wrote', 'writes', 'added', 'adds', 'stated', 'states', 'declared', 'declares', 'asserted', 'asserts', 'explained', 'explains', 'suggested', 'predicted', 'predicts', 'cautioned', 'cautions', 'maintained', 'maintains', 'acknowledged', 'acknowledges', 'admitted', 'admits', 'pointed']);

// ---- flow cues -------------------------------------------------------------------------
const GIVE = /\b(?:shar(?:e|es|ed|ing)|approv(?:e|es|ed)|rush(?:es|ed)?|airlift(?:s|ed)?|flew|suppl(?:y|ies|ied|ying)|sell(?:s|ing)?|sold|send(?:s|ing)?|sent|ship(?:s|ped|ping)?|provid(?:e|es|ed|ing)|deliver(?:s|ed|ing)?|transfer(?:s|red|ring)?|give[sn]?|gave|giving|export(?:s|ed|ing)?|offer(?:s|ed|ing)?|furnish(?:es|ed)?|hand(?:s|ed)? over|extend(?:s|ed)?|lend(?:s|ing)?|lent|donat(?:e|es|ed)|grant(?:s|ed)?|dispatch(?:es|ed)?|deploy(?:s|ed|ing)?|pledg(?:e|es|ed)|promis(?:e|es|ed)|funnel(?:s|ed|led)?|assist(?:s|ed|ing)?|help(?:s|ed|ing)?)\b/i;
const RECEIVE = /\b(?:bring(?:s|ing)? in|brought in|host(?:s|ed|ing)?|receiv(?:e|es|ed|ing)|obtain(?:s|ed|ing)?|acquir(?:e|es|ed|ing)|(?:buy|buys|bought|buying)|purchas(?:e|es|ed|ing)|import(?:s|ed|ing)?|get(?:s|ting)?|got|gain(?:s|ed|ing)?|secur(?:e|es|ed|ing)|procur(?:e|es|ed|ing))\b/i;
const WANT = /\b(?:seek(?:s|ing)?|sought|want(?:s|ed|ing)?|need(?:s|ing)?|(?<!badly |much |sorely |urgently )needed|hop(?:e|es|ed|ing)|look(?:s|ed|ing)? for|ask(?:s|ed|ing)?|request(?:s|ed|ing)?|press(?:es|ed|ing)?|court(?:s|ed|ing)?|lobb(?:y|ies|ied|ying)|access to|covet(?:s|ed)?|crav(?:e|es|ed)|in search of)\b/i;
const NOMINAL_GIVE = /\b(?:backing|suppliers?|providers?|sales?|transfers?|deliveries|delivery|shipments?|supply|supplies|exports?|provision|assistance|aid|help|support|cover|shelter|deployment|dispatch)\b/i;
const NEGATED = /\b(?:not|n't|never|no|denie[sd]|deny|refused?|declined?|halted|stopped|ended)\b/i;
const POSSIBLE_RE = /\b(?:could|may|might|can|would|possibl[ey]|potential(?:ly)?|perhaps|likely|reportedly considering|consider(?:s|ing)?)\b/i;
const PROMISE_RE = /\b(?:approv(?:e|es|ed)|pledg(?:e|es|ed)|promis(?:e|es|ed)|agreed to|will|vow(?:s|ed)?|committed to|commits? to|offer(?:s|ed)?|plans? to|planned)\b/i;

const TOPICS: [RegExp, string][] = [
  [/\b(?:military|armed aggression|defen[cs]e|mutual assistance|attack|war|aggression|security)\b/i, 'mutual-defense'],
  [/\b(?:econom|investment|trade|commerc|financ|bank)/i, 'economic'],
  [/\b(?:technolog|scien|space|satellite|research)/i, 'technology'],
  [/\bnuclear\b/i, 'nuclear'],
  [/\bsanction/i, 'sanctions'],
  [/\b(?:sovereign|territor|border)/i, 'sovereignty'],
  [/\b(?:energy|oil|gas|electric)/i, 'energy'],
  [/\b(?:food|agricultur|fisher)/i, 'food'],
  [/\b(?:intelligence|information|media)/i, 'information'],
  [/\b(?:educat|cultur|touris|health|sport)/i, 'cultural'],
  [/\b(?:labou?r|worker)/i, 'labor'],
  [/\b(?:law enforcement|judicial|extradit|crime|terror)/i, 'legal'],
];

const AGREEMENT_WORD = '(?:Treaty|Agreement|Pact|Accords?|Convention|Declaration|Memorandum|Charter|Protocol|Armistice|Plan of Action|Initiative|Principles|Package of Measures|Commitment to Consult|Communiqu[eé])';
/** founding documents of organisations: named, but not the treaty an unqualified "Article 4" refers to */
const CHARTER = /\b(?:Charter|Convention|Declaration|Protocol)\b/;
const LEAD_NOISE = /^(?:(?:[A-Z]?[a-z]+ing|Under|With|After|Before|By|In|As|Since|Through|Per|Unlike|Like|While|And|But|Its|Their|His|Her|on|of|the|and|to|for|in)\s+)+/;
const NAMED = new RegExp(
  `(?:[“"‘]([^”"’]{4,140}?\\b${AGREEMENT_WORD}\\b[^”"’]{0,120}?)[”"’])|` +
    `((?:\\b(?:19|20)\\d{2}\\s+)?(?:(?:[A-Z][\\w’'\\-.]*|of|on|for|and|the|between|to|in|de)\\s+){0,8}?(?:[A-Z][\\w’'\\-]*\\s+)?${AGREEMENT_WORD}\\b(?:\\s+(?:on|of|for|between|with)\\s+(?:(?:the\\s+)?(?:[A-Z][\\w’'\\-.]*|and|of|on|the)\\s*){1,10})?)|` +
    `\\b(New START|JCPOA|INF Treaty|NPT|GSOMIA|AUKUS|Minsk (?:agreements?|II|I)|Abraham Accords|Oslo Accords|Camp David (?:accords|principles|summit))\\b|` +
    // "the Comprehensive Strategic Partnership treaty", "a 25-year cooperation agreement", "a trilateral free trade agreement"
    `((?:[A-Z][\\w’'\\-]*\\s+){2,6}(?:treaty|agreement|pact|accord))\\b|` +
    `\\b((?:\\d+-year\\s+|trilateral\\s+|bilateral\\s+)?(?:free trade|cooperation|mutual[- ]defen[cs]e|security|peace|nuclear|ceasefire|strategic partnership|reciprocal access|end-of-war)\\s+(?:agreement|treaty|pact|accord|declaration))\\b`,
  'g',
);
const ARTICLES = /\bArticles?\s+(\d+)((?:\s*(?:,|and|&)\s*\d+)*)/g;

export function createAnalyzer(k: AnalysisKnowledge) {
  function wepIn(toks: Tok[]): { wep: Wep; at: number; end: number } | null {
    let best: { wep: Wep; at: number; end: number } | null = null;
    for (let i = 0; i < toks.length; i++) {
      const m = k.wep.longestAt(toks, i);
      if (!m) continue;
      const [end, [w]] = m;
      // prefer an estimative word over a bare modal, then the longer phrase
      const better = !best || (best.wep.modal && !w.modal) || (best.wep.modal === w.modal && end - i > best.end - best.at);
      if (better) best = { wep: w, at: i, end };
      i = end - 1;
    }
    return best;
  }

  function likelihoodOf(toks: Tok[], text: string): { likelihood: number; wep: string } | null {
    const w = wepIn(toks);
    if (!w) return null;
    const words = text.slice(toks[w.at].start, toks[w.end - 1].end);
    if (w.wep.negated) return { likelihood: w.wep.likelihood, wep: words };
    // a negator just before ("is not likely", "will not") turns the estimate around
    for (let j = Math.max(0, w.at - 3); j < Math.min(toks.length, w.end + 2); j++) {
      if (j >= w.at && j < w.end) continue;
      const t = toks[j].key;
      if (k.negators.has(t) || (t === 't' && toks[j - 1]?.key === "'") ) {
        const lo = Math.min(j, w.at);
        const hi = Math.max(j + 1, w.end);
        return { likelihood: Math.round((1 - w.wep.likelihood) * 100) / 100, wep: text.slice(toks[lo].start, toks[hi - 1].end) };
      }
    }
    return { likelihood: w.wep.likelihood, wep: words };
  }

  function claimKind(text: string, hasWep: boolean): ClaimKind | null {
    if (DISAGREE.test(text)) return 'disagreement';
    if (RECOMMEND.test(text)) return 'recommendation';
    if (MODAL_MOTIVE.test(text)) return 'motive';
    const est = ESTIMATE_TO.exec(text);
    if (est) return STATIVE.test(est[1]) ? 'assessment' : 'prediction';
    const modal = MODAL_VERB.exec(text);
    if (modal && !STATIVE.test(modal[1])) return 'prediction';
    if (PREDICT.test(text)) return 'prediction';
    if (MOTIVE.test(text)) return 'motive';
    if (ASSESS.test(text) || hasWep) return 'assessment';
    return null;
  }

  /** "X said …", "according to X", "…, X argued": the quoted holder, if any */
  function quotedHolder(s: AnalysisSentence, toks: Tok[], ms: Mention[]): string | null {
    const lower = s.text.toLowerCase();
    const acc = lower.indexOf('according to ');
    if (acc >= 0) {
      const after = s.start + acc + 13;
      const m = ms.find((x) => x.span[0] >= after && x.span[0] <= after + 6);
      if (m) return m.actor.startsWith('person:') || m.actor.startsWith('author:') ? m.text : m.actor;
      const name = /^(?:the\s+)?((?:[A-Z][\w’'-]+\s?){1,4})/.exec(s.text.slice(acc + 13));
      if (name) return name[1].trim();
    }
    for (let i = 0; i < toks.length; i++) {
      if (!SPEECH.has(toks[i].key)) continue;
      // subject before the verb, or after it ("…, said Kim")
      const before = ms.filter((m) => m.span[1] <= toks[i].start && toks[i].start - m.span[1] <= 40).pop();
      const after = ms.find((m) => m.span[0] >= toks[i].end && m.span[0] - toks[i].end <= 3);
      const m = after && toks[i - 1]?.key === ',' ? after : before ?? after;
      if (m) return m.actor.startsWith('person:') || m.actor.startsWith('author:') ? (m.via === 'role' ? m.actor : m.text) : m.actor;
      // an expert the dictionaries do not know: a capitalised name next to the verb
      const left = s.text.slice(0, toks[i].start - s.start);
      const nm = /((?:[A-Z][\w’'-]+\s){1,3}[A-Z][\w’'-]+)(?:,[^,]{3,80},)?\s*$/.exec(left);
      if (nm) return nm[1];
      const right = /^\s*((?:[A-Z][\w’'-]+\s?){2,4})/.exec(s.text.slice(toks[i].end - s.start));
      if (right && toks[i - 1]?.key === ',') return right[1].trim();
    }
    return null;
  }

  function personName(actor: string, ms: Mention[]): string {
    const m = ms.find((x) => x.actor === actor);
    return m?.text ?? actor;
  }

  return function analyze(doc: AnalysisDoc): AnalysisResult {
    const claims: ClaimRecord[] = [];
    const flows: FlowEvidenceRow[] = [];
    const agreements: AgreementEvidenceRow[] = [];
    const bySentence = new Map<number, Mention[]>();
    for (const m of doc.mentions) (bySentence.get(m.sentence) ?? bySentence.set(m.sentence, []).get(m.sentence)!).push(m);
    const eventsBySentence = new Map<number, EventRecord[]>();
    for (const e of doc.events) (eventsBySentence.get(e.sentence) ?? eventsBySentence.set(e.sentence, []).get(e.sentence)!).push(e);
    const countriesOf = (ms: Mention[]) => [...new Set(ms.filter((m) => m.via !== 'author' && m.country).map((m) => m.country!))];

    const pending: { nums: number[]; summary: string; year: string | null; own: AgreementEvidenceRow | null; s: AnalysisSentence }[] = [];
    for (const s of doc.sentences) {
      const ms = (bySentence.get(s.idx) ?? []).filter((m) => m.via !== 'author');
      const toks = s.toks ?? tokenize(s.text, s.start);
      const words = toks.filter((t) => /\p{L}/u.test(t.text)).length;
      const evs = eventsBySentence.get(s.idx) ?? [];

      // ---- claims
      if (words >= 6 && !s.text.trim().endsWith('?')) {
        const lk = likelihoodOf(toks, s.text);
        const newsy = evs.some((e) => e.modality === 'factual' && e.form === 'clause') && NEWS_PAST.test(s.text) && !lk;
        const kind = newsy ? null : claimKind(s.text, !!lk);
        const about = countriesOf(ms);
        if (kind && (about.length > 0 || kind !== 'assessment')) {
          const quoted = quotedHolder(s, toks, ms);
          const authors = s.sectionAuthors.length ? s.sectionAuthors : doc.authors;
          let holder: string, holderKind: ClaimRecord['holder_kind'];
          if (quoted) {
            holder = quoted.startsWith('person:') ? personName(quoted, ms) : quoted;
            holderKind = 'quoted';
          } else if (authors.length) {
            holder = authors.join('; ');
            holderKind = 'author';
          } else {
            holder = 'unknown';
            holderKind = 'unknown';
          }
          const span: Span = [s.start, s.start + s.text.length];
          claims.push({ id: `c_${hash64(`${doc.id}|${s.idx}`)}`, doc: doc.id, sentence: s.idx, span, quote: s.text, holder, holder_kind: holderKind, kind, about, likelihood: lk?.likelihood ?? null, wep: lk?.wep ?? null });
        }
      }

      // ---- flows
      const items: { item: string; category: FlowRecord['category']; at: number; end: number }[] = [];
      for (let i = 0; i < toks.length; i++) {
        const m = k.items.longestAt(toks, i);
        if (!m) continue;
        const [end, [it]] = m;
        if (!items.some((x) => x.item === it.item)) items.push({ ...it, at: toks[i].start, end: toks[end - 1].end });
        i = end - 1;
      }
      // "according to Ukrainian intelligence" names a source, not an item
      const acc = /\baccording to\b[^,.;]*/i.exec(s.text);
      // "… for its ICBMs" is what an item is for, not a second item
      const itemsHere = (acc ? items.filter((it) => !(it.at >= s.start + acc.index && it.at < s.start + acc.index + acc[0].length)) : items)
        .filter((it, k) => k === 0 || !/\bfor (?:its|their|his|her)\s+(?:[\w-]+\s+){0,2}$/i.test(s.text.slice(0, it.at - s.start)));
      if (itemsHere.length && ms.length) {
        for (const f of barterIn(s, itemsHere, ms) ?? flowsIn(s, itemsHere, ms, evs)) flows.push(f);
      }

      // ---- agreements
      for (const a of agreementsIn(s, ms, evs)) {
        agreements.push(a);
      }
      for (const m of s.text.matchAll(ARTICLES)) {
        const after = s.text.slice(m.index! + m[0].length, m.index! + m[0].length + 40);
        const year = /^\s*of the (?:\w+\s){0,2}?((?:19|20)\d{2})\b/i.exec(after)?.[1] ?? null;
        const at = s.start + m.index!;
        // "Article 51 of the UN Charter", or "the UN Charter's Article 51"
        const own = agreements.find((x) => (x.span[0] >= at + m[0].length && x.span[0] - (at + m[0].length) <= 12) || (x.span[1] <= at && at - x.span[1] <= 3)) ?? null;
        const nums = [m[1], ...(m[2].match(/\d+/g) ?? [])].map(Number);
        // "the UN Charter's Article 51": another document's article, not the treaty's
        const possessor = /(\w+)[’']s\s+$/.exec(s.text.slice(0, m.index!))?.[1];
        if (!own && possessor && !/^(?:treaty|pact|agreement|accord)$/i.test(possessor)) {
          const named = agreements.find((x) => x.name.includes(possessor));
          if (named) pending.push({ nums, summary: articleSummary(s.text, m.index! + m[0].length), year, own: named, s });
          continue;
        }
        pending.push({ nums, summary: articleSummary(s.text, m.index! + m[0].length), year, own, s });
      }
    }
    // unqualified articles ("Article 4 of the new treaty") belong to the treaty the piece is about:
    // the newest named one, else one built from the signing events the piece reports
    const treaties = agreements.filter((x) => !CHARTER.test(x.name));
    let main = [...treaties].sort((x, y) => (y.signed ?? '').localeCompare(x.signed ?? ''))[0] ?? null;
    if (!main && pending.length) {
      const sign = doc.events.find((e) => e.cameo === '057' && e.source_country && e.target_country);
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
        // the sentence describing an article is evidence too
        agreements.push({ ...target, span: [p.s.start, p.s.start + p.s.text.length], quote: p.s.text });
      }
    }
    return { claims, flows, agreements: mergeAgreements(agreements), compliance: [] };

    /** "swapped artillery rounds for Russian grain": two flows, opposite ways */
    function barterIn(s: AnalysisSentence, items: { item: string; category: FlowRecord['category']; at: number; end: number }[], ms: Mention[]): FlowEvidenceRow[] | null {
      if (items.length < 2) return null;
      const [a, b] = items;
      const between = s.text.slice(a.end - s.start, b.at - s.start);
      if (!/^\s+(?:\w+\s+){0,2}?(?:for|in (?:exchange|return) for)\s+(?:\w+\s+){0,2}$/i.test(between) && !/\b(?:swap|trade|barter|exchange)/i.test(s.text.slice(0, a.at - s.start))) return null;
      if (!/^\s+(?:\w+\s+){0,3}?(?:for|in (?:exchange|return) for)\s/i.test(between)) return null;
      const actors = ms.filter((m) => m.country && m.via !== 'place');
      const subj = actors[0];
      const other = actors.find((m) => m.country !== subj?.country);
      if (!subj || !other) return null;
      const span: Span = [s.start, s.start + s.text.length];
      const mk = (it: typeof a, g: string, r: string): FlowEvidenceRow => ({ id: `f_${hash64(`${g}|${r}|${it.item}`)}`, giver: g, receiver: r, item: it.item, category: it.category, status: 'delivered', span, quote: s.text });
      return [mk(a, subj.country!, other.country!), mk(b, other.country!, subj.country!)];
    }

    function flowsIn(s: AnalysisSentence, items: { item: string; category: FlowRecord['category']; at: number; end: number }[], ms: Mention[], evs: EventRecord[]): FlowEvidenceRow[] {
      const text = s.text;
      if (NEGATED.test(text.slice(0, Math.max(0, items[0].at - s.start)).split(/[,;]/).pop() ?? '') && /\b(?:not|n't|never|denie[sd]|deny|refused?)\b/i.test(text)) return [];
      const actors = ms.filter((m) => m.country && m.via !== 'place');
      const countryAt = (m: Mention) => m.country!;
      const firstItem = items[0].at;
      const before = actors.filter((m) => m.span[1] <= firstItem);
      const after = actors.filter((m) => m.span[0] >= firstItem);
      const rel = (re: RegExp) => {
        const m = re.exec(text);
        return m ? s.start + m.index : -1;
      };
      const want = rel(WANT), give = rel(GIVE), receive = rel(RECEIVE), nominal = rel(NOMINAL_GIVE);
      let giver: string | null = null, receiver: string | null = null;
      let status: FlowStatus = 'delivered';
      const toAfter = (re: RegExp) => {
        const m = re.exec(text);
        if (!m) return null;
        const at = s.start + m.index + m[0].length;
        return actors.find((x) => x.span[0] >= at && x.span[0] - at <= 12) ?? null;
      };
      const fromX = toAfter(/\bfrom\s+(?:the\s+)?/i);
      const toX = toAfter(/\b(?:to|for|with)\s+(?:the\s+)?/i);
      if (want >= 0 && (give < 0 || want < give)) {
        const subj = actors.filter((m) => m.span[1] <= want).pop() ?? before.at(-1) ?? null;
        receiver = subj ? countryAt(subj) : null;
        // "asked Moscow for", "is pressing Washington for": the one asked gives
        const asked = /\b(?:ask(?:s|ed|ing)?|press(?:es|ed|ing)?|urg(?:e|es|ed|ing)|lobb(?:y|ies|ied|ying)|court(?:s|ed|ing)?|request(?:s|ed|ing)?)\s+(?:the\s+)?$/i;
        const objOfAsk = actors.find((m) => m.span[0] > want && m.country !== receiver && asked.test(text.slice(0, m.span[0] - s.start)));
        // "wants Moscow to invest", "hopes Moscow will share": the one wanted of gives
        const wantedOf = actors.find((m) => m.span[0] > want && m.span[0] - want <= 24 && m.country !== receiver && /^\s*(?:to|will|would|could)\b/.test(text.slice(m.span[1] - s.start)));
        giver = fromX && fromX.country !== receiver ? countryAt(fromX) : objOfAsk ? countryAt(objOfAsk) : wantedOf ? countryAt(wantedOf) : null;
        status = 'sought';
      } else if (receive >= 0 && (give < 0 || receive < give)) {
        const subj = actors.filter((m) => m.span[1] <= receive).pop() ?? null;
        receiver = subj ? countryAt(subj) : null;
        giver = fromX ? countryAt(fromX) : after.find((m) => m.country !== receiver)?.country ?? null;
      } else if (give >= 0) {
        const subj = actors.filter((m) => m.span[1] <= give).pop() ?? null;
        giver = subj ? countryAt(subj) : null;
        receiver = toX && toX.country !== giver ? countryAt(toX) : actors.find((m) => m.span[0] > give && m.country !== giver)?.country ?? null;
      } else if (nominal >= 0) {
        // "Russian assistance with …", "the sale of shells to Russia", "Moscow's supply of …"
        const pre = actors.filter((m) => m.span[1] <= nominal && nominal - m.span[1] <= 4).pop();
        giver = pre ? countryAt(pre) : fromX ? countryAt(fromX) : null;
        receiver = toX && toX.country !== giver ? countryAt(toX) : null;
        if (!giver && receiver) giver = actors.find((m) => m.country !== receiver)?.country ?? null;
        if (giver && !receiver) receiver = actors.find((m) => m.country !== giver)?.country ?? null;
      } else {
        return [];
      }
      if (!giver && !receiver) return [];
      if (giver && giver === receiver) return [];
      if (status !== 'sought') {
        if (POSSIBLE_RE.test(text)) status = 'possible';
        else if (PROMISE_RE.test(text)) status = 'promised';
        const ev = evs.find((e) => e.root === '06' || e.root === '07');
        if (ev?.modality === 'future') status = 'promised';
        if (ev?.modality === 'possible') status = 'possible';
      }
      const span: [number, number] = [s.start, s.start + text.length];
      // "from Norway and Denmark": each is a giver
      const givers = [giver];
      if (fromX && giver === fromX.country) {
        let cur = fromX;
        for (;;) {
          const nxt = actors.find((m) => m.span[0] > cur.span[1] && /^\s*(?:,|and|, and)\s*(?:the\s+)?$/.test(text.slice(cur.span[1] - s.start, m.span[0] - s.start)));
          if (!nxt) break;
          givers.push(nxt.country);
          cur = nxt;
        }
      }
      return givers.flatMap((gv) => items.map((it) => ({ it, gv }))).map(({ it, gv }) => {
        const giver = gv;
        // "Russian gas", "North Korean workers": a country adjective before the item names where it comes from
        const origin = actors.find((m) => m.via === 'adj' && m.span[1] <= it.at && it.at - m.span[1] <= 26 && /^[\s\p{L}-]*$/u.test(text.slice(m.span[1] - s.start, it.at - s.start)));
        let g = giver, r = receiver;
        if (origin && origin.country !== receiver && (status === 'sought' || receive >= 0 || !g)) {
          g = origin.country;
          if (!r) r = actors.find((m) => m.country !== g)?.country ?? null;
        }
        return { id: `f_${hash64(`${g}|${r}|${it.item}`)}`, giver: g, receiver: r, item: it.item, category: it.category, status, span, quote: text };
      }).filter((f) => !(f.giver && f.giver === f.receiver));
    }

    function agreementsIn(s: AnalysisSentence, ms: Mention[], evs: EventRecord[]): AgreementEvidenceRow[] {
      const out: AgreementEvidenceRow[] = [];
      for (const m of s.text.matchAll(NAMED)) {
        let name = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '').trim().replace(LEAD_NOISE, '').replace(/^the\s+/i, '').replace(/[\s,.;:]+$/, '');
        name = name.replace(/\s+(?:and|of|on|the|between|with)$/i, '');
        // a bare word ("Agreement", "the treaty") is not a name
        if (!m[5] && (!/[A-Z]/.test(name.replace(new RegExp(`^${AGREEMENT_WORD}$`), '')) || (name.split(/\s+/).length < 2 && !m[3]))) continue;
        if (/^(?:A|An|This|That|Its|Their)\s/i.test(name)) continue;
        const at = s.start + m.index! + m[0].indexOf(name);
        const span: Span = [at, at + name.length];
        const inside = ms.filter((x) => x.span[0] >= span[0] && x.span[1] <= span[1] && x.country);
        const parties = [...new Set((inside.length >= 2 ? inside : ms.filter((x) => x.country && x.via !== 'place')).map((x) => x.country!))].sort();
        const yearInName = /\b((?:19|20)\d{2})\b/.exec(m[0]);
        const signEv = evs.find((e) => e.cameo === '057');
        let signed: string | null = yearInName ? yearInName[1] : null;
        if (/\bsign(?:ed|ing)\b|\binked\b|\bconcluded\b/i.test(s.text)) {
          const d = findDates(s.text, doc.published).find(() => true);
          signed = d?.date ?? signEv?.date ?? signed;
        }
        const status = statusOf(s.text, !!signed);
        out.push({ agreement: `a_${hash64(normName(name).replace(/\s+between\s.*$/, ''))}`, name, parties: parties.slice(0, 6), signed, status, articles: [], span, quote: s.text.slice(span[0] - s.start, span[1] - s.start) });
      }
      return out;
    }
  };
}

function statusOf(text: string, signed: boolean): string {
  if (/\bwithdr[ae]w|\bwithdrawal|\bpulled out|\bscrapped|\babandon/i.test(text)) return 'withdrawn';
  if (/\bsuspend/i.test(text)) return 'suspended';
  if (/\bexpired?\b|\blapsed?\b/i.test(text)) return 'expired';
  if (/\bratif/i.test(text)) return 'ratified';
  if (/\b(?:in force|entered into force|took effect|takes effect)\b/i.test(text)) return 'in-force';
  if (/\bnegotiat/i.test(text)) return 'negotiating';
  if (/\bpropos/i.test(text)) return 'proposed';
  return signed || /\bsign(?:ed|ing)\b/i.test(text) ? 'signed' : 'referenced';
}

/** The words that identify an agreement: "Treaty on Comprehensive Strategic Partnership" and
 *  "the Comprehensive Strategic Partnership treaty" are one. */
function normName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[“”"'’]/g, '')
    .replace(/\b(?:the|treaty|agreement|pact|accord|on|of|for|a|an)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function articleSummary(text: string, from: number): string {
  let rest = text.slice(from).replace(/^[\s,)]*(?:of the (?:new )?(?:treaty|pact|agreement),?\s*)?/i, '');
  rest = rest.replace(/^(?:which|that)\s+/i, '').replace(/^(?:on|about|concerning)\s+/i, '');
  rest = rest.replace(/[“”"]/g, '').split(/(?<=\.)\s|;/)[0].replace(/[.,\s]+$/, '');
  return rest.length > 160 ? rest.slice(0, 157).replace(/\s\S*$/, '') + '…' : rest;
}

/** One evidence row per mention of an agreement; articles and parties accumulate on every row of the same agreement. */
function mergeAgreements(rows: AgreementEvidenceRow[]): AgreementEvidenceRow[] {
  const byId = new Map<string, AgreementEvidenceRow[]>();
  for (const r of rows) (byId.get(r.agreement) ?? byId.set(r.agreement, []).get(r.agreement)!).push(r);
  for (const group of byId.values()) {
    const arts = new Map<number, AgreementEvidenceRow['articles'][number]>();
    for (const r of group) for (const a of r.articles) if (!arts.has(a.number)) arts.set(a.number, a);
    const all = [...arts.values()].sort((x, y) => x.number - y.number);
    // the formal name (its agreement word capitalised) over a description; the parties most rows give
    const formal = (n: string) => (new RegExp(`\\b${AGREEMENT_WORD}\\b`).test(n) ? 0 : 1);
    const name = group.map((r) => r.name).sort((x, y) => formal(x) - formal(y) || x.length - y.length)[0];
    const votes = new Map<string, number>();
    for (const r of group) if (r.parties.length >= 2) votes.set(r.parties.join('|'), (votes.get(r.parties.join('|')) ?? 0) + 1);
    const best = [...votes.entries()].sort((x, y) => y[1] - x[1] || x[0].split('|').length - y[0].split('|').length)[0];
    const parties = best ? best[0].split('|') : group.map((r) => r.parties).sort((x, y) => y.length - x.length)[0];
    const signed = group.map((r) => r.signed).filter(Boolean).sort((x, y) => y!.length - x!.length)[0] ?? null;
    for (const r of group) Object.assign(r, { articles: all, name, parties, signed });
  }
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.agreement}|${r.span[0]}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Events and flows that touch a sanctions provision, with the reason. */
export function complianceFor(k: AnalysisKnowledge, docId: string, text: string, flows: FlowEvidenceRow[], events: EventRecord[]): ComplianceRow[] {
  if (flows.length === 0 && !events.some((e) => e.root === '06' || e.root === '07')) return [];
  const named = new Set([...text.matchAll(/\b(\d{4})\b/g)].map((m) => m[1]));
  // per provision, the resolution that first set it, plus any the text itself names
  const relevant = k.provisions.filter((p) => p.founding || named.has(p.resolution.replace(/\D/g, '')));
  // one flag per subject and kind of provision: the earliest resolution that sets it, the later ones named in the reason
  const byKey = new Map<string, ComplianceRow & { also: string[] }>();
  const add = (subject: string, p: (typeof relevant)[number], reason: string, span: Span, quote: string) => {
    const kind = p.label.toLowerCase().replace(/\(.*?\)/g, '').replace(/[^a-z ]+/g, ' ').split(/\s+/).filter((w) => w.length > 3).slice(0, 2).join(' ');
    const key = `${subject}|${p.target}|${kind}`;
    const prev = byKey.get(key);
    if (prev) {
      if (prev.regime !== p.resolution && !prev.also.includes(p.resolution)) prev.also.push(p.resolution);
      return;
    }
    const row = { id: `x_${hash64(`${docId}|${key}`)}`, subject, regime: p.resolution, provision: p.label, reason, span, quote, also: [] as string[] };
    byKey.set(key, row);
  };
  for (const f of flows) {
    for (const p of relevant) {
      const dir = f.giver === p.target && p.directions.includes('from_target') ? 'from' : f.receiver === p.target && p.directions.includes('to_target') ? 'to' : null;
      if (!dir) continue;
      const itemHit = p.items.some((i) => i.toLowerCase() === f.item.toLowerCase() || f.item.toLowerCase().includes(i.toLowerCase()) || i.toLowerCase().includes(f.item.toLowerCase()));
      if (!p.categories.includes(f.category) && !itemHit) continue;
      add(f.id, p, `${f.category === 'arms' ? 'arms' : f.item} transfer ${dir} ${p.target}: ${f.item} (${f.giver ?? '?'} → ${f.receiver ?? '?'}, ${f.status})`, f.span, f.quote);
    }
  }
  for (const e of events) {
    if (e.modality === 'negated') continue;
    for (const p of relevant) {
      if (!p.cameo.includes(e.cameo)) continue;
      const dir = e.source_country === p.target && p.directions.includes('from_target') ? 'from' : e.target_country === p.target && p.directions.includes('to_target') ? 'to' : null;
      if (!dir || !e.target_country || e.source_country === e.target_country) continue;
      add(e.id, p, `CAMEO ${e.cameo} ${dir} ${p.target} (${e.source_country} → ${e.target_country}, ${e.modality})`, e.span, e.quote);
    }
  }
  // the provision's later resolutions, in the reason
  return [...byKey.values()].map(({ also, ...row }) => (also.length ? { ...row, reason: `${row.reason}; also under ${also.join(', ')}` } : row));
}
