/**
 * The transfer frame of each item: only a predicate that transfers something makes a flow of an
 * item — a verb of giving, receiving or wanting before it in its clause, a noun of transfer whose
 * "of"/"with" phrase holds it ("the supply of shells"), a participle right after it ("drones
 * delivered from Iran": a passive), a relative clause after it ("the tanks it pledged"), a noun
 * of transfer right after it ("grain exports"), or the item naming the transfer itself ("aid",
 * "backing"). An item merely named ("fired rubber bullets", "a missile attack") is in no frame.
 * Each item is read with its own predicate, so one sentence may tell transfers both ways.
 */
import type { DocSentence } from '../../core/doc.js';
import type { Mention } from '../../core/types.js';
import type { Lexicon } from '../../knowledge/lexicon.js';
import type { ItemHit } from './items.js';

/** the predicate of a transfer: its kind and where it stands (document offsets) */
export interface Frame {
  kind: 'give' | 'receive' | 'want' | 'nominal' | 'passive';
  at: number;
  end: number;
}

const global = (re: RegExp) => new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');

export function createFrameGate(lx: Lexicon) {
  const KINDS: [Frame['kind'], RegExp][] = [['want', global(lx.cue('flow_want'))], ['receive', global(lx.cue('flow_receive'))], ['give', global(lx.cue('flow_give'))], ['give', global(lx.cue('barter_verb'))], ['nominal', global(lx.cue('flow_nominal_give'))], ['receive', global(lx.cue('flow_nominal_receive'))]];
  const RECIPIENT = new RegExp(`^(?:${lx.cue('flow_nominal_receive').source})$`, 'i');
  const BREAK = global(lx.cue('flow_frame_break'));
  const AFTER = lx.cue('flow_frame_after');
  const PASSIVE = lx.cue('flow_frame_passive');
  const NOMINAL_OF = lx.cue('flow_frame_nominal_of');
  const NOMINAL = new RegExp(`^(?:${lx.cue('flow_nominal_give').source})$`, 'i');
  const REACH = 110;
  const TO_VERB = lx.cue('flow_infinitive_before');
  const AND_NEW = lx.cue('flow_clause_and');
  const COORD = lx.cue('flow_item_coordination');
  const WANT_NOUN = lx.cue('flow_want_noun_after');
  const NOTHING = lx.cue('flow_nothing_given');
  const CONDITIONAL = lx.cue('flow_conditional');
  const AVOIDED = lx.cue('flow_avoided');
  const PARTICIPLE = lx.cue('flow_participle_ending');
  const PAST_PARTICIPLE = lx.cue('flow_past_participle_ending');

  /** each item a transfer predicate of the sentence frames, with its frame */
  return function framed(s: DocSentence, items: ItemHit[], ms: Mention[] = s.mentions ?? []): { it: ItemHit; frame: Frame }[] {
    const text = s.text;
    const preds: (Frame & { a: number; b: number })[] = [];
    for (const [kind, re] of KINDS) for (const m of text.matchAll(re)) {
      const a = m.index!, b = a + m[0].length;
      // (a word matched by two cues keeps the first kind: "needs" is a want)
      if (preds.some((p) => p.a < b && p.b > a)) continue;
      // a verb's form used as a noun ("fuel supplies", "his host"): a noun of transfer if it is one, else no predicate (a want stays one: "the request for")
      const tok = s.tokens?.find((t) => t.start === s.start + a);
      let k = kind;
      // (right after a party it is a verb the tagger misread: "Russia supplies Belarus")
      const afterParty = s.mentions?.some((x) => x.span[1] <= s.start + a && s.start + a - x.span[1] <= 2);
      // (a want used as a noun is one only with its "for": "the request for", not "the press wing")
      // a participle that modifies ("all traded oil", "the intelligence-sharing pact") and a verb of nothing given ("could give no details") are no predicates
      const prev = tok ? s.tokens![s.tokens!.indexOf(tok) - 1] : undefined;
      // (… only after a determiner or an owner and adjectives: "Pakistan's military press wing"; "will likely seek" is a verb the tagger misread)
      let det = prev ? s.tokens!.indexOf(prev) : -1;
      while (det > 0 && s.tokens![det].pos === 'ADJ') det--;
      const owned = det >= 0 && (['DET', 'PRON'].includes(s.tokens![det].pos) || ["'s", '’s'].includes(s.tokens![det].norm));
      if (tok && (tok.pos === 'NOUN' || tok.pos === 'PROPN') && kind === 'want' && !/\s/.test(m[0]) && owned && !WANT_NOUN.test(text.slice(b))) continue;
      if (text[a - 1] === '-' || (tok && kind !== 'nominal' && PAST_PARTICIPLE.test(tok.norm) && prev && ['DET', 'ADJ', 'ADP'].includes(prev.pos))) continue;
      if (NOTHING.test(text.slice(b))) continue;
      // (an adjective: "extended deterrence")
      if (tok && tok.pos === 'ADJ' && (kind === 'give' || kind === 'receive')) continue;
      // a transfer in a condition or a question ("if either side transferred weapons", "asked whether Russia would help") is none told
      // (its clause: from the last comma or break before it; "if required, restated its backing" is no condition of the backing)
      const clauseStart = Math.max(0, text.lastIndexOf(',', a - 1) + 1, ...[...text.slice(0, a).matchAll(BREAK)].filter((x) => !CONDITIONAL.test(x[0])).map((x) => x.index! + x[0].length));
      if (CONDITIONAL.test(text.slice(clauseStart, a)) || AVOIDED.test(text.slice(clauseStart, a))) continue;
      if (tok && (tok.pos === 'NOUN' || tok.pos === 'PROPN') && (kind === 'give' || kind === 'receive') && !afterParty && !RECIPIENT.test(m[0])) {
        if (!NOMINAL.test(m[0])) continue;
        k = 'nominal';
      }
      preds.push({ kind: k, at: s.start + a, end: s.start + b, a, b });
    }
    preds.sort((x, y) => x.a - y.a);
    const breaks = [...text.matchAll(BREAK)].map((m) => m.index!);
    // ", and North Korea shipped …": a party after a comma and a conjunction opens a new clause
    // (not a party right before an item: "offered $150 million, the United States $94 million" gaps the verb)
    for (const m of ms) if (m.via !== 'place' && AND_NEW.test(text.slice(0, m.span[0] - s.start)) && !items.some((it) => it.at >= m.span[1] && /^\s*$/.test(text.slice(m.span[1] - s.start, it.at - s.start)))) breaks.push(m.span[0] - s.start);
    /** Whether what stands between a verb (ending at b) and an item (at) leaves the item its object: no other verb ("hoped to put together two battalions"), save another of transfer or a participle before a noun */
    const objectOf = (b: number, at: number): boolean => {
      if (!s.tokens?.length) return true;
      const toks = s.tokens.filter((t) => t.start >= s.start + b && t.end <= s.start + at);
      return toks.every((t, i) => {
        // (a hyphened participle modifies: "Russian-made")
        // (an auxiliary of no verb opens a clause of its own: "…, there was an uptick in …"; "Moscow will share" does not)
        if (t.pos === 'AUX') return ['VERB', 'AUX', 'ADV', 'PART'].includes(s.tokens![s.tokens!.indexOf(t) + 1]?.pos ?? '');
        if (t.pos !== 'VERB' || toks[i - 1]?.norm === '-') return true;
        const inside = (s.mentions ?? []).some((m) => m.span[0] <= t.start && m.span[1] >= t.end) || items.some((x) => x.at <= t.start && x.end >= t.end);
        if (inside) return true;
        return preds.some((p) => s.start + p.a <= t.start && s.start + p.b >= t.end) || PARTICIPLE.test(t.norm) && ['NOUN', 'ADJ', 'PROPN'].includes(s.tokens![s.tokens!.indexOf(t) + 1]?.pos ?? '');
      });
    };
    const out: { it: ItemHit; frame: Frame }[] = [];
    for (const it of items) {
      const at = it.at - s.start, end = it.end - s.start;
      // an infinitive that looks like an item ("to aid Russia's army") is none
      if (!it.verb && TO_VERB.test(text.slice(0, at)) && preds.some((x) => x.a === at && x.b === end) && !/\s/.test(text.slice(at, end))) continue;
      if (it.verb) {
        out.push({ it, frame: { kind: 'give', at: it.at, end: it.end } });
        continue;
      }
      // the first predicate of the clause before it ("requested faster delivery of", "hopes Moscow will share"): a noun of transfer only through its "of" phrase
      const p = preds.find((x) => x.b <= at && at - x.b <= REACH && !breaks.some((y) => y >= x.b && y < at) && (x.kind !== 'nominal' ? objectOf(x.b, at) : NOMINAL_OF.test(text.slice(x.b, at))));
      if (p) {
        out.push({ it, frame: p });
        continue;
      }
      // the item names the transfer itself ("food aid", "backing", "solidarity"); not a verb that only looks like one ("to aid Russia's army")
      const own = preds.find((x) => x.a < end && x.b > at);

      if (own) {
        out.push({ it, frame: own.kind !== 'nominal' ? own : { kind: 'nominal', at: it.at, end: it.end } });
        continue;
      }
      // a participle, a relative clause or a noun of transfer right after it
      const post = AFTER.exec(text.slice(end));
      if (post) {
        const w = post.index + post[0].length;
        const q = preds.find((x) => x.b === end + w) ?? preds.find((x) => x.a >= end && x.a < end + w);
        // ("technology transfer from Russia": a verb's form right after the item is a noun of transfer)
        const kind: Frame['kind'] = PASSIVE.test(text.slice(end, end + w)) ? 'passive' : q && q.a - end <= 1 && NOMINAL.test(text.slice(q.a, q.b)) ? 'nominal' : (q?.kind ?? 'give');
        // (a sum before a noun measures it: "the $7 billion package of deals" is no transfer of money)
        if (it.pattern && it.category === 'finance' && kind !== 'passive' && kind !== 'nominal') continue;
        out.push({ it, frame: { kind, at: s.start + (q?.a ?? end), end: s.start + (q?.b ?? end + w) } });
      }
    }
    // an item coordinated with the next framed one shares its frame ("six MiG-29s and two Sukhois were flown to …")
    for (let n = items.length - 2; n >= 0; n--) {
      const it = items[n];
      if (out.some((x) => x.it === it)) continue;
      const next = out.find((x) => x.it === items[n + 1]);
      if (next && COORD.test(text.slice(it.end - s.start, items[n + 1].at - s.start))) out.push({ it, frame: next.frame });
    }
    // each item once in each frame: its first mention there
    // (a sum is its own: "$150 million, the United States $94 million")
    return out.sort((x, y) => x.it.at - y.it.at).filter((x, n, all) => x.it.pattern || all.findIndex((y) => y.it.item === x.it.item && y.frame.at === x.frame.at) === n);
  };
}
