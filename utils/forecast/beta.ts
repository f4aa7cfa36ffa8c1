/** On-time rate: Beta prior Beta(m0·k0, (1−m0)·k0) updated with recency-weighted counts (research §4.2). */
import type { Observation } from './observe';
import type { ForecastPrior } from './types';
import { betaQuantile } from './special';

export interface BetaPosterior {
  a: number;
  b: number;
  mean: number;
}

export function betaPosterior(obs: Observation[], w: number[], prior: ForecastPrior): BetaPosterior {
  let s = 0;
  let n = 0;
  for (let i = 0; i < obs.length; i++) {
    const wi = w[i]!;
    n += wi;
    if (!obs[i]!.late) s += wi;
  }
  const a = prior.onTimeMean * prior.strength + s;
  const b = (1 - prior.onTimeMean) * prior.strength + (n - s);
  return { a, b, mean: a / (a + b) };
}

export function betaP10(p: BetaPosterior): number {
  return betaQuantile(0.1, p.a, p.b);
}
