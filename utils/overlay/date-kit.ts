/**
 * The owner's date formats taken apart, so that a page can show dates without `Intl.DateTimeFormat`.
 *
 * Why: the first `Intl.DateTimeFormat` made in a renderer process builds the list of the locales it supports,
 * 15–25 ms on a quiet machine and 22–47 ms on a page that is loading a 1,000-card board (measured in the content
 * script's settings task). A page that uses no `Intl` itself pays that for Leeway's chips, in one task. The
 * background (its own process, where that cost is paid once) takes each format apart here: its order of parts,
 * its words for months and weekdays, its digits. The content script puts dates back together from them.
 *
 * A format is only taken apart when putting it back together gives exactly what `Intl` gives for every day of this
 * year (every month with every day number and weekday) and the first of each month of the two years either side. A
 * calendar other than the Gregorian one, an era, a month word that changes with the day: any of these and that
 * format is left out, and the page uses `Intl` for it as before.
 */

import { LONG_DATE_OPTIONS, SHORT_DATE_OPTIONS } from './date-options';

/** One part of a formatted date: its words come from the kit, its literals as they are. */
export type DatePart = { type: 'literal'; value: string } | { type: 'weekday' | 'month' | 'day' | 'year' };

export interface KitFormat {
  parts: DatePart[];
  /** The month words of this format, January first (the form they take in it: "Nov", "November", "listopada"). */
  months: string[];
  /** The weekday words, Sunday first (empty when the format shows no weekday). */
  weekdays: string[];
}

export interface DateKit {
  version: typeof DATE_KIT_VERSION;
  /** `navigator.language` where the kit was made: a page whose language differs uses `Intl`. */
  language: string;
  /** The locale `Intl` formatted in (the browser's own, unless given): the kit is made again when it changes. */
  locale: string;
  /** The digits 0–9 as the format writes them. */
  digits: string[];
  short: KitFormat | null;
  long: KitFormat | null;
}

export const DATE_KIT_VERSION = 1;

const DAY_MS = 86_400_000;

/** Takes the short and long formats of `locale` (the default when undefined) apart, each checked against `Intl`. */
export function buildDateKit(options: { language: string; locale?: string; today: Date }): DateKit {
  const short = new Intl.DateTimeFormat(options.locale, SHORT_DATE_OPTIONS);
  const long = new Intl.DateTimeFormat(options.locale, LONG_DATE_OPTIONS);
  const digits = digitsOf(short);
  const checked = (format: Intl.DateTimeFormat): KitFormat | null => {
    if (!digits) return null;
    const kit = takeApart(format);
    return kit && agreesWithIntl(kit, digits, format, options.today) ? kit : null;
  };
  return {
    version: DATE_KIT_VERSION,
    language: options.language,
    locale: short.resolvedOptions().locale,
    digits: digits ?? [],
    short: checked(short),
    long: checked(long),
  };
}

/** `YYYY-MM-DD` put together in a kit's format. */
export function formatWithKit(format: KitFormat, digits: string[], date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const native = (n: number) => String(n).replace(/\d/g, (d) => digits[Number(d)]!);
  let text = '';
  for (const part of format.parts) {
    if (part.type === 'literal') text += part.value;
    else if (part.type === 'month') text += format.months[month - 1];
    else if (part.type === 'day') text += native(day);
    else if (part.type === 'year') text += native(year);
    else text += format.weekdays[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  }
  return text;
}

/** A kit read back from storage: the right shape, or null (then the page uses `Intl`). */
export function asDateKit(value: unknown): DateKit | null {
  if (typeof value !== 'object' || value === null) return null;
  const kit = value as Partial<DateKit>;
  const strings = (xs: unknown, length: number) => Array.isArray(xs) && xs.length === length && xs.every((x) => typeof x === 'string');
  const format = (f: unknown) =>
    f === null ||
    (typeof f === 'object' &&
      strings((f as KitFormat).months, 12) &&
      (strings((f as KitFormat).weekdays, 0) || strings((f as KitFormat).weekdays, 7)) &&
      Array.isArray((f as KitFormat).parts) &&
      (f as KitFormat).parts.every((p) => p !== null && typeof p === 'object' && (p.type !== 'literal' || typeof p.value === 'string')));
  // A kit without digits (they could not be read off) has no formats either.
  const digits = strings(kit.digits, 10) || (strings(kit.digits, 0) && kit.short === null && kit.long === null);
  const named = typeof kit.language === 'string' && typeof kit.locale === 'string';
  return kit.version === DATE_KIT_VERSION && named && digits && format(kit.short) && format(kit.long) ? (kit as DateKit) : null;
}

function takeApart(format: Intl.DateTimeFormat): KitFormat | null {
  const sample = Date.UTC(2026, 10, 29);
  // The literals are taken from `format`'s own text, not from `formatToParts`: V8 writes a plain space where
  // `formatToParts` gives U+202F (Russian "2026 г."), and the page's dates must read as `format` writes them.
  const text = format.format(sample);
  const parts: DatePart[] = [];
  let at = 0;
  for (const part of format.formatToParts(sample)) {
    if (part.type === 'literal') continue;
    if (part.type !== 'weekday' && part.type !== 'month' && part.type !== 'day' && part.type !== 'year') return null; // an era, a day period…
    const found = text.indexOf(part.value, at);
    if (found < 0) return null;
    if (found > at) parts.push({ type: 'literal', value: text.slice(at, found) });
    parts.push({ type: part.type });
    at = found + part.value.length;
  }
  if (at < text.length) parts.push({ type: 'literal', value: text.slice(at) });
  const partOf = (time: number, type: 'month' | 'weekday') => format.formatToParts(time).find((p) => p.type === type)?.value ?? '';
  const months = Array.from({ length: 12 }, (_, m) => partOf(Date.UTC(2026, m, 15), 'month'));
  // 2026-11-29 is a Sunday: the seven days from it, Sunday first.
  const weekdays = parts.some((p) => p.type === 'weekday') ? Array.from({ length: 7 }, (_, d) => partOf(Date.UTC(2026, 10, 29 + d), 'weekday')) : [];
  return { parts, months, weekdays };
}

/** The format's digits, read off the days 1–9 and 10; null when they are not one character each. */
function digitsOf(format: Intl.DateTimeFormat): string[] | null {
  const day = (d: number) => format.formatToParts(Date.UTC(2026, 0, d)).find((p) => p.type === 'day')?.value ?? '';
  const ones = Array.from({ length: 9 }, (_, i) => day(i + 1));
  const ten = day(10);
  if (ones.some((d) => [...d].length !== 1) || [...ten].length !== 2 || [...ten][0] !== ones[0]) return null;
  return [[...ten][1]!, ...ones];
}

/**
 * Whether the kit writes dates exactly as `Intl` does: every day of this year, and the first of each month of the
 * two years either side. (Checking five whole years took 60–100 ms in the background, which a fresh install runs
 * while the owner's first page loads.)
 */
function agreesWithIntl(kit: KitFormat, digits: string[], format: Intl.DateTimeFormat, today: Date): boolean {
  const year = today.getUTCFullYear();
  const times: number[] = [];
  for (let time = Date.UTC(year, 0, 1); time < Date.UTC(year + 1, 0, 1); time += DAY_MS) times.push(time);
  for (const other of [year - 2, year - 1, year + 1, year + 2]) for (let month = 0; month < 12; month++) times.push(Date.UTC(other, month, 1));
  return times.every((time) => formatWithKit(kit, digits, new Date(time).toISOString().slice(0, 10)) === format.format(time));
}
