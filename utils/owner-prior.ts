import { storage } from '#imports';
import * as z from 'zod/mini';
import type { ForecastPrior } from './forecast';

/** The owner's fitted prior, kept in extension storage so views after a service-worker restart use it. */
const PriorSchema = z.object({
  onTimeMean: z.number().check(z.gt(0), z.lt(1)),
  strength: z.number().check(z.positive(), z.maximum(1000)),
  // z.number() already rejects Infinity and NaN (classic zod's `.finite()` was a no-op in zod 4).
  slip: z.object({
    mu0: z.number(),
    kappa0: z.number().check(z.positive()),
    alpha0: z.number().check(z.positive()),
    beta0: z.number().check(z.positive()),
  }),
  source: z.enum(['default', 'owner']),
});

const ownerPriorItem = storage.defineItem<unknown>('local:ownerPrior', { fallback: null });

export const ownerPriorStore = {
  async get(): Promise<ForecastPrior | null> {
    const parsed = PriorSchema.safeParse(await ownerPriorItem.getValue());
    return parsed.success ? parsed.data : null;
  },
  async set(prior: ForecastPrior): Promise<void> {
    await ownerPriorItem.setValue(prior);
  },
};
