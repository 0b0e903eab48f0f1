/**
 * Raw document → stored document: normalise, clean, structure, split sentences.
 * The id comes from the normalised text, so the same article always gets the same id.
 */
import { createHash } from 'node:crypto';
import { StatecraftError } from '../core/errors.js';
import type { DocumentRecord, Genre, RawDocument, Section, Sentence, Span } from '../core/types.js';
import type { Nlp } from '../nlp/nlp.js';
import { cleanBlocks, normalizeText, toBlocks } from './clean.js';
import { MAX_DOC_CHARS } from './read.js';
import { dedupe, structure, type ParagraphKind } from './structure.js';

export interface Paragraph {
  span: Span;
  kind: ParagraphKind;
}

export interface BuiltDocument extends DocumentRecord {
  paragraphKinds: ParagraphKind[];
  /** the genre the caller gave (a feed line's `genre`, `--genre`), if any */
  genre?: Genre | null;
}

export function documentId(text: string): { id: string; sha256: string } {
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  return { id: `d_${sha256.slice(0, 20)}`, sha256 };
}

export function buildDocument(raw: RawDocument, nlp: Nlp, defaults: { published?: string | null; source?: string | null; title?: string | null } = {}): BuiltDocument {
  const where = { file: raw.origin, locator: raw.locator };
  if (raw.text.length > MAX_DOC_CHARS) throw new StatecraftError('E103', `${raw.text.length} characters; the limit is ${MAX_DOC_CHARS} per document`, where);
  const normalized = normalizeText(raw.text);
  if (!normalized) throw new StatecraftError('E102', 'no text', where);
  const cleaned = cleanBlocks(toBlocks(normalized));
  const known = raw.title ? normalizeText(raw.title) : (defaults.title ?? null);
  const st = structure(cleaned.kept, known, cleaned.title);
  // bylines and the lines under them are structure (the authors), not the article's text
  const inText = st.blocks.map((b) => b.kind !== 'byline' && b.kind !== 'affiliation');
  if (!inText.some(Boolean)) throw new StatecraftError('E102', 'nothing left after removing page furniture', where);
  // assemble the stored text: blocks separated by blank lines; spans index into it
  let text = '';
  const paragraphs: Span[] = [];
  const kinds: ParagraphKind[] = [];
  /** block index → paragraph index (a byline's: the next paragraph's) */
  const at: number[] = [];
  st.blocks.forEach((b, i) => {
    at.push(paragraphs.length);
    if (!inText[i]) return;
    if (text) text += '\n\n';
    paragraphs.push([text.length, text.length + b.text.length]);
    kinds.push(b.kind);
    text += b.text;
  });
  if (!/\p{L}/u.test(text)) throw new StatecraftError('E102', 'no letters in the text', where);
  const sections: Section[] = st.sections
    .map((s) => ({ s, first: at[s.start], last: inText[s.end] ? at[s.end] : at[s.end] - 1 }))
    .filter(({ first, last }) => last >= first)
    .map(({ s, first, last }) => ({
      title: s.title,
      authors: s.authors.map(personCase),
      span: [paragraphs[first][0], paragraphs[last][1]] as Span,
    }));
  const sentences: Sentence[] = [];
  paragraphs.forEach((p, pi) => {
    const ptext = text.slice(p[0], p[1]);
    const spans = kinds[pi] === 'body' ? nlp.sentences(ptext) : [[0, ptext.length] as Span];
    for (const [a, b] of spans) {
      const span: Span = [p[0] + a, p[0] + b];
      const section = sections.findIndex((s) => span[0] >= s.span[0] && span[1] <= s.span[1]);
      sentences.push({ idx: sentences.length, span, text: text.slice(span[0], span[1]), section: section < 0 ? null : section, paragraph: pi });
    }
  });
  const { id, sha256 } = documentId(text);
  // one name for "DANIEL KIM" (a byline in capitals) and "Daniel Kim"
  const authors = dedupe([...(raw.authors ?? []), ...st.authors].map(personCase));
  return {
    id,
    origin: raw.locator ? `${raw.origin}#${raw.locator.replace(/\s+/g, '')}` : raw.origin,
    title: st.title,
    source: raw.source ?? defaults.source ?? null,
    url: raw.url ?? null,
    published: raw.published ?? st.published ?? defaults.published ?? null,
    authors,
    language: 'en',
    sha256,
    chars: text.length,
    text,
    sections,
    paragraphs,
    paragraphKinds: kinds,
    genre: raw.genre ?? null,
    sentences,
    dropped: [
      ...(raw.dropped ?? []),
      ...cleaned.dropped,
      ...st.dropped,
      ...st.blocks.filter((_, i) => !inText[i]).map((b) => ({ reason: b.kind, text: b.text })),
    ],
  };
}

/** A name of two words or more written all in capitals ("DANIEL KIM", "JEAN-YVES LE DRIAN") in the case names are written in; any other name (an acronym such as "IISS") as written. */
export function personCase(name: string): string {
  if (!/\p{Lu}/u.test(name) || /\p{Ll}/u.test(name) || !/\s/.test(name.trim())) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}
