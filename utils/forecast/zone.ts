/** Probability zones (research §7.3, ProChain's probabilistic reading of fever-chart regions). */
export type Zone = 'green' | 'yellow' | 'red';

/** green ≥ target, yellow ≥ 0.5, red below. Notify the owner only on zone transitions. */
export function zoneFor(p: number, target = 0.85): Zone {
  if (p >= target) return 'green';
  if (p >= 0.5) return 'yellow';
  return 'red';
}
