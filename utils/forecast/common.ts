/** Input checks and the shared "fit this contractor" step used by plan, reliability and live. */
import { calendarFor, type CalendarOptions, type WorkCalendar } from './calendar';
import { ForecastInputError } from './errors';
import { HALF_LIFE_DAYS, fitModel, type ContractorModel } from './model';
import { observe, type Observed } from './observe';
import { checkPrior } from './prior';
import type { Delivery, EvidenceLevel, ForecastPrior, Why } from './types';

export const DEFAULT_TARGET = 0.85;
export const DEFAULT_REVIEW_MARGIN_DAYS = 1;

export function checkProbability(value: unknown, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value >= 1) {
    throw new ForecastInputError('bad-number', field, `expected a number strictly between 0 and 1, got ${String(value)}`);
  }
  return value;
}

export function checkWholeDays(value: unknown, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new ForecastInputError('bad-number', field, `expected a whole number of days ≥ 0, got ${String(value)}`);
  }
  return value;
}

export interface Fitted {
  cal: WorkCalendar;
  observed: Observed;
  model: ContractorModel;
}

/**
 * Fits the contractor model. `today` defaults to the later of `floorDay` (e.g. the assignment date)
 * and the latest told due in the history, never to the machine clock, so results are reproducible.
 */
export function fitContractor(
  history: Delivery[],
  opts: { today?: string; prior?: ForecastPrior; floorDay?: number } & CalendarOptions,
): Fitted {
  const cal = calendarFor(opts);
  const prior = checkPrior(opts.prior);
  const observed = observe(history, opts.today, cal, 'history', opts.floorDay);
  const model = fitModel(observed.obs, observed.today, prior);
  return { cal, observed, model };
}

export function evidenceLevel(n: number): EvidenceLevel {
  if (n < 3) return 'new';
  if (n < 10) return 'provisional';
  return 'established';
}

export function buildWhy(f: Fitted, warnings: string[] = [], drift = false): Why {
  const { model, observed } = f;
  const priorWeightShare = model.prior.strength / (model.prior.strength + model.weightSum);
  const evidence = evidenceLevel(model.n);
  let evidenceLabel: string;
  if (priorWeightShare > 0.5) {
    evidenceLabel =
      model.prior.source === 'owner'
        ? 'based mostly on your other contractors'
        : 'based mostly on general assumptions';
  } else if (evidence !== 'established') {
    evidenceLabel = `based on ${model.n} deliveries (provisional)`;
  } else {
    evidenceLabel = `based on this contractor's record (${model.n} deliveries)`;
  }
  if (drift) warnings.push('The latest deliveries are worse than the long-run record; planning from the recent ones.');
  return {
    deliveriesUsed: model.n,
    excludedCount: observed.excludedCount,
    openNotDueCount: observed.openNotDueCount,
    effectiveN: round(model.nEff, 2),
    priorWeightShare: round(priorWeightShare, 3),
    evidence,
    evidenceLabel,
    priorSource: model.prior.source,
    driftDetected: drift,
    halfLifeDays: HALF_LIFE_DAYS,
    warnings,
  };
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
