/**
 * Live P(meet the client deadline) for an open task (research §7.3), from the same model as the plan.
 *
 * - Past the told due with nothing delivered (s₀ = working days past told due by today, delivery
 *   today allowed): the task is late with slip ≥ s₀, so
 *     P = [G(slack/L) − G((s₀−1)/L)] / [1 − G((s₀−1)/L)].
 * - Before the told due with no progress report: nothing has contradicted the plan, so P is the
 *   plan's 1 − π̂(1 − G(slack/L)).
 * - Before the told due with progress q after e working days: projected delay d = e/q − L. When
 *   behind (d > 0) we blend the plan with "late by at least d" (the slip propagates to the end, as
 *   CCPM assumes), trusting the progress signal in proportion to the elapsed share e/L, because
 *   early progress reports are noisy.
 */
import { formatDay, parseDay, type CalendarOptions } from './calendar';
import { ForecastInputError } from './errors';
import { DEFAULT_REVIEW_MARGIN_DAYS, DEFAULT_TARGET, buildWhy, checkProbability, checkWholeDays, fitContractor } from './common';
import { pMeet, type ContractorModel } from './model';
import type { Delivery, ForecastPrior, Why } from './types';
import { zoneFor, type Zone } from './zone';

export interface LiveInput extends CalendarOptions {
  history: Delivery[];
  assignedOn: string;
  toldDue: string;
  clientDue: string;
  today: string;
  /** Share of the work done so far, 0..1; 1 = delivered. */
  progress?: number;
  target?: number;
  reviewMarginDays?: number;
  prior?: ForecastPrior;
}

export interface LiveResult {
  /** P(delivered by the review deadline = clientDue − review margin). */
  p: number;
  zone: Zone;
  /** Projected working days past the told due (0 when on track). */
  projectedDelayDays: number;
  reviewBy: string;
  why: Why;
}

function pMeetGivenLateBy(model: ContractorModel, L: number, slack: number, after: number): number {
  return model.pMeetGivenLate(L, slack, after);
}

/** The live P(meet the client deadline) for an open task, as a number (see `liveStatus` for details). */
export function liveChance(input: LiveInput): number {
  return liveStatus(input).p;
}

/** The live probability with its zone, projected delay and "why". */
export function liveStatus(input: LiveInput): LiveResult {
  if (!input || typeof input !== 'object') throw new ForecastInputError('bad-date', 'input', 'expected a live input object');
  const a = parseDay(input.assignedOn, 'assignedOn');
  const t = parseDay(input.toldDue, 'toldDue');
  const c = parseDay(input.clientDue, 'clientDue');
  const today = parseDay(input.today, 'today');
  if (t < a) throw new ForecastInputError('told-before-assigned', 'toldDue', 'told due is before the assignment date');
  if (c < a) throw new ForecastInputError('client-before-assigned', 'clientDue', 'client due is before the assignment date');
  const target = checkProbability(input.target, 'target', DEFAULT_TARGET);
  const margin = checkWholeDays(input.reviewMarginDays, 'reviewMarginDays', DEFAULT_REVIEW_MARGIN_DAYS);
  const progress = input.progress;
  if (progress !== undefined && (typeof progress !== 'number' || !Number.isFinite(progress) || progress < 0 || progress > 1)) {
    throw new ForecastInputError('bad-number', 'progress', `expected a number in [0, 1], got ${String(progress)}`);
  }

  const fitted = fitContractor(input.history, { ...input, floorDay: a });
  const { cal, model } = fitted;
  const reviewBy = cal.add(c, -margin);
  const L = Math.max(1, cal.between(a, t));
  const slack = cal.between(t, reviewBy);

  let p: number;
  let delay = 0;
  if (progress === 1) {
    // Delivered: it met the deadline iff that happened by the review deadline.
    p = today <= reviewBy ? 1 : 0;
  } else if (today > t) {
    const s0 = Math.max(1, cal.between(t, today));
    delay = s0;
    p = pMeetGivenLateBy(model, L, slack, s0 - 1);
  } else {
    p = pMeet(model, L, slack);
    const elapsed = Math.max(0, cal.between(a, today));
    if (progress !== undefined && elapsed > 0) {
      const projected = progress > 0 ? elapsed / progress : Infinity;
      delay = Math.max(0, projected - L);
      if (delay > 0) {
        const trust = Math.min(1, elapsed / L);
        const behind = Number.isFinite(delay) ? pMeetGivenLateBy(model, L, slack, delay) : 0;
        p = (1 - trust) * p + trust * Math.min(p, behind);
      }
    }
  }
  return {
    p,
    zone: zoneFor(p, target),
    projectedDelayDays: Number.isFinite(delay) ? Math.round(delay * 10) / 10 : L,
    reviewBy: formatDay(reviewBy),
    why: buildWhy(fitted, [], model.driftAt(L, Math.max(0, slack))),
  };
}
