import { describe, it, expect } from 'vitest';
import { ForecastInputError, planChain, planToldDue } from '../../utils/forecast/index';
import { deepFreeze, history } from './helpers';

const milestones = Array.from({ length: 10 }, (_, i) => ({ name: `M${i + 1}`, workingDays: 5 }));

describe('planChain', () => {
  it('is seeded: same input, same output; another seed differs only by noise', () => {
    const h = deepFreeze(history([0, 3, 0, 0, 6, 0, 1, 0, 2]));
    const input = deepFreeze({ history: h, assignedOn: '2026-01-05', milestones, clientDue: '2026-04-30', seed: 7 });
    const a = planChain(input);
    expect(planChain(input)).toEqual(a);
    const b = planChain({ ...input, seed: 8 });
    expect(Math.abs(b.pMeetClientDue! - a.pMeetClientDue!)).toBeLessThan(0.03);
  });

  it('orders P50 ≤ P85 ≤ P95 and keeps one aggregated buffer at the end', () => {
    const r = planChain({ history: history([0, 3, 0, 5, 0]), assignedOn: '2026-01-05', milestones, target: 0.85 });
    expect(r.milestoneDates.map((m) => m.toldDue)).toEqual([...r.milestoneDates.map((m) => m.toldDue)].sort());
    expect(r.milestoneDates[9]!.toldDue).toBe('2026-03-16'); // 50 working days, no per-milestone padding
    expect(r.p50 <= r.p85 && r.p85 <= r.p95).toBe(true);
    expect(r.pTarget).toBe(r.p85);
    expect(r.bufferDays).toBeGreaterThan(0);
    expect(r.pMeetClientDue).toBeNull();
  });

  it('a single milestone agrees with the single-task plan', () => {
    const h = history([0, 3, 0, 0, 6, 0, 1]);
    const plan = planToldDue({ history: h, assignedOn: '2026-01-05', clientDue: '2026-02-03' });
    const chain = planChain({
      history: h,
      assignedOn: '2026-01-05',
      milestones: [{ workingDays: plan.toldWorkingDays }],
      clientDue: '2026-02-03',
      runs: 20_000,
    });
    expect(Math.abs(chain.pMeetClientDue! - plan.pMeetClientDue)).toBeLessThan(0.04);
  });

  it('rejects bad milestones and run counts', () => {
    const base = { history: [], assignedOn: '2026-01-05' };
    expect(() => planChain({ ...base, milestones: [] })).toThrow(ForecastInputError);
    expect(() => planChain({ ...base, milestones: [{ workingDays: 0 }] })).toThrow(ForecastInputError);
    expect(() => planChain({ ...base, milestones, runs: 0 })).toThrow(ForecastInputError);
    expect(() => planChain({ ...base, milestones, clientDue: '2025-12-01' })).toThrow(ForecastInputError);
  });
});
