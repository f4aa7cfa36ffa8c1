/** Formatting for what the owner reads. Calendar dates are formatted in UTC so no time zone shifts them. */

const short = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const long = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  month: 'long',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

export function shortDate(date: string): string {
  return short.format(new Date(`${date}T00:00:00Z`));
}

export function longDate(date: string): string {
  return long.format(new Date(`${date}T00:00:00Z`));
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
