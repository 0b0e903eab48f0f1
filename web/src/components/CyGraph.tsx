import type { Core, ElementDefinition, LayoutOptions } from 'cytoscape';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Network } from '../api';
import { CONFLICT_COLOR, COOP_COLOR } from '../format';

declare global {
  interface Window {
    /** the network view's Cytoscape instance, for browser tests */
    __cy?: Core;
  }
}

/** the cytoscape() factory (its typings use `export =`, the ESM build a default export) */
type CyFactory = typeof import('cytoscape');
let cyPromise: Promise<CyFactory> | null = null;
const loadCytoscape = () => (cyPromise ??= import('cytoscape').then((m) => ((m as unknown as { default?: CyFactory }).default ?? (m as unknown as CyFactory))));

/**
 * Run `fn` with Math.random replaced by a generator seeded from `seed` (mulberry32): Cytoscape's
 * cose layout draws its start positions from Math.random, so the same network gives the same
 * picture on every load and a shared URL shows what its sender saw (#16).
 */
export function withSeededRandom<T>(seed: string, fn: () => T): T {
  let a = 2166136261;
  for (let i = 0; i < seed.length; i++) a = Math.imul(a ^ seed.charCodeAt(i), 16777619);
  const random = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const saved = Math.random;
  Math.random = random;
  try {
    return fn();
  } finally {
    Math.random = saved;
  }
}

/** the seed of a network: its nodes and links, so another window or threshold is another picture */
const seedOf = (net: Network): string => [...net.nodes.map((n) => n.id)].sort().join(',') + '|' + [...net.edges.map((e) => e.id)].sort().join(',');

export type Selection = { kind: 'node'; id: string } | { kind: 'edge'; a: string; b: string } | null;

export const edgeColor = (coop: number, conflict: number): string => (coop > conflict ? COOP_COLOR : conflict > coop ? CONFLICT_COLOR : '#868e96');

function elements(net: Network): ElementDefinition[] {
  const ids = new Set(net.nodes.map((n) => n.id));
  const maxNode = Math.max(1, ...net.nodes.map((n) => n.events));
  const maxEdge = Math.max(1, ...net.edges.map((e) => e.events));
  const nodes: ElementDefinition[] = net.nodes.map((n) => ({
    group: 'nodes',
    data: {
      id: n.id,
      label: n.label || n.id,
      events: n.events,
      kind: n.kind,
      size: 18 + 44 * Math.sqrt(n.events / maxNode),
    },
    classes: n.country ? 'country' : 'org',
  }));
  const edges: ElementDefinition[] = net.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
    .map((e) => ({
      group: 'edges',
      data: {
        id: `edge:${e.id}`,
        source: e.source,
        target: e.target,
        events: e.events,
        coop: e.coop,
        conflict: e.conflict,
        width: 1.5 + 9 * Math.sqrt(e.events / maxEdge),
        color: edgeColor(e.coop, e.conflict),
      },
    }));
  return [...nodes, ...edges];
}

/**
 * Cytoscape's renderer adds a <style> element once per page unless one with its id exists;
 * the CSP forbids inline styles, so a placeholder takes its place (styles.css has the rule).
 */
function preventInlineStylesheet() {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const meta = document.createElement('meta');
  meta.id = id;
  document.head.appendChild(meta);
}

function applySelection(cy: Core, sel: Selection) {
  cy.elements().unselect().removeClass('faded');
  if (!sel) return;
  let target = cy.collection();
  if (sel.kind === 'node') {
    const n = cy.getElementById(sel.id);
    if (n.nonempty()) target = n.closedNeighborhood();
    n.select();
  } else {
    const e = cy.edges().filter((x) => {
      const s = x.data('source');
      const t = x.data('target');
      return (s === sel.a && t === sel.b) || (s === sel.b && t === sel.a);
    });
    e.select();
    target = e.union(e.connectedNodes());
  }
  if (target.nonempty()) cy.elements().difference(target).addClass('faded');
}

export function CyGraph({
  data,
  selection,
  onNode,
  onEdge,
}: {
  data: Network;
  selection: Selection;
  onNode: (id: string) => void;
  onEdge: (a: string, b: string) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const handlers = useRef({ onNode, onEdge });
  handlers.current = { onNode, onEdge };
  const selRef = useRef(selection);
  selRef.current = selection;
  const [error, setError] = useState<string | null>(null);
  const relayouts = useRef(0);

  useEffect(() => {
    let live = true;
    let cy: Core | null = null;
    let ro: ResizeObserver | null = null;
    loadCytoscape().then(
      (cytoscape) => {
        if (!live || !ref.current) return;
        preventInlineStylesheet();
        let core: Core;
        try {
          core = withSeededRandom(seedOf(data), () => cytoscape({
            container: ref.current!,
            elements: elements(data),
            minZoom: 0.2,
            maxZoom: 4,
            boxSelectionEnabled: false,
            style: [
              {
                selector: 'node',
                style: {
                  width: 'data(size)',
                  height: 'data(size)',
                  'background-color': '#495057',
                  label: 'data(label)',
                  color: '#212529',
                  'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
                  'font-size': 11,
                  'text-valign': 'bottom',
                  'text-margin-y': 4,
                  'text-wrap': 'wrap',
                  'text-max-width': '110px',
                  'text-background-color': '#ffffff',
                  'text-background-opacity': 0.8,
                  'text-background-padding': '1px',
                  'border-width': 2,
                  'border-color': '#ffffff',
                },
              },
              { selector: 'node.org', style: { shape: 'round-rectangle', 'background-color': '#7950f2' } },
              {
                selector: 'edge',
                style: {
                  width: 'data(width)',
                  'line-color': 'data(color)',
                  opacity: 0.75,
                  'curve-style': 'bezier',
                },
              },
              { selector: 'node:selected', style: { 'border-color': '#1c7ed6', 'border-width': 4 } },
              { selector: 'edge:selected', style: { opacity: 1, 'underlay-color': '#1c7ed6', 'underlay-opacity': 0.25, 'underlay-padding': 4 } },
              { selector: '.faded', style: { opacity: 0.18 } },
            ],
            layout: {
              name: 'cose',
              animate: false,
              randomize: true,
              padding: 24,
              nodeRepulsion: () => 9000,
              idealEdgeLength: () => 90,
              nodeOverlap: 12,
              numIter: 1500,
            } as LayoutOptions,
          }));
        } catch (e) {
          setError((e as Error).message);
          return;
        }
        cy = core;
        // bound on the elements, so `ele.emit('tap')` from a test reaches them too
        core.nodes().on('tap', (evt) => handlers.current.onNode(evt.target.id()));
        core.edges().on('tap', (evt) => handlers.current.onEdge(evt.target.data('source'), evt.target.data('target')));
        applySelection(core, selRef.current);
        cyRef.current = core;
        window.__cy = core;
        ro = new ResizeObserver(() => core.resize());
        ro.observe(ref.current);
      },
      (e: Error) => live && setError(`Could not load the graph library (${e.message}).`),
    );
    return () => {
      live = false;
      ro?.disconnect();
      if (cy) {
        if (window.__cy === cy) window.__cy = undefined;
        cy.destroy();
      }
      cyRef.current = null;
    };
  }, [data]);

  const selKey = selection ? (selection.kind === 'node' ? `n:${selection.id}` : `e:${selection.a},${selection.b}`) : '';
  useEffect(() => {
    if (cyRef.current) applySelection(cyRef.current, selection);
  }, [selKey]);

  return (
    <div class="cy-wrap">
      <div ref={ref} class="cy" data-testid="network" role="img" aria-label="Network of actors; the table below lists the same links" />
      <div class="cy-tools">
        <button type="button" class="btn small" onClick={() => cyRef.current?.fit(undefined, 24)}>
          Fit
        </button>
        <button
          type="button"
          class="btn small"
          onClick={() => {
            // another seeded picture on each press: still the same sequence for everyone
            relayouts.current += 1;
            withSeededRandom(`${seedOf(data)}#${relayouts.current}`, () => cyRef.current?.layout({ name: 'cose', animate: false, randomize: true, padding: 24 } as LayoutOptions).run());
          }}
        >
          Re-layout
        </button>
      </div>
      {error ? (
        <p class="error" role="alert">
          Graph error: {error}
        </p>
      ) : null}
    </div>
  );
}
