import { describe, it, expect } from 'vitest';
import { WorkCalendar, formatDay, parseDay, weekday } from '../../utils/forecast/calendar';
import { ForecastInputError } from '../../utils/forecast/index';
import { createRng } from '../../utils/forecast/rng';

/** Reference implementation: walk day by day. */
function naiveBetween(cal: WorkCalendar, from: number, to: number): number {
  let n = 0;
  if (to >= from) for (let d = from + 1; d <= to; d++) n += cal.isWorkingDay(d) ? 1 : 0;
  else for (let d = to + 1; d <= from; d++) n -= cal.isWorkingDay(d) ? 1 : 0;
  return n;
}

describe('calendar', () => {
  it('parses and formats YYYY-MM-DD via UTC day numbers', () => {
    expect(parseDay('1970-01-01', 'x')).toBe(0);
    expect(formatDay(parseDay('2026-02-28', 'x') + 1)).toBe('2026-03-01');
    expect(formatDay(parseDay('2028-02-28', 'x') + 1)).toBe('2028-02-29');
    expect(weekday(parseDay('2026-11-28', 'x'))).toBe(6); // a Saturday
    expect(weekday(parseDay('1969-12-31', 'x'))).toBe(3); // negative day numbers too
  });

  it('rejects unparseable and non-existent dates with a typed error', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '26-01-01', '2026-1-1', '', 'yesterday', '2026-01-01T00:00:00Z']) {
      expect(() => parseDay(bad, 'd')).toThrow(ForecastInputError);
    }
    expect(() => parseDay(undefined, 'd')).toThrow(ForecastInputError);
  });

  it('counts and adds working days like a day-by-day walk, with holidays and custom weeks', () => {
    const rng = createRng(7);
    const calendars = [
      new WorkCalendar(),
      new WorkCalendar({ holidays: ['2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01'] }),
      new WorkCalendar({ workingDays: [0, 1, 2, 3], holidays: ['2026-12-27'] }),
      new WorkCalendar({ workingDays: [6] }),
    ];
    const base = parseDay('2026-11-01', 'x');
    for (const cal of calendars) {
      for (let k = 0; k < 300; k++) {
        const a = base + Math.floor(rng.next() * 120);
        const b = base + Math.floor(rng.next() * 120);
        expect(cal.between(a, b)).toBe(naiveBetween(cal, a, b));
        const n = 1 + Math.floor(rng.next() * 30);
        const d = cal.add(a, n);
        expect(cal.isWorkingDay(d)).toBe(true);
        expect(cal.between(a, d)).toBe(n);
        expect(cal.between(a, d - 1)).toBe(n - 1); // the first such day
        const w = cal.onOrBefore(b);
        const back = cal.add(w, -Math.min(n, 10));
        expect(cal.isWorkingDay(back)).toBe(true);
        expect(cal.between(back, w)).toBe(Math.min(n, 10));
      }
    }
  });

  it('rejects calendars with no working day or bad weekdays', () => {
    expect(() => new WorkCalendar({ workingDays: [] })).toThrow(ForecastInputError);
    expect(() => new WorkCalendar({ workingDays: [7] })).toThrow(ForecastInputError);
    expect(() => new WorkCalendar({ holidays: ['2026-02-31'] })).toThrow(ForecastInputError);
    expect(() => new WorkCalendar({ holidays: '2026-01-01' as unknown as string[] })).toThrow(ForecastInputError);
  });
});
