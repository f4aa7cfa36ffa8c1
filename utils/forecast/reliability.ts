/**
 * The reliability badge (research §4.2): posterior-mean on-time rate, graded by the posterior 10th
 * percentile (a Bayesian lower bound that, unlike Wilson's, is not harsh at small n), plus the
 * typical slip when late. `new` below 3 deliveries.
 */
import type { CalendarOptions } from './calendar';
import { buildWhy, fitContractor } from './common';
import { DRIFT_FLAG_MARGIN, DRIFT_TOLERANCE } from './model';
import { betaP10 } from './beta';
import { betaQuantile } from './special';
import type { Delivery, EvidenceLevel, ForecastPrior, Why } from './types';

export type Grade = 'new' | 'reliable' | 'ok' | 'watch';

export const GRADE_RELIABLE_P10 = 0.75;
export const GRADE_OK_P10 = 0.55;

export interface ReliabilityResult {
  /** Non-excluded deliveries used: done, plus open ones already past their told due. */
  n: number;
  /** Raw counts behind the numbers, for "x of n late" captions. */
  lateCount: number;
  onTimeMean: number;
  onTimeP10: number;
  onTimeP90: number;
  grade: Grade;
  /** Posterior median of the relative slip when late (0.25 = +25 % of the told duration). */
  typicalSlip: number;
  /** Typical slip in working days on this contractor's median told duration (null with no deliveries). */
  typicalSlipDays: number | null;
  /** 80th percentile of the predictive relative slip when late. */
  slipP80: number;
  evidence: EvidenceLevel;
  /** Recency-weighted minus unweighted raw on-time rate; the UI shows an arrow beyond ±0.05. */
  trend: number;
  why: Why;
}

export function gradeFor(n: number, p10: number): Grade {
  if (n < 3) return 'new';
  if (p10 >= GRADE_RELIABLE_P10 && n >= 5) return 'reliable';
  if (p10 >= GRADE_OK_P10) return 'ok';
  return 'watch';
}

export function reliability(
  history: Delivery[],
  opts: { today?: string; prior?: ForecastPrior } & CalendarOptions = {},
): ReliabilityResult {
  const fitted = fitContractor(history, opts ?? {});
  const { model, observed } = fitted;
  const p10 = betaP10(model.onTime);
  const obs = observed.obs;
  const lateCount = obs.reduce((k, o) => k + (o.late ? 1 : 0), 0);
  let trend = 0;
  if (obs.length > 0 && model.weightSum > 0) {
    const rawRate = 1 - lateCount / obs.length;
    const prior = model.prior;
    const weightedOnTime = model.onTime.a - prior.onTimeMean * prior.strength;
    trend = weightedOnTime / model.weightSum - rawRate;
  }
  const durations = obs.map((o) => o.told).sort((x, y) => x - y);
  const medianTold = durations.length > 0 ? durations[Math.floor((durations.length - 1) / 2)]! : null;
  const typicalSlip = Math.exp(model.slip.mu);
  const why = buildWhy(fitted, [], model.onTimeRecent.mean + DRIFT_TOLERANCE + DRIFT_FLAG_MARGIN < model.onTime.mean);
  return {
    n: model.n,
    lateCount,
    onTimeMean: model.onTime.mean,
    onTimeP10: p10,
    onTimeP90: betaQuantile(0.9, model.onTime.a, model.onTime.b),
    grade: gradeFor(model.n, p10),
    typicalSlip,
    typicalSlipDays: medianTold === null ? null : Math.max(1, Math.round(typicalSlip * medianTold)),
    slipP80: model.slip.quantile(0.8),
    evidence: why.evidence,
    trend,
    why,
  };
}
