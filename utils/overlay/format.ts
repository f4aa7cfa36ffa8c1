/** Formatting for what the owner reads. Calendar dates are formatted in UTC so no time zone shifts them. */

/**
 * The formatters are made on first use, not when the module loads: the first `Intl.DateTimeFormat` of a page
 * loads the locale's data (20–40 ms), which would otherwise land in the content script's start-up task.
 * `prepareDateFormats` makes them ahead of need, in a task of the caller's choosing.
 */
let short: Intl.DateTimeFormat | undefined;
let long: Intl.DateTimeFormat | undefined;

export function prepareDateFormats(): void {
  short ??= new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  long ??= new Intl.DateTimeFormat(undefined, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}

export function shortDate(date: string): string {
  prepareDateFormats();
  return short!.format(new Date(`${date}T00:00:00Z`));
}

export function longDate(date: string): string {
  prepareDateFormats();
  return long!.format(new Date(`${date}T00:00:00Z`));
}

export function percent(p: number): string {
  return `${Math.round(p * 100)}%`;
}

export const ZONE_WORDS = {
  green: 'on track',
  yellow: 'at risk',
  red: 'in trouble',
  none: 'no due date',
  done: 'delivered',
} as const;

/** "overdue 2 days", "due today", "due tomorrow", "due in 5 days", counted in calendar days. */
export function relativeDue(due: string, today: string): string {
  const days = Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (days < 0) return `overdue ${-days} ${-days === 1 ? 'day' : 'days'}`;
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  return `due in ${days} days`;
}
