/**
 * Monte Carlo for a chain of milestones (research §7.2). Milestones are told at their own durations
 * (no per-milestone padding, which only gets consumed); one aggregated buffer sits at the end.
 *
 * Slips come from the same lateness distribution as the single-task plan (lateness.ts): a mixture
 * of the prior's Student-t slip (weight k₀(1−m₀)) and the contractor's own slips (their recency
 * weights). To keep milestones of one run correlated — so the spread of the sum is not understated —
 * each run draws P(late) once from the Beta posterior and one shared shift of log g from the
 * NIG posterior uncertainty of the typical slip (sd √(βₙ/(αₙκₙ))). A late milestone pushes every later
 * one. When the recent deliveries are worse than the record (drift), the recent weights are used.
 * Seeded, so the same input gives the same answer.
 */
import { formatDay, parseDay, type CalendarOptions } from './calendar';
import { ForecastInputError } from './errors';
import { DEFAULT_REVIEW_MARGIN_DAYS, DEFAULT_TARGET, buildWhy, checkProbability, checkWholeDays, fitContractor } from './common';
import { DRIFT_TOLERANCE } from './model';
import { beta as drawBeta, createRng, normal } from './rng';
import { slipSampler } from './sampler';
import type { Delivery, ForecastPrior, Why } from './types';

export interface Milestone {
  name?: string;
  /** Working days told for this milestone, counted from the previous milestone's delivery. */
  workingDays: number;
}

export interface ChainInput extends CalendarOptions {
  history: Delivery[];
  assignedOn: string;
  milestones: Milestone[];
  clientDue?: string;
  target?: number;
  reviewMarginDays?: number;
  /** Default 10,000. */
  runs?: number;
  /** Default 1. */
  seed?: number;
  today?: string;
  prior?: ForecastPrior;
}

export interface ChainResult {
  /** Told (unpadded) due date of each milestone if every one before it is on time. */
  milestoneDates: { name: string; toldDue: string }[];
  /** Working days of the chain as told. */
  toldWorkingDays: number;
  p50: string;
  p85: string;
  p95: string;
  /** Finish date at the target percentile. */
  pTarget: string;
  /** The one aggregated buffer: working days from the last told date to the target-percentile finish. */
  bufferDays: number;
  /** P(last milestone delivered by clientDue − review margin), when clientDue is given. */
  pMeetClientDue: number | null;
  runs: number;
  why: Why;
}

export function planChain(input: ChainInput): ChainResult {
  if (!input || typeof input !== 'object') throw new ForecastInputError('bad-date', 'input', 'expected a chain input object');
  const a = parseDay(input.assignedOn, 'assignedOn');
  const target = checkProbability(input.target, 'target', DEFAULT_TARGET);
  const margin = checkWholeDays(input.reviewMarginDays, 'reviewMarginDays', DEFAULT_REVIEW_MARGIN_DAYS);
  const runs = input.runs ?? 10_000;
  if (!Number.isInteger(runs) || runs < 1 || runs > 1_000_000) {
    throw new ForecastInputError('bad-number', 'runs', 'expected a whole number of runs in 1..1,000,000');
  }
  const ms = input.milestones;
  if (!Array.isArray(ms) || ms.length === 0) throw new ForecastInputError('bad-number', 'milestones', 'expected at least one milestone');
  const durations = ms.map((m, i) => {
    const d = m?.workingDays;
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 1) {
      throw new ForecastInputError('bad-number', `milestones[${i}].workingDays`, 'expected a whole number of working days ≥ 1');
    }
    return d;
  });
  let c: number | null = null;
  if (input.clientDue !== undefined) {
    c = parseDay(input.clientDue, 'clientDue');
    if (c < a) throw new ForecastInputError('client-before-assigned', 'clientDue', 'client due is before the assignment date');
  }

  const fitted = fitContractor(input.history, { ...input, floorDay: a });
  const { cal, model } = fitted;
  const rng = createRng(input.seed ?? 1);
  const drift = model.onTimeRecent.mean + DRIFT_TOLERANCE < model.onTime.mean;
  const beta = drift ? model.onTimeRecent : model.onTime;
  const weights = drift ? model.fastWeights : model.slowWeights;
  const sampler = slipSampler(model.obs, weights, model.prior, model.slipLaw());
  const shiftSd = Math.sqrt(model.slip.beta / (model.slip.alpha * model.slip.kappa));
  const totals = new Float64Array(runs);
  const k = durations.length;
  let told = 0;
  for (const d of durations) told += d;
  for (let r = 0; r < runs; r++) {
    const pl = drawBeta(rng, beta.b, beta.a);
    const shift = Math.exp(shiftSd * normal(rng));
    let total = told;
    for (let i = 0; i < k; i++) {
      if (rng.next() < pl) total += Math.max(1, Math.ceil(sampler(rng) * shift * durations[i]!));
    }
    totals[r] = total;
  }
  totals.sort();
  const q = (p: number) => totals[Math.min(runs - 1, Math.max(0, Math.ceil(p * runs) - 1))]!;
  const dateAt = (wd: number) => formatDay(cal.add(a, Math.min(wd, 1e6)));

  const milestoneDates: { name: string; toldDue: string }[] = [];
  let cum = 0;
  ms.forEach((m, i) => {
    cum += durations[i]!;
    milestoneDates.push({ name: m.name ?? `Milestone ${i + 1}`, toldDue: dateAt(cum) });
  });
  let pMeetClientDue: number | null = null;
  if (c !== null) {
    const limit = cal.between(a, cal.add(c, -margin));
    let hit = 0;
    for (let r = 0; r < runs; r++) if (totals[r]! <= limit) hit++;
    pMeetClientDue = hit / runs;
  }
  return {
    milestoneDates,
    toldWorkingDays: told,
    p50: dateAt(q(0.5)),
    p85: dateAt(q(0.85)),
    p95: dateAt(q(0.95)),
    pTarget: dateAt(q(target)),
    bufferDays: q(target) - told,
    pMeetClientDue,
    runs,
    why: buildWhy(fitted, [], drift),
  };
}
