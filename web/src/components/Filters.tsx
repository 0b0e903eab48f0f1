import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { go, queryObject, type QueryInit, type Route } from '../router';

let pendingFocus: string | null = null;

/**
 * A filter form whose fields are uncontrolled and seeded from the URL; submitting (or
 * changing a select) writes the fields into the URL, which re-renders the view.
 * `keep` carries URL values the form does not show (e.g. the interval of a chart).
 */
export function FilterForm({
  route,
  view,
  children,
  keep = [],
  normalize,
  label,
}: {
  route: Route;
  view: string;
  children: ComponentChildren;
  keep?: string[];
  normalize?: (q: Record<string, string>) => QueryInit;
  label: string;
}) {
  const ref = useRef<HTMLFormElement>(null);
  // the form is re-created when the URL changes; keep the keyboard focus where it was
  useEffect(() => {
    if (pendingFocus && ref.current) {
      const el = ref.current.elements.namedItem(pendingFocus);
      if (el instanceof HTMLElement) el.focus();
      else ref.current.querySelector<HTMLElement>('button[type=submit]')?.focus();
    }
    pendingFocus = null;
  }, [route.raw]);
  const onSubmit = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const active = document.activeElement;
    pendingFocus = active && form.contains(active) ? (active.getAttribute('name') ?? '') : null;
    const q: Record<string, string> = {};
    const cur = queryObject(route.query);
    for (const k of keep) if (cur[k]) q[k] = cur[k];
    for (const [k, v] of new FormData(form)) {
      const s = String(v).trim();
      if (s) q[k] = s;
    }
    go(view, normalize ? normalize(q) : q, ...route.args);
  };
  const onChange = (e: Event) => {
    const t = e.target as HTMLElement;
    if (t instanceof HTMLSelectElement) (t.form as HTMLFormElement).requestSubmit();
  };
  // keyed by the URL so the fields follow back/forward navigation
  return (
    <form key={route.raw} ref={ref} class="filters" role="search" aria-label={label} onSubmit={onSubmit} onChange={onChange}>
      {children}
      <div class="filter-actions">
        <button type="submit" class="btn primary">
          Apply
        </button>
        <a class="btn" href={`#/${view}${route.args.map((a) => `/${encodeURIComponent(a)}`).join('')}`}>
          Reset
        </a>
      </div>
    </form>
  );
}

export function Field({ label, children, wide }: { label: string; children: ComponentChildren; wide?: boolean }) {
  return (
    <label class={`field${wide ? ' wide' : ''}`}>
      <span class="field-label">{label}</span>
      {children}
    </label>
  );
}

/**
 * A select seeded from the URL. Preact has no `defaultValue` for <select>, so the current
 * option is marked `selected`; `any` adds a first, empty option.
 */
export function Select({ name, value, options, any }: { name: string; value: string; options: (string | [string, string])[]; any?: string }) {
  return (
    <select name={name}>
      {any !== undefined ? (
        <option value="" selected={!value}>
          {any}
        </option>
      ) : null}
      {options.map((o) => {
        const [v, label] = typeof o === 'string' ? [o, o] : o;
        return (
          <option key={v} value={v} selected={v === value}>
            {label}
          </option>
        );
      })}
    </select>
  );
}

/** The since/until pair every dated view filters on. */
export function DateRange({ since, until }: { since?: string | null; until?: string | null }) {
  return (
    <>
      <Field label="Since">
        <input name="since" type="date" defaultValue={since ?? ''} />
      </Field>
      <Field label="Until">
        <input name="until" type="date" defaultValue={until ?? ''} />
      </Field>
    </>
  );
}
