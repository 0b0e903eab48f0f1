/**
 * Who holds a claim: the source it is quoted from ("X said …", "according to X", "…, X
 * argued"), else the authors of the section or the document, else unknown.
 */
import type { DocSentence, KeyToken } from '../../core/doc.js';
import type { ClaimRecord, Mention } from '../../core/types.js';
import type { Lexicon } from '../../knowledge/lexicon.js';

export interface Holder {
  holder: string;
  holder_kind: ClaimRecord['holder_kind'];
}

/** a person's or author's mention stands for its name; any other actor for its id */
function personal(m: Mention): boolean {
  return m.actor.startsWith('person:') || m.actor.startsWith('author:');
}

export function createHolders(lx: Lexicon) {
  const SOURCE_INTRO = lx.cue('claim_source_intro');
  const SOURCE_NAME = lx.cue('claim_source_name');
  const SPEECH = lx.words('claim_speech_verbs');

  /** "X said …", "according to X", "…, X argued": the quoted holder, if any */
  function quotedHolder(s: DocSentence, toks: KeyToken[], ms: Mention[]): string | null {
    const intro = SOURCE_INTRO.exec(s.text.toLowerCase());
    if (intro) {
      const acc = intro.index + intro[0].length;
      const after = s.start + acc;
      const m = ms.find((x) => x.span[0] >= after && x.span[0] <= after + 6);
      if (m) return personal(m) ? m.text : m.actor;
      const name = SOURCE_NAME.exec(s.text.slice(acc));
      if (name) return name[1].trim();
    }
    for (let i = 0; i < toks.length; i++) {
      if (!SPEECH.has(toks[i].key)) continue;
      // subject before the verb, or after it ("…, said Kim")
      const before = ms.filter((m) => m.span[1] <= toks[i].start && toks[i].start - m.span[1] <= 40).pop();
      const after = ms.find((m) => m.span[0] >= toks[i].end && m.span[0] - toks[i].end <= 3);
      const m = after && toks[i - 1]?.key === ',' ? after : before ?? after;
      if (m) return personal(m) ? (m.via === 'role' ? m.actor : m.text) : m.actor;
      // an expert the dictionaries do not know: a capitalised name next to the verb
      const left = s.text.slice(0, toks[i].start - s.start);
      const nm = /((?:[A-Z][\w’'-]+\s){1,3}[A-Z][\w’'-]+)(?:,[^,]{3,80},)?\s*$/.exec(left);
      if (nm) return nm[1];
      const right = /^\s*((?:[A-Z][\w’'-]+\s?){2,4})/.exec(s.text.slice(toks[i].end - s.start));
      if (right && toks[i - 1]?.key === ',') return right[1].trim();
    }
    return null;
  }

  /** The claim's holder: quoted, else the section's or the document's authors, else unknown. */
  function holderOf(s: DocSentence, toks: KeyToken[], ms: Mention[], docAuthors: string[]): Holder {
    const quoted = quotedHolder(s, toks, ms);
    const authors = s.sectionAuthors.length ? s.sectionAuthors : docAuthors;
    if (quoted) return { holder: quoted.startsWith('person:') ? personName(quoted, ms) : quoted, holder_kind: 'quoted' };
    if (authors.length) return { holder: authors.join('; '), holder_kind: 'author' };
    return { holder: 'unknown', holder_kind: 'unknown' };
  }

  return { quotedHolder, holderOf };
}

/** a person by the words the sentence names them with */
function personName(actor: string, ms: Mention[]): string {
  return ms.find((x) => x.actor === actor)?.text ?? actor;
}
