import { storage } from '#imports';

import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from './settings-schema';

export { DEFAULT_SETTINGS, SettingsSchema, type Settings };

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
