import { useEffect, useRef, useState } from 'preact/hooks';

type PlotModule = typeof import('../lib/plot');

let plotPromise: Promise<PlotModule> | null = null;
/** Plot (and d3) load on the first chart, not with the page. */
export const loadPlot = (): Promise<PlotModule> => (plotPromise ??= import('../lib/plot'));

/**
 * A container that renders an Observable Plot figure at its own width. `render` is called
 * again when `deps` change or the container is resized.
 */
export function PlotChart({
  render,
  deps,
  label,
  minHeight = 240,
}: {
  render: (Plot: PlotModule, width: number) => Element;
  deps: unknown[];
  label: string;
  minHeight?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let frame = 0;
    const ro = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0].contentRect.width);
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setWidth((old) => (Math.abs(old - w) >= 8 ? w : old)));
    });
    ro.observe(el);
    setWidth(Math.floor(el.getBoundingClientRect().width));
    return () => {
      cancelAnimationFrame(frame);
      ro.disconnect();
    };
  }, []);

  useEffect(() => {
    const el = ref.current;
    if (!el || width <= 0) return;
    let live = true;
    loadPlot().then(
      (Plot) => {
        if (!live) return;
        try {
          const fig = render(Plot, width);
          // Plot adds a <style> element; the CSP forbids inline styles, and styles.css has the same rules
          fig.querySelectorAll('style').forEach((s) => s.remove());
          el.replaceChildren(fig);
          setError(null);
        } catch (e) {
          el.replaceChildren();
          setError((e as Error).message);
        }
      },
      (e: Error) => live && setError(`Could not load the chart library (${e.message}).`),
    );
    return () => {
      live = false;
    };
  }, [width, ...deps]);

  return (
    <figure class="chart" aria-label={label}>
      <div ref={ref} class="chart-body" style={{ minHeight: `${minHeight}px` }} />
      {error ? (
        <p class="error" role="alert">
          Chart error: {error}
        </p>
      ) : null}
    </figure>
  );
}
