import { describe, it, expect } from 'vitest';
import { ForecastInputError, fitOwnerPrior, reliability, type Delivery } from '../../utils/forecast/index';
import { deepFreeze, history, sameDayHistory } from './helpers';

describe('reliability', () => {
  it('matches the research table (Beta(2.8, 1.2) prior, equal weights)', () => {
    const rows: [number, number, number, number, string][] = [
      // on time, late, posterior mean, posterior P10, grade
      [1, 0, 0.76, 0.51, 'new'],
      [3, 0, 0.83, 0.64, 'ok'],
      [4, 1, 0.76, 0.57, 'ok'],
      [8, 2, 0.77, 0.62, 'ok'],
      [5, 5, 0.56, 0.39, 'watch'],
      [18, 2, 0.87, 0.77, 'reliable'],
    ];
    for (const [on, late, mean, p10, grade] of rows) {
      const { history: h, today } = sameDayHistory(on, late);
      const r = reliability(h, { today });
      expect(r.n).toBe(on + late);
      expect(r.onTimeMean).toBeCloseTo(mean, 2);
      expect(r.onTimeP10).toBeCloseTo(p10, 2);
      expect(r.grade).toBe(grade);
      expect(r.onTimeP10).toBeLessThan(r.onTimeMean);
      expect(r.onTimeP90).toBeGreaterThan(r.onTimeMean);
    }
  });

  it('counts n: done plus open past their told due; not excluded, not open and still in time', () => {
    const done = history([0, 2, 0]);
    const openOverdue: Delivery = { assignedOn: '2025-09-01', toldDue: '2025-09-12', deliveredOn: null };
    const openInTime: Delivery = { assignedOn: '2025-09-10', toldDue: '2025-09-30', deliveredOn: null };
    const excluded: Delivery = { assignedOn: '2025-08-01', toldDue: '2025-08-08', deliveredOn: '2025-09-20', excluded: true };
    const r = reliability([...done, openOverdue, openInTime, excluded], { today: '2025-09-19' });
    expect(r.n).toBe(4);
    expect(r.lateCount).toBe(2);
    expect(r.why.deliveriesUsed).toBe(4);
    expect(r.why.excludedCount).toBe(1);
    expect(r.why.openNotDueCount).toBe(1);
    // Once today passes the second told due it counts too, as late.
    expect(reliability([...done, openOverdue, openInTime], { today: '2025-10-01' }).n).toBe(5);
  });

  it('is new below 3 deliveries, and labels evidence', () => {
    expect(reliability([]).grade).toBe('new');
    expect(reliability([]).n).toBe(0);
    expect(reliability([]).why.evidenceLabel).toBe('based mostly on general assumptions');
    expect(reliability(history([0, 0])).grade).toBe('new');
    expect(reliability(history([0, 0])).evidence).toBe('new');
    expect(reliability(history([0, 0, 0, 0])).evidence).toBe('provisional');
    const est = reliability(history(Array(12).fill(0)));
    expect(est.evidence).toBe('established');
    expect(est.why.priorWeightShare).toBeLessThan(0.5);
  });

  it('recent deliveries weigh more (half-life 180 days) and the history is capped at 200', () => {
    const old = history([0, 0, 0, 0, 0, 0], { start: '2023-01-02' });
    const recentLate = history([3, 3, 3], { start: '2025-06-02' });
    const r = reliability([...old, ...recentLate], { today: '2025-08-01' });
    expect(r.onTimeMean).toBeLessThan(0.7);
    expect(r.trend).toBeLessThan(-0.05);
    const many = history(Array(260).fill(0));
    expect(reliability(many).n).toBe(200);
  });

  it('flags a contractor whose latest deliveries are worse than their record, not a steady one', () => {
    expect(reliability(history(Array(20).fill(0))).why.driftDetected).toBe(false);
    expect(reliability(history([...Array(15).fill(0), 3, 4, 0, 5, 6])).why.driftDetected).toBe(true);
    expect(reliability(history([3, 4, 0, 5, 6, ...Array(15).fill(0)])).why.driftDetected).toBe(false);
  });

  it('is deterministic, pure and rejects bad input', () => {
    const h = deepFreeze(history([0, 4, 0, 1, 0, 0, 7]));
    const snapshot = JSON.stringify(h);
    expect(reliability(h)).toEqual(reliability(h));
    expect(JSON.stringify(h)).toBe(snapshot);
    expect(() => reliability([{ assignedOn: '2025-01-10', toldDue: '2025-01-01', deliveredOn: null }])).toThrow(ForecastInputError);
    expect(() => reliability([{ assignedOn: '2025-01-10', toldDue: '2025-01-20', deliveredOn: '20250125' }])).toThrow(ForecastInputError);
    expect(() => reliability(history([0]), { today: 'now' })).toThrow(ForecastInputError);
    for (const v of Object.values(reliability(h))) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
  });

  it('accepts an owner prior, which needs ≥ 20 deliveries across ≥ 3 contractors', () => {
    const few = fitOwnerPrior([history([0, 1]), history([0])]);
    expect(few.source).toBe('default');
    const pool = [history([0, 0, 5, 0, 0, 0, 0, 3]), history([4, 6, 0, 8, 5, 0, 2]), history([0, 0, 0, 0, 9, 0, 0])];
    const owner = fitOwnerPrior(pool);
    expect(owner.source).toBe('owner');
    expect(owner.strength).toBeGreaterThanOrEqual(2);
    expect(owner.strength).toBeLessThanOrEqual(20);
    expect(owner.onTimeMean).toBeCloseTo(14 / 22, 1);
    const r = reliability(history([0, 0]), { prior: owner });
    expect(r.why.priorSource).toBe('owner');
    expect(r.why.evidenceLabel).toBe('based mostly on your other contractors');
    expect(() => reliability([], { prior: { ...owner, strength: -1 } })).toThrow(ForecastInputError);
  });
});
