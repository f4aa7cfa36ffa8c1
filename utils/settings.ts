import { storage } from '#imports';
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

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Reads the settings; anything stored that does not validate falls back to the defaults, field by field. */
export async function loadSettings(): Promise<Settings> {
  const raw: unknown = await settingsItem.getValue();
  const parsed = SettingsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const stored = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const repaired: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(SettingsSchema.shape)) {
    const value = schema.safeParse(stored[field]);
    repaired[field] = value.success ? value.data : DEFAULT_SETTINGS[field as keyof Settings];
  }
  return SettingsSchema.parse(repaired);
}

/**
 * Bumped by the background after every write to the history, so open pages and the popup know to
 * refresh their views (storage.onChanged reaches every context without extra permissions).
 */
export const historyRevisionItem = storage.defineItem<number>('local:historyRevision', { fallback: 0 });
