/** Formatting for what the owner reads. Calendar dates are formatted in UTC so no time zone shifts them. */

import { formatWithKit, type DateKit } from './date-kit';
import { LONG_DATE_OPTIONS, SHORT_DATE_OPTIONS } from './date-options';

/**
 * Pages format dates from the date kit the background made (see `date-kit.ts`): the first `Intl.DateTimeFormat`
 * of a page costs 15–47 ms in one task. Without a kit (or for a format it leaves out) the formatters are made on
 * first use, not when the module loads; `prepareDateFormats` makes them ahead of need, in a task of the caller's
 * choosing.
 */
let kit: DateKit | null = null;
let short: Intl.DateTimeFormat | undefined;
let long: Intl.DateTimeFormat | undefined;

/** Formats dates from this kit from now on (null: with `Intl`). */
export function useDateKit(next: DateKit | null): void {
  kit = next;
}

/** Makes the `Intl` formatters the kit does not stand in for. */
export function prepareDateFormats(): void {
  if (!kit?.short) short ??= new Intl.DateTimeFormat(undefined, SHORT_DATE_OPTIONS);
  if (!kit?.long) long ??= new Intl.DateTimeFormat(undefined, LONG_DATE_OPTIONS);
}

export function shortDate(date: string): string {
  if (kit?.short) return formatWithKit(kit.short, kit.digits, date);
  prepareDateFormats();
  return short!.format(new Date(`${date}T00:00:00Z`));
}

export function longDate(date: string): string {
  if (kit?.long) return formatWithKit(kit.long, kit.digits, date);
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
