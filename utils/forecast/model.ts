/**
 * The per-contractor model (research §4): a hurdle model.
 *  - P(on time): Beta prior Beta(m₀k₀, (1−m₀)k₀) with recency-weighted counts (half-life 180 days).
 *  - Relative slip when late: log-normal with a Normal-Inverse-Gamma posterior and Student-t
 *    predictive (`slip`), used for the badge's typical slip and the milestone Monte Carlo.
 *  - The told-date probability `pMeet` is the monotone sum form in lateness.ts, whose prior part is
 *    the same Beta and NIG/Student-t prior.
 *
 * Drift: a 180-day half-life needs months to notice a contractor who is getting worse. So pMeet is
 * also computed from a recent view (half-life of 3 deliveries, newest first, anchored by 2
 * deliveries' worth of the contractor's long-run record) and we never promise more than the recent
 * deliveries support, give or take DRIFT_TOLERANCE:
 *   pMeet = min(P_slow, P_fast + δ).
 * A minimum of two monotone functions is still monotone, so this change check cannot break the
 * "better history never gives an earlier told date" property (a gated on/off switch could).
 */
import type { Observation } from './observe';
import type { ForecastPrior } from './types';
import { betaPosterior, type BetaPosterior } from './beta';
import { slipPosterior, type SlipPosterior } from './slip';
import { Lateness, priorSlip } from './lateness';

/** Research §4.4: wᵢ = 2^(−ageᵢ/H), H = 180 days. */
export const HALF_LIFE_DAYS = 180;
/** Fast weights for the change check: the k-th newest delivery weighs 2^(−k/3) (times its slow weight). */
export const FAST_HALF_LIFE_DELIVERIES = 3;
/** Weight of the long-run record in the recent view, in deliveries. */
export const RECENT_PRIOR_WEIGHT = 2;
/** How far below the long-run estimate the recent one may sit before it takes over. */
export const DRIFT_TOLERANCE = 0.02;

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
}

export function fitModel(obs: Observation[], today: number, prior: ForecastPrior): ContractorModel {
  const decay = -Math.LN2 / HALF_LIFE_DAYS;
  const slow = obs.map((o) => Math.exp(decay * Math.max(0, today - o.day)));
  // obs is newest first (by told date), so the index is the recency rank.
  const step = Math.pow(2, -1 / FAST_HALF_LIFE_DELIVERIES);
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
  /** [slow, recent] exceedance at slip ratio x. */
  const exceed = (x: number): [number, number] => {
    lateness ??= new Lateness(obs, slow, fast, prior, base);
    const s = lateness.sums(x);
    return [lateness.exceedA(s), lateness.exceedB(s, RECENT_PRIOR_WEIGHT)];
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
      return Math.max(0, Math.min(1, s, f + DRIFT_TOLERANCE));
    },
    pMeetGivenLate(told, slack, after) {
      const [s, f] = both(told, slack, after);
      return Math.max(0, Math.min(1, s, f + DRIFT_TOLERANCE));
    },
    driftAt(told, slack) {
      const [s, f] = both(told, slack);
      return f + DRIFT_TOLERANCE < s;
    },
  };
}

/** The recent on-time view: fast-weighted counts anchored by RECENT_PRIOR_WEIGHT of the long-run mean. */
function recentOnTime(longRun: BetaPosterior, obs: Observation[], fast: number[]): BetaPosterior {
  let a = RECENT_PRIOR_WEIGHT * longRun.mean;
  let b = RECENT_PRIOR_WEIGHT * (1 - longRun.mean);
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
