/**
 * The per-contractor model (research §4): a hurdle model.
 *  - P(on time): Beta prior Beta(m₀k₀, (1−m₀)k₀) with recency-weighted counts (half-life 180 days).
 *  - Relative slip when late: log-normal with a Normal-Inverse-Gamma posterior and Student-t
 *    predictive (`slip`), used for the badge's typical slip and the milestone Monte Carlo.
 *  - The told-date probability `pMeet` is the monotone sum form in lateness.ts: the same Beta prior
 *    as pseudo-deliveries, whose slips follow a prior adapted to the record by monotone statistics,
 *    plus one smoothing kernel per late delivery (docs/forecasting.md §5).
 *
 * Drift: a 180-day half-life needs months to notice a contractor who is getting worse. Two more views
 * of the same sum, with weights that fall with the delivery's rank (newest first):
 *  - recent view (always on): half-life 2 deliveries, anchored by 1.5 deliveries of the long-run view;
 *  - burst view (half-life 2 deliveries, anchor 0.5), switched on by a change check against a FIXED
 *    reference: the burst-weighted late share (prior-smoothed) reaches 0.38. The check only counts
 *    late flags, so it can only switch on when an outcome gets worse.
 *   pMeet = min(P_slow, P_recent + δ, P_burst if the check fires).
 * Each view is monotone in every outcome and the switch can only add a term when an outcome gets
 * worse, so "a better history never gives an earlier told date" still holds. A check against the
 * contractor's own older record would not: improving an old delivery would make the recent ones look
 * worse by comparison.
 */
import type { Observation } from './observe';
import type { ForecastPrior } from './types';
import { betaPosterior, type BetaPosterior } from './beta';
import { slipPosterior, type SlipPosterior } from './slip';
import { Lateness, priorSlip, PLAN_PARAMS, type SlipLaw } from './lateness';

/** Research §4.4: wᵢ = 2^(−ageᵢ/H), H = 180 days. */
export const HALF_LIFE_DAYS = 180;
/** Recent view: the k-th newest delivery weighs 2^(−k/2) (times its slow weight). */
export const FAST_HALF_LIFE_DELIVERIES = PLAN_PARAMS.fastHL;
/** Weight of the long-run record in the recent view, in deliveries. */
export const RECENT_PRIOR_WEIGHT = PLAN_PARAMS.anchor;
/** How far below the long-run estimate the recent one may sit before it takes over. */
export const DRIFT_TOLERANCE = PLAN_PARAMS.tol;
/**
 * The "why" flag (and its warning) needs the recent view to cost at least this much more than the
 * tolerance, so that ordinary noise in a steady record does not raise a warning every other plan.
 */
export const DRIFT_FLAG_MARGIN = 0.02;

export interface ContractorModel {
  n: number;
  nEff: number;
  weightSum: number;
  /** Long-run (180-day) on-time posterior: the badge. */
  onTime: BetaPosterior;
  /** Recent (fast-weighted) on-time posterior: the change check. */
  onTimeRecent: BetaPosterior;
  slip: SlipPosterior;
  prior: ForecastPrior;
  /** The observations (newest first) and their long-run and recent weights, for sampling. */
  obs: Observation[];
  slowWeights: number[];
  fastWeights: number[];
  /** P(meet) for a task told `told` working days with `slack` working days of buffer. */
  pMeet(told: number, slack: number): number;
  /**
   * P(meet) for a task already late by more than `after` working days (after ≥ 0):
   * P(g ≤ slack/L | g > after/L) from the same lateness distribution.
   */
  pMeetGivenLate(told: number, slack: number, after: number): number;
  /** True when the recent deliveries pull P(meet) down at this plan (see DRIFT_TOLERANCE). */
  driftAt(told: number, slack: number): boolean;
  /** The slip law the planning probability uses (for the milestone sampler). */
  slipLaw(): SlipLaw;
}

export function fitModel(obs: Observation[], today: number, prior: ForecastPrior): ContractorModel {
  const decay = -Math.LN2 / HALF_LIFE_DAYS;
  const slow = obs.map((o) => Math.exp(decay * Math.max(0, today - o.day)));
  // obs is newest first (by told date), so the index is the recency rank.
  const step = Math.pow(2, -1 / PLAN_PARAMS.fastHL);
  const fast: number[] = [];
  let f = 1;
  for (const w of slow) {
    fast.push(w * f);
    f *= step;
  }
  let sw = 0;
  let sw2 = 0;
  for (const x of slow) {
    sw += x;
    sw2 += x * x;
  }
  const onTime = betaPosterior(obs, slow, prior);
  const base = priorSlip(prior);
  // The recent view is shrunk toward the contractor's own long-run record (worth RECENT_PRIOR_WEIGHT
  // deliveries), not toward the population prior: otherwise a reliable contractor's recent view would
  // look worse than their record just because the prior is more pessimistic than they are.
  // Built on first use: reliability() never needs it.
  let lateness: Lateness | null = null;
  let burstOn = false;
  const getLateness = (): Lateness => {
    if (lateness) return lateness;
    // Burst view and change check, built with the rest on first use (reliability() needs neither).
    const stepC = Math.pow(2, -1 / PLAN_PARAMS.burstHL);
    const burst: number[] = [];
    let fc = 1;
    let burstLate = 0;
    let burstSum = 0;
    for (let i = 0; i < slow.length; i++) {
      const w = slow[i]! * fc;
      burst.push(w);
      burstSum += w;
      if (obs[i]!.late) burstLate += w;
      fc *= stepC;
    }
    // Change check against a fixed reference (the prior's late rate), never against the contractor's
    // own older record: so it can only switch on when some outcome gets worse.
    const burstRate = (prior.strength * (1 - prior.onTimeMean) + burstLate) / (prior.strength + burstSum);
    burstOn = burstRate >= PLAN_PARAMS.burstThr;
    return (lateness = new Lateness(obs, slow, fast, burst, prior, base));
  };
  /** [slow, min(recent, burst)] exceedance at slip ratio x. */
  const exceed = (x: number): [number, number] => {
    lateness = getLateness();
    const s = lateness.sums(x);
    const eb = lateness.exceedB(s, PLAN_PARAMS.anchor);
    return [lateness.exceedA(s), burstOn ? Math.max(eb, lateness.exceedC(s, PLAN_PARAMS.burstAnchor) + PLAN_PARAMS.tol) : eb];
  };
  const both = (told: number, slack: number, after: number | null = null): [number, number] => {
    if (slack < 0) return [0, 0];
    const L = Math.max(1, told);
    const e = exceed(slack / L);
    if (after === null) return [1 - e[0], 1 - e[1]];
    if (slack <= after) return [0, 0];
    const ea = exceed(after / L);
    return [ea[0] > 0 ? Math.max(0, 1 - e[0] / ea[0]) : 1, ea[1] > 0 ? Math.max(0, 1 - e[1] / ea[1]) : 1];
  };
  return {
    n: obs.length,
    nEff: sw2 > 0 ? (sw * sw) / sw2 : 0,
    weightSum: sw,
    onTime,
    onTimeRecent: recentOnTime(onTime, obs, fast),
    slip: slipPosterior(obs, slow, prior.slip),
    prior,
    obs,
    slowWeights: slow,
    fastWeights: fast,
    pMeet(told, slack) {
      const [s, f] = both(told, slack);
      return Math.max(0, Math.min(1, s, f + PLAN_PARAMS.tol));
    },
    pMeetGivenLate(told, slack, after) {
      const [s, f] = both(told, slack, after);
      return Math.max(0, Math.min(1, s, f + PLAN_PARAMS.tol));
    },
    slipLaw() {
      return getLateness().law;
    },
    driftAt(told, slack) {
      const [s, f] = both(told, slack);
      return f + PLAN_PARAMS.tol + DRIFT_FLAG_MARGIN < s;
    },
  };
}

/** The recent on-time view: fast-weighted counts anchored by RECENT_PRIOR_WEIGHT of the long-run mean. */
function recentOnTime(longRun: BetaPosterior, obs: Observation[], fast: number[]): BetaPosterior {
  let a = PLAN_PARAMS.anchor * longRun.mean;
  let b = PLAN_PARAMS.anchor * (1 - longRun.mean);
  for (let i = 0; i < obs.length; i++) {
    if (obs[i]!.late) b += fast[i]!;
    else a += fast[i]!;
  }
  return { a, b, mean: a / (a + b) };
}

/** Posterior-predictive probability that the next delivery is late (long-run). */
export function pLate(m: ContractorModel): number {
  return 1 - m.onTime.mean;
}

export function pMeet(m: ContractorModel, told: number, slack: number): number {
  return m.pMeet(told, slack);
}
