import { storage } from '#imports';
import { z } from 'zod';
import type { ForecastPrior } from './forecast';

/** The owner's fitted prior, kept in extension storage so views after a service-worker restart use it. */
const PriorSchema = z.object({
  onTimeMean: z.number().gt(0).lt(1),
  strength: z.number().positive().max(1000),
  slip: z.object({ mu0: z.number().finite(), kappa0: z.number().positive(), alpha0: z.number().positive(), beta0: z.number().positive() }),
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
