/** Draws relative slips g from the lateness mixture of lateness.ts (for the milestone Monte Carlo). */
import type { Observation } from './observe';
import type { ForecastPrior } from './types';
import { gamma, normal, type Rng } from './rng';

export function slipSampler(obs: Observation[], w: number[], prior: ForecastPrior): (rng: Rng) => number {
  const { mu0, kappa0, alpha0, beta0 } = prior.slip;
  const df = 2 * alpha0;
  const scale = Math.sqrt((beta0 * (kappa0 + 1)) / (alpha0 * kappa0));
  const drawPrior = (rng: Rng) => Math.exp(mu0 + (scale * normal(rng)) / Math.sqrt((2 * gamma(rng, df / 2)) / df));

  // Cumulative weights: the prior's late mass first, then each late observation.
  const late = obs.map((o, i) => ({ o, w: w[i]! })).filter((x) => x.o.late && x.w > 0);
  const cum: number[] = [];
  let total = prior.strength * (1 - prior.onTimeMean);
  const baseMass = total;
  for (const x of late) {
    total += x.w;
    cum.push(total);
  }
  return (rng) => {
    const u = rng.next() * total;
    if (u < baseMass || late.length === 0) return drawPrior(rng);
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    const o = late[lo]!.o;
    if (o.open) {
      // Still open: at least this late; draw from the prior tail beyond it (bounded rejection).
      const floor = o.slip / o.told;
      for (let tries = 0; tries < 32; tries++) {
        const g = drawPrior(rng);
        if (g > floor) return g;
      }
      return floor * 1.5;
    }
    // Uniform over the one-day rounding interval of the observed slip.
    return (o.slip - 1 + rng.next()) / o.told;
  };
}
