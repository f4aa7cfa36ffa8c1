/**
 * Priors. The default is deliberately weak (research §7.4): on time 70 % with the weight of 4
 * deliveries; when late, median slip +25 % of the told duration with a fat tail (σ ≈ 0.9 on log g).
 * Once the owner has ≥ 20 deliveries across ≥ 3 contractors we refit both by the method of moments
 * (research §4.3), so the prior describes *this owner's* contractors instead of a guess.
 */
import type { Delivery, ForecastPrior } from './types';
import { ForecastInputError } from './errors';
import { observe } from './observe';
import { calendarFor, type CalendarOptions } from './calendar';

export const DEFAULT_PRIOR: ForecastPrior = Object.freeze({
  onTimeMean: 0.7,
  strength: 4,
  slip: Object.freeze({ mu0: Math.log(0.25), kappa0: 2, alpha0: 2, beta0: 0.81 }),
  source: 'default',
}) as ForecastPrior;

export const OWNER_PRIOR_MIN_DELIVERIES = 20;
export const OWNER_PRIOR_MIN_CONTRACTORS = 3;

/**
 * Empirical-Bayes prior from all of the owner's contractors (one history per contractor).
 * Returns `DEFAULT_PRIOR` until there are ≥ 20 deliveries across ≥ 3 contractors.
 */
export function fitOwnerPrior(
  histories: Delivery[][],
  opts: { today?: string } & CalendarOptions = {},
): ForecastPrior {
  const cal = calendarFor(opts);
  const per: { s: number; n: number; logs: number[] }[] = [];
  for (let j = 0; j < histories.length; j++) {
    const h = histories[j]!;
    const { obs } = observe(h, opts.today, cal, `histories[${j}]`);
    if (obs.length === 0) continue;
    let s = 0;
    const logs: number[] = [];
    for (const o of obs) {
      if (o.late) logs.push(Math.log(o.g));
      else s++;
    }
    per.push({ s, n: obs.length, logs });
  }
  const total = per.reduce((acc, c) => acc + c.n, 0);
  if (per.length < OWNER_PRIOR_MIN_CONTRACTORS || total < OWNER_PRIOR_MIN_DELIVERIES) return DEFAULT_PRIOR;

  // Beta by moments: between-contractor variance of the raw rates minus the binomial noise.
  const m0 = per.reduce((a, c) => a + c.s, 0) / total;
  const rates = per.map((c) => c.s / c.n);
  const meanRate = rates.reduce((a, r) => a + r, 0) / rates.length;
  const varRates = rates.reduce((a, r) => a + (r - meanRate) ** 2, 0) / Math.max(1, rates.length - 1);
  const noise = (m0 * (1 - m0) * per.reduce((a, c) => a + 1 / c.n, 0)) / per.length;
  const between = varRates - noise;
  const rawK = between > 0 ? (m0 * (1 - m0)) / between - 1 : 20;
  const strength = Math.min(20, Math.max(2, rawK));
  // Keep the mean off 0 and 1 so a spotless owner history cannot forbid lateness outright.
  const onTimeMean = Math.min(0.97, Math.max(0.3, m0));

  // Slip: pooled mean and within-plus-between variance of log g; keep the default's weak κ0/α0.
  const logs = per.flatMap((c) => c.logs);
  let slip = DEFAULT_PRIOR.slip;
  if (logs.length >= 5) {
    const mu = logs.reduce((a, y) => a + y, 0) / logs.length;
    const v = logs.reduce((a, y) => a + (y - mu) ** 2, 0) / (logs.length - 1);
    const alpha0 = DEFAULT_PRIOR.slip.alpha0;
    // E[σ²] = β0/(α0 − 1) = pooled variance; floor it so one tidy owner does not get a thin tail.
    slip = { mu0: mu, kappa0: DEFAULT_PRIOR.slip.kappa0, alpha0, beta0: Math.max(0.25, v) * (alpha0 - 1) };
  }
  return { onTimeMean, strength, slip, source: 'owner' };
}

/** Validates a caller-supplied prior (it may come from storage). */
export function checkPrior(p: ForecastPrior | undefined): ForecastPrior {
  if (!p) return DEFAULT_PRIOR;
  const ok =
    p.onTimeMean > 0 &&
    p.onTimeMean < 1 &&
    p.strength > 0 &&
    Number.isFinite(p.strength) &&
    Number.isFinite(p.slip?.mu0) &&
    p.slip.kappa0 > 0 &&
    p.slip.alpha0 > 0 &&
    p.slip.beta0 > 0;
  if (!ok) throw new ForecastInputError('bad-number', 'prior', 'prior needs 0 < onTimeMean < 1 and positive strength and slip parameters');
  return p;
}
