/**
 * The planning probability P(meet | told L, slack) — a sum over deliveries, so that it is monotone
 * in the history by construction: making any delivery on time, or less late, can only raise it
 * (a strictly better history never gives an earlier told date).
 *
 * Model: every delivery, plus k₀ pseudo-deliveries from the prior, is a sample of the contractor's
 * lateness (a Dirichlet-process posterior predictive whose base measure is the prior hurdle model;
 * research §7.2, "bootstrap mixed with k₀ prior pseudo-samples"):
 *
 *   E(x) = P(late and g > x) = [k₀(1−m₀)·(1 − G*(x)) + Σ wᵢ·lateᵢ·(1 − Kᵢ(x))] / (k₀ + Σ wᵢ)
 *
 *  - E(0) is exactly the Beta posterior mean P(late) (the required prior Beta(2.8, 1.2) by default).
 *  - G* is the prior slip law adapted to the record: a split Student-t on log g whose centre and upper
 *    scale grow with the record's upward deviations of log g above μ₀ (centred on what the prior
 *    itself expects, so a contractor who behaves like the prior gets no shift and a tidy one moves
 *    down). Those statistics only grow when an outcome gets worse; the split form makes G* move
 *    mass only upwards when they do.
 *  - Kᵢ is delivery i's own slip, smoothed: log g ~ log((s−½)/L) + h·t₄ with a bandwidth h that
 *    depends on the weights only (wide with few deliveries, so a handful of big slips widens the
 *    predictive quickly; narrow with many). An open overdue task: G* conditioned on g > s/L.
 * Weights depend only on told dates, never on outcomes, so they cannot break the monotonicity.
 */
import type { Observation } from './observe';
import type { ForecastPrior } from './types';
import { makeSlip, type SlipPosterior } from './slip';
import { studentTCdf } from './special';

/**
 * Parameters of the planning model (docs/forecasting.md §5). Chosen on the calibration bench
 * (bench/calibration.ts) and frozen, so the same input always gives the same output.
 */
export const PLAN_PARAMS = Object.freeze({
  /** Kernel bandwidth on log g (Student-t, 4 df): h = h0·(hN / (hN + Σw))^hExp. */
  h0: 1.6,
  hN: 4,
  hExp: 1,
  /** Slip prior adapted to the record: location shift per unit of (centred) upward deviation of log g… */
  cLoc: 4,
  /** …scale growth per unit of (centred) squared upward deviation… */
  cScale: 2,
  /** …and pseudo-observations per delivery (each worth the prior's own σ₀²), which shrink the t tail. */
  cN: 1,
  /** Recent view (always on): half-life in deliveries, anchor weight of the long-run view, tolerance. */
  fastHL: 2,
  anchor: 1.5,
  tol: 0.01,
  /** Change check: half-life in deliveries of the burst view, its anchor, and the late-share threshold. */
  burstHL: 2,
  burstAnchor: 0.5,
  burstThr: 0.38,
});

export function priorSlip(prior: ForecastPrior): SlipPosterior {
  const s = prior.slip;
  return makeSlip(s.mu0, s.kappa0, s.alpha0, s.beta0);
}

/** Upper tail of the Student-t with 4 degrees of freedom (closed form, so the hot loop stays cheap). */
function t4Tail(t: number): number {
  const u = (t * t) / 4;
  return 0.5 - (3 / 8) * (t / Math.sqrt(1 + u)) * (1 - u / (3 * (1 + u)));
}

/**
 * A split Student-t on log g: below the centre μ the scale comes from βL (which depends on the
 * weights only), above it from βR (which grows with the record's upward deviations). Unlike a
 * plain location-scale t, it is stochastically increasing in μ and in βR: a wider upper half can
 * only move mass up. P(below μ) = sL/(sL+sR).
 */
function splitSlip(mu: number, kappa: number, alpha: number, betaLeft: number, betaRight: number): SlipPosterior {
  const right = makeSlip(mu, kappa, alpha, betaRight);
  const sL = makeSlip(mu, kappa, alpha, betaLeft).scale;
  const sR = right.scale;
  const df = right.df;
  const wL = (2 * sL) / (sL + sR);
  const wR = (2 * sR) / (sL + sR);
  return {
    ...right,
    cdf: (x) => {
      if (x <= 0) return 0;
      const z = Math.log(x) - mu;
      return z < 0 ? wL * studentTCdf(z / sL, df) : 1 - wR * (1 - studentTCdf(z / sR, df));
    },
  };
}

/** P(g > x) for observation i's own slip kernel (late observations only). */
export function kernelTail(o: Observation, x: number, base: SlipPosterior, h: number): number {
  if (o.open) {
    const lo = o.slip / o.told;
    if (x <= lo) return 1;
    const g0 = base.cdf(lo);
    return g0 >= 1 ? 0 : 1 - (base.cdf(x) - g0) / (1 - g0);
  }
  if (h > 0) {
    if (x <= 0) return 1;
    return t4Tail((Math.log(x) - Math.log((o.slip - 0.5) / o.told)) / h);
  }
  const lo = (o.slip - 1) / o.told;
  const hi = o.slip / o.told;
  if (x <= lo) return 1;
  if (x >= hi) return 0;
  return 1 - (x - lo) / (hi - lo);
}

/** P(g ≤ x) for observation i's own slip kernel (late observations only). */
export function kernelCdf(o: Observation, x: number, base: SlipPosterior): number {
  return 1 - kernelTail(o, x, base, 0);
}

/** Log of the upper end of a late observation's slip (the point the monotone statistics use). */
function logSlip(o: Observation): number {
  return Math.log((o.open ? o.slip : o.slip - 0.5) / o.told);
}

/**
 * Exceedance P(late and g > x) under two weightings at once (long-run and recent), over the late
 * observations only — the hot loop of the planner's binary search.
 */
export type Sums = [number, number, number, number];

/** The adapted prior slip law G* (split t on log g: centre, lower and upper scale, df) and the kernel bandwidth. */
export interface SlipLaw {
  mu: number;
  sL: number;
  sR: number;
  df: number;
  h: number;
}

export class Lateness {
  private readonly late: Observation[] = [];
  private readonly wa: number[] = [];
  private readonly wb: number[] = [];
  private readonly wc: number[] = [];
  private readonly totalA: number;
  private readonly totalB: number;
  private readonly totalC: number;
  readonly base: SlipPosterior;
  readonly h: number;
  /** The same slip law as numbers, for the milestone sampler. */
  readonly law: SlipLaw;

  constructor(
    obs: Observation[],
    wA: number[],
    wB: number[],
    wC: number[],
    private readonly prior: ForecastPrior,
    base0: SlipPosterior,
  ) {
    let ta = 0;
    let tb = 0;
    let tc = 0;
    let up1 = 0;
    let up2 = 0;
    const s = prior.slip;
    for (let i = 0; i < obs.length; i++) {
      ta += wA[i]!;
      tb += wB[i]!;
      tc += wC[i]!;
      if (obs[i]!.late) {
        this.wc.push(wC[i]!);
        this.late.push(obs[i]!);
        this.wa.push(wA[i]!);
        this.wb.push(wB[i]!);
        const d = Math.max(0, logSlip(obs[i]!) - s.mu0);
        up1 += wA[i]! * d;
        up2 += wA[i]! * d * d;
      }
    }
    this.totalA = ta;
    this.totalB = tb;
    this.totalC = tc;
    const P = PLAN_PARAMS;
    // The prior's slip term, adapted to the record by statistics that can only grow when an outcome
    // gets worse (see docs/forecasting.md §5.2). Centred on what the prior itself expects, so a
    // contractor who behaves like the prior gets (on average) no shift; a tidy one moves down.
    const pi0 = 1 - prior.onTimeMean;
    const sigma0sq = s.beta0 / Math.max(0.5, s.alpha0 - 1);
    const e1 = Math.sqrt(sigma0sq / (2 * Math.PI));
    const e2 = sigma0sq / 2;
    const mu = s.mu0 + (P.cLoc * (up1 - ta * pi0 * e1)) / (s.kappa0 + ta);
    const kappa = s.kappa0 + P.cN * ta;
    const alpha = s.alpha0 + (P.cN * ta) / 2;
    const betaLeft = s.beta0 + (P.cN * ta * sigma0sq) / 2;
    const betaRight = Math.max(s.beta0 / 4, betaLeft + (P.cScale * (up2 - ta * pi0 * e2)) / 2);
    this.base = ta > 0 ? splitSlip(mu, kappa, alpha, betaLeft, betaRight) : base0;
    this.law =
      ta > 0
        ? { mu, sL: makeSlip(mu, kappa, alpha, betaLeft).scale, sR: this.base.scale, df: this.base.df, h: 0 }
        : { mu: base0.mu, sL: base0.scale, sR: base0.scale, df: base0.df, h: 0 };
    this.h = P.h0 * Math.pow(P.hN / (P.hN + ta), P.hExp);
    this.law.h = this.h;
  }

  /** [Σ wA·lateᵢ·(1 − Kᵢ(x)), Σ wB·lateᵢ·(1 − Kᵢ(x))] and the prior's tail 1 − G₀(x). */
  sums(x: number): Sums {
    let a = 0;
    let b = 0;
    let c = 0;
    for (let i = 0; i < this.late.length; i++) {
      const k = kernelTail(this.late[i]!, x, this.base, this.h);
      if (k > 0) {
        a += this.wa[i]! * k;
        b += this.wb[i]! * k;
        c += this.wc[i]! * k;
      }
    }
    return [a, b, 1 - this.base.cdf(x), c];
  }

  /** Burst exceedance: weights C, anchored by `anchor` deliveries' worth of the long-run view. */
  exceedC(sums: Sums, anchor: number): number {
    return (anchor * this.exceedA(sums) + sums[3]) / (anchor + this.totalC);
  }

  /** Long-run exceedance: the k₀ prior pseudo-deliveries plus the contractor's own (weights A). */
  exceedA(sums: Sums): number {
    const p = this.prior;
    return (p.strength * (1 - p.onTimeMean) * sums[2] + sums[0]) / (p.strength + this.totalA);
  }

  /** Recent exceedance: weights B, anchored by `anchor` deliveries' worth of the long-run view. */
  exceedB(sums: Sums, anchor: number): number {
    return (anchor * this.exceedA(sums) + sums[1]) / (anchor + this.totalB);
  }
}
