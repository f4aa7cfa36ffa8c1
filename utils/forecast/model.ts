/**
 * The per-contractor model (research §4): a hurdle model with
 *   P(late) ~ Beta-Binomial with recency-weighted counts, and
 *   log(relative slip | late) ~ Normal with a Normal-Inverse-Gamma posterior whose predictive is a
 *   Student-t, so a handful of data points widens the tail instead of pretending to know it.
 */
import type { Observation } from './observe';
import type { ForecastPrior } from './types';
import { betaPosterior, type BetaPosterior } from './beta';
import { slipPosterior, type SlipPosterior } from './slip';
import { detectDrift, projectDrift } from './drift';
import { makeSlip } from './slip';

/** Research §4.4: wᵢ = 2^(−ageᵢ/H), H = 180 days. */
export const HALF_LIFE_DAYS = 180;

export interface ContractorModel {
  n: number;
  nEff: number;
  weightSum: number;
  onTime: BetaPosterior;
  slip: SlipPosterior;
  drift: boolean;
  halfLifeDays: number;
  prior: ForecastPrior;
}

export function fitModel(obs: Observation[], today: number, prior: ForecastPrior): ContractorModel {
  const drift = detectDrift(obs);
  const halfLife = HALF_LIFE_DAYS;
  const w = obs.map((o) => Math.pow(2, -Math.max(0, today - o.day) / halfLife));
  let sw = 0;
  let sw2 = 0;
  for (const x of w) {
    sw += x;
    sw2 += x * x;
  }
  let onTime = betaPosterior(obs, w, prior);
  let slip = slipPosterior(obs, w, prior.slip);
  if (drift) {
    // Keep the posterior's strength (uncertainty), move its centre to the projected trend when worse.
    const proj = projectDrift(obs, today);
    const strength = onTime.a + onTime.b;
    if (proj.pLate > 1 - onTime.mean) {
      const a = (1 - proj.pLate) * strength;
      onTime = { a, b: strength - a, mean: 1 - proj.pLate };
    }
    if (proj.logSlip !== null && proj.logSlip > slip.mu) slip = makeSlip(proj.logSlip, slip.kappa, slip.alpha, slip.beta);
  }
  return {
    n: obs.length,
    nEff: sw2 > 0 ? (sw * sw) / sw2 : 0,
    weightSum: sw,
    onTime,
    slip,
    drift,
    halfLifeDays: halfLife,
    prior,
  };
}

/** Posterior-predictive probability that the next delivery is late. */
export function pLate(m: ContractorModel): number {
  return 1 - m.onTime.mean;
}

/**
 * P(delivered within `slack` working days after a told due that is `told` working days after
 * assignment) = P(on time) + P(late) · P(g ≤ slack / told).
 */
export function pMeet(m: ContractorModel, told: number, slack: number): number {
  if (slack < 0) return 0;
  const pl = pLate(m);
  return 1 - pl * (1 - m.slip.cdf(slack / Math.max(1, told)));
}
