/**
 * The owner's two date formats, for `Intl.DateTimeFormat` and the date kit: calendar dates, in UTC so no time zone
 * shifts them. A module of its own so that the popup's first screen takes these and nothing else.
 */
export const SHORT_DATE_OPTIONS: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', timeZone: 'UTC' };
export const LONG_DATE_OPTIONS: Intl.DateTimeFormatOptions = { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' };
