/** A probability on a 0–1 bar with a marker, and the words of estimative probability as text. */
export function LikelihoodBar({ value, wep }: { value: number | null; wep: string | null }) {
  if (value === null || value === undefined) {
    return <span class="likelihood none">{wep ? `“${wep}”` : 'no estimate'}</span>;
  }
  const v = Math.max(0, Math.min(1, value));
  return (
    <span class="likelihood" title={`likelihood ${v.toFixed(2)}${wep ? ` (“${wep}”)` : ''}`}>
      <span
        class="lk-track"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={1}
        aria-valuenow={v}
        aria-label={`likelihood ${Math.round(v * 100)} percent`}
      >
        <span class="lk-fill" style={{ width: `${v * 100}%` }} />
        <span class="lk-marker" style={{ left: `${v * 100}%` }} />
      </span>
      <span class="lk-text">
        {wep ? <span class="wep">“{wep}”</span> : null} <span class="muted">{v.toFixed(2)}</span>
      </span>
    </span>
  );
}
