/** Suggestions for the dashboard's country and actor fields (#16): names, demonym-free, with their codes. */
import { useMemo } from 'preact/hooks';
import type { Labels } from '../labels';

/** <datalist id="country-names">: every country by name, its code as the label */
export function CountryOptions({ labels }: { labels: Labels }) {
  const opts = useMemo(() => Object.entries(labels.countries).sort((a, b) => a[1].localeCompare(b[1])), [labels]);
  return (
    <datalist id="country-names">
      {opts.map(([code, name]) => (
        <option key={code} value={name} label={code} />
      ))}
    </datalist>
  );
}

/** <datalist id="actor-names">: the stored actors by name (their id as the label), then the countries no actor covers */
export function ActorOptions({ labels }: { labels: Labels }) {
  const opts = useMemo(() => {
    const seen = new Set<string>();
    const out: [string, string][] = [];
    for (const [id, name] of Object.entries(labels.actors).sort((a, b) => a[1].localeCompare(b[1]))) {
      if (seen.has(name)) continue;
      seen.add(name);
      out.push([name, id]);
    }
    for (const [code, name] of Object.entries(labels.countries).sort((a, b) => a[1].localeCompare(b[1]))) if (!seen.has(name)) out.push([name, code]);
    return out;
  }, [labels]);
  return (
    <datalist id="actor-names">
      {opts.map(([name, id]) => (
        <option key={`${name}|${id}`} value={name} label={id} />
      ))}
    </datalist>
  );
}
