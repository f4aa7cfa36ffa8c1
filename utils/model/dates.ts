/**
 * Calendar-date helpers shared by every context. A due is either an instant (`2026-03-05T17:00:00.000Z`)
 * or a calendar date (`2026-03-05`); the owner thinks in local calendar dates, so both become one here.
 */
// `formatISO`, not `format`: `format` brings date-fns's whole token formatter and English locale (about 17 KB)
// into the content script, which compiles it on every page load.
import { formatISO, parseISO } from 'date-fns';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(value: string): boolean {
  return CALENDAR_DATE.test(value);
}

/** The local calendar date (`YYYY-MM-DD`) of an instant or calendar date, in this context's time zone. */
export function localDateOf(due: string): string {
  if (isCalendarDate(due)) return due;
  return localCalendarDate(parseISO(due));
}

/** The local calendar date (`YYYY-MM-DD`) of a moment, in this context's time zone. */
export function localCalendarDate(date: Date): string {
  return formatISO(date, { representation: 'date' });
}

/** Today's local calendar date. */
export function todayLocal(now: Date = new Date()): string {
  return localCalendarDate(now);
}
