import * as z from 'zod/mini';
import { lazySchema } from './model/lazy-schema';

/** The owner's settings, kept in extension storage (not IndexedDB), validated on every read. */
export const SettingsSchema = lazySchema(() =>
  z.object({
    version: z.literal(1),
    /** Chance of meeting the client deadline that the suggested told date aims for. */
    targets: z.object({
      default: z.number().check(z.minimum(0.5), z.maximum(0.99)),
      critical: z.number().check(z.minimum(0.5), z.maximum(0.99)),
      lowStakes: z.number().check(z.minimum(0.5), z.maximum(0.99)),
    }),
    /** Working days kept between the contractor's delivery and the client deadline, for review. */
    reviewMarginDays: z.int().check(z.minimum(0), z.maximum(30)),
    /** 0 = Sunday … 6 = Saturday. */
    workingDays: z.array(z.int().check(z.minimum(0), z.maximum(6))).check(z.minLength(1), z.maxLength(7)),
    holidays: z.array(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))).check(z.maxLength(1000)),
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
      from: z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/)),
      to: z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/)),
    }),
  }),
);
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

