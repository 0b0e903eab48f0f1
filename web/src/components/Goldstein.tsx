/** What "Goldstein Σ" means, wherever a view shows it (#16: every derived figure explained). */
export const GOLDSTEIN_HELP =
  'Goldstein Σ is the sum of the events’ Goldstein scores. Every CAMEO event code has a fixed score from −10 (most conflictual, such as an armed attack) to +10 (most cooperative, such as extensive aid); the sum is positive when cooperation outweighs conflict and grows with the number of events.';

/** the figure's name, with its meaning as a tooltip */
export function GoldsteinSum() {
  return (
    <abbr class="help" title={GOLDSTEIN_HELP}>
      Goldstein Σ
    </abbr>
  );
}

/** the meaning spelled out under a table or chart */
export function GoldsteinNote() {
  return (
    <p class="muted small note" data-testid="goldstein-note">
      {GOLDSTEIN_HELP}
    </p>
  );
}
