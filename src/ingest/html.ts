/**
 * Saved HTML pages: @mozilla/readability over a linkedom DOM finds the article;
 * title, date, author and site come from the page's meta tags. Nothing in the page
 * is executed: linkedom has no script engine, and we only read text nodes.
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { StatecraftError } from '../core/errors.js';
import type { RawDocument } from '../core/types.js';
import { toIsoDate } from './dates.js';
import { authorList } from './authors.js';

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, dd, dt';

type El = { textContent: string | null; getAttribute(n: string): string | null; tagName: string; querySelectorAll(s: string): Iterable<El>; closest?(s: string): El | null };

function meta(doc: { querySelector(s: string): El | null }, ...keys: string[]): string | null {
  for (const k of keys) {
    const el = doc.querySelector(`meta[property="${k}"]`) ?? doc.querySelector(`meta[name="${k}"]`) ?? doc.querySelector(`meta[itemprop="${k}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

/** Text of block elements, one paragraph each; nested blocks counted once. */
function blockText(root: El): string {
  const out: string[] = [];
  for (const el of root.querySelectorAll(BLOCKS)) {
    // skip a block nested in another block we already take (li > p, blockquote > p)
    const parent = (el as unknown as { parentElement: El | null }).parentElement;
    if (parent && parent.closest?.(BLOCKS)) continue;
    const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
  }
  if (out.length === 0) {
    const t = (root.textContent ?? '').replace(/[ \t]+/g, ' ').trim();
    if (t) out.push(...t.split(/\n\s*\n/).map((x) => x.replace(/\s+/g, ' ').trim()).filter(Boolean));
  }
  return out.join('\n\n');
}

/**
 * Nesting deeper than this is no article layout (real pages stay under a few hundred levels):
 * Readability's work grows with the square of the depth (10,000 nested divs took 3 s, 100,000 over
 * 300 s and then overflowed the stack), so such a page is flattened before it is parsed.
 */
export const MAX_HTML_DEPTH = 512;

/** elements that never nest (void) or whose end tag may be left out: they do not count as depth */
const NO_DEPTH = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'rt', 'rp', '!doctype']);

/** The page's deepest element nesting, by one linear scan of its tags (stops counting past `limit`). */
export function htmlDepth(html: string, limit = MAX_HTML_DEPTH): number {
  let depth = 0;
  let max = 0;
  const tag = /<(\/?)([a-zA-Z!][\w:-]*)[^>]*?(\/?)>/g;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const name = m[2].toLowerCase();
    if (NO_DEPTH.has(name) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max && (max = depth) > limit) return max;
  }
  return max;
}

const BLOCK_TAGS = 'p|div|br|li|h[1-6]|tr|td|th|blockquote|section|article|header|footer|main|aside|nav|pre|ul|ol|dl|table|dd|dt|figure|figcaption|hr|form|fieldset|address';

/**
 * A deep page in linear time: its head as it is (titles and meta tags), its body reduced to one
 * flat paragraph per block of text (scripts, styles and comments dropped, block tags as breaks,
 * other tags removed; entities stay and are decoded by the parser).
 */
export function flattenHtml(html: string): string {
  const head = /<head[\s>][\s\S]*?<\/head\s*>/i.exec(html)?.[0] ?? '';
  const body = html
    .replace(/<head[\s>][\s\S]*?<\/head\s*>/i, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|noscript|template|iframe|object|svg|textarea)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(new RegExp(`<\\/?(?:${BLOCK_TAGS})\\b[^>]*>`, 'gi'), '\n\n')
    .replace(/<[^>]*>/g, '');
  const paragraphs = body.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  return `<!doctype html><html>${head}<body>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</body></html>`;
}

export function readHtml(html: string, origin: string): RawDocument {
  // bounded work whatever the nesting: a page too deep for the DOM and Readability is flattened first
  if (htmlDepth(html) > MAX_HTML_DEPTH) html = flattenHtml(html);
  let window;
  try {
    window = parseHTML(html);
  } catch (e) {
    throw new StatecraftError('E108', (e as Error).message, { file: origin });
  }
  const document = window.document as unknown as Document & { querySelector(s: string): El | null };
  for (const el of Array.from(document.querySelectorAll('script, style, noscript, template, iframe, object, embed, svg'))) el.remove();
  const head = {
    title: meta(document, 'og:title', 'twitter:title', 'citation_title', 'dc.title') ?? (document.querySelector('title')?.textContent?.trim() || null),
    published: toIsoDate(meta(document, 'article:published_time', 'datePublished', 'citation_publication_date', 'pubdate', 'publish-date', 'date', 'dc.date', 'og:updated_time')),
    source: meta(document, 'og:site_name', 'application-name', 'citation_publisher', 'publisher'),
    url: meta(document, 'og:url') ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
    authors: authorList(meta(document, 'author', 'article:author', 'citation_author', 'dc.creator', 'parsely-author')),
  };
  let text = '';
  let title = head.title;
  let byline: string | null = null;
  try {
    const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
    if (article?.content) {
      const { document: inner } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
      text = blockText(inner.body as unknown as El);
      title = title ?? article.title ?? null;
      byline = article.byline ?? null;
    }
  } catch {
    /* readability gave up on this page: fall back to the body's blocks below */
  }
  if (!text.trim()) {
    const body = document.querySelector('body');
    if (body) text = blockText(body);
  }
  if (!text.trim()) throw new StatecraftError('E108', 'no article text found in the page', { file: origin });
  const authors = head.authors.length ? head.authors : byline ? authorList(byline.replace(/^by\s+/i, '')) : [];
  return { origin, text, kind: 'plain', title, published: head.published, source: head.source, url: head.url, authors };
}
