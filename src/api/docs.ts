/**
 * The API's docs page (`GET /api/docs`), styled like the dashboard with a stylesheet of its own
 * (`GET /api/docs.css`: the Content-Security-Policy allows no inline style), a way back to the
 * dashboard, and every text from the OpenAPI document escaped ("Bearer <token>" shows as written).
 */
import type { FastifyInstance } from 'fastify';

const esc = (s: unknown): string => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
/** `code` spans of the summaries (markdown backticks) become <code>, after escaping */
const inline = (s: unknown): string => esc(s).replace(/`([^`]+)`/g, '<code>$1</code>');

interface Param {
  name: string;
  in: string;
  required?: boolean;
  schema?: { type?: string; enum?: unknown[]; default?: unknown; description?: string; minimum?: number; maximum?: number };
}
interface Operation {
  summary: string;
  parameters?: Param[];
  responses?: Record<string, { description: string }>;
}
export interface OpenApiDoc {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
}

const CSS = `
:root { --text:#212529; --muted:#5f676f; --line:#dee2e6; --bg:#f6f7f9; --panel:#fff; --link:#1864ab; --mono:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;
  --sans:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif; color-scheme:light; }
* { box-sizing:border-box; }
body { margin:0; font-family:var(--sans); font-size:15px; line-height:1.5; color:var(--text); background:var(--bg); }
a { color:var(--link); }
.top { background:#1f2a36; color:#fff; border-bottom:1px solid #111820; }
.top-inner { max-width:1280px; margin:0 auto; padding:0 1.25rem; display:flex; align-items:center; gap:1.5rem; min-height:52px; flex-wrap:wrap; }
.brand { color:#fff; font-weight:700; font-size:1.05rem; letter-spacing:.02em; text-decoration:none; }
.top a.back { color:#ced4da; text-decoration:none; font-size:.93rem; }
.top a.back:hover, .brand:hover { color:#fff; }
main { max-width:1280px; margin:0 auto; padding:1.5rem 1.25rem 3rem; }
h1 { font-size:1.5rem; margin:0 0 .6rem; } h2 { font-size:1.1rem; margin:1.5rem 0 .6rem; }
p.lede { color:var(--muted); max-width:60rem; }
code { font-family:var(--mono); font-size:.88em; background:#eef0f2; padding:0 .25em; border-radius:3px; }
.table-wrap { overflow-x:auto; background:var(--panel); border:1px solid var(--line); border-radius:6px; }
table { border-collapse:collapse; width:100%; }
th, td { text-align:left; vertical-align:top; padding:.5rem .75rem; border-bottom:1px solid #eef0f2; }
th { font-size:.8rem; text-transform:uppercase; letter-spacing:.04em; color:var(--muted); background:#fafbfc; }
tr:last-child td { border-bottom:0; }
.method { font-family:var(--mono); font-weight:700; font-size:.8rem; padding:.1rem .4rem; border-radius:4px; background:#e0eefc; color:#1c5fa8; }
.method.post { background:#fff0f6; color:#a61e4d; }
.params code { display:inline-block; margin:0 .25rem .25rem 0; }
.muted { color:var(--muted); }
`;

function row(path: string, method: string, op: Operation): string {
  const params = (op.parameters ?? [])
    .map((p) => {
      const s = p.schema ?? {};
      const what = [p.in === 'path' ? 'in the path' : null, s.enum ? `one of ${s.enum.join(', ')}` : s.type, s.default !== undefined ? `default ${String(s.default)}` : null].filter(Boolean).join('; ');
      return `<code title="${esc(what)}">${esc(p.name)}</code>`;
    })
    .join('');
  const responses = Object.entries(op.responses ?? {}).map(([code, r]) => `<span title="${esc(r.description)}">${esc(code)}</span>`).join(' ');
  return `<tr><td><span class="method ${esc(method)}">${esc(method.toUpperCase())}</span></td><td><code>${esc(path.replace(/#\w+$/, ''))}</code></td><td>${inline(op.summary)}</td><td class="params">${params || '<span class="muted">—</span>'}</td><td>${responses}</td></tr>`;
}

export function docsPage(doc: OpenApiDoc): string {
  const rows = Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).map(([m, o]) => row(p, m, o))).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>API · statecraft</title><link rel="stylesheet" href="/api/docs.css"></head>
<body>
<header class="top"><div class="top-inner"><a class="brand" href="/">statecraft</a><a class="back" href="/">← Back to the dashboard</a></div></header>
<main>
<h1>${esc(doc.info.title)} <span class="muted">${esc(doc.info.version)}</span></h1>
<p class="lede">${inline(doc.info.description)} Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>.
Lists answer <code>{"items": [...], "total": N}</code>; a bad parameter answers 400 with a message naming it; an unknown id 404.
Country parameters take codes or names (<code>RUS</code>, <code>Russia</code>); <code>actor</code> also takes an actor's id or name.
Uploads send <code>Authorization: Bearer &lt;token&gt;</code> with the token the server was started with.</p>
<h2>Endpoints</h2>
<div class="table-wrap"><table>
<thead><tr><th>Method</th><th>Path</th><th>What</th><th>Parameters</th><th>Answers</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>
</main></body></html>`;
}

/** GET /api/docs and its stylesheet */
export function registerDocs(app: FastifyInstance, openapi: () => OpenApiDoc): void {
  app.get('/api/docs', async (_req, reply) => reply.type('text/html; charset=utf-8').send(docsPage(openapi())));
  app.get('/api/docs.css', async (_req, reply) => reply.type('text/css; charset=utf-8').header('Cache-Control', 'max-age=3600').send(CSS));
}
