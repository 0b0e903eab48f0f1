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

export function readHtml(html: string, origin: string): RawDocument {
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
