/** Quiet hours: local clock times `HH:MM`; a window whose end is before its start wraps past midnight. */

export interface QuietHours {
  enabled: boolean;
  from: string;
  to: string;
}

/** Minutes since local midnight of `HH:MM`. */
export function clockMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * Whether `minutes` (since local midnight) falls in the quiet window [from, to). A window of equal ends
 * is empty rather than the whole day: the options page would have to say "always quiet" another way.
 */
export function inQuietHours(quiet: QuietHours, minutes: number): boolean {
  if (!quiet.enabled) return false;
  const from = clockMinutes(quiet.from);
  const to = clockMinutes(quiet.to);
  if (from === to) return false;
  return from < to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
}
