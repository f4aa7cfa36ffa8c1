/**
 * Upwork's auto-release rule for fixed-price milestones: once a freelancer submits work on a funded
 * milestone, the client has 14 days to approve or request changes; if they do nothing, Upwork releases
 * the escrowed funds (research §3, S13 comment, M confidence). For the owner this is a hard date: past it,
 * the money is gone whether or not the work was checked.
 */
import { addDays, format, isValid, parseISO } from 'date-fns';
import { localCalendarDate } from '@/utils/model/dates';

export const AUTO_RELEASE_DAYS = 14;

/** `YYYY-MM-DD` or an ISO instant → the calendar date (instants by their UTC date: ours are 12:00 UTC). */
function calendarDateOf(value: string): Date | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const date = parseISO(text);
    return isValid(date) && localCalendarDate(date) === text ? date : null;
  }
  const instant = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(instant.getTime())) return null;
  return parseISO(instant.toISOString().slice(0, 10));
}

/** The day Upwork auto-releases a milestone submitted on `submittedOn`, `YYYY-MM-DD`; null for a bad date. */
export function fundReleaseDate(submittedOn: string): string | null {
  const date = calendarDateOf(submittedOn);
  return date ? localCalendarDate(addDays(date, AUTO_RELEASE_DAYS)) : null;
}

/**
 * A one-line reminder for a submitted milestone, e.g. "Submitted Nov 28, 2026: Upwork releases the
 * payment on Dec 12, 2026 (14 days later) unless you approve it or request changes before then."
 * Takes `YYYY-MM-DD` or an ISO instant (an observation's `completedAt`).
 */
export function fundReleaseReminder(submittedOn: string): string {
  const date = calendarDateOf(submittedOn);
  if (!date) {
    return `Upwork releases a submitted milestone's payment ${AUTO_RELEASE_DAYS} days after submission unless you approve it or request changes first.`;
  }
  const show = (d: Date) => format(d, 'MMM d, yyyy');
  return `Submitted ${show(date)}: Upwork releases the payment on ${show(addDays(date, AUTO_RELEASE_DAYS))} (${AUTO_RELEASE_DAYS} days later) unless you approve it or request changes before then.`;
}
