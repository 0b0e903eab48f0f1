import { QUAD_COLORS, QUAD_LABELS, ROOT_LABEL } from '../format';
import { cameoLabel, cap, useLabels } from '../labels';

/** The CAMEO code of an event with its own codebook label (not its root's), a dot in its quad-class colour. */
export function CodeBadge({ cameo, root, quad }: { cameo: string; root: string; quad: number }) {
  const label = cap(cameoLabel(useLabels(), cameo, root));
  const family = ROOT_LABEL.get(root) ?? '';
  return (
    <span class={`code q${quad}`} title={`CAMEO ${cameo} · ${label}${cameo !== root && family ? ` (family ${root}: ${family})` : ''} · ${QUAD_LABELS[quad] ?? ''}`}>
      <span class="dot" aria-hidden="true" />
      <span class="code-num">{cameo}</span> <span class="code-label">{label}</span>
    </span>
  );
}

export function QuadLegend({ only }: { only?: number[] }) {
  const quads = only ?? [1, 2, 3, 4];
  return (
    <ul class="legend" aria-label="Quad classes">
      {quads.map((q) => (
        <li key={q}>
          <span class="swatch" style={{ background: QUAD_COLORS[q] }} aria-hidden="true" />
          {QUAD_LABELS[q]}
        </li>
      ))}
    </ul>
  );
}
