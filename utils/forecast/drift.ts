/**
 * Change check for a contractor getting worse. A 180-day half-life needs months to notice a
 * contractor who used to be reliable and no longer is; by then several promises were broken. So we
 * compare the latest deliveries with what the earlier ones predict: if that many recent lates
 * would be surprising (Beta-Binomial predictive tail < 10 %), the model switches to a fast half-life.
 * Only *worse* is checked: an improving contractor is left to the slow, safe weighting.
 */
import type { Observation } from './observe';
import type { ForecastPrior } from './types';
import { lnGamma } from './special';

export const DRIFT_MIN_DELIVERIES = 6;
export const DRIFT_TAIL = 0.1;

function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

/** P(X ≥ k) for X ~ BetaBinomial(n, a, b). */
export function betaBinomialTail(k: number, n: number, a: number, b: number): number {
  let p = 0;
  for (let j = k; j <= n; j++) {
    const lnChoose = lnGamma(n + 1) - lnGamma(j + 1) - lnGamma(n - j + 1);
    p += Math.exp(lnChoose + lnBeta(j + a, n - j + b) - lnBeta(a, b));
  }
  return Math.min(1, p);
}

/** How many of the newest deliveries form the "recent" window. */
export function recentWindow(n: number): number {
  return Math.min(8, Math.max(3, Math.round(n / 4)));
}

/** `obs` is newest first. */
export function detectDrift(obs: Observation[], prior: ForecastPrior): boolean {
  const n = obs.length;
  if (n < DRIFT_MIN_DELIVERIES) return false;
  const r = recentWindow(n);
  let recentLate = 0;
  for (let i = 0; i < r; i++) if (obs[i]!.late) recentLate++;
  let oldLate = 0;
  for (let i = r; i < n; i++) if (obs[i]!.late) oldLate++;
  const oldN = n - r;
  // Predictive for the late count among r new deliveries, from the earlier ones plus the prior.
  const aLate = (1 - prior.onTimeMean) * prior.strength + oldLate;
  const bOnTime = prior.onTimeMean * prior.strength + (oldN - oldLate);
  return betaBinomialTail(recentLate, r, aLate, bOnTime) < DRIFT_TAIL;
}
