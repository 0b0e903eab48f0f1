import type { ComponentChildren, JSX } from 'preact';
import { cameoLabel, cap, nameOf, useLabels, type Labels } from '../labels';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, apiUrl, useJson, type Claim, type DocumentFull, type EventRec, type Mention } from '../api';
import { ActorRef } from '../components/Actor';
import { spanHref } from '../components/EvidenceList';
import { LikelihoodBar } from '../components/Likelihood';
import { CodeBadge, QuadLegend } from '../components/Quad';
import { ErrorBox, LoadState } from '../components/Status';
import { fmtDate, QUAD_LABELS, ROOT_LABEL, safeUrl, signed, truncate } from '../format';
import { layMarks, type Mark, type Piece } from '../highlight';
import { go, link, queryObject, type Route } from '../router';

type Kind = 'mention' | 'event' | 'claim';

type MarkData =
  | { kind: 'section'; idx: number }
  | { kind: 'sentence'; idx: number }
  | { kind: 'span' }
  | { kind: Kind; id: string; title: string; quad?: number };

/** Focus target from the URL: a record id, a sentence, or a raw span. */
type Focus = { hl?: string; s?: number; span?: [number, number] };

const mentionId = (m: Mention, i: number) => m.id ?? `m${i}`;

function eventTitle(e: EventRec, l: Labels): string {
  return [
    `Event ${e.cameo} ${cap(cameoLabel(l, e.cameo, e.root))}`.trim(),
    `${nameOf(l, e.source ?? e.source_country) || '?'} → ${nameOf(l, e.target ?? e.target_country) || '?'}`,
    QUAD_LABELS[e.quad],
    e.modality,
    e.date ? fmtDate(e.date) : 'undated',
    `Goldstein ${signed(e.goldstein)}`,
  ].join(' · ');
}
const claimTitle = (c: Claim, l: Labels) =>
  `Claim (${c.kind}) held by ${nameOf(l, c.holder)}${c.wep ? ` · “${c.wep}”` : ''}${c.likelihood !== null ? ` · likelihood ${c.likelihood.toFixed(2)}` : ''}`;
const mentionTitle = (m: Mention, l: Labels) => `Mention “${m.text}” → ${nameOf(l, m.actor)} (${m.actor})${m.country && m.country !== m.actor ? ` (${m.country})` : ''}${m.role ? ` · ${m.role}` : ''}`;

function buildMarks(doc: DocumentFull, focus: Focus, l: Labels): Mark[] {
  const marks: Mark[] = [];
  doc.sections.forEach((s, i) => marks.push({ start: s.span[0], end: s.span[1], prio: 0, key: `sec${i}`, data: { kind: 'section', idx: i } }));
  doc.sentences.forEach((s) => marks.push({ start: s.span[0], end: s.span[1], prio: 1, key: `s${s.idx}`, data: { kind: 'sentence', idx: s.idx } }));
  if (focus.span) marks.push({ start: focus.span[0], end: focus.span[1], prio: 2, key: 'focus-span', data: { kind: 'span' } });
  doc.claims.forEach((c) => marks.push({ start: c.span[0], end: c.span[1], prio: 3, key: `c:${c.id}`, data: { kind: 'claim', id: c.id, title: claimTitle(c, l) } }));
  doc.events.forEach((e) =>
    marks.push({ start: e.span[0], end: e.span[1], prio: 4, key: `e:${e.id}`, data: { kind: 'event', id: e.id, title: eventTitle(e, l), quad: e.quad } }),
  );
  doc.mentions.forEach((m, i) => {
    const id = mentionId(m, i);
    marks.push({ start: m.span[0], end: m.span[1], prio: 5, key: `m:${id}`, data: { kind: 'mention', id, title: mentionTitle(m, l) } });
  });
  return marks;
}

function renderPieces(nodes: (Piece | string)[], focus: Focus): ComponentChildren[] {
  return nodes.map((n, i) => {
    if (typeof n === 'string') return n;
    const d = n.mark.data as MarkData;
    const children = renderPieces(n.children, focus);
    const props: JSX.HTMLAttributes<HTMLSpanElement> & Record<string, unknown> = {};
    if (d.kind === 'section') {
      props.class = 'sec';
      if (n.first) props['data-section'] = d.idx;
    } else if (d.kind === 'sentence') {
      const on = focus.s === d.idx && !focus.hl && !focus.span;
      props.class = on ? (n.first ? 'sent focused' : 'sent focused-cont') : 'sent';
      props['data-s'] = d.idx;
      if (on && n.first) props['data-focused'] = 'true';
    } else if (d.kind === 'span') {
      props.class = n.first ? 'hl-span focused' : 'hl-span focused-cont';
      if (n.first) props['data-focused'] = 'true';
    } else {
      const on = focus.hl === d.id;
      props.class = `hl hl-${d.kind}${d.quad ? ` q${d.quad}` : ''}${on ? (n.first ? ' focused' : ' focused-cont') : ''}${n.first ? '' : ' cont'}`;
      props['data-testid'] = 'hl';
      props['data-kind'] = d.kind;
      props['data-id'] = d.id;
      props.title = d.title;
      if (on && n.first) props['data-focused'] = 'true';
    }
    return (
      <span key={i} {...props}>
        {children}
      </span>
    );
  });
}

function parseFocus(q: Record<string, string>): Focus {
  const f: Focus = {};
  if (q.hl) f.hl = q.hl;
  if (q.s !== undefined && /^\d+$/.test(q.s)) f.s = Number(q.s);
  const m = /^(\d+)[,-](\d+)$/.exec(q.span ?? '');
  if (m) f.span = [Number(m[1]), Number(m[2])];
  return f;
}

export function Reader({ route }: { route: Route }) {
  const docId = route.args[0] ?? '';
  const q = queryObject(route.query);
  const focus = parseFocus(q);
  const focusKey = `${focus.hl ?? ''}|${focus.s ?? ''}|${focus.span?.join(',') ?? ''}`;
  const { data: doc, error, loading } = useJson<DocumentFull>(docId ? apiUrl(`/documents/${encodeURIComponent(docId)}`) : null);
  const [hidden, setHidden] = useState<Record<Kind, boolean>>({ mention: false, event: false, claim: false });
  const textRef = useRef<HTMLDivElement>(null);

  const labels = useLabels();
  const tree = useMemo(() => (doc ? layMarks(doc.text, buildMarks(doc, focus, labels)) : []), [doc, focusKey, labels]);
  const rendered = useMemo(() => renderPieces(tree, focus), [tree]);

  // bring the focused record (or sentence) into view once the text is there
  useEffect(() => {
    if (!doc) return;
    const el = textRef.current?.querySelector<HTMLElement>('[data-focused="true"]');
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.tabIndex = -1;
      el.focus({ preventScroll: true });
    }
    // the record list scrolls on its own (wide layout only): bring the active entry into it
    const list = document.querySelector<HTMLElement>('.record-lists');
    const item = list?.querySelector<HTMLElement>('.active');
    if (list && item && list.scrollHeight > list.clientHeight + 1) {
      const top = item.getBoundingClientRect().top - list.getBoundingClientRect().top + list.scrollTop;
      list.scrollTop = Math.max(0, top - list.clientHeight / 3);
    }
  }, [doc, focusKey]);

  useEffect(() => {
    if (doc) document.title = `${doc.title || doc.id} · statecraft`;
  }, [doc]);

  // a new document is loading: don't show the old one under the new URL
  const showDoc = !!doc && (!loading || doc.id === docId);
  if (!docId) return <p>No document given.</p>;
  const here = (extra: Record<string, string | number | null>) => link('reader', extra, docId);

  const onTextClick = (e: MouseEvent) => {
    const t = (e.target as HTMLElement).closest<HTMLElement>('[data-testid="hl"]');
    const id = t?.getAttribute('data-id');
    if (id && id !== focus.hl) go('reader', { hl: id }, docId);
  };

  return (
    <section class="reader">
      {error && !showDoc ? (
        <>
          <h1>{error instanceof ApiError && error.status === 404 ? 'Document not found' : 'Reader'}</h1>
          <ErrorBox error={error} what="the document" />
          <p>
            <a href={link('documents')}>All documents</a> · <a href={link('search')}>Search</a>
          </p>
        </>
      ) : (
        <LoadState error={null} loading={loading && !showDoc} what="the document" />
      )}
      {doc && showDoc ? (
        <>
          <header class="doc-head">
            <h1>{doc.title || doc.id}</h1>
            <p class="doc-meta">
              {doc.source ? <span>{doc.source}</span> : null}
              <span>{fmtDate(doc.published)}</span>
              {doc.authors?.length ? <span>by {doc.authors.join(', ')}</span> : null}
              {safeUrl(doc.url) ? (
                <a href={safeUrl(doc.url)!} rel="noopener noreferrer nofollow" target="_blank">
                  original ↗
                </a>
              ) : null}
              <span class="muted small">{doc.id}</span>
            </p>
            {doc.sections.length ? (
              <nav class="toc" aria-label="Sections">
                <ol>
                  {doc.sections.map((s, i) => (
                    <li key={i}>
                      <button
                        type="button"
                        class="linkish"
                        onClick={() => textRef.current?.querySelector(`[data-section="${i}"]`)?.scrollIntoView({ block: 'start', behavior: 'smooth' })}
                      >
                        {s.title || `Section ${i + 1}`}
                      </button>
                      {s.authors.length ? <span class="muted small"> — {s.authors.join(', ')}</span> : null}
                    </li>
                  ))}
                </ol>
              </nav>
            ) : null}
            <div class="reader-legend">
              <span class="legend-item">
                <span class="hl hl-mention">Mention</span>
              </span>
              <QuadLegend />
              <span class="legend-item">
                <span class="hl hl-claim">Claim</span>
              </span>
              <fieldset class="toggles">
                <legend class="sr-only">Show</legend>
                {(['mention', 'event', 'claim'] as Kind[]).map((k) => (
                  <label key={k}>
                    <input type="checkbox" checked={!hidden[k]} onChange={(e) => setHidden({ ...hidden, [k]: !(e.currentTarget as HTMLInputElement).checked })} /> {k}s
                  </label>
                ))}
              </fieldset>
            </div>
          </header>
          <div class="reader-layout">
            <article class="doc-body">
              <ClaimGutter doc={doc} focus={focus.hl} textRef={textRef} docId={docId} hidden={hidden.claim} />
              <div
                ref={textRef}
                class={`doc-text${hidden.mention ? ' hide-mention' : ''}${hidden.event ? ' hide-event' : ''}${hidden.claim ? ' hide-claim' : ''}`}
                onClick={onTextClick}
              >
                {rendered}
              </div>
            </article>
            <aside class="records" aria-label="Records in this document">
              <Selected doc={doc} focus={focus} />
              <RecordLists doc={doc} focus={focus} here={here} />
            </aside>
          </div>
        </>
      ) : null}
    </section>
  );
}

/** Side markers beside the text, one per claim, spanning its lines. */
function ClaimGutter({ doc, focus, textRef, docId, hidden }: { doc: DocumentFull; focus?: string; textRef: { current: HTMLDivElement | null }; docId: string; hidden: boolean }) {
  const [bars, setBars] = useState<{ id: string; top: number; height: number; title: string }[]>([]);
  useLayoutEffect(() => {
    const box = textRef.current;
    if (!box) return;
    const measure = () => {
      const origin = box.getBoundingClientRect().top;
      const out = new Map<string, { top: number; bottom: number; title: string }>();
      box.querySelectorAll<HTMLElement>('[data-kind="claim"]').forEach((el) => {
        const id = el.dataset.id!;
        for (const r of Array.from(el.getClientRects())) {
          const cur = out.get(id);
          const top = r.top - origin;
          const bottom = r.bottom - origin;
          if (!cur) out.set(id, { top, bottom, title: el.title });
          else (cur.top = Math.min(cur.top, top)), (cur.bottom = Math.max(cur.bottom, bottom));
        }
      });
      setBars([...out.entries()].map(([id, v]) => ({ id, top: v.top, height: v.bottom - v.top, title: v.title })));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(box);
    return () => ro.disconnect();
  }, [doc]);
  if (hidden) return null;
  return (
    <div class="claim-gutter" aria-hidden="true">
      {bars.map((b) => (
        <span
          key={b.id}
          class={`claim-bar${b.id === focus ? ' on' : ''}`}
          style={{ top: `${b.top}px`, height: `${Math.max(8, b.height)}px` }}
          title={b.title}
          onClick={() => go('reader', { hl: b.id }, docId)}
        />
      ))}
    </div>
  );
}

function Selected({ doc, focus }: { doc: DocumentFull; focus: Focus }) {
  if (!focus.hl) return null;
  const e = doc.events.find((x) => x.id === focus.hl);
  const c = e ? undefined : doc.claims.find((x) => x.id === focus.hl);
  const mi = e || c ? -1 : doc.mentions.findIndex((m, i) => mentionId(m, i) === focus.hl);
  if (!e && !c && mi < 0) return <p class="notice">Record {focus.hl} is not in this document.</p>;
  return (
    <section class="selected" aria-label="Selected record">
      {e ? (
        <>
          <h2 class="h-small">Event</h2>
          <p>
            <CodeBadge cameo={e.cameo} root={e.root} quad={e.quad} />
          </p>
          <dl class="kv">
            <dt>Source</dt>
            <dd>
              <ActorRef id={e.source} country={e.source_country} />
            </dd>
            <dt>Target</dt>
            <dd>
              <ActorRef id={e.target} country={e.target_country} />
            </dd>
            <dt>Class</dt>
            <dd>{QUAD_LABELS[e.quad]}</dd>
            <dt>
              <abbr class="help" title="Goldstein score of the event's CAMEO code: −10 (most conflictual) to +10 (most cooperative)">Goldstein</abbr>
            </dt>
            <dd>{signed(e.goldstein)}</dd>
            <dt>Date</dt>
            <dd>{fmtDate(e.date)}</dd>
            <dt>Modality</dt>
            <dd>
              {e.modality} · {e.form}
            </dd>
            {e.plover ? (
              <>
                <dt>PLOVER</dt>
                <dd>{e.plover}</dd>
              </>
            ) : null}
            {e.location ? (
              <>
                <dt>Place</dt>
                <dd>
                  {e.location.name}
                  {e.location.country ? ` (${e.location.country})` : ''}
                </dd>
              </>
            ) : null}
            {e.attributed_to ? (
              <>
                <dt>According to</dt>
                <dd>{e.attributed_to}</dd>
              </>
            ) : null}
            <dt>Confidence</dt>
            <dd>{Math.round(e.confidence * 100)}%</dd>
            <dt>Reports</dt>
            <dd>{e.corroboration}</dd>
            {e.reason ? (
              <>
                <dt>Why</dt>
                <dd class="small">{e.reason}</dd>
              </>
            ) : null}
          </dl>
          {e.source_country && e.target_country && e.source_country !== e.target_country ? (
            <p class="small">
              <a href={link('dyad', { a: e.source_country, b: e.target_country, interval: 'month' })}>
                {e.source_country} – {e.target_country} in the dyad explorer
              </a>
            </p>
          ) : null}
        </>
      ) : c ? (
        <>
          <h2 class="h-small">Claim · {c.kind}</h2>
          <p>
            Held by <strong>{c.holder}</strong> <span class="tag">{c.holder_kind}</span>
          </p>
          {c.about.length ? <p class="small">About {c.about.join(', ')}</p> : null}
          <LikelihoodBar value={c.likelihood} wep={c.wep} />
        </>
      ) : (
        <>
          <h2 class="h-small">Mention</h2>
          <p>
            “{doc.mentions[mi].text}” → <ActorRef id={doc.mentions[mi].actor} country={doc.mentions[mi].country} />
            {doc.mentions[mi].role ? <span class="muted"> · {doc.mentions[mi].role}</span> : null}
          </p>
        </>
      )}
    </section>
  );
}

function RecordLists({ doc, focus, here }: { doc: DocumentFull; focus: Focus; here: (q: Record<string, string | number | null>) => string }) {
  const l = useLabels();
  const byActor = new Map<string, { m: Mention; i: number }[]>();
  doc.mentions.forEach((m, i) => {
    const g = byActor.get(m.actor);
    if (g) g.push({ m, i });
    else byActor.set(m.actor, [{ m, i }]);
  });
  const actors = [...byActor.entries()].sort((a, b) => b[1].length - a[1].length);
  const act = (id: string) => (focus.hl === id ? 'active' : undefined);
  const focusedMention = !!focus.hl && doc.mentions.some((m, i) => mentionId(m, i) === focus.hl);
  return (
    <div class="record-lists">
      <details open>
        <summary>
          Events <span class="count">{doc.events.length}</span>
        </summary>
        <ul class="rec-list">
          {doc.events.map((e) => (
            <li key={e.id} class={act(e.id)}>
              <a href={here({ hl: e.id })} class={`rec q${e.quad}`} aria-current={focus.hl === e.id ? 'true' : undefined}>
                <span class="dot" aria-hidden="true" />
                <span class="rec-main">
                  <span class="rec-title">
                    {nameOf(l, e.source ?? e.source_country) || '?'} → {nameOf(l, e.target ?? e.target_country) || '?'} · {e.cameo} {cap(cameoLabel(l, e.cameo, e.root))}
                  </span>
                  <span class="rec-sub">{truncate(e.quote, 90)}</span>
                </span>
              </a>
            </li>
          ))}
        </ul>
      </details>
      <details open>
        <summary>
          Claims <span class="count">{doc.claims.length}</span>
        </summary>
        <ul class="rec-list">
          {doc.claims.map((c) => (
            <li key={c.id} class={act(c.id)}>
              <a href={here({ hl: c.id })} class="rec claim-rec" aria-current={focus.hl === c.id ? 'true' : undefined}>
                <span class="rec-main">
                  <span class="rec-title">
                    {c.holder} · {c.kind}
                    {c.wep ? ` · “${c.wep}”` : ''}
                  </span>
                  <span class="rec-sub">{truncate(c.quote, 90)}</span>
                </span>
              </a>
            </li>
          ))}
        </ul>
      </details>
      <details open={focusedMention ? true : undefined}>
        <summary>
          Mentions <span class="count">{doc.mentions.length}</span>
        </summary>
        <ul class="rec-list mentions">
          {actors.map(([actor, list]) => (
            <li key={actor}>
              <span class="rec-title">
                {nameOf(l, actor)} {nameOf(l, actor) !== actor ? <span class="cc">{actor}</span> : null} <span class="muted small">×{list.length}</span>
              </span>{' '}
              <span class="mention-links">
                {list.map(({ m, i }) => {
                  const id = mentionId(m, i);
                  return (
                    <a key={id} href={here({ hl: id })} class={`chip small${focus.hl === id ? ' active' : ''}`} aria-current={focus.hl === id ? 'true' : undefined}>
                      {m.text}
                    </a>
                  );
                })}
              </span>
            </li>
          ))}
        </ul>
      </details>
      {doc.flows.length ? (
        <details open>
          <summary>
            Flows <span class="count">{doc.flows.length}</span>
          </summary>
          <ul class="rec-list">
            {doc.flows.map((f) => (
              <li key={f.id}>
                <span class="rec-title">
                  {f.giver ?? '?'} → {f.receiver ?? '?'}: {f.item} <span class={`status st-${f.status}`}>{f.status}</span>
                </span>
                <EvidenceHere evidence={f.evidence} doc={doc.id} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {doc.agreements.length ? (
        <details open>
          <summary>
            Agreements <span class="count">{doc.agreements.length}</span>
          </summary>
          <ul class="rec-list">
            {doc.agreements.map((a) => (
              <li key={a.id}>
                <a class="rec-title" href={link('agreements')}>
                  {a.name}
                </a>
                <EvidenceHere evidence={a.evidence} doc={doc.id} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

/** The evidence of a flow or agreement that lies in this document, as links to its spans. */
function EvidenceHere({ evidence, doc }: { evidence: { doc: string; span: [number, number]; quote: string }[]; doc: string }) {
  return (
    <>
      {evidence
        .filter((ev) => ev.doc === doc)
        .map((ev, i) => (
          <a key={i} class="rec-sub block" href={spanHref(ev)}>
            {truncate(ev.quote, 90)}
          </a>
        ))}
    </>
  );
}
