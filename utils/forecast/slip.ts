/**
 * How late when late: y = log(g), g = slip / told duration, y ~ N(μ, σ²) with a Normal-Inverse-Gamma
 * posterior (research §4.5). The predictive for a new y is Student-t with 2αₙ degrees of freedom,
 * location μₙ and scale √(βₙ(κₙ+1)/(αₙκₙ)). Weights enter as fractional observations.
 *
 * Slips are whole working days, so a delivery s days late only says g ∈ ((s−1)/L, s/L]; one day
 * late on a 10-day task says "somewhere up to 10 %", not "exactly 10 %". Taking s/L at face value
 * squeezes the lower tail of log g, shrinks the fitted σ and so under-states the upper tail that
 * buffers are made of. We therefore treat each slip as interval-censored (and an open overdue task
 * as right-censored at its lateness so far) and fill in the sufficient statistics by a few EM steps
 * (truncated-normal moments), then apply the ordinary conjugate update to them.
 */
import type { Observation } from './observe';
import type { SlipPrior } from './types';
import { normCdf, normPdf, studentTCdf, studentTQuantile } from './special';

export interface SlipPosterior {
  mu: number;
  kappa: number;
  alpha: number;
  beta: number;
  df: number;
  scale: number;
  /** Predictive P(g ≤ x) for a late delivery. */
  cdf(x: number): number;
  /** Predictive quantile of g for a late delivery. */
  quantile(p: number): number;
}

const EM_MAX_STEPS = 6;

/** Mean and variance of N(m, s²) restricted to (lo, hi]. */
function truncatedMoments(m: number, s: number, lo: number, hi: number): [number, number] {
  const a = (lo - m) / s;
  const b = (hi - m) / s;
  const pa = Number.isFinite(a) ? normPdf(a) : 0;
  const pb = Number.isFinite(b) ? normPdf(b) : 0;
  const z = (Number.isFinite(b) ? normCdf(b) : 1) - (Number.isFinite(a) ? normCdf(a) : 0);
  if (z < 1e-12) {
    // The interval sits far in a tail: its nearest edge is the best guess.
    const edge = Number.isFinite(a) && a > 0 ? lo : Number.isFinite(hi) ? hi : lo;
    return [edge, 0];
  }
  const r = (pa - pb) / z;
  const aTerm = Number.isFinite(a) ? a * pa : 0;
  const bTerm = Number.isFinite(b) ? b * pb : 0;
  const v = s * s * Math.max(0, 1 + (aTerm - bTerm) / z - r * r);
  return [m + s * r, v];
}

function update(prior: SlipPrior, n: number, ybar: number, ss: number): [number, number, number, number] {
  const kappa = prior.kappa0 + n;
  const mu = (prior.kappa0 * prior.mu0 + n * ybar) / kappa;
  const alpha = prior.alpha0 + n / 2;
  const beta = prior.beta0 + ss / 2 + (prior.kappa0 * n * (ybar - prior.mu0) ** 2) / (2 * kappa);
  return [mu, kappa, alpha, beta];
}

export function slipPosterior(obs: Observation[], w: number[], prior: SlipPrior): SlipPosterior {
  // Late observations grouped by their censoring interval: many share (slip, told), and the EM step
  // then costs one truncated-normal moment per distinct interval, not per delivery.
  const groups = new Map<number, { lo: number; hi: number; w: number }>();
  let n = 0;
  for (let i = 0; i < obs.length; i++) {
    const o = obs[i]!;
    if (!o.late) continue;
    const key = (o.slip * 1_000_003 + o.told) * 2 + (o.open ? 1 : 0);
    let g = groups.get(key);
    if (!g) {
      const upper = Math.log(o.slip / o.told);
      g = {
        lo: o.open ? upper : o.slip > 1 ? Math.log((o.slip - 1) / o.told) : -Infinity,
        hi: o.open ? Infinity : upper,
        w: 0,
      };
      groups.set(key, g);
    }
    g.w += w[i]!;
    n += w[i]!;
  }
  let [mu, kappa, alpha, beta] = update(prior, 0, 0, 0);
  if (n > 0) {
    const gs = [...groups.values()];
    // Start the EM from the point values (interval midpoints), which is already close.
    let sy0 = 0;
    let sy20 = 0;
    for (const g of gs) {
      const y = Number.isFinite(g.lo) ? (Number.isFinite(g.hi) ? (g.lo + g.hi) / 2 : g.lo) : g.hi - Math.LN2;
      sy0 += g.w * y;
      sy20 += g.w * y * y;
    }
    const y0 = sy0 / n;
    [mu, kappa, alpha, beta] = update(prior, n, y0, Math.max(0, sy20 - n * y0 * y0));
    for (let step = 0; step < EM_MAX_STEPS; step++) {
      const prevMu = mu;
      const prevBeta = beta;
      // Posterior means of μ and σ² as the current guess (α > 1 keeps the σ² mean finite).
      const s = Math.sqrt(beta / Math.max(0.5, alpha - 1));
      let sy = 0;
      let sy2 = 0;
      let sv = 0;
      for (const g of gs) {
        const [m1, v1] = truncatedMoments(mu, s, g.lo, g.hi);
        sy += g.w * m1;
        sy2 += g.w * m1 * m1;
        sv += g.w * v1;
      }
      const ybar = sy / n;
      // Σw(E[y] − ȳ)² + Σw·Var[y]: the expected sum of squares.
      const ss = Math.max(0, sy2 - n * ybar * ybar) + sv;
      [mu, kappa, alpha, beta] = update(prior, n, ybar, ss);
      if (Math.abs(mu - prevMu) < 1e-5 && Math.abs(beta - prevBeta) < 1e-5 * beta) break;
    }
  }
  return makeSlip(mu, kappa, alpha, beta);
}

export function makeSlip(mu: number, kappa: number, alpha: number, beta: number): SlipPosterior {
  const df = 2 * alpha;
  const scale = Math.sqrt((beta * (kappa + 1)) / (alpha * kappa));
  return {
    mu,
    kappa,
    alpha,
    beta,
    df,
    scale,
    cdf: (x) => (x <= 0 ? 0 : studentTCdf((Math.log(x) - mu) / scale, df)),
    quantile: (p) => Math.exp(mu + scale * studentTQuantile(p, df)),
  };
}
