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

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Parses a strict `YYYY-MM-DD` calendar date into a UTC day number; throws on anything else. */
export function parseDay(value: unknown, field: string): number {
  if (typeof value !== 'string') throw new ForecastInputError('bad-date', field, `expected YYYY-MM-DD, got ${typeof value}`);
  const m = DATE_RE.exec(value);
  if (!m) throw new ForecastInputError('bad-date', field, `expected YYYY-MM-DD, got "${value}"`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March; a round trip catches dates that do not exist.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new ForecastInputError('bad-date', field, `"${value}" is not a real calendar date`);
  }
  return Math.round(ms / MS_PER_DAY);
}

export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
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
