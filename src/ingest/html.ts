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

/** Page furniture by its markup: menus, banners and dialogs, side columns, footers, forms, and pictures' captions. */
const FURNITURE: [selector: string, reason: string][] = [
  ['nav, [role="navigation"]', 'navigation'],
  ['dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"]', 'dialog or banner'],
  ['aside, [role="complementary"]', 'sidebar'],
  ['footer, [role="contentinfo"]', 'footer'],
  ['form', 'form'],
  ['figcaption', 'caption'],
];

type Node = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<Node> };
const BLOCK_NAMES = new Set(BLOCK_TAGS.split('|').flatMap((t) => (t === 'h[1-6]' ? ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] : [t])).concat(['dialog', 'button', 'select']));

/** A page region's text as the reader sees its blocks: one line per run of text between block boundaries. */
export function pageLines(root: Node): string[] {
  const out: string[] = [];
  let cur = '';
  const flush = () => {
    const t = cur.replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
    cur = '';
  };
  const walk = (n: Node) => {
    if (n.nodeType === 3) {
      cur += n.textContent ?? '';
      return;
    }
    if (n.nodeType !== 1) return;
    const name = n.nodeName.toLowerCase();
    const block = BLOCK_NAMES.has(name);
    // links side by side are separate items ("Home", "Asia"), even with no space between them
    const apart = name === 'a' || name === 'button';
    if (block) flush();
    if (apart) cur += ' ';
    for (const c of Array.from(n.childNodes)) walk(c);
    if (block) flush();
    if (apart) cur += ' ';
  };
  walk(root);
  flush();
  return out;
}

/** the share of an element's text inside links */
function linkDensity(el: El): number {
  const all = (el.textContent ?? '').replace(/\s+/g, '').length;
  if (!all) return 0;
  let inLinks = 0;
  for (const a of el.querySelectorAll('a')) inLinks += (a.textContent ?? '').replace(/\s+/g, '').length;
  return inLinks / all;
}

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The title the page's own headings agree on: the `<h1>`, `og:title`/`twitter:title` and `<title>` (without a site name after a separator). */
export function chooseTitle(c: { h1: string | null; og: string | null; title: string | null; site: string | null }): string | null {
  const titleParts = c.title ? c.title.split(/\s+[|–—:·-]\s+/).map((x) => x.trim()).filter((x) => x && (!c.site || squash(x) !== squash(c.site))) : [];
  const pageTitle = titleParts.sort((a, b) => b.length - a.length)[0] ?? null;
  const cands = [c.h1, c.og, pageTitle].filter((x): x is string => !!x && !!squash(x));
  if (cands.length === 0) return null;
  const agree = (a: string, b: string) => {
    const x = squash(a), y = squash(b);
    return x === y || (Math.min(x.length, y.length) >= 12 && (x.includes(y) || y.includes(x)));
  };
  // the candidate most others agree with; on a tie the page's own heading, then og:title, then <title>
  let best = cands[0], bestVotes = -1;
  for (const [i, t] of cands.entries()) {
    const votes = cands.filter((o, k) => k !== i && agree(t, o)).length;
    if (votes > bestVotes) [best, bestVotes] = [t, votes];
  }
  // a lone <h1> that nothing agrees with is often the site's logo or a teaser: metadata wins then
  if (bestVotes === 0 && best === c.h1 && (c.og || pageTitle)) return c.og ?? pageTitle;
  return best;
}

/** datePublished from the page's JSON-LD, if any */
function jsonLdDate(document: { querySelectorAll(s: string): Iterable<El> }): string | null {
  for (const el of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const stack: unknown[] = [JSON.parse(el.textContent ?? '')];
      while (stack.length) {
        const v = stack.pop();
        if (Array.isArray(v)) stack.push(...v);
        else if (v && typeof v === 'object') {
          const o = v as Record<string, unknown>;
          if (typeof o.datePublished === 'string') return o.datePublished;
          if (o['@graph']) stack.push(o['@graph']);
        }
      }
    } catch {
      /* not JSON: ignore */
    }
  }
  return null;
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
  const ldDate = jsonLdDate(document as never);
  for (const el of Array.from(document.querySelectorAll('script, style, noscript, template, iframe, object, embed, svg'))) el.remove();
  const body = document.querySelector('body') as unknown as (El & Node) | null;
  // the page as a reader sees it, before anything is removed: what is not in the article was dropped
  const pageBefore = body ? pageLines(body) : [];
  const source = meta(document, 'og:site_name', 'application-name', 'citation_publisher', 'publisher');
  const h1Text = (document.querySelector('article h1') ?? document.querySelector('main h1') ?? document.querySelector('h1'))?.textContent?.replace(/\s+/g, ' ').trim() || null;
  // a heading of more than 25 words is an unclosed <h1> that swallowed the article, not a headline
  const h1 = h1Text && h1Text.split(' ').length <= 25 ? h1Text : null;
  const time = document.querySelector('article time[datetime]') ?? document.querySelector('header time[datetime]') ?? document.querySelector('time[pubdate]') ?? document.querySelector('time[datetime]');
  const head = {
    title: chooseTitle({ h1, og: meta(document, 'og:title', 'twitter:title', 'citation_title', 'dc.title'), title: document.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim() || null, site: source }),
    published:
      toIsoDate(meta(document, 'article:published_time', 'datePublished', 'citation_publication_date', 'pubdate', 'publish-date', 'date', 'dc.date')) ??
      toIsoDate(ldDate) ??
      toIsoDate(time?.getAttribute('datetime')) ??
      toIsoDate(meta(document, 'og:updated_time')),
    source,
    url: meta(document, 'og:url') ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
    authors: authorList(meta(document, 'author', 'article:author', 'citation_author', 'dc.creator', 'parsely-author')),
  };
  // furniture by markup goes before Readability looks for the article; kept aside in case nothing else is left
  const reasons = new Map<string, string>();
  const removed: { el: El & { remove(): void }; reason: string }[] = [];
  for (const [sel, reason] of FURNITURE) {
    for (const el of Array.from(document.querySelectorAll(sel)) as unknown as (El & { remove(): void; isConnected?: boolean })[]) {
      if (el.isConnected === false) continue;
      for (const line of pageLines(el as unknown as Node)) if (!reasons.has(squash(line))) reasons.set(squash(line), reason);
      removed.push({ el, reason });
      el.remove();
    }
  }
  // link lists (menus, section labels, breadcrumbs, teasers) that are not marked up as such
  for (const el of Array.from(document.querySelectorAll('ul, ol, p, div')) as unknown as (El & { remove(): void; isConnected?: boolean })[]) {
    if (el.isConnected === false) continue;
    const links = Array.from(el.querySelectorAll('a')).length;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (links >= 2 && text.split(' ').length <= 40 && linkDensity(el) >= 0.7) {
      for (const line of pageLines(el as unknown as Node)) if (!reasons.has(squash(line))) reasons.set(squash(line), 'links');
      el.remove();
    }
  }
  let text = '';
  let byline: string | null = null;
  try {
    const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
    if (article?.content) {
      const { document: inner } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
      text = blockText(inner.body as unknown as El);
      byline = article.byline ?? null;
    }
  } catch {
    /* readability gave up on this page: fall back to the body's blocks below */
  }
  if (!text.trim() && body) text = blockText(body);
  if (!text.trim() && removed.length) {
    // nothing but furniture by markup: read the whole page rather than nothing
    text = pageBefore.join('\n\n');
    reasons.clear();
  }
  if (!text.trim()) throw new StatecraftError('E108', 'no article text found in the page', { file: origin });
  const authors = head.authors.length ? head.authors : byline ? authorList(byline.replace(/^by\s+/i, '')) : [];
  // what the page showed and the article does not hold: listed for `show --dropped`
  const inArticle = squash(text);
  const dropped: { reason: string; text: string }[] = [];
  for (const line of pageBefore) {
    const key = squash(line);
    if (!key || inArticle.includes(key) || (head.title && key === squash(head.title))) continue;
    if (byline && key === squash(byline)) {
      dropped.push({ reason: 'byline', text: line });
      continue;
    }
    dropped.push({ reason: reasons.get(key) ?? 'outside the article', text: line });
  }
  return { origin, text, kind: 'plain', title: head.title, published: head.published, source: head.source, url: head.url, authors, dropped };
}
