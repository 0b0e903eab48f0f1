/** An actor id, with its country code when that adds something. */
export function ActorRef({ id, country }: { id: string | null; country?: string | null }) {
  if (!id && !country) return <span class="muted">—</span>;
  if (!id || id === country) return <span class="actor">{country ?? id}</span>;
  return (
    <span class="actor">
      {id}
      {country ? <span class="cc"> {country}</span> : null}
    </span>
  );
}
