/**
 * Draws relative slips g from the lateness mixture of lateness.ts (for the milestone Monte Carlo):
 * with weight k₀(1−m₀) from the adapted prior law G* (a split Student-t on log g), otherwise from a
 * late delivery's own kernel, log((s−½)/L) + h·t₄ (an open overdue task: G* beyond its lateness).
 */
import type { Observation } from './observe';
import type { ForecastPrior } from './types';
import type { SlipLaw } from './lateness';
import { gamma, normal, type Rng } from './rng';

/** Student-t with `df` degrees of freedom: Z / √(χ²_df / df). */
function studentT(rng: Rng, df: number): number {
  return normal(rng) / Math.sqrt((2 * gamma(rng, df / 2)) / df);
}

export function slipSampler(obs: Observation[], w: number[], prior: ForecastPrior, law: SlipLaw): (rng: Rng) => number {
  const pLeft = law.sL / (law.sL + law.sR);
  const drawPrior = (rng: Rng) => {
    const t = Math.abs(studentT(rng, law.df));
    return Math.exp(rng.next() < pLeft ? law.mu - law.sL * t : law.mu + law.sR * t);
  };

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
      // Still open: at least this late; draw from the prior law beyond it (bounded rejection).
      const floor = o.slip / o.told;
      for (let tries = 0; tries < 32; tries++) {
        const g = drawPrior(rng);
        if (g > floor) return g;
      }
      return floor * 1.5;
    }
    return ((o.slip - 0.5) / o.told) * Math.exp(law.h * studentT(rng, 4));
  };
}
