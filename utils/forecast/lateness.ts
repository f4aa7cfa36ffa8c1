/**
 * The planning probability P(meet | told L, slack) — a sum over deliveries, so that it is monotone
 * in the history by construction: making any delivery on time, or less late, can only raise it
 * (a strictly better history never gives an earlier told date).
 *
 * Model: every delivery, plus k₀ pseudo-deliveries drawn from the prior, is a sample of the
 * contractor's lateness. This is the posterior predictive of a Dirichlet process whose base measure
 * is the prior hurdle model — on time with probability m₀, otherwise a relative slip from the
 * Student-t predictive of the Normal-Inverse-Gamma prior on log g (research §7.2, "bootstrap mixed
 * with k₀ prior pseudo-samples"). So with few deliveries the fat prior tail carries real weight and
 * the told date cannot be tighter than the evidence supports; with many, the contractor's own slips
 * dominate and no parametric shape is imposed on them (heavy tails are kept as observed).
 *
 *   P(late and g > x) = [k₀(1−m₀)·(1 − G₀(x)) + Σ wᵢ·lateᵢ·(1 − Kᵢ(x))] / (k₀ + Σ wᵢ)
 *
 * where Kᵢ is observation i's own slip: uniform over its rounding interval ((s−1)/L, s/L] (a slip
 * of s whole working days), or, for an open overdue task, the prior tail beyond its lateness so far.
 * Weights depend only on told dates, never on outcomes, so they cannot break the monotonicity.
 */
import type { Observation } from './observe';
import type { ForecastPrior } from './types';
import { makeSlip, type SlipPosterior } from './slip';

export function priorSlip(prior: ForecastPrior): SlipPosterior {
  const s = prior.slip;
  return makeSlip(s.mu0, s.kappa0, s.alpha0, s.beta0);
}

/** P(g ≤ x) for observation i's own slip kernel (late observations only). */
export function kernelCdf(o: Observation, x: number, base: SlipPosterior): number {
  if (o.open) {
    const lo = o.slip / o.told;
    if (x <= lo) return 0;
    const g0 = base.cdf(lo);
    return g0 >= 1 ? 1 : (base.cdf(x) - g0) / (1 - g0);
  }
  const lo = (o.slip - 1) / o.told;
  const hi = o.slip / o.told;
  if (x <= lo) return 0;
  if (x >= hi) return 1;
  return (x - lo) / (hi - lo);
}

/**
 * Exceedance P(late and g > x) under two weightings at once (long-run and recent), over the late
 * observations only — the hot loop of the planner's binary search.
 */
export class Lateness {
  private readonly late: Observation[] = [];
  private readonly wa: number[] = [];
  private readonly wb: number[] = [];
  private readonly totalA: number;
  private readonly totalB: number;

  constructor(
    obs: Observation[],
    wA: number[],
    wB: number[],
    private readonly prior: ForecastPrior,
    private readonly base: SlipPosterior,
  ) {
    let ta = 0;
    let tb = 0;
    for (let i = 0; i < obs.length; i++) {
      ta += wA[i]!;
      tb += wB[i]!;
      if (obs[i]!.late) {
        this.late.push(obs[i]!);
        this.wa.push(wA[i]!);
        this.wb.push(wB[i]!);
      }
    }
    this.totalA = ta;
    this.totalB = tb;
  }

  /** [Σ wA·lateᵢ·(1 − Kᵢ(x)), Σ wB·lateᵢ·(1 − Kᵢ(x))] and the prior's tail 1 − G₀(x). */
  sums(x: number): [number, number, number] {
    let a = 0;
    let b = 0;
    for (let i = 0; i < this.late.length; i++) {
      const k = 1 - kernelCdf(this.late[i]!, x, this.base);
      if (k > 0) {
        a += this.wa[i]! * k;
        b += this.wb[i]! * k;
      }
    }
    return [a, b, 1 - this.base.cdf(x)];
  }

  /** Long-run exceedance: the k₀ prior pseudo-deliveries plus the contractor's own (weights A). */
  exceedA(sums: [number, number, number]): number {
    const p = this.prior;
    return (p.strength * (1 - p.onTimeMean) * sums[2] + sums[0]) / (p.strength + this.totalA);
  }

  /** Recent exceedance: weights B, anchored by `anchor` deliveries' worth of the long-run view. */
  exceedB(sums: [number, number, number], anchor: number): number {
    return (anchor * this.exceedA(sums) + sums[1]) / (anchor + this.totalB);
  }
}
