/**
 * Stage `coref`: an actor named in one sentence and referred to in the next. News carries its
 * subject across sentences ("Finland closed its border on Tuesday. It said …"; "Kim arrived in
 * Vladivostok. He met …"; "The EU adopted sanctions. The bloc also …"). A pronoun or a definite
 * referring noun that comes before any actor of its own sentence stands for the first actor of
 * the previous prose sentence that fits it: a person for "he"/"she"; a state, government or
 * organisation for "it"; an international organisation for "the bloc"; a state for "the
 * country"; a group for "the group". Only the first such word before any actor of the sentence
 * is resolved; pronouns after an actor of their own sentence are left to the clause reader,
 * which resolves them within the sentence.
 */
import type { DocSentence, KeyToken, Stage } from '../../core/doc.js';
import type { Actor, Mention } from '../../core/types.js';
import type { ActorKnowledge } from '../../knowledge/actors.js';
import type { Lexicon } from '../../knowledge/lexicon.js';

export interface CorefKnowledge {
  actors: ActorKnowledge;
  lexicon: Lexicon;
}

type Fit = (m: Mention, a: Actor | undefined) => boolean;

export function createCoref(k: CorefKnowledge) {
  const lx = k.lexicon;
  const PERSON = lx.words('coref_person_pronouns');
  const ACTOR = lx.words('coref_actor_pronouns');
  const PLURAL = lx.words('coref_plural_pronouns');
  const ORG_NOUNS = lx.words('coref_org_nouns');
  const STATE_NOUNS = lx.words('coref_state_nouns');
  const GROUP_NOUNS = lx.words('coref_group_nouns');
  const DETS = lx.words('coref_determiners');
  const ANYWHERE = lx.words('coref_anywhere_nouns');

  const isPerson: Fit = (m) => m.actor.startsWith('person:') && !!m.country;
  const isIgo: Fit = (m, a) => a?.kind === 'igo' || (!!m.org && !m.actor.startsWith('person:') && !m.actor.startsWith('group:'));
  const isGroup: Fit = (m, a) => m.actor.startsWith('group:') || a?.kind === 'group';
  const isState: Fit = (m, a) => !m.actor.startsWith('person:') && !m.actor.startsWith('group:') && !!m.country && !m.org && (!a || a.kind === 'state' || a.kind === 'government');
  const isCollective: Fit = (m, a) => !m.actor.startsWith('person:') && m.actor !== 'group:unnamed-armed' && (isState(m, a) || isIgo(m, a) || isGroup(m, a));

  /** what a token opening the sentence refers to: the fit, and the span's last token */
  function referent(toks: KeyToken[], i: number): [Fit, number] | null {
    const w = toks[i].key;
    if (PERSON.has(w)) return [isPerson, i];
    if (ACTOR.has(w) || PLURAL.has(w)) return [isCollective, i];
    if (DETS.has(w) && toks[i + 1]) {
      const n = toks[i + 1].key;
      if (ORG_NOUNS.has(n)) return [isIgo, i + 1];
      if (STATE_NOUNS.has(n)) return [isState, i + 1];
      if (GROUP_NOUNS.has(n)) return [isGroup, i + 1];
    }
    return null;
  }

  /**
   * "announced a ceasefire with the militias", "the bloc's foreign ministers": an unambiguous referring noun
   * anywhere in the sentence stands for the last fitting actor named before it, in this sentence or the two before.
   */
  function anywhere(docId: string, actors: Map<string, Actor>, before: DocSentence[], s: DocSentence): Mention[] {
    const toks = s.keys!;
    const out: Mention[] = [];
    for (let i = 0; i + 1 < toks.length; i++) {
      if (!DETS.has(toks[i].key) || !ANYWHERE.has(toks[i + 1].key)) continue;
      if (s.mentions!.some((m) => m.span[0] <= toks[i + 1].start && m.span[1] >= toks[i + 1].end)) continue;
      const r = referent(toks, i);
      if (!r) continue;
      const [fit, last] = r;
      const fits = (m: Mention) => m.via !== 'author' && m.via !== 'place' && m.via !== 'coref' && fit(m, actors.get(m.actor) ?? k.actors.actors.get(m.actor));
      const here = s.mentions!.filter((m) => m.span[1] <= toks[i].start && fits(m)).pop();
      const ante = here ?? before.map((b) => b.mentions!.filter(fits).pop()).find((m) => m);
      if (!ante) continue;
      const span: [number, number] = [toks[i].start, toks[last].end];
      out.push({ doc: docId, sentence: s.idx, span, text: s.text.slice(span[0] - s.start, span[1] - s.start), actor: ante.actor, country: ante.country, org: ante.org, role: ante.role, via: 'coref' });
      i = last;
    }
    return out;
  }

  function resolve(docId: string, actors: Map<string, Actor>, prev: DocSentence, s: DocSentence): Mention | null {
    const toks = s.keys!;
    const first = s.mentions!.find((m) => m.via !== 'author' && m.via !== 'place')?.span[0] ?? Infinity;
    // the sentence's words before any actor of its own ("From Dnipro he joined …")
    for (let i = 0; i < toks.length && toks[i].end <= first; i++) {
      const r = referent(toks, i);
      if (!r) continue;
      const [fit, last] = r;
      const ante = prev.mentions!.find((m) => m.via !== 'author' && m.via !== 'place' && fit(m, actors.get(m.actor) ?? k.actors.actors.get(m.actor)));
      if (!ante) return null;
      const span: [number, number] = [toks[i].start, toks[last].end];
      return { doc: docId, sentence: s.idx, span, text: s.text.slice(span[0] - s.start, span[1] - s.start), actor: ante.actor, country: ante.country, org: ante.org, role: ante.role, via: 'coref' };
    }
    return null;
  }

  return { resolve, anywhere };
}

export function corefStage(k: CorefKnowledge): Stage {
  const { resolve, anywhere } = createCoref(k);
  return {
    name: 'coref',
    requires: ['keys', 'agents'],
    assigns: ['coref'],
    run(doc) {
      let prev: DocSentence | null = null;
      let added = false;
      const seen: DocSentence[] = [];
      for (const s of doc.sentences) {
        if (!s.prose) continue;
        const found: Mention[] = [];
        if (prev && prev.paragraph >= s.paragraph - 1) {
          const m = resolve(doc.id, doc.actors!, prev, s);
          if (m) found.push(m);
        }
        for (const m of anywhere(doc.id, doc.actors!, seen.slice(-2).reverse(), s)) if (!found.some((f) => f.span[0] === m.span[0])) found.push(m);
        if (found.length) {
          s.mentions = [...found, ...s.mentions!].sort((a, b) => a.span[0] - b.span[0]);
          added = true;
        }
        seen.push(s);
        prev = s;
      }
      if (added) doc.mentions = doc.sentences.flatMap((s) => s.mentions ?? []);
    },
  };
}
