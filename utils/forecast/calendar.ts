/**
 * Business-day calendar on `YYYY-MM-DD` strings. Dates become integer UTC day numbers (days since
 * 1970-01-01), so nothing here depends on the machine's time zone and no local-time getter is used.
 */
import { ForecastInputError } from './errors';

export interface CalendarOptions {
  /** Working weekdays, 0 = Sunday … 6 = Saturday. Default Monday–Friday. */
  workingDays?: number[];
  /** Non-working dates (`YYYY-MM-DD`). */
  holidays?: string[];
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Digit value of the character at i, or NaN when it is not 0–9 (NaN poisons the sums below). */
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
}

/**
 * Parses a strict `YYYY-MM-DD` calendar date into a UTC day number; throws on anything else,
 * including dates that do not exist (2026-02-30). Pure arithmetic: no Date object, no time zone.
 */
export function parseDay(value: unknown, field: string): number {
  if (typeof value !== 'string') throw new ForecastInputError('bad-date', field, `expected YYYY-MM-DD, got ${typeof value}`);
  // Histories repeat the same few hundred dates; a bounded memo of valid dates avoids re-parsing them.
  const hit = parsedDays.get(value);
  if (hit !== undefined) return hit;
  const day = parseDayUncached(value, field);
  if (parsedDays.size >= PARSE_CACHE_SIZE) parsedDays.clear();
  parsedDays.set(value, day);
  return day;
}

const PARSE_CACHE_SIZE = 8192;
const parsedDays = new Map<string, number>();

function parseDayUncached(value: string, field: string): number {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) {
    throw new ForecastInputError('bad-date', field, `expected YYYY-MM-DD, got "${value}"`);
  }
  const y = digit(value, 0) * 1000 + digit(value, 1) * 100 + digit(value, 2) * 10 + digit(value, 3);
  const m = digit(value, 5) * 10 + digit(value, 6);
  const d = digit(value, 8) * 10 + digit(value, 9);
  if (Number.isNaN(y + m + d)) throw new ForecastInputError('bad-date', field, `expected YYYY-MM-DD, got "${value}"`);
  const dim = m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1];
  if (m < 1 || m > 12 || d < 1 || dim === undefined || d > dim) {
    throw new ForecastInputError('bad-date', field, `"${value}" is not a real calendar date`);
  }
  return dayNumber(y, m, d);
}

/** The `YYYY-MM-DD` of a UTC day number (H. Hinnant's civil_from_days). */
export function formatDay(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** 0 = Sunday … 6 = Saturday. Day 0 (1970-01-01) was a Thursday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * A working calendar with O(log holidays) counting: `cum(d)` is the number of working days in
 * [epoch, d), so counts between dates are differences of two lookups, not loops over days.
 */
export class WorkCalendar {
  private readonly mask: boolean[];
  private readonly perWeek: number;
  /** prefix[r] = working days among the first r days of a week that starts on day 7k (a Thursday). */
  private readonly prefix: number[];
  /** Sorted holiday day numbers that fall on working weekdays (others change nothing). */
  private readonly holidays: number[];
  private readonly holidaySet: Set<number>;

  constructor(opts: CalendarOptions = {}) {
    const wd = opts.workingDays ?? [1, 2, 3, 4, 5];
    if (!Array.isArray(wd)) throw new ForecastInputError('bad-calendar', 'workingDays', 'expected an array of weekdays');
    this.mask = [false, false, false, false, false, false, false];
    for (const d of wd) {
      if (!Number.isInteger(d) || d < 0 || d > 6) {
        throw new ForecastInputError('bad-calendar', 'workingDays', `weekday ${String(d)} is not an integer 0..6`);
      }
      this.mask[d] = true;
    }
    this.perWeek = this.mask.filter(Boolean).length;
    if (this.perWeek === 0) throw new ForecastInputError('bad-calendar', 'workingDays', 'needs at least one working weekday');
    this.prefix = [0];
    for (let r = 0; r < 7; r++) this.prefix.push(this.prefix[r]! + (this.mask[(4 + r) % 7] ? 1 : 0));
    const hs = new Set<number>();
    if (opts.holidays !== undefined && !Array.isArray(opts.holidays)) {
      throw new ForecastInputError('bad-calendar', 'holidays', 'expected an array of YYYY-MM-DD dates');
    }
    (opts.holidays ?? []).forEach((h, i) => {
      const day = parseDay(h, `holidays[${i}]`);
      if (this.mask[weekday(day)]) hs.add(day);
    });
    this.holidaySet = hs;
    this.holidays = [...hs].sort((a, b) => a - b);
  }

  isWorkingDay(day: number): boolean {
    return this.mask[weekday(day)]! && !this.holidaySet.has(day);
  }

  /** Working days in [epoch, day). */
  private cum(day: number): number {
    const weeks = Math.floor(day / 7);
    const rem = day - weeks * 7;
    return weeks * this.perWeek + this.prefix[rem]! - this.holidaysBefore(day);
  }

  private holidaysBefore(day: number): number {
    let lo = 0;
    let hi = this.holidays.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.holidays[mid]! < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Working days in (from, to]; negative when `to` is before `from`. */
  between(from: number, to: number): number {
    return this.cum(to + 1) - this.cum(from + 1);
  }

  /** The n-th working day after `from` (n ≥ 1); for n ≤ 0, the latest working day on or before `from` shifted back |n|. */
  add(from: number, n: number): number {
    if (n <= 0) return this.subtract(this.onOrBefore(from), -n);
    const goal = this.cum(from + 1) + n;
    // Smallest d with cum(d + 1) >= goal; the bound covers a full week per perWeek days plus every holiday.
    let lo = from + 1;
    let hi = from + 7 * (Math.ceil((n + this.holidays.length) / this.perWeek) + 1);
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.cum(mid + 1) >= goal) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** The working day that lies n working days before working day `day` (n ≥ 0). */
  subtract(day: number, n: number): number {
    if (n <= 0) return day;
    const goal = this.cum(day) - n; // working days strictly before the answer must equal goal
    let lo = day - 7 * (Math.ceil((n + this.holidays.length) / this.perWeek) + 1);
    let hi = day - 1;
    // Largest d < day that is a working day with cum(d) == goal.
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.cum(mid) <= goal) lo = mid;
      else hi = mid - 1;
    }
    return this.onOrBefore(lo);
  }

  onOrBefore(day: number): number {
    let d = day;
    while (!this.isWorkingDay(d)) d--;
    return d;
  }

  onOrAfter(day: number): number {
    let d = day;
    while (!this.isWorkingDay(d)) d++;
    return d;
  }
}

const DEFAULT_CALENDAR = new WorkCalendar();

/** The calendar for these options; the default Monday–Friday calendar is built once and shared. */
export function calendarFor(opts: CalendarOptions = {}): WorkCalendar {
  const noHolidays = opts.holidays === undefined || (Array.isArray(opts.holidays) && opts.holidays.length === 0);
  if (opts.workingDays === undefined && noHolidays) return DEFAULT_CALENDAR;
  return new WorkCalendar(opts);
}
