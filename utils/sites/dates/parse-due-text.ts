/**
 * Turns the localised due text a task site prints on a card ("Mar 5", "10 oct - 11 nov", "5. März",
 * "5 de mar.", "Mar 4 – Apr 2, 2027", "Mar 5, 5:00 PM") into calendar dates.
 *
 * Why a normalising tokenizer instead of date-fns `parse(text, 'MMM d', ..., { locale })`:
 * date-fns parsing is exact per locale and pattern, while Trello's badges mix forms the locale data
 * does not list ("Mär" vs "März" vs "Mrz", "sept." vs "sep", "5 de mar." with/without dot, optional
 * year and time). Trying every locale x pattern would be slow and still miss variants. Instead we
 * lower-case, strip accents and dots, take month names *from date-fns' own locale data* (copied into
 * locale-names.ts, checked against date-fns by a test, so the
 * tables stay correct) plus their unambiguous prefixes, and use date-fns for the date arithmetic.
 */
import { addMonths, isValid, parseISO, subMonths } from 'date-fns';
import { LOCALE_NAMES, type LocaleNames } from './locale-names';

export interface ParsedDue {
  /** Start of a date range (`YYYY-MM-DD`), or null when the text shows a single date. */
  start: string | null;
  /** The due (end) date, `YYYY-MM-DD`. */
  due: string;
}

const LOCALES: LocaleNames[] = [LOCALE_NAMES.enUS, LOCALE_NAMES.es, LOCALE_NAMES.fr, LOCALE_NAMES.de, LOCALE_NAMES.pt];

/** Lower-case, drop accents (é → e, ä → a, ç → c) so "März", "Marz", "MÄRZ" compare equal. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * Month token → month number (1-12). Built from every locale's wide and abbreviated names and every
 * prefix of at least 3 letters of the wide names ("sept", "janv", "fevr", "okt"). A prefix claimed by
 * two different months ("jui": juin/juillet) is ambiguous and removed.
 */
const MONTHS: ReadonlyMap<string, number> = (() => {
  const claims = new Map<string, Set<number>>();
  const claim = (token: string, month: number) => {
    const set = claims.get(token) ?? new Set<number>();
    set.add(month);
    claims.set(token, set);
  };
  for (const locale of LOCALES) {
    for (let i = 0; i < 12; i++) {
      const wide = fold(locale.months.wide[i]!).replace(/\./g, '');
      const abbr = fold(locale.months.abbreviated[i]!).replace(/\./g, '');
      claim(abbr, i + 1);
      for (let n = 3; n <= wide.length; n++) claim(wide.slice(0, n), i + 1);
    }
  }
  // Spellings seen in the wild that no locale table lists (Austrian/Swiss "Mrz", ASCII "Maerz").
  claim('mrz', 3);
  claim('maerz', 3);
  const result = new Map<string, number>();
  for (const [token, months] of claims) {
    if (months.size === 1) result.set(token, [...months][0]!);
  }
  return result;
})();

/** Weekday names are noise on a badge ("Thu, Mar 5"); month names win when a token is both ("mar"). */
const WEEKDAYS: ReadonlySet<string> = (() => {
  const set = new Set<string>();
  for (const locale of LOCALES) {
    for (let i = 0; i < 7; i++) {
      for (const width of ['wide', 'abbreviated', 'short'] as const) {
        set.add(fold(locale.days[width][i]!).replace(/\./g, ''));
      }
    }
  }
  return set;
})();

/** Connecting words around dates and times: "5 de março", "le 5 mars", "Mar 5 at 5:00 PM", "am 5. März um 17:00 Uhr". */
const FILLER = new Set(['de', 'del', 'le', 'at', 'a', 'as', 'las', 'um', 'uhr', 'am', 'h', 'due', 'el', 'o']);

/** Times are dropped: a badge's calendar date is what we compare. */
const TIME_12H = /\b\d{1,2}(?::\d{2})?\s*[ap]\.?\s?m\.?(?![a-z])/gi;
const TIME_24H = /\b\d{1,2}\s?[:h]\s?\d{2}\b/gi;

interface PartialDate {
  year: number | null;
  month: number;
  day: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const monthDay = (d: PartialDate) => d.month * 100 + d.day;

/** True when y-m-d is a real calendar day (rejects Feb 30 instead of rolling over to March). */
function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1970 || year > 2200) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Numeric dates, accepted only when they cannot be read two ways. */
function parseNumeric(text: string): PartialDate | null | undefined {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return { year: +m[1]!, month: +m[2]!, day: +m[3]! };
  // Dotted dates are day-first everywhere they are used (de, ru, …): 05.03.2027.
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (m) return { year: +m[3]!, month: +m[2]!, day: +m[1]! };
  // Slashes are d/m in Europe and m/d in the US: only unambiguous when one side is > 12.
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) {
    const a = +m[1]!;
    const b = +m[2]!;
    if (a > 12 && b <= 12) return { year: +m[3]!, month: b, day: a };
    if (b > 12 && a <= 12) return { year: +m[3]!, month: a, day: b };
    return null;
  }
  return undefined; // not numeric; try the word form
}

/**
 * One side of a badge: "Mar 5", "5 de mar.", "5. Okt.", "Mar 5, 2027", "Mar 5, 5:00 PM".
 * `inheritMonth` lets the end of "Mar 4 - 5" borrow the start's month.
 */
function parseOne(raw: string, inheritMonth: number | null): PartialDate | null {
  const text = raw.trim().replace(/\s+at\s*$/i, '');
  const numeric = parseNumeric(text.replace(/\s+/g, ''));
  if (numeric !== undefined) return numeric;

  const cleaned = fold(text.replace(TIME_12H, ' ').replace(TIME_24H, ' '));
  const tokens = cleaned.split(/[\s,.·/]+/).filter(Boolean);
  let month: number | null = null;
  let day: number | null = null;
  let year: number | null = null;
  for (const token of tokens) {
    const ordinal = /^(\d{1,4})(?:st|nd|rd|th|er|o|º|ª)?$/.exec(token);
    if (ordinal) {
      const value = +ordinal[1]!;
      if (ordinal[1]!.length === 4 && year === null) year = value;
      else if (ordinal[1]!.length <= 2 && day === null) day = value;
      else return null; // two days, or a stray number: ambiguous
      continue;
    }
    const asMonth = MONTHS.get(token);
    if (asMonth !== undefined && month === null) {
      month = asMonth;
      continue;
    }
    if (FILLER.has(token) || WEEKDAYS.has(token)) continue;
    return null; // an unknown word ("Someday", "tomorrow"): refuse rather than guess
  }
  month ??= inheritMonth;
  if (month === null || day === null) return null;
  return { year, month, day };
}

/** A year-less date is in today's year unless that lands more than six months from today. */
function inferYear(month: number, day: number, today: TodayAnchor): number {
  const year = today.date.getFullYear();
  const candidate = new Date(year, month - 1, day);
  if (candidate > today.sixMonthsLater) return year - 1;
  if (candidate < today.sixMonthsEarlier) return year + 1;
  return year;
}

/** Today and the window around it that year inference uses, parsed once per day rather than once per text. */
interface TodayAnchor {
  date: Date;
  sixMonthsLater: Date;
  sixMonthsEarlier: Date;
}
let lastAnchor: { today: string; anchor: TodayAnchor | null } | null = null;
function anchorFor(today: string): TodayAnchor | null {
  if (lastAnchor?.today !== today) {
    const date = parseISO(today);
    lastAnchor = { today, anchor: isValid(date) ? { date, sixMonthsLater: addMonths(date, 6), sixMonthsEarlier: subMonths(date, 6) } : null };
  }
  return lastAnchor.anchor;
}

/** Splits "Mar 4 - Mar 5" / "Mar 4 – Apr 2" / "10 oct - 11 nov"; a bare hyphen only splits with spaces (ISO dates). */
const RANGE_SEPARATOR = /\s+-\s+|\s*[–—]\s*/;

/**
 * Parses a due badge text. `today` (`YYYY-MM-DD`) anchors year inference. Returns null for anything
 * it cannot read with confidence; never throws.
 */
export function parseDueText(text: string, today: string): ParsedDue | null {
  // A board shows the same few dozen badge texts on hundreds of cards and is re-read after every re-render.
  const key = `${today}|${text}`;
  const cached = recent.get(key);
  if (cached !== undefined) return cached;
  const parsed = parseUncached(text, today);
  if (recent.size >= RECENT_LIMIT) recent.clear();
  recent.set(key, parsed);
  return parsed;
}

/** Parsed badge texts; cleared whole when full (simple, and a board's texts come back at once). */
const recent = new Map<string, ParsedDue | null>();
const RECENT_LIMIT = 2000;

function parseUncached(text: string, today: string): ParsedDue | null {
  try {
    if (typeof text !== 'string' || text.length > 200) return null;
    const anchor = anchorFor(today);
    if (!anchor) return null;
    const parts = text.trim().split(RANGE_SEPARATOR);
    if (parts.length > 2 || !parts[0]) return null;

    if (parts.length === 1) {
      const one = parseOne(parts[0], null);
      if (!one) return null;
      const year = one.year ?? inferYear(one.month, one.day, anchor);
      return isRealDay(year, one.month, one.day) ? { start: null, due: iso(year, one.month, one.day) } : null;
    }

    const startPart = parseOne(parts[0], null);
    if (!startPart) return null;
    const endPart = parseOne(parts[1]!, startPart.month);
    if (!endPart) return null;
    // "Dec 28 - Jan 4": the due side decides the year and a year-less start is placed at or before it;
    // "Dec 30, 2026 - Jan 2": a year-less end is placed at or after an explicit start.
    let dueYear: number;
    let startYear: number;
    if (endPart.year !== null || startPart.year === null) {
      dueYear = endPart.year ?? inferYear(endPart.month, endPart.day, anchor);
      startYear = startPart.year ?? dueYear;
      if (startPart.year === null && monthDay(startPart) > monthDay(endPart)) startYear -= 1;
    } else {
      startYear = startPart.year;
      dueYear = monthDay(endPart) < monthDay(startPart) ? startYear + 1 : startYear;
    }
    if (!isRealDay(dueYear, endPart.month, endPart.day) || !isRealDay(startYear, startPart.month, startPart.day)) return null;
    const start = iso(startYear, startPart.month, startPart.day);
    const due = iso(dueYear, endPart.month, endPart.day);
    return start <= due ? { start, due } : null;
  } catch {
    return null;
  }
}
