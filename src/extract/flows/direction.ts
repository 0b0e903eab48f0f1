/**
 * Which way a sentence's items flow and how firmly: the verb of wanting, receiving or giving
 * that comes first (or a noun of giving) decides who gives and who receives; possibility,
 * promise and the sentence's aid events decide the status; a country adjective before an
 * item ("Russian gas") names where it comes from.
 */
import type { DocSentence, FlowEvidenceRow } from '../../core/doc.js';
import type { EventRecord, FlowStatus, Mention } from '../../core/types.js';
import type { Lexicon } from '../../knowledge/lexicon.js';
import { hash64 } from '../../knowledge/text.js';
import { partyActors, partyOf, sentenceSpan } from '../analysis/shared.js';
import type { Frame } from './frame.js';
import type { ItemHit } from './items.js';

export function createFlowReader(lx: Lexicon) {
  const GIVE = lx.cue('flow_give');
  const RECEIVE = lx.cue('flow_receive');
  const WANT = lx.cue('flow_want');
  const NOMINAL_GIVE = lx.cue('flow_nominal_give');
  const NEGATED = lx.cue('flow_negated');
  const AGENT_GAP = lx.cue('flow_agent_gap');
  const DENIAL = lx.cue('flow_denial');
  const POSSIBLE = lx.cue('flow_possible');
  const PROMISED = lx.cue('flow_promised');
  const FROM = lx.cue('flow_from');
  const TO = lx.cue('flow_to');
  const ASKED = lx.cue('flow_asked');
  const WANTED_OF = lx.cue('flow_wanted_of');
  const GIVER_LIST = lx.cue('flow_giver_list');
  const SOURCE = lx.cue('flow_source_attribution');
  const DEPLOY = lx.cue('flow_give_only_to');
  const ENEMY = lx.cue('flow_enemy_before');
  const ASKED_TO = lx.cue('flow_asked_to');
  const POSSESSIVE = lx.cue('flow_possessive_after');
  const ERA = lx.cue('flow_era_after');
  const BREAK = lx.cue('flow_frame_break');
  const PLACE_FOR = lx.cue('flow_beneficiary_place');
  const GAPPED = lx.cue('flow_gapped_giver');
  const SALE = lx.cue('flow_sale');
  const ASKED_NOUN = lx.cue('flow_asked_unnamed');
  const PAST_PARTICIPLE = lx.cue('flow_past_participle_ending');
  const TO_NEXT = new RegExp(`^\\s*(?:${TO.source})`, TO.flags.replace('g', ''));
  const SALE_AFTER = lx.cue('flow_sale_after_sum');
  const MEASURES = lx.cue('flow_sum_of');
  const MEASURED = lx.cue('flow_worth');

  /** "did not send …" (negation in the clause before the first item, and a denial): no flow */
  function denied(s: DocSentence, items: ItemHit[]): boolean {
    const clause = s.text.slice(0, Math.max(0, items[0].at - s.start)).split(/[,;]/).pop() ?? '';
    return NEGATED.test(clause) && DENIAL.test(s.text);
  }

  /** a flow not sought: possible or promised by its words, else by the sentence's aid event, else delivered */
  function statusOf(text: string, evs: EventRecord[]): FlowStatus {
    let status: FlowStatus = 'delivered';
    if (POSSIBLE.test(text)) status = 'possible';
    else if (PROMISED.test(text)) status = 'promised';
    const ev = evs.find((e) => e.root === '06' || e.root === '07');
    if (ev?.modality === 'future') status = 'promised';
    if (ev?.modality === 'possible') status = 'possible';
    return status;
  }

  /**
   * `marks.unnamed` collects the flows whose open side the text names as no party ("asked its
   * partners for air defence"); `marks.group`, those whose receiver is a group named by a common
   * noun ("the Iran-backed group"); `marks.closed`, those with a side the text names by a common
   * noun ("to terrorist groups"), which no party of the report fills
   */
  return function flowsIn(s: DocSentence, items: ItemHit[], ms: Mention[], evs: EventRecord[], frame?: Frame, subjectsAt?: (at: number) => Mention[], marks?: { unnamed: Set<FlowEvidenceRow>; group: Set<FlowEvidenceRow>; closed: Set<FlowEvidenceRow> }): FlowEvidenceRow[] {
    const text = s.text;
    if (denied(s, items)) return [];
    const actors = partyActors(ms);
    /** the first party of `ms` (all of the sentence's) other than `x` */
    const firstOther = (x: string | null, ms: Mention[] = actors) => {
      // (an enemy is no receiver: "sent soldiers to fight against Ukraine")
      const m = ms.find((a) => partyOf(a) !== x && !ENEMY.test(text.slice(Math.max(0, a.span[0] - s.start - 40), a.span[0] - s.start)));
      return m ? partyOf(m) : null;
    };
    const firstItem = items[0].at;
    // "Russian gas", "North Korean workers": a country adjective before the item names where it comes from
    // ("North Korean workers" read as one actor: the mention that holds the item names where it comes from)
    // ("Soviet-era weapons": a hyphened word that is no participle of making names an era, not an origin)
    const originOf = (it: ItemHit) => actors.find((m) => (m.span[0] < it.end && m.span[1] > it.at) || (m.via === 'adj' && m.span[1] <= it.at && it.at - m.span[1] <= 26 && /^[\s\p{L}-]*$/u.test(text.slice(m.span[1] - s.start, it.at - s.start)) && !ERA.test(text.slice(m.span[1] - s.start))));
    /** the subject of the predicate at `at` by the clause layer (with its coordinated parties), else the last party before it */
    const subjects = (at: number, fallback: Mention | null): Mention[] => {
      // ("groups receiving money", "six trucks … brought supplies": a common noun right before the verb is its subject, no party)
      if (s.tokens?.length) {
        let i = s.tokens.findIndex((t) => t.start >= at) - 1;
        while (i >= 0 && ['AUX', 'ADV'].includes(s.tokens[i].pos)) i--;
        const t = s.tokens[i];
        // (its noun phrase, back to its determiner: "Russian drug makers" holds a party)
        let j = i;
        while (j > 0 && ['NOUN', 'ADJ', 'PROPN', 'NUM'].includes(s.tokens[j - 1].pos)) j--;
        const np = s.tokens.slice(j, i + 1);
        // (a plural: "the agency has handed out" is a body the report names)
        if (t && t.pos === 'NOUN' && t.norm !== t.lemma && !np.some((x) => ms.some((m) => m.span[0] <= x.start && m.span[1] >= x.end))) {
          nounSubject = true;
          return [];
        }
      }
      const src = SOURCE.exec(text);
      const own = subjectsAt?.(at).filter((m) => actors.includes(m) && !POSSESSIVE.test(text.slice(m.span[1] - s.start)) && !(src && m.span[0] >= s.start + src.index && m.span[0] < s.start + src.index + src[0].length)) ?? [];
      // (a possessor is no subject: "Putin's war effort")
      return own.length ? own : fallback && !POSSESSIVE.test(text.slice(fallback.span[1] - s.start)) ? [fallback] : [];
    };
    let coSubjects: Mention[] = [];
    let nounSubject = false;
    /** the giver is the sentence's first other party, no word of the frame's */
    let guessed = false;
    const before = actors.filter((m) => m.span[1] <= firstItem);
    const after = actors.filter((m) => m.span[0] >= firstItem);
    const rel = (re: RegExp, kind: Frame['kind']) => {
      if (frame) return frame.kind === kind ? frame.at : -1;
      const m = re.exec(text);
      return m ? s.start + m.index : -1;
    };
    const want = rel(WANT, 'want'), give = rel(GIVE, 'give'), receive = rel(RECEIVE, 'receive'), nominal = rel(NOMINAL_GIVE, 'nominal');
    const passive = frame?.kind === 'passive' ? frame.at : -1;
    // the prepositions of the frame come after its predicate
    const from = frame ? frame.at - s.start : 0;
    let giver: string | null = null, receiver: string | null = null;
    let openGiver = false;
    /** a side the text names as no party, so none to fill from the report */
    let closed = false;
    let status: FlowStatus = 'delivered';
    /** the country right after the first match of a preposition that is not an attribution ("According to Azerbaijani media, France has shipped … to Armenia") */
    const source = SOURCE.exec(text);
    // (the frame's clause ends at the next break: "…, while Moscow …")
    const brk = BREAK.exec(text.slice(from + 1));
    const clauseEnd = brk ? from + 1 + brk.index : text.length;
    /** the party right after the first match of `re` in the frame's clause that has one ("earmarked $210 million for air defense and shells for Kyiv") */
    const toAfter = (re: RegExp) => {
      let tried = 0;
      for (const m of text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'))) {
        if (m.index! < from || (source && m.index! >= source.index && m.index! < source.index + source[0].length)) continue;
        if (m.index! >= clauseEnd) break;
        // (a later one only with no verb before it: "the supply of munitions may be that Russia … with NATO" names no receiver)
        if (tried++ && s.tokens?.some((t) => t.start >= (frame?.end ?? s.start + from) && t.end <= s.start + m.index! && (t.pos === 'VERB' || t.pos === 'AUX'))) break;
        const at = s.start + m.index! + m[0].length;
        // ("from the United States": the mention may hold the article)
        // (not past a verb: "to see Korea do more" names no receiver)
        const x = actors.find((x) => x.span[0] > s.start + m.index! && x.span[0] - at <= 12 && !s.tokens?.some((t) => t.start >= at && t.end <= x.span[0] && t.pos === 'VERB'));
        if (x) return x;
      }
      return null;
    };
    /** the place a purpose phrase names ("$32 million for earthquake relief in Haiti", "to tackle the emergency in Yemen"): the one the transfer is for */
    const placeFor = () => ms.find((m) => m.via === 'place' && m.span[0] >= firstItem && m.span[0] - s.start < clauseEnd && PLACE_FOR.test(text.slice(Math.max(from, firstItem - s.start), m.span[0] - s.start)));
    // "Saudi Arabia offered $150 million, the United States $94 million": a party right before a later item of the list gives it
    const gapped = new Map<ItemHit, Mention>();
    for (const it of items.slice(1)) {
      const m = actors.find((x) => x.span[1] <= it.at && /^\s*$/.test(text.slice(x.span[1] - s.start, it.at - s.start)) && GAPPED.test(text.slice(0, x.span[0] - s.start)));
      if (m) gapped.set(it, m);
    }
    const listed = [...gapped.values()];
    /** "lethal aid to terrorist groups", "backing for armed groups": right after the item, a receiver the text names by a common noun, no party */
    const toNoParty = (() => {
      const last = items.at(-1)!;
      const m = TO_NEXT.exec(text.slice(last.end - s.start));
      if (!m || !s.tokens?.length) return false;
      const at = last.end + m[0].length;
      const t = s.tokens.find((x) => x.start >= at);
      // (a participle before a noun modifies it: "to armed groups")
      const next = t ? s.tokens[s.tokens.indexOf(t) + 1] : undefined;
      if (!t || t.start - at > 1 || !(['NOUN', 'ADJ', 'NUM'].includes(t.pos) || (t.pos === 'VERB' && PAST_PARTICIPLE.test(t.norm) && next?.pos === 'NOUN'))) return false;
      return !ms.some((x) => x.span[0] <= t.start && x.span[1] > t.start) && !placeFor();
    })();
    const fromX = toAfter(FROM);
    const toX = toAfter(TO);
    if (want >= 0 && (give < 0 || want < give)) {
      const subj = subjects(want, actors.filter((m) => m.span[1] <= want).pop() ?? before.at(-1) ?? null)[0] ?? null;
      receiver = subj ? partyOf(subj) : null;
      // "asked Moscow for", "is pressing Washington for": the one asked gives
      const objOfAsk = actors.find((m) => m.span[0] > want && partyOf(m) !== receiver && ASKED.test(text.slice(0, m.span[0] - s.start)));
      // "wants Moscow to invest", "hopes Moscow will share": the one wanted of gives
      const wantedOf = actors.find((m) => m.span[0] > want && m.span[0] - want <= 24 && partyOf(m) !== receiver && WANTED_OF.test(text.slice(m.span[1] - s.start)));
      giver = fromX && partyOf(fromX) !== receiver ? partyOf(fromX) : objOfAsk ? partyOf(objOfAsk) : wantedOf ? partyOf(wantedOf) : null;
      status = 'sought';
      // "asked its partners for air defence": the one asked is named, but as no party
      if (!giver && frame && firstItem > frame.end && ASKED_NOUN.test(text.slice(frame.end - s.start, firstItem - s.start)) && !actors.some((m) => m.span[0] >= frame.end && m.span[1] <= firstItem)) openGiver = true;
    } else if (receive >= 0 && (give < 0 || receive < give)) {
      const subj = subjects(receive, actors.filter((m) => m.span[1] <= receive).pop() ?? null)[0] ?? null;
      receiver = subj ? partyOf(subj) : null;
      if (!subj && nounSubject) closed = true;
      // "gains access to North Korea's weapons": the owner of the item gives
      const owner = actors.find((m) => m.span[1] <= firstItem && firstItem - m.span[1] <= 30 && m.span[0] > receive && POSSESSIVE.test(text.slice(m.span[1] - s.start)) && !/[,;]/.test(text.slice(m.span[1] - s.start, firstItem - s.start)));
      giver = fromX ? partyOf(fromX) : owner && partyOf(owner) !== receiver ? partyOf(owner) : null;
    } else if (give >= 0) {
      // "the Iran-backed group": the party before the hyphen gives
      const hyphened = text[give - s.start - 1] === '-' ? actors.find((m) => m.span[1] === give - 1) : undefined;
      coSubjects = hyphened ? [hyphened] : subjects(give, actors.filter((m) => m.span[1] <= give).pop() ?? null);
      const subj = coSubjects[0] ?? null;
      giver = subj ? partyOf(subj) : null;
      if (!subj && nounSubject) closed = true;
      // the indirect object right after the verb ("supply Yerevan with radars", "send Ukraine more systems")
      const giveEnd = frame ? frame.end : give + GIVE.exec(text)![0].length;
      const dative = actors.find((x) => x.span[0] >= giveEnd && x.span[0] - giveEnd <= 5 && partyOf(x) !== giver);
      // "deployed troops to Belarus" is a transfer; "deploying heavy weaponry" (its own, at home or at the front) is none
      if (frame && DEPLOY.test(text.slice(frame.at - s.start, frame.end - s.start)) && !(toX && partyOf(toX) !== giver) && !dative) return [];
      const place = toX || dative ? undefined : placeFor();
      receiver = items[0].anaphor ? null : toX && partyOf(toX) !== giver ? partyOf(toX) : dative ? partyOf(dative) : place ? partyOf(place) : toNoParty ? null : firstOther(giver, actors.filter((x) => x.span[0] > give && !listed.includes(x)));
      if (!receiver && toNoParty) closed = true;
    } else if (passive >= 0) {
      // "shells supplied by China to Russia", "drones delivered from Iran": the agent or source gives; the one after "to", else the clause's subject, receives
      const by = actors.find((m) => m.span[0] >= frame!.end && AGENT_GAP.test(s.text.slice(frame!.end - s.start, m.span[0] - s.start)));
      giver = by ? partyOf(by) : fromX ? partyOf(fromX) : null;
      // (not a hyphened modifier of the item: "Soviet-made jets")
      const subj = before.filter((m) => partyOf(m) !== giver && text[m.span[1] - s.start] !== '-').pop();
      receiver = toX && partyOf(toX) !== giver ? partyOf(toX) : subj ? partyOf(subj) : null;
    } else if (nominal >= 0) {
      // "Russian assistance with …", "the sale of shells to Russia", "Moscow's supply of …"
      const pre = actors.filter((m) => m.span[1] <= nominal && nominal - m.span[1] <= 4).pop() ?? (frame && firstItem < nominal ? actors.filter((m) => m.span[1] <= firstItem && firstItem - m.span[1] <= 4).pop() : undefined);
      giver = pre ? partyOf(pre) : fromX ? partyOf(fromX) : null;
      receiver = toX && partyOf(toX) !== giver ? partyOf(toX) : null;
      if (!giver && receiver) {
        giver = firstOther(receiver);
        guessed = true;
      }
      if (giver && !receiver && toNoParty) closed = true;
      else if (giver && !receiver) receiver = firstOther(giver);
    } else {
      return [];
    }
    // "a further handover of US military equipment": a nominal's giver is where its item comes from
    if (nominal >= 0 && !giver) {
      const o = originOf(items[0]);
      if (o && partyOf(o) !== receiver) giver = partyOf(o);
    }
    if (!giver && !receiver) return [];
    if (giver && giver === receiver) return [];
    // (the status of a frame's own clause: from the comma or break before its predicate to its last item)
    const scope = frame ? text.slice(Math.max(0, ...[',', ';', ':'].map((c) => text.lastIndexOf(c, Math.min(frame.at, firstItem) - s.start - 1) + 1)), Math.max(frame.end, items.at(-1)!.end) - s.start) : text;
    if (status !== 'sought') status = statusOf(scope, evs);
    // "calling on the UN to support …", "urged Berlin to send …": a giving asked for is sought
    if (give >= 0 && ASKED_TO.test(text.slice(Math.max(0, give - s.start - 120), give - s.start).split(';').pop()!)) status = 'sought';
    const span = sentenceSpan(s);
    // "from Norway and Denmark": each is a giver
    // "France, Germany and Spain would provide …": each subject gives
    const givers = [giver, ...coSubjects.slice(1).map(partyOf).filter((g) => g !== receiver)];
    if (fromX && giver === partyOf(fromX)) {
      let cur = fromX;
      for (;;) {
        const nxt = actors.find((m) => m.span[0] > cur.span[1] && GIVER_LIST.test(text.slice(cur.span[1] - s.start, m.span[0] - s.start)));
        if (!nxt) break;
        givers.push(partyOf(nxt));
        cur = nxt;
      }
    }
    // a sale's price goes the other way ("bought radars in a $1.2 billion deal", "a $2.2 billion sale of missiles")
    const sale = !!frame && (SALE.test(text.slice(frame.at - s.start, frame.end - s.start)) || items.some((it) => it.pattern && it.category === 'finance' && SALE_AFTER.test(text.slice(it.end - s.start))));
    const paid = sale && items.some((it) => it.category !== 'finance') ? items.filter((it) => it.category === 'finance' && !it.verb) : [];
    // a sum that measures the goods of its frame ("5 million euros in humanitarian aid", "$210 million for air defense", "$3 billion in loans", "an $8 billion arms package") is no transfer of its own
    const sums = items.filter((it) => it.pattern && it.category === 'finance');
    const measured = !sale && sums.some((x) => items.some((y) => !sums.includes(y) && (y.at >= x.end ? MEASURES.test(text.slice(x.end - s.start, y.at - s.start)) : MEASURED.test(text.slice(y.end - s.start, x.at - s.start)))));
    const pairs = [...givers.flatMap((gv) => items.filter((it) => !gapped.has(it)).map((it) => ({ it, gv }))), ...[...gapped].map(([it, m]) => ({ it, gv: partyOf(m) as string | null }))];
    const rows = pairs.filter(({ it }) => !(measured && sums.includes(it))).map(({ it, gv }) => {
      // "Russian gas", "North Korean workers": a country adjective before the item names where it comes from
      // ("North Korean workers" read as one actor: the mention that holds the item names where it comes from)
      // ("Soviet-era weapons": a hyphened word that is no participle of making names an era, not an origin)
      const origin = originOf(it);
      let g = gv, r = receiver;
      if (origin && partyOf(origin) !== receiver && (status === 'sought' || receive >= 0 || !g || guessed)) {
        g = partyOf(origin);
        if (!r) r = firstOther(g);
      }
      if (paid.includes(it)) [g, r] = [r, g];
      // political backing is between states: a group is backed with something else
      const category = it.category === 'diplomatic-support' && r?.startsWith('group:') ? 'other' : it.category;
      return { id: `f_${hash64(`${g}|${r}|${it.item}`)}`, giver: g, receiver: r, item: it.item, category, status, span, quote: text };
    }).filter((f) => !(f.giver && f.giver === f.receiver));
    if (openGiver) for (const f of rows) if (!f.giver) marks?.unnamed.add(f);
    if (closed) for (const f of rows) marks?.closed.add(f);
    if (items[0].anaphor) for (const f of rows) if (!f.receiver) marks?.group.add(f);
    return rows;
  };
}
