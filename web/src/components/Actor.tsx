import { codeBeside, nameOf, useLabels } from '../labels';

/** An actor or a country: its name first, the code beside it ("Government of Russia RUSGOV", "Kim Jong Un PRK"). */
export function ActorRef({ id, country }: { id: string | null; country?: string | null }) {
  const l = useLabels();
  if (!id && !country) return <span class="muted">—</span>;
  const key = (id ?? country)!;
  const name = nameOf(l, key);
  const code = codeBeside(l, id ?? country, country);
  return (
    <span class="actor" title={id ?? country ?? undefined}>
      {name}
      {code && code !== name ? <span class="cc"> {code}</span> : null}
    </span>
  );
}
