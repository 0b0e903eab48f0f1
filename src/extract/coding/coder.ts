/**
 * Event coding over one sentence: find triggers (verbs and event nouns from the pattern
 * data), then their source and target from the sentence's shallow structure (subject
 * before the verb, object or prepositional target after it, passives, coordination,
 * possessives and compounds for nominals), then modality, attribution, date and place.
 */
import type { EventRecord, Location, Mention, Modality } from '../../core/types.js';
import type { Codebook } from '../../knowledge/codebook.js';
import type { NounPattern, Patterns, VerbPattern } from '../../knowledge/patterns.js';
import type { Token } from '../../nlp/nlp.js';
import { hash64 } from '../../knowledge/text.js';
import { findDates, resolveEventDate, type Found } from '../dates/find.js';

export interface SentenceContext {
  doc: string;
  idx: number;
  text: string;
  start: number;
  /** document publication date (ISO, any precision) */
  published: string | null;
  /** the sentence is in the article's lead (its current news) */
  lead: boolean;
  tokens: Token[];
  mentions: Mention[];
  /** places named in the sentence (gazetteer hits) */
  places: { span: [number, number]; location: Location; loose?: boolean }[];
}

interface Participant {
  m: Mention;
  how: string;
}

interface Trigger {
  tok: number;
  /** last token of the trigger phrase (object noun for object-conditioned verbs) */
  end: number;
  code: string;
  pattern: string;
  form: 'clause' | 'nominal';
  sources: Participant[];
  targets: Participant[];
  symmetric: boolean;
  reverse?: string;
  noTarget: boolean;
  /** governed by a denial ("denied supplying arms") */
  negatedBy?: boolean;
  /** fixed by what governs it (a stated intention or refusal is itself a fact) */
  modality?: Modality;
}

const BE = new Set(['be', 'get']);
const IRREGULAR_PAST: Record<string, string> = {
  shot: 'shoot', struck: 'strike', sent: 'send', sold: 'sell', held: 'hold', met: 'meet', fought: 'fight', gave: 'give', took: 'take',
  flew: 'fly', began: 'begin', led: 'lead', hit: 'hit', bought: 'buy', froze: 'freeze', swore: 'swear', threw: 'throw', told: 'tell', cut: 'cut',
};
/** verbs of intention: what they govern is coded as one 03 event */
const INTENT = new Set(['agree', 'offer', 'pledge', 'promise', 'vow', 'propose', 'commit']);
/** verbs that code only themselves when they govern another act */
const GOVERNING = new Set(['accuse', 'blame', 'urge', 'call', 'ask', 'demand', 'press', 'pressure', 'request', 'appeal', 'refuse', 'reject', 'decline', 'condemn', 'criticize', 'criticise', 'praise', 'thank', 'invite', 'allow', 'block', 'veto', 'oppose']);
/** roles whose protests are demonstrations, not diplomatic protests */
const STREET_ROLES = new Set(['OPP', 'CVL', 'EDU', 'LAB', 'REB', 'REL', 'BUS', 'MED', 'REF', 'SEP', 'AGR']);
const NEG = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'without']);
const POSSIBLE = new Set(['may', 'might', 'could', 'would', 'likely', 'possibly', 'perhaps', 'potentially', 'probably', 'reportedly?', 'unlikely', 'possible', 'potential', 'should', 'can', 'maybe', 'conceivably']);
const FUTURE = new Set(['will', "'ll", 'shall', 'plan', 'planned', 'plans', 'planning', 'upcoming', 'scheduled', 'expected', 'intend', 'intends', 'set', 'prepare', 'preparing', 'prepared', 'prepares', 'future', 'forthcoming', 'proposed', 'next']);
const CLAUSE_BREAK = new Set([';', 'but', 'while', 'whereas', 'although', 'though', 'because', 'since', 'whom', 'which', 'who', '"', '“', '”', 'after', 'before', 'when', 'until', 'unless', 'if']);
/** words that open a clause: a subject may follow them directly ("after Hungarian officials met …") */
const POSSESSIVE_PRONOUNS = new Set(['its', 'their']);
const QUOTES = new Set(['"', '“', '”', "'", '‘', '’']);
const SUBORD = new Set(['after', 'before', 'when', 'while', 'until', 'unless', 'if', 'because', 'since', 'although', 'though', 'as', 'once']);
const PREP_POS = new Set(['ADP']);
/** verbs whose object noun carries the event ("paid a visit", "held talks", "made a trip") */
const LIGHT_VERBS = new Set(['make', 'pay', 'hold', 'conduct', 'launch', 'begin', 'start', 'stage', 'carry', 'undertake', 'wrap', 'complete', 'host', 'attend', 'join', 'open', 'end', 'resume', 'announce', 'plan', 'propose', 'seek', 'impose', 'order', 'authorize', 'approve', 'continue', 'step', 'intensify', 'escalate', 'mount', 'unleash', 'carry out', 'claim', 'accept', 'admit']);


export function createEventCoder(patterns: Patterns, codebook: Codebook) {
  return function code(ctx: SentenceContext): EventRecord[] {
    const toks = ctx.tokens;
    if (toks.length < 3) return [];
    // participants: mentions that can be actors (places and authors cannot)
    const parts = ctx.mentions.filter((m) => m.via !== 'author');
    const tokOf = (m: Mention) => toks.findIndex((t) => t.end > m.span[0]);
    const mentionTok = parts.map((m) => ({ m, first: tokOf(m), last: lastTok(toks, m.span[1]) }));
    const lemmaAt = (i: number) => compoundLemma(toks, i);
    const inMention = new Uint8Array(toks.length);
    for (const x of mentionTok) for (let j = Math.max(0, x.first); j <= x.last; j++) inMention[j] = 1;
    // a clause ends at ; or a subordinator, and at ", and" / ", but" before a new clause
    const brk = (j: number) => CLAUSE_BREAK.has(toks[j].norm) || (toks[j].norm === ',' && ['and', 'but', 'while', 'as', 'which', 'who', 'whereas'].includes(toks[j + 1]?.norm ?? ''));

    const triggers: Trigger[] = [];
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      // inside an actor mention: never a trigger ("the Summit" in a name is rare; "Korea" never)
      if (inMention[i]) continue;
      const lemma = lemmaAt(i);
      if (t.pos === 'VERB' && /ed$/.test(t.norm) && i > 0 && ['DET', 'NUM'].includes(toks[i - 1].pos)) continue; // "five detained Americans"
      if (t.pos === 'VERB' && /ed$/.test(t.norm) && i > 0 && toks[i - 1].pos === 'VERB' && ['ADJ', 'PROPN'].includes(toks[i + 1]?.pos ?? '') && toks[i + 2]?.pos === 'NOUN') continue; // "released captured Indian pilots"
      if (i >= 2 && toks[i - 1].norm === 'have' && ['would', 'could', 'might', "'d"].includes(toks[i - 2].norm)) continue; // "would have tightened": did not happen
      if (/ing$/.test(t.norm) && toks[i - 1]?.norm === ',') continue; // ", committing the two countries": an adjunct of the main event
      if (/ing$/.test(t.norm) && ['on', 'about', 'regarding', 'concerning'].includes(toks[i - 1]?.norm ?? '')) continue; // "a treaty on expanding cooperation": a topic, not an act
      if (t.norm === 'given' && (i === 0 || [',', 'and', 'but', 'yet', '(', ';'].includes(toks[i - 1].norm)) && ['DET', 'ADJ', 'NOUN', 'PROPN', 'PRON'].includes(toks[i + 1]?.pos ?? '')) continue; // "given the emasculation of the UNSC": a preposition
      // the tagger calls some past-tense verbs adjectives or nouns ("Qatar mediated", "F-16s shot down"):
      // a past form right after an actor is read as the verb it is
      const mistagged =
        (t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN') && i > 0 && afterActor(i) ? pastLemma(t.norm)
        : t.pos === 'NOUN' && toks[i - 1]?.norm === 'by' && /ing$/.test(t.norm) ? gerundLemma(t.norm)
        // after a modal or infinitive "to" a word is a verb ("would free", "to free"): the tagger reads some as adjectives
        : (t.pos === 'ADJ' || t.pos === 'NOUN') && ['would', 'will', 'could', 'can', 'may', 'might', 'to', 'should', 'must'].includes(toks[i - 1]?.norm ?? '') && patterns.verbs.has(t.norm) && toks[i + 1] && ['DET', 'NUM', 'PROPN', 'ADJ', 'ADV', 'ADP'].includes(toks[i + 1].pos) ? t.norm
        : null;
      if (t.pos === 'VERB' || mistagged || (t.pos === 'NOUN' && lemma.includes('-') && patterns.verbs.has(lemma))) {
        // (wink lemmatizes some -ed forms short, "staged" → "stag": the regular past stem is tried too)
        const vp = patterns.verbs.get(mistagged ?? lemma) ?? (t.pos === 'VERB' && /ed$/.test(t.norm) ? patterns.verbs.get(pastLemma(t.norm) ?? '') : undefined);
        // a "verb" between a modifier and a noun is a noun the tagger missed ("satellite launch attempts")
        const inCompound = t.pos === 'VERB' && i > 0 && ['DET', 'ADJ', 'NOUN', 'NUM', 'PROPN'].includes(toks[i - 1].pos) && toks[i - 1].norm !== 'to' && !inMention[i - 1] && (!toks[i + 1] || ['NOUN', 'PUNCT', 'ADP', 'CCONJ'].includes(toks[i + 1].pos));
        // "in Israeli tank shelling": an -ing form after a noun and a preposition is the noun
        const gerundNoun = inCompound && /ing$/.test(t.norm) && toks[i - 1].pos === 'NOUN' && toks.slice(Math.max(0, i - 4), i - 1).some((x) => x.pos === 'ADP');
        const tr = vp && !vp.attribution && !gerundNoun ? verbTrigger(i, vp) : null;
        if (tr) triggers.push(tr);
        if (tr || !inCompound) continue;
      }
      const nounish = t.pos === 'NOUN' || t.pos === 'PROPN' || (t.pos === 'VERB' && i > 0 && ['DET', 'ADJ', 'NOUN', 'NUM'].includes(toks[i - 1].pos) && toks[i - 1].norm !== 'to');
      if (nounish) {
        // ("drones struck": a noun and a verb are no compound noun)
        const two = i + 1 < toks.length && toks[i + 1].pos !== 'VERB' ? `${toks[i].lemma} ${toks[i + 1].lemma}` : '';
        const np = patterns.nouns.get(two) ?? patterns.nouns.get(toks[i].lemma) ?? (/ing$/.test(toks[i].norm) ? patterns.nouns.get(toks[i].norm) : undefined);
        if (np && !(patterns.nouns.has(two) === false && isPartOfLongerNoun(i))) {
          const tr = nounTrigger(i, patterns.nouns.has(two) ? i + 1 : i, np);
          if (tr) triggers.push(tr);
        }
      }
    }

    // a noun that is a clause trigger's object ("imposed sanctions on") is not a second event
    for (let j = triggers.length - 1; j >= 0; j--) {
      const n = triggers[j];
      if (n.form === 'nominal' && triggers.some((c) => c.form === 'clause' && n.tok > c.tok && n.tok <= c.end)) triggers.splice(j, 1);
    }
    intentions(triggers);
    governance(triggers);
    const events: EventRecord[] = [];
    // time expressions: parsed once per sentence, for what happened and for what is expected
    const dates: { past?: Found[]; future?: Found[] } = {};
    for (const tr of triggers) {
      const modality = modalityOf(tr);
      const pairs: [Participant, Participant | null, string][] = [];
      const srcs = dedupeParts(tr.sources);
      const tgts = dedupeParts(tr.targets);
      if (tr.code.startsWith('15') && tgts.length === 0) {
        // joint drills: each participant shows force; no dyad between partners
        for (const a of srcs) pairs.push([a, null, tr.code]);
      } else if (tr.symmetric && tgts.length === 0 && srcs.length >= 2) {
        for (const a of srcs) for (const b of srcs) if (distinct(a.m, b.m)) pairs.push([a, b, tr.code]);
      } else if (tgts.length) {
        for (const a of srcs) for (const b of tgts) {
          if (!distinct(a.m, b.m)) continue;
          pairs.push([a, b, tr.code]);
          if (tr.reverse && modality !== 'negated') pairs.push([b, a, tr.reverse]); // nobody hosts a visit that did not happen
          if (tr.symmetric && tr.form === 'nominal' && srcs.length === 1) pairs.push([b, a, tr.code]);
        }
      } else if (tr.noTarget || (tr.code.startsWith('14') && tr.form === 'clause')) {
        // a protest, strike or rally aimed at nobody named is still an act of its own
        for (const a of srcs) pairs.push([a, null, tr.code]);
      }
      if (!pairs.length) continue;
      // attribution, date and place only for a trigger that makes events (chrono is the dearest step)
      const attributed = attribution(tr);
      const which = modality === 'future' ? 'future' : 'past';
      dates[which] ??= findDates(ctx.text, ctx.published, which === 'future' ? 'future' : 'factual');
      const dated = resolveEventDate(dates[which]!, ctx.start, toks[tr.tok].start, clauseBounds(tr.tok));
      let date = dated;
      if (!date && ctx.lead && modality === 'factual' && tr.form === 'clause' && ctx.published) date = ctx.published.slice(0, 7);
      const location = locationOf(tr);
      for (const [s, t, code] of pairs) {
        const info = codebook.lookup(code);
        const lo = Math.min(s.m.span[0], toks[tr.tok].start, t ? t.m.span[0] : Infinity);
        const hi = Math.max(s.m.span[1], toks[tr.end].end, t ? t.m.span[1] : -Infinity);
        const span: [number, number] = [lo, hi];
        const quote = ctx.text.slice(lo - ctx.start, hi - ctx.start);
        const conf = Math.min(0.95, 0.5 + (s.how === 'subject' || s.how === 'by' || s.how === 'possessive' || s.how === 'compound' ? 0.2 : 0.1) + (t ? (t.how === 'object' || t.how.startsWith('prep') || t.how === 'compound' ? 0.2 : 0.1) : 0.1));
        const id = `e_${hash64(`${ctx.doc}|${span}|${s.m.actor}|${t?.m.actor ?? ''}|${code}|${modality}|${date ?? ''}|${tr.form}`)}`;
        events.push({
          id,
          doc: ctx.doc,
          sentence: ctx.idx,
          span,
          quote,
          source: s.m.actor,
          source_country: s.m.country,
          source_org: s.m.org,
          source_role: s.m.role,
          target: t?.m.actor ?? null,
          target_country: t?.m.country ?? null,
          target_org: t?.m.org ?? null,
          target_role: t?.m.role ?? null,
          cameo: info.code,
          root: info.root,
          plover: info.plover,
          plover_mode: info.mode,
          goldstein: info.goldstein,
          quad: info.quad,
          date,
          location,
          modality,
          form: tr.form,
          attributed_to: attributed,
          confidence: Math.round(conf * 100) / 100,
          cluster: `k_${hash64(`${s.m.country ?? s.m.org ?? s.m.actor}|${t ? t.m.country ?? t.m.org ?? t.m.actor : ''}|${info.root}|${date ?? ''}`)}`,
          corroboration: 1,
          reason: `${tr.form} "${tr.pattern}" → ${info.code} ${info.label}; source "${s.m.text}" (${s.how}); target ${t ? `"${t.m.text}" (${t.how})` : 'none'}${modality !== 'factual' ? `; ${modality}` : ''}`,
        });
      }
    }
    return events;

    // ---- triggers ----------------------------------------------------------------

    /**
     * A verb that governs another trigger ("offered to mediate", "accused X of supplying",
     * "urged X to lift", "denied sending") decides what is coded: an intention is one 03
     * event, an accusation or appeal codes only itself, a denial negates what it governs.
     */
    function governance(trs: Trigger[]): void {
      const drop = new Set<Trigger>();
      for (const inner of trs) {
        if (inner.form !== 'clause') continue;
        const a = clauseStart(inner.tok);
        for (const outer of trs) {
          if (outer === inner || outer.form !== 'clause' || outer.tok >= inner.tok || outer.tok < a || inner.tok - outer.end > 8) continue;
          const link = toks.slice(outer.end + 1, inner.tok).map((t) => t.norm);
          if (!(link.includes('to') || link.includes('of') || link.includes('that') || toks[inner.tok].norm.endsWith('ing'))) continue;
          const ol = toks[outer.tok].lemma;
          if (INTENT.has(ol)) {
            if (inner.modality) {
              // "vowed never to recognise": the refusal stands, the vow is its wording
              drop.add(outer);
              continue;
            }
            outer.code = intentCode(inner.code) ?? outer.code;
            if (outer.targets.length === 0) outer.targets = inner.targets;
            // "X and Y pledged to strengthen their ties": a joint intention runs both ways
            if (outer.targets.length === 0 && inner.symmetric) outer.symmetric = true;
            drop.add(inner);
          } else if (ol === 'deny') {
            inner.negatedBy = true;
            drop.add(outer);
          } else if (ol === 'threaten' || ol === 'warn') {
            if (['18', '19', '20'].includes(inner.code.slice(0, 2))) outer.code = '138';
            if (outer.targets.length === 0) outer.targets = inner.targets;
            drop.add(inner);
          } else if (GOVERNING.has(ol)) {
            if (outer.targets.length === 0) outer.targets = inner.targets;
            drop.add(inner);
          }
        }
      }
      for (let j = trs.length - 1; j >= 0; j--) if (drop.has(trs[j])) trs.splice(j, 1);
    }

    /**
     * Wishes, appeals and refusals around an act ("wants to help Y", "wants Y to extradite",
     * "said it would not send"): the stated wish or refusal is the event, as CAMEO codes it.
     * - X wants Y to do Z → X→Y 02 (an appeal; Z is not coded), sought;
     * - X wants/seeks/hopes/aims to do Z to Y, as Z's own source → 03 when Z cooperates,
     *   13 when Z coerces or attacks (an expressed intent to use force is a threat), factual;
     * - X said it would not / will not / vowed never to do Z to Y → 12 (a refusal), factual.
     * Acquiring something ("seeks to buy drones from Iran") keeps its own code: its source is the giver.
     */
    function intentions(trs: Trigger[]): void {
      const claims: Trigger[] = [];
      for (let n = 0; n < trs.length; n++) {
        const inner = trs[n];
        const own = claimedOwnAttack(inner);
        if (own) claims.push(own);
        if (declared(inner)) continue;
        const wish = wished(inner, trs);
        if (wish) trs[n] = wish;
      }
      trs.push(...claims);
    }

    /** the same actors on both lists (by country, organisation or id) */
    function sameSide(a: Participant[], b: Participant[]): boolean {
      return a.some((q) => b.some((p) => key(p.m) === key(q.m)));
    }

    /** the trigger restated as what governs it: a fact of its own, coded `code` */
    function restate(tr: Trigger, code: string, pattern: string): void {
      tr.code = code;
      tr.modality = 'factual';
      tr.reverse = undefined;
      tr.pattern = pattern;
    }

    /** "the US claimed that they had attacked Iraq": claiming one's own attack is 015 as well as the attack */
    function claimedOwnAttack(inner: Trigger): Trigger | null {
      if (!/^(?:17|18|19|20)/.test(inner.code) || inner.form !== 'clause' || !inner.targets.length) return null;
      let cv = -1;
      for (let j = Math.max(0, inner.tok - 8); j < inner.tok && cv < 0; j++) if (toks[j].pos === 'VERB' && (toks[j].lemma === 'claim' || toks[j].lemma === 'admit' || toks[j].lemma === 'acknowledge')) cv = j;
      if (cv < 0 || !sameSide(subjectOf(cv), inner.sources)) return null;
      return { tok: cv, end: inner.end, code: '015', pattern: `${toks[cv].lemma} … own ${inner.pattern}`, form: 'clause', sources: inner.sources, targets: inner.targets, symmetric: false, noTarget: false, modality: 'factual' };
    }

    /**
     * Declarations: "will not send", "would never attend", "vowed not to" (refusals, 12); "said it
     * would retaliate", "said Turkey would buy" (the actor's stated intention, 03/13). True when
     * the trigger was restated.
     */
    function declared(inner: Trigger): boolean {
      const r = inner.code.slice(0, 2);
      const coop = ['02', '03', '04', '05', '06', '07', '08'].includes(r);
      if (!coop && !['16', '17', '18', '19', '20'].includes(r)) return false;
      const a = clauseStart(inner.tok);
      // a nominal is declared through the verb that governs it ("would not join any talks")
      let head = inner.tok;
      if (inner.form === 'nominal') {
        head = -1;
        for (let j = inner.tok - 1; j >= Math.max(a, inner.tok - 7) && head < 0; j--) if (toks[j].pos === 'VERB') head = j;
        if (head < 0) return false;
      }
      const w = toks.slice(Math.max(a, head - 4), head).map((t) => t.norm);
      let wi = -1;
      for (let j = w.length - 1; j >= 0 && wi < 0; j--) if (['will', 'would', 'wo', "'ll"].includes(w[j])) wi = j;
      const neg = wi >= 0 && ['not', "n't", 'never'].includes(w[wi + 1] ?? '');
      const vowedNot = (w.includes('not') || w.includes('never')) && w[w.length - 1] === 'to' && toks.slice(Math.max(0, head - 5), head).some((t) => ['vow', 'pledge', 'promise', 'swear', 'insist'].includes(t.lemma));
      if (wi < 0 && !vowedNot) return false;
      // who says it: a refusal or intention is the actor's own statement, not someone's prediction
      let speech = -1;
      for (let j = head - 1; j >= 0 && speech < 0; j--) if (toks[j].pos === 'VERB' && patterns.attribution.has(toks[j].lemma)) speech = j;
      const bySource = speech >= 0 && sameSide(subjectOf(speech), inner.sources);
      if (coop && ((neg && (speech < 0 ? w[wi] !== 'would' : bySource)) || vowedNot)) {
        restate(inner, refusalCode(inner.code), `refuses: ${inner.pattern}`);
        return true;
      }
      // ("would resume imports": a nominal declared by the verb right after the modal)
      const direct = inner.form === 'clause' || toks.slice(Math.max(a, head - 2), head).some((t) => ['will', 'would', "'ll"].includes(t.norm));
      const code = wi >= 0 && !neg && bySource && speech < head && direct ? intentCode(inner.code) : null;
      if (!code) return false;
      restate(inner, code, `says it will: ${inner.pattern}`);
      return true;
    }

    /**
     * Wishes and appeals with an infinitive: "X wants Y to do Z" → a new X→Y 02 trigger (Z is not
     * coded); "X wants/seeks/hopes to do Z", X being Z's own source → Z restated as 03/13.
     */
    function wished(inner: Trigger, trs: Trigger[]): Trigger | null {
      if (inner.form !== 'clause') return null;
      let k = inner.tok - 1;
      if (toks[k]?.pos === 'ADV') k--;
      const a = clauseStart(inner.tok);
      if (toks[k]?.norm !== 'to' || k <= a) return null;
      let d = k - 1;
      const addressee = mentionTok.find((y) => y.last === d && y.m.via !== 'place' && y.first > a);
      if (addressee) d = addressee.first - 1;
      const dv = toks[d];
      if (!dv || trs.some((t) => t.tok === d)) return null;
      const lemma = dv.norm === 'looking' ? 'look' : dv.lemma;
      if (addressee && ['want', 'ask', 'request', 'wish', 'expect', 'need', 'press', 'push', 'encourage'].includes(lemma)) {
        const src = subjectOf(d);
        if (!src.length) return null;
        return { tok: d, end: inner.end, code: appealCode(inner.code), pattern: `${lemma} X to … ${inner.pattern}`, form: 'clause', sources: src, targets: coordinated(addressee).map((m) => ({ m, how: 'object' })), symmetric: false, noTarget: false, modality: ['want', 'ask', 'request', 'wish', 'need', 'expect'].includes(lemma) ? 'sought' : 'factual' };
      }
      if (addressee || !['want', 'seek', 'hope', 'aim', 'wish', 'look', 'desire', 'strive', 'eager'].includes(lemma)) return null;
      const code = sameSide(subjectOf(d), inner.sources) ? intentCode(inner.code) : null;
      if (code) restate(inner, code, `${lemma} to ${inner.pattern}`);
      return null;
    }

    function verbTrigger(i: number, vp: VerbPattern): Trigger | null {
      if (vp.from_source) {
        // "India took delivery of S-400s from Russia", "bought drones from Iran": the giver is the source
        const obj = objectAfter(i, vp.from_source);
        const fromAt = obj ? toks.findIndex((t, k) => k > i && t.norm === 'from' && k <= obj.end + 8) : -1;
        const giver = fromAt >= 0 ? mentionsFrom(fromAt + 1) : [];
        const receivers = subjectOf(i);
        if (obj && obj.code && giver.length && receivers.length) {
          return { tok: i, end: obj.end, code: obj.code, pattern: `${toks[i].lemma} … ${obj.key} from`, form: 'clause', sources: giver.map((m) => ({ m, how: 'prep:from' })), targets: receivers, symmetric: false, noTarget: false };
        }
        if (!vp.code && !vp.objects) return null;
      }
      let code = vp.code ?? null;
      let end = i;
      let objectMatched = false;
      let pattern = vp.lemma;
      if (vp.objects) {
        const obj = objectAfter(i, vp.objects) ?? objectBefore(i, vp.objects) ?? (isPassive(i) ? subjectObject(i, vp.objects) : null);
        if (obj) {
          if (obj.code === null) return null;
          code = obj.code;
          end = obj.end;
          pattern = `${vp.lemma} … ${obj.key}`;
          objectMatched = true;
        }
      }
      if (!code) return null;
      const passive = isPassive(i) || (toks[end + 1]?.norm === 'by' && toks[i].norm !== toks[i].lemma && !/ing$/.test(toks[i].norm));
      let sources: Participant[];
      let targets: Participant[];
      if (passive) {
        sources = byAgent(end);
        targets = subjectOf(i);
        if (targets.length === 0) {
          // "New sanctions on North Korean firms were imposed by the EU"
          const onAt = toks.slice(0, i).map((t, k) => [t, k] as const).reverse().find(([t]) => ['on', 'against'].includes(t.norm));
          if (onAt) targets = mentionsFrom(onAt[1] + 1).map((m) => ({ m, how: `prep:${onAt[0].norm}` }));
        }
      } else {
        sources = subjectOf(i);
        // a show of force "near", "around" or "off" a state is aimed at it, whatever verb holds the drills
        const preps = code.startsWith('15') ? [...(vp.preps ?? []), 'near', 'around', 'off', 'against'] : vp.preps ?? [];
        targets = targetAfter(end, preps, i, !!vp.no_target);
        // "retaliate against the EU's tariffs on Chinese cars": the verb's own preposition, before its object, names the target
        if (objectMatched && end > i + 1) {
          const pre = mentionTok.find((y) => y.first > i && y.last < end && y.m.via !== 'place' && (() => {
            let q = y.first - 1;
            while (q > i && toks[q].pos === 'DET') q--;
            return q > i && preps.includes(toks[q].norm);
          })());
          if (pre) targets = coordinated(pre).map((m) => ({ m, how: `prep:${toks[pre.first - 1].pos === 'DET' ? toks[pre.first - 2].norm : toks[pre.first - 1].norm}` }));
        }
        if (code === '042' && ['to', 'into', 'in'].includes(toks[end + 1]?.norm ?? '')) {
          // "travelled to Johannesburg for the BRICS summit": the city visited, before anything later in the clause
          const city = ctx.places.find((p) => p.span[0] === toks[end + 2]?.start && p.location.country);
          if (city && !targets.some((t) => t.m.span[0] === city.span[0])) {
            targets = [{ m: { doc: ctx.doc, sentence: ctx.idx, span: city.span, text: city.location.name, actor: city.location.country!, country: city.location.country, org: null, role: null, via: 'place' }, how: 'place' }];
          }
        }
        const own = new Set(sources.map((p) => key(p.m)));
        if (targets.length && targets.every((t) => own.has(key(t.m)))) {
          // "promised that Pyongyang would always stand with Moscow": the other side, further in the clause
          const last = Math.max(...targets.map((t) => lastTok(toks, t.m.span[1])));
          const [, b] = clauseBounds(i);
          const other = mentionTok.find((y) => y.first > last && toks[y.first].start < b && y.m.via !== 'place' && !own.has(key(y.m)));
          if (other) targets = coordinated(other).map((m) => ({ m, how: 'near' }));
        }
        if (targets.length === 0 && end > i + 1) {
          const between = mentionTok.find((y) => y.first > i && y.last < end && y.m.via !== 'place');
          if (between) targets = coordinated(between).map((m) => ({ m, how: 'object' }));
        }
      }
      if (sources.length === 0) return null;
      // a veto or block is cast at the Security Council when the text speaks of a resolution and names no other forum
      const atCouncil = /\b(?:resolution|Security Council|draft)\b/i.test(ctx.text) && !targets.some((t) => t.m.org);
      if (vp.default_target && atCouncil && (targets.length === 0 || targets.every((t) => t.how === 'near' || t.how === 'object'))) {
        const m: Mention = { doc: ctx.doc, sentence: ctx.idx, span: [toks[i].start, toks[end].end], text: toks[i].text, actor: vp.default_target, country: null, org: vp.default_target.replace(/^org:/, '').toUpperCase(), role: null, via: 'implied' };
        targets = [{ m, how: 'implied' }];
      }
      // a government's protest is diplomatic (114); people in the street protest as CAMEO's 14 does
      const street = sources.length > 0 && sources.every((p) => p.m.role && STREET_ROLES.has(p.m.role));
      // a state that "demonstrated its resolve" shows something; only people in the street demonstrate as a protest
      if (vp.lemma === 'demonstrate' && !street && !sources.some((p) => p.m.actor === 'group:unnamed-armed' || (p.m.via === 'adj' && /s$/.test(p.m.text)))) return null;
      if (code === '114' && !objectMatched && street) code = '140';
      // farmers or protesters blocking roads and crossings obstruct as a protest (144), they do not blockade
      if (street && (code === '191' || (code === '144' && vp.lemma === 'block'))) code = '144';
      // "airdropped food into Gaza", "sent troops to Kursk": what is sent to a place goes to its state
      const sentTo = /^0[67]/.test(code) && toks.slice(end + 1, end + 6).some((t) => t.norm === 'to' || t.norm === 'into');
      if (targets.length === 0 && (/^(?:09|14|15|17|18|19|20)/.test(code) || code === '042' || code.startsWith('086') || code.startsWith('087') || vp.with_target || sentTo)) {
        const where = placeTarget(i, end, sources, code);
        const intoPlace = (w: Mention) => ['to', 'into'].includes(toks.filter((t) => t.end <= w.span[0]).pop()?.norm ?? '');
        if (where && (!sentTo || /^(?:09|14|15|17|18|19|20)/.test(code) || intoPlace(where))) {
          targets = [{ m: where, how: 'place' }];
          // "fired missiles at Kharkiv": a launch at a place is an attack on its country
          const prep = toks.filter((t) => t.end <= where.span[0]).pop()?.norm;
          if (vp.with_target && ['at', 'on', 'against', 'into'].includes(prep ?? '')) code = vp.with_target;
        }
      }
      // "accused each other", "met one another": reciprocal
      const recip = toks.slice(end + 1, end + 6).map((t) => t.norm).join(' ');
      const reciprocal = /\b(?:each other|one another)\b/.test(recip);
      if (reciprocal) targets = [];
      if (vp.with_target && targets.some((t) => ['prep:at', 'prep:on', 'prep:against', 'prep:into'].includes(t.how))) {
        code = vp.with_target;
        pattern += ` … at target`;
      }
      // "welcomed the decision" is praise, not hosting: the reverse code goes with the verb's own code only
      return { tok: i, end, code, pattern, form: 'clause', sources, targets, symmetric: !!vp.symmetric || reciprocal, reverse: objectMatched ? undefined : vp.reverse, noTarget: !!vp.no_target };
    }

    /**
     * Attacks, protests, drills, arrests, inspections, visits and withdrawals with no named
     * target: the country where they happen, when it is not the actor's own ("killed 1,200
     * people in southern Israel", "held exercises in Belarus", "arrived in Beijing").
     */
    function placeTarget(i: number, end: number, sources: Participant[], code: string): Mention | null {
      const [, b] = clauseBounds(i);
      let where = ctx.mentions.find((m) => m.via === 'place' && m.span[0] > toks[end].end && m.span[1] <= b && !m.actor.includes(':'));
      if (!where) {
        // a place named by the gazetteer: anywhere after the trigger if it stands as a place, right after it (or its preposition) if not
        const nextStart = (k: number) => toks[k]?.start ?? Infinity;
        const rightAfter = (p: { span: [number, number] }) => p.span[0] === nextStart(end + 1) || ((PREP_POS.has(toks[end + 1]?.pos ?? '') || toks[end + 1]?.pos === 'DET') && p.span[0] === nextStart(end + 2));
        const site = ctx.places.find((p) => p.span[0] > toks[end].end && p.span[1] <= b && p.location.country && (!p.loose || rightAfter(p)));
        if (site) where = { doc: ctx.doc, sentence: ctx.idx, span: site.span, text: site.location.name, actor: site.location.country!, country: site.location.country, org: null, role: null, via: 'place' };
      }
      // a state acting at home has no target there; an armed group, protesters or rebels act against the state they are in
      const stateSide = (p: Participant) => !p.m.actor.startsWith('group:') && !(p.m.role && STREET_ROLES.has(p.m.role));
      if (!where || sources.some((p) => key(p.m) === key(where!) && stateSide(p))) return null;
      // drills and patrols target a state only on its territory ("exercises in Belarus"), not next to it
      if (code.startsWith('15')) {
        const k0 = toks.findIndex((t) => t.start >= where!.span[0]);
        const between = toks.slice(end + 1, Math.max(end + 1, k0));
        if (!['in', 'inside', 'into', 'over'].includes(toks[k0 - 1]?.norm ?? '') || between.some((t) => t.norm === ',')) return null;
      }
      return where;
    }

    function nounTrigger(i: number, last: number, np: NounPattern): Trigger | null {
      let code = np.code;
      let pattern = np.noun;
      // a modifier before ("arms transfers", "military aid") or an of-object after ("sale of shells")
      const mod = modifierBefore(i, np.modifiers ?? {}) ?? ofObject(last, np.of_object ?? {});
      if (mod) {
        code = mod.code;
        pattern = `${mod.key} ${np.noun}`;
      } else if (np.requires_modifier) return null;
      const pre = preParticipants(i);
      const after = new Set([...np.target, ...np.source, 'between']);
      let sources: Participant[] = [];
      let targets: Participant[] = [];
      // "X's visit to Y", "the Kim–Putin summit", "Russian strikes on Kyiv"
      if (pre.length >= 2 && np.symmetric) sources = pre.map((m) => ({ m, how: 'compound' }));
      else if (pre.length >= 1) sources = [{ m: pre[pre.length - 1], how: 'possessive' }];
      // prepositional arguments after the noun
      let j = last + 1;
      const limit = Math.min(toks.length, last + 14);
      while (j < limit) {
        const t = toks[j];
        if (CLAUSE_BREAK.has(t.norm) || (t.pos === 'VERB' && !np.participle?.includes(t.lemma))) break;
        if (np.participle?.includes(t.lemma) && toks[j + 1]?.norm === 'by') {
          const group = mentionsFrom(j + 2);
          if (group.length) sources = group.map((m) => ({ m, how: 'by' }));
          j += 2;
          continue;
        }
        if (PREP_POS.has(t.pos) || after.has(t.norm)) {
          const group = mentionsFrom(j + 1);
          if (group.length) {
            if (t.norm === 'between' && group.length >= 2) sources = group.map((m) => ({ m, how: 'compound' }));
            else if (np.source.includes(t.norm) && !(t.norm === 'from' && sources.length && np.target.includes('from'))) {
              if (t.norm === 'by' || sources.length === 0 || sources[0].how !== 'by') sources = group.map((m) => ({ m, how: 'by' }));
            } else if (np.target.includes(t.norm)) targets = group.map((m) => ({ m, how: `prep:${t.norm}` }));
          }
        }
        j++;
      }
      if (np.requires_participle && !toks.slice(Math.max(0, i - 3), last + 4).some((t) => np.participle?.includes(t.lemma)) && sources.length < 2) return null;
      // "its two failed satellite launches", "his trip to Moscow": the owner is the pronoun's antecedent
      if (sources.length === 0 && (np.no_target || (targets.length > 0 && /^(?:04|16)/.test(code)))) {
        let j = i - 1;
        while (j >= 0 && i - j <= 5 && !POSSESSIVE_PRONOUNS.has(toks[j].norm) && ['ADJ', 'NOUN', 'PROPN', 'NUM', 'VERB'].includes(toks[j].pos)) j--;
        if (j >= 0 && POSSESSIVE_PRONOUNS.has(toks[j].norm)) {
          const ante = mentionTok.filter((x) => x.last < j && x.m.via !== 'place' && x.m.country).pop();
          if (ante) sources = [{ m: ante.m, how: 'pronoun' }];
        }
      }
      // "Yoon made a surprise visit to Kyiv", "the two sides held talks": the clause's subject is the source
      if (sources.length === 0) {
        const verb = toks.slice(Math.max(0, i - 8), i).reverse().find((t) => t.pos === 'VERB');
        // (wink lemmatizes some -ed forms short: "staged" → "stag")
        if (verb && (LIGHT_VERBS.has(verb.lemma) || LIGHT_VERBS.has(verb.norm.replace(/d$/, '')))) sources = subjectOf(toks.indexOf(verb));
        else if (targets.length && np.symmetric) {
          // "travelled … for a summit with Putin"; when the nearest subject is the counterpart's own side
          // ("… Biden's diplomacy … the 2019 Hanoi summit with Donald Trump"), the sentence's subject
          sources = subjectOf(i);
          if (!sources.some((p) => targets.some((t) => distinct(p.m, t.m)))) {
            const first = mentionTok.find((x) => x.last < i && x.m.via !== 'place' && !(toks[x.first - 1]?.pos === 'ADP') && targets.every((t) => distinct(x.m, t.m)));
            sources = first ? [{ m: first.m, how: 'subject' }] : [];
          }
        }
      }
      if (sources.length === 0) return null;
      // "a protest in Beijing", "Israeli tank shelling in the east of Gaza", "claimed responsibility for an attack … in Kenya's capital"
      if (targets.length === 0 && (/^(?:09|14|15|17|18|19|20)/.test(code) || code === '015') && !(np.symmetric && sources.length >= 2)) {
        const where = placeTarget(i, last, sources, code);
        if (where) targets = [{ m: where, how: 'place' }];
      }
      if (np.requires_target && targets.length === 0) return null;
      const symmetric = !!np.symmetric && sources.length >= 2 && targets.length === 0;
      return { tok: i, end: last, code, pattern, form: 'nominal', sources, targets, symmetric, reverse: np.reverse, noTarget: !!np.no_target };
    }

    // ---- structure -----------------------------------------------------------------

    /** the token before i ends an actor mention (or an actor's head noun: "Turkish F-16s") */
    function afterActor(i: number): boolean {
      for (let j = i - 1; j >= Math.max(0, i - 2); j--) {
        if (inMention[j]) return true;
        if (!['NOUN', 'PROPN', 'ADV'].includes(toks[j].pos)) return false;
      }
      return false;
    }

    function gerundLemma(w: string): string | null {
      const stem = w.slice(0, -3);
      for (const cand of [stem, stem.slice(0, -1), `${stem}e`]) if (patterns.verbs.has(cand)) return cand;
      return null;
    }

    function pastLemma(w: string): string | null {
      if (IRREGULAR_PAST[w]) return IRREGULAR_PAST[w];
      if (!/ed$/.test(w)) return null;
      for (const cand of [w.slice(0, -1), w.slice(0, -2), w.slice(0, -3)]) if (patterns.verbs.has(cand)) return cand;
      if (w.endsWith('ied') && patterns.verbs.has(w.slice(0, -3) + 'y')) return w.slice(0, -3) + 'y';
      return null;
    }

    function clauseBounds(i: number): [number, number] {
      const a = clauseStart(i);
      let b = i;
      while (b < toks.length - 1 && !brk(b + 1)) b++;
      return [toks[a].start, toks[b].end];
    }

    function isPartOfLongerNoun(i: number): boolean {
      // "summit talks" → one trigger at "talks"; skip "summit" when the next noun is also a trigger
      const nx = toks[i + 1];
      return !!nx && (nx.pos === 'NOUN') && patterns.nouns.has(nx.lemma);
    }

    function isPassive(i: number): boolean {
      for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
        if (BE.has(toks[j].lemma) && toks[j].pos === 'AUX') {
          // "was hit by": a participle that looks like its base form is passive when an agent follows
          const byFollows = toks.slice(i + 1, i + 4).some((t) => t.norm === 'by');
          // "is seeking" is progressive, not passive
          if (/ing$/.test(toks[i].norm)) return false;
          return /ed$|en$|wn$|ld$|nt$|ht$|ck$/.test(toks[i].norm) || toks[i].norm !== toks[i].lemma || byFollows;
        }
        if (toks[j].pos !== 'ADV' && toks[j].pos !== 'AUX' && toks[j].pos !== 'PART') break;
      }
      return false;
    }

    /** The nearest actor mention(s) before token i in its clause, with coordination. */
    function subjectOf(i: number): Participant[] {
      // "the militant group that has seized …": a relative clause's subject is its antecedent,
      // an actor if the antecedent names one, nobody if it does not
      let r = i - 1;
      while (r > 0 && ['AUX', 'ADV', 'PART'].includes(toks[r].pos)) r--;
      if (r > 0 && r < i && ['that', 'which', 'who'].includes(toks[r].norm) && ['NOUN', 'PROPN', 'PUNCT'].includes(toks[r - 1].pos)) {
        const ante = mentionTok.find((x) => x.last === r - 1 || (toks[r - 1].norm === ',' && x.last === r - 2));
        if (ante && ante.m.via !== 'place') return coordinated(ante).map((m) => ({ m, how: 'subject' }));
        // ("the car bombing that killed …": the act is the noun's own event, coded from the noun)
        if (toks[r - 1].pos === 'NOUN') return [];
      }
      let best: { m: Mention; first: number; last: number } | null = null;
      for (const x of mentionTok) {
        if (x.last >= i) continue;
        if (clauseBetween(x.last, i)) continue;
        const before = toks[x.first - 1];
        if (x.m.via === 'place' || (before && before.pos === 'ADP' && !['of', 'like', 'as'].includes(before.norm) && before.norm !== 'by' && !(SUBORD.has(before.norm) && x.first < i))) continue;
        // object of another verb between it and the trigger ("A met B and condemned C": A stays subject)
        if (!best || x.last > best.last) best = x;
      }
      if (!best) {
        // "Russia said it would …": a pronoun subject stands for the last actor before it
        const pro = toks.slice(0, i).map((t, k) => [t, k] as const).reverse().find(([t]) => ['it', 'they', 'its', 'their'].includes(t.norm));
        if (pro && !toks.slice(pro[1] + 1, i).some((t) => t.pos === 'VERB' && !patterns.verbs.has(t.lemma) && t.norm !== 'would')) {
          const ante = mentionTok.filter((x) => x.last < pro[1] && x.m.via !== 'place' && (x.m.country || x.m.org)).pop();
          if (ante) return [{ m: ante.m, how: 'pronoun' }];
        }
        return [];
      }
      // if the nearest is an object of a verb that stands before it, the subject is earlier, unless
      // that verb reports speech ("Kirby said North Korea had supplied …") or the nearest is a
      // possessor ("Washington's decision to pause aid")
      const floor = subjectFloor(best.first) ?? -1;
      const possessor = toks[best.last + 1]?.norm === "'" || toks[best.last + 1]?.norm === "'s";
      // ("the Al Qaeda-linked group al-Shabab", "Iran-backed militias": a hyphened participle modifies, it is no verb)
      const verbBetween = !possessor && toks.slice(0, best.first).some((t, k) => t.pos === 'VERB' && k > floor && !patterns.attribution.has(t.lemma) && toks[k + 1]?.norm !== 'that' && toks[k - 1]?.norm !== '-');
      if (verbBetween) {
        const earlier = mentionTok.filter((x) => x.last < best!.first && x.m.via !== 'place' && !(toks[x.first - 1]?.pos === 'ADP'));
        const vIdx = toks.findIndex((t, k) => k < best!.first && t.pos === 'VERB');
        const subj = earlier.filter((x) => x.last < vIdx).pop();
        if (subj && !clauseBetween(subj.last, i)) best = subj;
      }
      return coordinated(best).map((m) => ({ m, how: 'subject' }));
    }

    function subjectFloor(first: number): number | null {
      for (let j = first - 1; j >= 0; j--) if (CLAUSE_BREAK.has(toks[j].norm) || toks[j].norm === ',') return j;
      return null;
    }

    /** a clause break (";" or a "that" clause) between tokens a and b */
    function clauseBetween(a: number, b: number): boolean {
      for (let j = a + 1; j < b; j++) if (toks[j].norm === ';' || (toks[j].norm === 'that' && toks[j].pos === 'SCONJ')) return true;
      return false;
    }

    /** a verb of speech right after the mention: it is the one who says ("…, U.S. officials said") */
    function speaks(x: { last: number }): boolean {
      return toks.slice(x.last + 1, x.last + 3).some((t) => t.pos === 'VERB' && patterns.attribution.has(t.lemma));
    }

    /** A mention and those coordinated with it ("Kim and Putin", "Russia, China and Iran"). */
    function coordinated(x: { m: Mention; first: number; last: number }): Mention[] {
      // "the two Koreas": a pair phrase stands for both its members
      const twins = mentionTok.filter((y) => y !== x && y.m.span[0] === x.m.span[0] && y.m.span[1] === x.m.span[1]).map((y) => y.m);
      if (twins.length) return [...twins, x.m];
      const out = [x.m];
      let cur = x;
      for (;;) {
        const prev = mentionTok.filter((y) => y.last < cur.first && y.m.via !== 'place').pop();
        if (!prev) break;
        const gap = toks.slice(prev.last + 1, cur.first).map((t) => t.norm);
        // "…, the U.S. Central Command said": a speaker is not listed with what comes before it
        const speaker = !gap.includes('and') && speaks(cur);
        if (gap.length >= 1 && gap.length <= 3 && gap.every((g) => g === 'and' || g === ',' || g === 'both' || g === 'the') && !speaker) {
          out.unshift(prev.m);
          cur = prev;
        } else break;
      }
      cur = x;
      for (;;) {
        const nxt = mentionTok.find((y) => y.first > cur.last);
        if (!nxt) break;
        const gap = toks.slice(cur.last + 1, nxt.first).map((t) => t.norm);
        // "… to Russia, U.S. officials said": the speaker after a comma is not in the list
        const speaker = !gap.includes('and') && speaks(nxt);
        if (gap.length >= 1 && gap.length <= 3 && gap.every((g) => g === 'and' || g === ',' || g === 'the') && !speaker) {
          out.push(nxt.m);
          cur = nxt;
        } else break;
      }
      return out.filter((m, k) => out.findIndex((o) => o.actor === m.actor && o.span[0] === m.span[0]) === k);
    }

    function mentionsFrom(j: number): Mention[] {
      // skip determiners and adjectives up to the mention
      let k = j;
      while (k < toks.length && (toks[k].pos === 'DET' || toks[k].pos === 'ADJ' || toks[k].pos === 'NUM' || (toks[k].pos === 'VERB' && /ed$/.test(toks[k].norm)))) k++;
      const x = mentionTok.find((y) => y.first === k || y.first === j);
      if (!x) return [];
      return coordinated(x);
    }

    function byAgent(end: number): Participant[] {
      for (let j = end + 1; j < Math.min(toks.length, end + 10); j++) {
        if (CLAUSE_BREAK.has(toks[j].norm)) break;
        if (toks[j].norm === 'by') {
          // "by a wave of Russian drones": the agent may sit behind a few words
          for (let k2 = j + 1; k2 <= Math.min(toks.length - 1, j + 5); k2++) {
            const ms = mentionsFrom(k2);
            if (ms.length) return ms.map((m) => ({ m, how: 'by' }));
            if (!['DET', 'ADJ', 'NUM', 'NOUN', 'ADP'].includes(toks[k2].pos) || (toks[k2].pos === 'ADP' && toks[k2].norm !== 'of')) break;
          }
          return [];
        }
      }
      return [];
    }

    /** Object or prepositional target after the trigger, inside the clause. */
    function targetAfter(end: number, preps: string[], verb: number, noTarget = false): Participant[] {
      if (toks[end + 1]?.norm === 'and' && toks[end + 2]?.pos === 'VERB') end += 2;
      const holder = end > verb ? mentionTok.find((y) => y.first <= end && y.last >= end && y.first > verb) : undefined;
      if (holder) return coordinated(holder).map((m) => ({ m, how: 'object' }));
      let ofTarget: Participant[] | null = null;
      const limit = Math.min(toks.length, end + 16);
      for (let j = end + 1; j < limit; j++) {
        const t = toks[j];
        if (brk(j)) break;
        // "the two exiled dissidents": a participle between determiner and noun modifies, it is not a second verb
        const modifier = /ed$/.test(t.norm) && (['DET', 'NUM'].includes(toks[j - 1]?.pos ?? '') || (toks[j - 1]?.pos === 'ADP' && j > end + 1)) && ['NOUN', 'PROPN', 'ADJ'].includes(toks[j + 1]?.pos ?? '');
        if (t.pos === 'VERB' && j > end + 1 && !['including'].includes(t.norm) && !modifier) {
          // a second verb: stop, unless it is coordinated with ours and shares its object later
          break;
        }
        let x = mentionTok.find((y) => y.first === j);
        // "met Russian President Vladimir Putin": the person, not the adjective before the title
        if (x && x.m.via === 'adj') {
          const person = mentionTok.find((y) => y.first > x!.last && y.first <= x!.last + 3 && y.m.actor.startsWith('person:'));
          if (person) x = { ...person, first: x.first };
        }
        if (x && toks.slice(Math.max(end + 1, j - 4), j).some((t) => t.norm === 'sidelines')) continue; // "on the sidelines of the G20 summit"
        if (x) {
          const before = toks[j - 1];
          const det = before && (before.pos === 'DET' || before.pos === 'ADJ') ? toks[j - 2] : before;
          // "helped the two exiled dissidents from Egypt": only a determiner, numbers and modifiers between verb and object
          let d0 = j - 1;
          while (d0 > end && j - d0 <= 4 && (['DET', 'NUM', 'ADJ'].includes(toks[d0].pos) || (toks[d0].pos === 'VERB' && /ed$/.test(toks[d0].norm) && toks[d0 - 1] && ['DET', 'NUM'].includes(toks[d0 - 1].pos)))) d0--;
          if (j === end + 1 || (det && det.pos !== 'ADP' && j <= end + 3 && x.m.via !== 'place') || (d0 === end && x.m.via !== 'place')) return coordinated(x).map((m) => ({ m, how: 'object' }));
          // (the tagger sometimes calls "to" a particle)
          if (det && (det.pos === 'ADP' || det.norm === 'to') && (preps.includes(det.norm) || (det.norm === 'to' && preps.length === 0))) return coordinated(x).map((m) => ({ m, how: `prep:${det.norm}` }));
          if (x.m.via === 'place') continue;
          if (det?.norm === 'from') {
            ofTarget ??= coordinated(x).map((m) => ({ m, how: 'prep:from' }));
            continue;
          }
          if (det && det.pos === 'ADP' && ['in', 'at', 'near', 'during', 'after', 'before', 'over', 'amid', 'since', 'without', 'despite', 'including', 'besides', 'except', 'like', 'unlike'].includes(det.norm)) continue;
          if (det?.norm === 'of') {
            // "the assets of Iranian officials": a target, if nothing better follows
            ofTarget ??= coordinated(x).map((m) => ({ m, how: 'prep:of' }));
            continue;
          }
          if (det?.norm === "'s" || noTarget) continue;
          // "… during Lula's visit to Beijing": the argument of an event noun with an actor of its own
          const dk = toks.indexOf(det!);
          if (det && det.pos === 'ADP' && !preps.includes(det.norm) && dk > end + 1 && patterns.nouns.has(toks[dk - 1].lemma) && toks.slice(Math.max(end + 1, dk - 4), dk - 1).some((t) => t.norm === "'s")) continue;
          return coordinated(x).map((m) => ({ m, how: 'near' }));
        }
      }
      return ofTarget ?? [];
    }

    function objectAfter(i: number, objects: Record<string, string | null>): { code: string | null; end: number; key: string } | null {
      const firsts = firstWords(objects);
      for (let j = i + 1; j < Math.min(toks.length, i + 10); j++) {
        const t = toks[j];
        if (QUOTES.has(t.norm)) continue; // a "treaty" in quotation marks is still the object
        if (CLAUSE_BREAK.has(t.norm)) break;
        // the tagger sometimes calls a plural noun a verb ("exercises"): an object word still counts
        const two = j + 1 < toks.length && firsts.has(t.lemma) ? `${t.lemma} ${toks[j + 1].lemma}` : '';
        if (two in objects) return { code: objects[two], end: j + 1, key: two };
        if (t.lemma in objects) return { code: objects[t.lemma], end: j, key: t.lemma };
        if (t.norm in objects) return { code: objects[t.norm], end: j, key: t.norm };
        if (t.pos === 'VERB' && j > i + 1) break;
      }
      return null;
    }

    /** "the troops that Pyongyang sent": the object is the relative clause's antecedent */
    function objectBefore(i: number, objects: Record<string, string | null>): { code: string | null; end: number; key: string } | null {
      for (let j = i - 1; j >= Math.max(0, i - 6); j--) {
        if (toks[j].norm !== 'that' && toks[j].norm !== 'which') continue;
        for (let k2 = j - 1; k2 >= Math.max(0, j - 3); k2--) {
          if (toks[k2].lemma in objects) return { code: objects[toks[k2].lemma], end: i, key: toks[k2].lemma };
        }
      }
      return null;
    }

    /** "Evidence against Russia was presented by the US": a passive's object is its subject */
    function subjectObject(i: number, objects: Record<string, string | null>): { code: string | null; end: number; key: string } | null {
      for (let j = i - 1; j >= clauseStart(i); j--) {
        const t = toks[j];
        if (t.pos !== 'NOUN' && t.pos !== 'PROPN') continue;
        const lemma = t.pos === 'PROPN' ? t.norm : t.lemma;
        const two = j + 1 < i ? `${lemma} ${toks[j + 1].lemma}` : '';
        if (two in objects) return { code: objects[two], end: i, key: two };
        if (lemma in objects) return { code: objects[lemma], end: i, key: lemma };
      }
      return null;
    }

    function modifierBefore(i: number, mods: Record<string, string>): { code: string; key: string } | null {
      for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
        const t = toks[j];
        if (t.lemma in mods) return { code: mods[t.lemma], key: t.lemma };
        if (t.norm in mods) return { code: mods[t.norm], key: t.norm };
        if (!['ADJ', 'NOUN', 'PROPN', 'PUNCT', 'NUM'].includes(t.pos)) break;
      }
      return null;
    }

    function ofObject(last: number, objs: Record<string, string>): { code: string; key: string } | null {
      if (toks[last + 1]?.norm !== 'of') return null;
      for (let j = last + 2; j < Math.min(toks.length, last + 7); j++) {
        if (toks[j].lemma in objs) return { code: objs[toks[j].lemma], key: toks[j].lemma };
        if (toks[j].pos === 'VERB' || toks[j].pos === 'ADP') break;
      }
      return null;
    }

    /** Mentions in the noun's pre-modifier zone: possessives, adjectives, hyphen compounds. */
    function preParticipants(i: number): Mention[] {
      let j = i - 1;
      const zone = new Set(['ADJ', 'NOUN', 'PROPN', 'PUNCT', 'PART', 'CCONJ', 'NUM', 'X', 'SYM']);
      while (j >= 0 && zone.has(toks[j].pos) && ![',', ';', '(', ')', '"', '“', '”'].includes(toks[j].norm)) j--;
      const lo = toks[j + 1]?.start ?? toks[i].start;
      const hi = toks[i].start;
      return mentionTok.filter((x) => x.m.span[0] >= lo && x.m.span[1] <= hi && x.m.via !== 'place').map((x) => x.m);
    }

    // ---- modality, attribution, place -------------------------------------------------

    function modalityOf(tr: Trigger): Modality {
      if (tr.modality) return tr.modality;
      if (tr.negatedBy) return 'negated';
      const a = clauseStart(tr.tok);
      const window = toks.slice(Math.max(a, tr.tok - 8), tr.tok);
      const near = toks.slice(Math.max(0, tr.tok - 3), tr.tok + 1);
      // "as expected" says it happened as foreseen: not a future
      const words = window.map((t) => (t.norm === 'expected' && toks[toks.indexOf(t) - 1]?.norm === 'as' ? '' : t.norm));
      // verbs only: "a court in Senegal" does not court anyone, "the rule of law" rules nothing out
      const lemmas = window.map((t) => (t.pos === 'VERB' || t.pos === 'AUX' ? t.lemma : ''));
      if (tr.form === 'nominal') {
        const pre = toks.slice(Math.max(0, tr.tok - 3), tr.tok).map((t) => t.norm);
        if (pre.includes('no') || words.includes('not') || words.includes("n't")) return 'negated';
        if (lemmas.some((l) => patterns.desire.has(l))) return 'sought';
        if (pre.some((w) => ['possible', 'potential', 'proposed', 'prospective'].includes(w))) return 'possible';
        if (pre.some((w) => ['planned', 'upcoming', 'forthcoming', 'expected', 'future', 'next', 'scheduled'].includes(w))) return 'future';
        if (words.some((w) => ['may', 'might', 'could', 'would'].includes(w))) return 'possible';
        if (words.some((w) => w === 'will' || w === "'ll")) return 'future';
        return 'factual';
      }
      if (words.some((w) => NEG.has(w)) || lemmas.some((l) => patterns.negating.has(l) && l !== 'reject')) return 'negated';
      if (lemmas.some((l) => patterns.desire.has(l)) || (patterns.desire.has(toks[tr.tok].lemma) && tr.code.startsWith('02'))) return 'sought';
      if (words.some((w) => POSSIBLE.has(w))) return 'possible';
      if (words.some((w) => FUTURE.has(w)) || (words.includes('to') && lemmas.includes('be') && !lemmas.includes('have')) || near.some((t) => t.norm === 'going')) return 'future';
      return 'factual';
    }

    /** the index of the first token of the clause holding token i */
    function clauseStart(i: number): number {
      let a = i;
      while (a > 0 && !brk(a - 1)) a--;
      return a;
    }

    function attribution(tr: Trigger): string | null {
      // "according to X"
      for (let j = 0; j < toks.length - 2; j++) {
        if (toks[j].norm === 'according' && toks[j + 1].norm === 'to') {
          const ms = mentionsFrom(j + 2);
          if (ms.length) return ms[0].actor;
        }
      }
      // "X said (that) …" before the trigger, or "…, X said" / "…, said X" after it
      for (let j = 0; j < toks.length; j++) {
        if (j === tr.tok || toks[j].pos !== 'VERB' || !patterns.attribution.has(toks[j].lemma)) continue;
        const left = mentionTok.filter((x) => x.last < j && (j < tr.tok || x.first > tr.end)).pop();
        const right = mentionTok.find((x) => x.first > j && x.first <= j + 3);
        const who = left && j - left.last <= 4 ? left : right;
        if (who) return who.m.actor;
      }
      return null;
    }

    function locationOf(tr: Trigger): Location | null {
      const [a, b] = clauseBounds(tr.tok);
      const inClause = ctx.places.filter((p) => !p.loose && p.span[0] >= a && p.span[1] <= b);
      if (!inClause.length) return null;
      // the place nearest the trigger
      const at = toks[tr.tok].start;
      inClause.sort((x, y) => Math.abs(x.span[0] - at) - Math.abs(y.span[0] - at));
      return inClause[0].location;
    }
  };
}

/** the first words of an object table's two-word keys, so that other words build no key */
const FIRSTS = new WeakMap<Record<string, string | null>, Set<string>>();
function firstWords(objects: Record<string, string | null>): Set<string> {
  let f = FIRSTS.get(objects);
  if (!f) FIRSTS.set(objects, (f = new Set(Object.keys(objects).filter((k) => k.includes(' ')).map((k) => k.split(' ')[0]))));
  return f;
}

/** an act declared refused: 121 material cooperation or aid, 125 talks, 124 yielding, 120 otherwise */
function refusalCode(code: string): string {
  const r = code.slice(0, 2);
  return r === '04' ? '125' : r === '08' ? '124' : r === '06' || r === '07' ? '121' : '120';
}

/** an act someone is asked to do: the appeal for it (021 material, 023 aid, 025 yield, 026 meet, 022 diplomatic) */
function appealCode(c: string): string {
  const r = c.slice(0, 2);
  if (r === '04') return '026';
  if (r === '05') return '022';
  if (r === '06') return c.startsWith('061') ? '0211' : c.startsWith('062') ? '0212' : '021';
  if (r === '07') return c.startsWith('071') ? '0231' : c.startsWith('072') ? '0232' : c.startsWith('073') ? '0233' : '023';
  if (r === '08') return '025';
  return '020';
}

/**
 * An act stated as an intention: cooperation → 03x (intent to cooperate), coercion and force →
 * 13x (a threat); anything else keeps no intention code.
 */
function intentCode(code: string): string | null {
  const r = code.slice(0, 2);
  if (code === '045') return '039';
  if (r === '03') return code;
  if (r === '04') return '036';
  if (r === '05') return '030';
  if (r === '06' || r === '07') return code.startsWith('062') || code.startsWith('072') ? '0312' : '031';
  if (r === '08') return '035';
  if (r === '16') return code.startsWith('163') ? '1312' : '131';
  if (r === '17') return '130';
  if (r === '18' || r === '19' || r === '20') return '138';
  return null;
}

function key(m: Mention): string {
  return m.country ?? m.org ?? m.actor;
}

/**
 * Two sides of an event: different countries or organisations, or, inside one country, two
 * different branches ("Georgian demonstrators" against "the Georgian government").
 */
function distinct(a: Mention, b: Mention): boolean {
  if (key(a) !== key(b)) return true;
  const ra = a.role ?? roleOf(a.actor), rb = b.role ?? roleOf(b.actor);
  return !!ra && !!rb && ra !== rb && a.actor !== b.actor && !a.actor.startsWith('person:') && !b.actor.startsWith('person:');
}

function roleOf(actor: string): string | null {
  return /^[A-Z]{3}([A-Z]{3})$/.exec(actor)?.[1] ?? null;
}

function dedupeParts(ps: Participant[]): Participant[] {
  const seen = new Set<string>();
  return ps.filter((p) => {
    const k = `${p.m.actor}|${p.m.span[0]}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function lastTok(toks: Token[], end: number): number {
  let k = -1;
  for (let j = 0; j < toks.length; j++) if (toks[j].start < end) k = j;
  return k;
}

/** "test - fired" → "test-fire"; otherwise the token's lemma. */
function compoundLemma(toks: Token[], i: number): string {
  const t = toks[i];
  if (i >= 2 && toks[i - 1].text === '-' && toks[i - 2].end === toks[i - 1].start && toks[i - 1].end === t.start) return `${toks[i - 2].norm}-${t.lemma}`;
  return t.lemma;
}
