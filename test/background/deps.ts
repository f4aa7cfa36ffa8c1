import type { ForecastPrior } from '@/utils/forecast';
import type { ServiceDeps } from '@/utils/background/service';
import { DEFAULT_SETTINGS } from '@/utils/settings';

/** Service dependencies for tests: fixed clock, default settings, everything else in memory. */
export function testDeps(overrides: Partial<ServiceDeps> & Pick<ServiceDeps, 'db'>): ServiceDeps {
  let prior: ForecastPrior | null = null;
  let ids = 0;
  return {
    settings: async () => DEFAULT_SETTINGS,
    now: () => new Date('2026-03-03T12:00:00.000Z'),
    newId: () => `id${++ids}`,
    onHistoryChanged: () => {},
    saveHealth: () => {},
    saveSettings: async () => {},
    ownerPrior: { get: async () => prior, set: async (p) => void (prior = p) },
    log: () => {},
    ...overrides,
  };
}
