/**
 * The told due date for one task (research §7.1). With D′ = working days from assignment to the
 * review deadline (client due − review margin), pick the longest told duration L ≤ D′ with
 *   P(meet) = 1 − E((D′ − L) / L) ≥ target,
 * where E(x) = P(late and relative slip > x) is the monotone mixture of lateness.ts (with the drift
 * views of model.ts). P(meet) falls as L grows, so a binary search over whole working days finds it
 * exactly, and pMeetClientDue is that same P at the chosen L.
 */
import { formatDay, parseDay, type CalendarOptions } from './calendar';
import { ForecastInputError } from './errors';
import {
  DEFAULT_REVIEW_MARGIN_DAYS,
  DEFAULT_TARGET,
  buildWhy,
  checkProbability,
  checkWholeDays,
  fitContractor,
} from './common';
import { pLate, pMeet } from './model';
import type { Delivery, ForecastPrior, Why } from './types';

export interface PlanInput extends CalendarOptions {
  history: Delivery[];
  assignedOn: string;
  clientDue: string;
  /** Wanted P(delivered by the review deadline). Default 0.85. */
  target?: number;
  /** Working days the owner keeps for review before the client due. Default 1; 0 = none. */
  reviewMarginDays?: number;
  /** Never tell fewer working days than this (e.g. the contractor's own quote). Default 1. */
  minWorkingDays?: number;
  /** Reference date for recency and open tasks. Default: the later of assignedOn and the history's latest date. */
  today?: string;
  /** Prior from `fitOwnerPrior`; default the built-in weak prior. */
  prior?: ForecastPrior;
}

export interface PlanResult {
  /** The date to tell the contractor (a working day). */
  toldDue: string;
  /**
   * P(delivered on or before the review deadline `reviewBy`, i.e. in time for the owner's review
   * before the client due). Equals P(by clientDue) when the review margin is 0.
   */
  pMeetClientDue: number;
  /** P(delivered on or before the client due itself, ignoring review time). */
  pDeliveredByClientDue: number;
  /** Working days from toldDue to clientDue (review margin included). */
  bufferDays: number;
  /** Latest allowed told date: clientDue minus the review margin (a working day). */
  reviewBy: string;
  toldWorkingDays: number;
  /** D′: working days from assignment to reviewBy. */
  windowWorkingDays: number;
  target: number;
  meetsTarget: boolean;
  /** Posterior-predictive P(late) for this contractor. */
  pLate: number;
  /** Median relative slip when late (0.25 = +25 % of the told duration) and the same in working days. */
  typicalSlip: number;
  typicalSlipDays: number;
  why: Why;
}

export function planToldDue(input: PlanInput): PlanResult {
  if (!input || typeof input !== 'object') throw new ForecastInputError('bad-date', 'input', 'expected a plan input object');
  const a = parseDay(input.assignedOn, 'assignedOn');
  const c = parseDay(input.clientDue, 'clientDue');
  if (c < a) throw new ForecastInputError('client-before-assigned', 'clientDue', 'client due is before the assignment date');
  const target = checkProbability(input.target, 'target', DEFAULT_TARGET);
  const margin = checkWholeDays(input.reviewMarginDays, 'reviewMarginDays', DEFAULT_REVIEW_MARGIN_DAYS);
  const minDays = Math.max(1, checkWholeDays(input.minWorkingDays, 'minWorkingDays', 1));

  const fitted = fitContractor(input.history, { ...input, floorDay: a });
  const { cal, model } = fitted;
  const warnings: string[] = [];

  const reviewBy = cal.add(c, -margin);
  const window = cal.between(a, reviewBy);
  const meet = (L: number) => pMeet(model, L, window - L);

  let told: number;
  let L: number;
  if (window < minDays) {
    // Guardrail: the window cannot hold even the shortest allowed duration. Never tell a date
    // before assignment; tell the review deadline if it is still ahead, else the first working day.
    told = reviewBy >= a ? reviewBy : cal.onOrAfter(a);
    L = Math.max(1, cal.between(a, told));
    warnings.push(
      `The window to ${formatDay(reviewBy)} holds ${Math.max(0, window)} working day(s), fewer than the ${minDays} needed: negotiate with the client, descope, or accept the risk.`,
    );
  } else {
    // Largest L in [minDays, window] with meet(L) ≥ target; meet is non-increasing in L.
    let lo = minDays;
    let hi = window;
    if (meet(lo) < target) {
      L = lo;
    } else {
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (meet(mid) >= target) lo = mid;
        else hi = mid - 1;
      }
      L = lo;
    }
    told = cal.add(a, L);
  }
  const slack = cal.between(told, reviewBy);
  const p = pMeet(model, L, slack);
  const meetsTarget = p >= target;
  if (!meetsTarget) {
    warnings.push(
      `Even the earliest allowed told date gives only a ${Math.round(p * 100)}% chance of meeting ${formatDay(c)} (target ${Math.round(target * 100)}%): negotiate with the client, descope, or accept the risk.`,
    );
  }
  const typicalSlip = Math.exp(model.slip.mu);
  return {
    toldDue: formatDay(told),
    pMeetClientDue: p,
    pDeliveredByClientDue: pMeet(model, L, cal.between(told, c)),
    bufferDays: cal.between(told, c),
    reviewBy: formatDay(reviewBy),
    toldWorkingDays: L,
    windowWorkingDays: Math.max(0, window),
    target,
    meetsTarget,
    pLate: pLate(model),
    typicalSlip,
    typicalSlipDays: Math.max(1, Math.round(typicalSlip * L)),
    why: buildWhy(fitted, warnings, model.driftAt(L, slack)),
  };
}

