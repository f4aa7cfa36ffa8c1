/**
 * Drift: a contractor getting worse. A 180-day half-life needs months to notice that a contractor
 * who used to be reliable no longer is; meanwhile several promises break. So we run a trend test on
 * the latest deliveries and, if they are getting worse, project the trend to today.
 *
 * Test: Mann–Kendall on a lateness score in delivery order (0 when on time, 1 + relative slip when
 * late), over the newest DRIFT_WINDOW deliveries, one-sided at 5 % with the tie-corrected variance.
 * It uses every recent delivery (unlike a "last k vs the rest" split), so it has power at n ≈ 10–20.
 * Only *worse* is acted on: an improving contractor is left to the slow, safe weighting.
 *
 * Response: a linear trend (least squares on time) of P(late) and of log g over the same window,
 * evaluated at today. Where the projection is worse than the ordinary posterior we use it, keeping
 * the posterior's uncertainty (strength, t degrees of freedom), so a change is neither ignored nor
 * over-trusted.
 */
import type { Observation } from './observe';

export const DRIFT_MIN_DELIVERIES = 6;
export const DRIFT_WINDOW = 40;
/** One-sided 5 % normal quantile. */
const Z_CRIT = 1.645;

export interface DriftProjection {
  /** Projected P(late) today. */
  pLate: number;
  /** Projected mean log relative slip today, when there are enough late deliveries (else null). */
  logSlip: number | null;
}

/** `obs` is newest first. */
export function detectDrift(obs: Observation[]): boolean {
  const n = Math.min(obs.length, DRIFT_WINDOW);
  if (n < DRIFT_MIN_DELIVERIES) return false;
  // Oldest first within the window.
  const u: number[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const o = obs[i]!;
    u.push(o.late ? 1 + o.g : 0);
  }
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) s += Math.sign(u[j]! - u[i]!);
  // Tie correction: on-time deliveries all score 0, a large tie group.
  const counts = new Map<number, number>();
  for (const x of u) counts.set(x, (counts.get(x) ?? 0) + 1);
  let tie = 0;
  for (const t of counts.values()) tie += t * (t - 1) * (2 * t + 5);
  const v = (n * (n - 1) * (2 * n + 5) - tie) / 18;
  if (v <= 0 || s <= 0) return false;
  return (s - 1) / Math.sqrt(v) > Z_CRIT;
}

/** Least-squares line through (x, y), evaluated at x0. */
function lineAt(xs: number[], ys: number[], x0: number): number {
  const n = xs.length;
  const mx = xs.reduce((a, x) => a + x, 0) / n;
  const my = ys.reduce((a, y) => a + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return my + slope * (x0 - mx);
}

export function projectDrift(obs: Observation[], today: number): DriftProjection {
  const win = obs.slice(0, DRIFT_WINDOW);
  const xs = win.map((o) => o.day - today);
  const pLate = Math.min(0.97, Math.max(0.03, lineAt(xs, win.map((o) => (o.late ? 1 : 0)), 0)));
  const late = win.filter((o) => o.late);
  const logSlip = late.length >= 3 ? lineAt(late.map((o) => o.day - today), late.map((o) => Math.log(o.g)), 0) : null;
  return { pLate, logSlip };
}
