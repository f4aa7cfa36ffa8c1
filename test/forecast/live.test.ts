import { describe, it, expect } from 'vitest';
import { ForecastInputError, liveChance, liveStatus, planToldDue, zoneFor } from '../../utils/forecast/index';
import { history } from './helpers';

// New contractor told 16 of a 20-working-day window (research §7.3 worked example), margin 0.
const task = { history: [], assignedOn: '2026-01-05', toldDue: '2026-01-27', clientDue: '2026-02-02', reviewMarginDays: 0 };

describe('liveChance', () => {
  it('reproduces the research worked example', () => {
    expect(liveChance({ ...task, today: '2026-01-05' })).toBeCloseTo(0.85, 2);
    // Not delivered by the told due: late by ≥ 1 working day.
    expect(liveChance({ ...task, today: '2026-01-28' })).toBeCloseTo(0.5, 2);
    // Two more working days without delivery (research "day 18": 0.37; "day 19": 0.21).
    expect(liveChance({ ...task, today: '2026-01-30' })).toBeCloseTo(0.37, 2);
    expect(liveChance({ ...task, today: '2026-02-02' })).toBeCloseTo(0.21, 2);
    expect(liveChance({ ...task, today: '2026-02-03' })).toBe(0);
  });

  it('agrees with the plan at assignment', () => {
    const h = history([0, 3, 0, 0, 6, 0, 1]);
    const plan = planToldDue({ history: h, assignedOn: '2026-01-05', clientDue: '2026-02-03' });
    const live = liveChance({ history: h, assignedOn: '2026-01-05', toldDue: plan.toldDue, clientDue: '2026-02-03', today: '2026-01-05' });
    expect(live).toBeCloseTo(plan.pMeetClientDue, 10);
  });

  it('falls as days pass undelivered, rises with progress', () => {
    let prev = 1;
    for (const today of ['2026-01-20', '2026-01-27', '2026-01-28', '2026-01-29', '2026-01-30', '2026-02-02']) {
      const p = liveChance({ ...task, today });
      expect(p).toBeLessThanOrEqual(prev);
      prev = p;
    }
    const at = (progress: number) => liveChance({ ...task, today: '2026-01-19', progress });
    expect(at(0.2)).toBeLessThanOrEqual(at(0.4));
    expect(at(0.4)).toBeLessThanOrEqual(at(0.9));
    expect(at(0.2)).toBeLessThan(at(0.9));
    expect(at(1)).toBe(1);
    expect(liveChance({ ...task, today: '2026-02-05', progress: 1 })).toBe(0);
  });

  it('gives zones: green ≥ target, yellow ≥ 0.5, red below', () => {
    expect(zoneFor(0.9, 0.85)).toBe('green');
    expect(zoneFor(0.85, 0.85)).toBe('green');
    expect(zoneFor(0.849, 0.85)).toBe('yellow');
    expect(zoneFor(0.5)).toBe('yellow');
    expect(zoneFor(0.4999)).toBe('red');
    expect(zoneFor(0.96, 0.95)).toBe('green');
    expect(zoneFor(0.9)).toBe('green'); // default target 0.85
    expect(liveStatus({ ...task, today: '2026-01-05' }).zone).toBe('green');
    expect(liveStatus({ ...task, today: '2026-01-28' }).zone).toBe('yellow');
    expect(liveStatus({ ...task, today: '2026-02-02' }).zone).toBe('red');
    expect(liveStatus({ ...task, today: '2026-02-02' }).why.deliveriesUsed).toBe(0);
  });

  it('rejects bad input', () => {
    expect(() => liveChance({ ...task, today: '2026-13-01' })).toThrow(ForecastInputError);
    expect(() => liveChance({ ...task, toldDue: '2026-01-01', today: '2026-01-05' })).toThrow(ForecastInputError);
    expect(() => liveChance({ ...task, clientDue: '2026-01-01', today: '2026-01-05' })).toThrow(ForecastInputError);
    expect(() => liveChance({ ...task, today: '2026-01-06', progress: 1.5 })).toThrow(ForecastInputError);
  });
});
