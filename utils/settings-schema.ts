import { z } from 'zod';

/** The owner's settings, kept in extension storage (not IndexedDB), validated on every read. */
export const SettingsSchema = z.object({
  version: z.literal(1),
  /** Chance of meeting the client deadline that the suggested told date aims for. */
  targets: z.object({
    default: z.number().min(0.5).max(0.99),
    critical: z.number().min(0.5).max(0.99),
    lowStakes: z.number().min(0.5).max(0.99),
  }),
  /** Working days kept between the contractor's delivery and the client deadline, for review. */
  reviewMarginDays: z.number().int().min(0).max(30),
  /** 0 = Sunday … 6 = Saturday. */
  workingDays: z.array(z.number().int().min(0).max(6)).min(1).max(7),
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).max(1000),
  sites: z.object({ trello: z.boolean(), asana: z.boolean(), upwork: z.boolean() }),
  /** Stay silent while everything is green. */
  letGo: z.boolean(),
  notifications: z.object({
    /** Notify on zone changes, missed checkpoints and "tell the client now". */
    enabled: z.boolean(),
    /** One summary a day instead of single notifications. */
    dailyDigest: z.boolean(),
  }),
  /** No notifications between these local times (`HH:MM`; may wrap past midnight). */
  quietHours: z.object({
    enabled: z.boolean(),
    from: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    to: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  }),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  targets: { default: 0.85, critical: 0.95, lowStakes: 0.7 },
  reviewMarginDays: 1,
  workingDays: [1, 2, 3, 4, 5],
  holidays: [],
  sites: { trello: true, asana: true, upwork: true },
  letGo: true,
  notifications: { enabled: true, dailyDigest: false },
  quietHours: { enabled: true, from: '19:00', to: '08:00' },
};

