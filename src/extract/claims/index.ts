/**
 * Stage `claims`: what the prose holds to be so — assessments, motives, predictions,
 * recommendations and disagreements — with who holds each (holder.ts), what kind it is
 * (kind.ts), the countries it is about and how likely it says something is (likelihood.ts).
 *
 * The document's genre decides who can hold a claim (genre.ts). In an analysis, the authors
 * hold its judgements: a sentence of six words or more, not a question and not a news report,
 * and an assessment only when it is about a country. In a news report, the narration holds no
 * claims: only what the report attributes to someone ("X said", "according to X", "X accused
 * Y of …", "X urged …") is a claim, held by that speaker, of the kind its words tell, an
 * assessment when they tell none.
 */
import type { Stage } from '../../core/doc.js';
import type { ClaimRecord, Mention } from '../../core/types.js';
import type { AnalysisKnowledge } from '../../knowledge/analysis.js';
import type { Lexicon } from '../../knowledge/lexicon.js';
import { hash64 } from '../../knowledge/text.js';
import { viewOf, type ClauseKnowledge } from '../clause/view.js';
import { proseSentences, sentenceSpan } from '../analysis/shared.js';
import { genreOf } from './genre.js';
import { createHolders, type Discourse, type Quoted } from './holder.js';
import { createClaimKinds } from './kind.js';
import { likelihoodOf } from './likelihood.js';

export interface ClaimsKnowledge {
  analysis: Pick<AnalysisKnowledge, 'wep' | 'negators'>;
  lexicon: Lexicon;
}

export function claimsStage(k: ClaimsKnowledge, clause?: ClauseKnowledge): Stage {
  const { claimKind, isNews, reportedKind } = createClaimKinds(k.lexicon);
  const holders = createHolders(k.lexicon);
  const REPORTED_KIND = k.lexicon.map('claim_reported_kinds');
  const SELF = k.lexicon.words('claim_self_pronouns');
  return {
    name: 'claims',
    requires: ['keys', 'mentions', 'events'],
    assigns: ['claims', 'genre'],
    run(doc) {
      const claims: ClaimRecord[] = [];
      const sentences = proseSentences(doc);
      doc.genreRead = doc.genre ?? genreOf(sentences, holders, doc.authors);
      const news = doc.genreRead === 'news';
      const actors = doc.actors ?? new Map();
      // the document's mentions (in text order, no authors): those before a sentence are its discourse
      const prior = (doc.mentions ?? []).filter((m) => m.via !== 'author');
      let upTo = 0;
      let lastPerson: Mention | null = null;
      let lastBody: Mention | null = null;
      const recent: Quoted[] = [];
      for (const { s, ms, evs } of sentences) {
        while (upTo < prior.length && prior[upTo].span[1] <= s.start) upTo++;
        const toks = s.keys!;
        // the subject of a verb of speech, as the clause reader reads it (coordination, relatives, pronouns)
        const subjectAt = clause && s.tokens ? (at: number) => {
          const i = s.tokens!.findIndex((t) => t.start === at);
          return i < 0 ? null : viewOf(clause, doc.id, s).subjectOf(i)[0]?.m ?? null;
        } : undefined;
        const words = toks.filter((t) => /\p{L}/u.test(t.text)).length;
        if (words < 6 || s.text.trim().endsWith('?')) continue;
        const discourse: Discourse = { before: prior.slice(0, upTo), lastPerson, lastBody, recent, text: doc.text.slice(0, s.start + s.text.length) };
        const lk = likelihoodOf(k.analysis, toks, s.text, news);
        // the countries it is about
        const about = [...new Set(ms.filter((m) => m.via !== 'author' && m.country).map((m) => m.country!))];
        let kind: ClaimRecord['kind'] | null;
        if (news) {
          // a report's own narration is no claim; what it attributes is, whatever it says — one
          // claim per speaker ("X said …, while Y insisted …")
          const speakers = holders.quotedHolders(s, toks, ms, true, subjectAt, discourse);
          if (!speakers.length) continue;
          const told = claimKind(s.text, !!lk) ?? 'assessment';
          const seen = new Set<string>();
          for (const q of speakers) {
            // the verb says what kind of statement it reports ("urged" a recommendation, "warned" a prediction), else its words do
            // (what a verb of speech reports runs from it to the next verb of report: "said Chile would stay neutral, praised …")
            // ('"…," Kim said on Monday': when little follows the verb, what it reports stands before it)
            const next = speakers.find((o) => o.at !== undefined && q.at !== undefined && o.at > q.at)?.at;
            let span: [number, number] | null = q.verb && q.at !== undefined ? [q.at, next ?? s.start + s.text.length] : null;
            if (span && toks.filter((t) => t.start >= span![0] && t.start < span![1] && /\p{L}/u.test(t.text)).length <= 4) {
              const before = speakers.filter((o) => o.at !== undefined && o.at < q.at!).pop()?.at;
              span = [before ?? s.start, q.at!];
            }
            const words = span ? s.text.slice(span[0] - s.start, span[1] - s.start) : s.text;
            // (the reported clause's subject is the speaker: a pronoun, the speaker, or an actor of the speaker's state — "Washington will provide", said by a US envoy)
            const own = (from: number, to: number) => {
              const sub = toks.filter((t) => t.start >= from && t.end <= to);
              if (sub.length === 1 && SELF.has(sub[0].key)) return true;
              return ms.some((m) => m.span[0] >= from && m.span[1] <= to && !!q.m && (m.actor === q.m.actor || (!!m.country && m.country === q.m.country)));
            };
            const said = span ? reportedKind(words, toks.filter((t) => t.start >= span![0] && t.start < span![1]), !!lk, own) : null;
            const lkHere = span ? likelihoodOf(k.analysis, toks.filter((t) => t.start >= span![0] && t.start < span![1]), s.text, news) : lk;
            const kindHere = ((q.verb && REPORTED_KIND.get(q.verb)) as ClaimRecord['kind'] | undefined) ?? said ?? (span ? 'assessment' : told);
            // one claim per speaker and kind ("X said … and urged …" are two statements)
            const key = `${q.m?.actor ?? q.name!}|${kindHere}`;
            if (seen.has(key)) continue;
            const holder_actor = q.m?.actor ?? null;
            const id = `c_${hash64(seen.size ? `${doc.id}|${s.idx}|${key}` : `${doc.id}|${s.idx}`)}`;
            seen.add(key);
            if (holder_actor?.startsWith('person:')) lastPerson = q.m!;
            else if (q.m) lastBody = q.m;
            recent.push(q);
            claims.push({ id, doc: doc.id, sentence: s.idx, span: sentenceSpan(s), quote: s.text, holder: q.label ?? holders.nameOf(q, actors), holder_kind: q.unnamed ? 'unknown' : 'quoted', holder_actor, kind: kindHere, about, likelihood: lkHere?.likelihood ?? null, wep: lkHere?.wep ?? null });
          }
          continue;
        } else {
          kind = isNews(s.text, evs, !!lk) ? null : claimKind(s.text, !!lk);
          if (!kind || (about.length === 0 && kind === 'assessment')) continue;
        }
        const { holder, holder_kind, holder_actor, mention } = holders.holderOf(s, toks, ms, doc.authors, actors, news, subjectAt, discourse);
        if (mention?.actor.startsWith('person:')) lastPerson = mention;
        claims.push({ id: `c_${hash64(`${doc.id}|${s.idx}`)}`, doc: doc.id, sentence: s.idx, span: sentenceSpan(s), quote: s.text, holder, holder_kind, holder_actor, kind, about, likelihood: lk?.likelihood ?? null, wep: lk?.wep ?? null });
      }
      doc.claims = claims;
    },
  };
}
