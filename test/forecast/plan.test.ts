import { describe, it, expect } from 'vitest';
import { ForecastInputError, planToldDue, type Delivery, type PlanResult } from '../../utils/forecast/index';
import { parseDay } from '../../utils/forecast/calendar';
import { cal, deepFreeze, history, randomSlips } from './helpers';

const base = { assignedOn: '2026-01-05', clientDue: '2026-02-03' }; // Mon → Tue, 21 working days

function noNaN(r: PlanResult): void {
  for (const [k, v] of Object.entries(r)) if (typeof v === 'number') expect(Number.isFinite(v), k).toBe(true);
}

describe('planToldDue', () => {
  it('reproduces the research worked example for a new contractor (D′ = 20)', () => {
    // 2026-02-02 is the 20th working day after 2026-01-05; margin 0 makes D′ = 20.
    const told = (target: number) =>
      planToldDue({ history: [], assignedOn: '2026-01-05', clientDue: '2026-02-02', target, reviewMarginDays: 0 });
    expect(told(0.7).toldWorkingDays).toBe(20);
    expect(told(0.85).toldWorkingDays).toBe(16);
    expect(told(0.95).toldWorkingDays).toBe(12); // research: 12.6, rounded down
    expect(told(0.85).pMeetClientDue).toBeCloseTo(0.85, 2);
  });

  it('keeps bounds: working day, after assignment, not after client due − margin; buffer = working days to client due', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const h = history(randomSlips(seed, seed % 25));
      const margin = seed % 3;
      const window = 1 + (seed * 7) % 40;
      const a = parseDay('2026-03-02', 'a') + (seed % 5);
      const c = cal.add(a, window);
      const clientDue = new Date(c * 864e5).toISOString().slice(0, 10);
      const assignedOn = new Date(a * 864e5).toISOString().slice(0, 10);
      const r = planToldDue({ history: h, assignedOn, clientDue, reviewMarginDays: margin, target: 0.85 });
      const t = parseDay(r.toldDue, 't');
      expect(cal.isWorkingDay(t)).toBe(true);
      expect(t).toBeGreaterThanOrEqual(a);
      expect(r.bufferDays).toBe(cal.between(t, c));
      if (window > margin) {
        expect(t).toBeGreaterThan(a);
        expect(t).toBeLessThanOrEqual(parseDay(r.reviewBy, 'r'));
        expect(r.bufferDays).toBeGreaterThanOrEqual(margin);
      }
      expect(r.pMeetClientDue).toBeGreaterThanOrEqual(0);
      expect(r.pMeetClientDue).toBeLessThanOrEqual(1);
      expect(r.pDeliveredByClientDue).toBeGreaterThanOrEqual(r.pMeetClientDue);
      noNaN(r);
    }
  });

  it('a strictly better history never gives an earlier told date', () => {
    for (let seed = 1; seed <= 80; seed++) {
      const slips = randomSlips(seed, 3 + (seed % 15), 0.5);
      const lateIdx = slips.findIndex((s) => s > 0);
      if (lateIdx < 0) continue;
      // Better = one late delivery is on time, or one slip is shorter.
      const better1 = slips.map((s, i) => (i === lateIdx ? 0 : s));
      const better2 = slips.map((s, i) => (i === lateIdx ? Math.max(1, Math.floor(s / 2)) : s));
      for (const target of [0.7, 0.85, 0.95]) {
        const q = { ...base, target };
        const worse = planToldDue({ ...q, history: history(slips) }).toldDue;
        // The same dates for the better histories, so only the outcomes differ.
        const h1 = history(slips).map((d, i) => (i === lateIdx ? { ...d, deliveredOn: d.toldDue } : d));
        expect(planToldDue({ ...q, history: h1 }).toldDue >= worse).toBe(true);
        const h2 = history(slips).map((d, i) =>
          i === lateIdx ? { ...d, deliveredOn: new Date(cal.add(parseDay(d.toldDue, 't'), better2[i]!) * 864e5).toISOString().slice(0, 10) } : d,
        );
        expect(planToldDue({ ...q, history: h2 }).toldDue >= worse).toBe(true);
        expect(better1.length).toBe(slips.length);
      }
    }
  });

  it('a contractor getting worse gets an earlier told date than the same record in the opposite order', () => {
    const q = { ...base, target: 0.85 };
    const slips = [...Array(14).fill(0), 4, 0, 5, 6, 3, 7];
    const worsening = planToldDue({ ...q, history: history(slips) });
    const improving = planToldDue({ ...q, history: history([...slips].reverse()) });
    expect(worsening.toldDue < improving.toldDue).toBe(true);
    expect(worsening.why.driftDetected).toBe(true);
  });

  it('improving several deliveries at once (including open overdue ones) never gives an earlier told date', () => {
    for (let seed = 100; seed < 160; seed++) {
      const slips = randomSlips(seed, 4 + (seed % 20), 0.45);
      const worse = history(slips);
      // The newest one is still open and overdue in the worse history.
      const last = worse.length - 1;
      const worseOpen = worse.map((d, i) => (i === last && slips[i]! > 0 ? { ...d, deliveredOn: null } : d));
      const today = worse[last]!.deliveredOn!;
      const better = worse.map((d, i) =>
        i % 2 === seed % 2 ? { ...d, deliveredOn: d.toldDue } : d, // every other delivery made on time
      );
      for (const target of [0.7, 0.85, 0.95]) {
        // Plan after the whole history, so the open delivery is overdue by then.
        const q = { assignedOn: '2027-06-01', clientDue: '2027-07-01', target, today: '2027-06-01' };
        const w = planToldDue({ ...q, history: worseOpen }).toldDue;
        expect(planToldDue({ ...q, history: worse }).toldDue >= w, `seed ${seed} closed`).toBe(true);
        expect(planToldDue({ ...q, history: better }).toldDue >= planToldDue({ ...q, history: worse }).toldDue, `seed ${seed}`).toBe(true);
        expect(today < '2027-06-01').toBe(true);
        expect(planToldDue({ ...q, history: worseOpen }).why.deliveriesUsed).toBe(worse.length);
      }
    }
  });

  it('a higher target never gives a later told date', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const h = history(randomSlips(seed, seed % 20));
      let prev = '9999-12-31';
      for (const target of [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.99]) {
        const r = planToldDue({ ...base, history: h, target });
        expect(r.toldDue <= prev).toBe(true);
        prev = r.toldDue;
      }
    }
  });

  it('is deterministic and does not mutate its inputs', () => {
    const h = deepFreeze(history([0, 3, 0, 0, 5, 1, 0]));
    const holidays = deepFreeze(['2026-01-19']);
    const input = deepFreeze({ ...base, history: h, holidays, target: 0.9 });
    const snapshot = JSON.stringify(input);
    const a = planToldDue(input);
    const b = planToldDue(input);
    expect(b).toEqual(a);
    expect(JSON.stringify(input)).toBe(snapshot);
  });

  it('excluded deliveries count for nothing', () => {
    const h = history([0, 0, 4, 0]);
    const withExcluded: Delivery[] = [...h, { ...history([9], { start: '2025-06-02' })[0]!, excluded: true }];
    const a = planToldDue({ ...base, history: h, today: '2026-01-05' });
    const b = planToldDue({ ...base, history: withExcluded, today: '2026-01-05' });
    expect(b.toldDue).toBe(a.toldDue);
    expect(b.why.deliveriesUsed).toBe(4);
    expect(b.why.excludedCount).toBe(1);
  });

  it('explains itself: prior share, evidence label, warning and real chance when the target is out of reach', () => {
    const fresh = planToldDue({ ...base, history: [] });
    expect(fresh.why.deliveriesUsed).toBe(0);
    expect(fresh.why.priorWeightShare).toBe(1);
    expect(fresh.why.evidenceLabel).toBe('based mostly on general assumptions');

    const bad = history(randomSlips(3, 12, 0.9).map((s) => s + 6));
    const tight = planToldDue({ history: bad, assignedOn: '2026-01-05', clientDue: '2026-01-08', target: 0.95 });
    expect(tight.meetsTarget).toBe(false);
    expect(tight.pMeetClientDue).toBeLessThan(0.95);
    expect(tight.pMeetClientDue).toBeGreaterThan(0);
    expect(tight.why.warnings.join(' ')).toMatch(/chance/);
    expect(tight.toldDue).toBe('2026-01-06');
  });

  it('review margin: default 1 working day, 0 means none', () => {
    const d = planToldDue({ history: [], assignedOn: '2026-01-05', clientDue: '2026-02-02', target: 0.7 });
    expect(d.reviewBy).toBe('2026-01-30'); // Friday before Monday 2026-02-02
    expect(d.toldDue).toBe('2026-01-30');
    expect(d.bufferDays).toBe(1);
    const z = planToldDue({ history: [], assignedOn: '2026-01-05', clientDue: '2026-02-02', target: 0.7, reviewMarginDays: 0 });
    expect(z.toldDue).toBe('2026-02-02');
    expect(z.bufferDays).toBe(0);
  });

  it('a window too short for any told date still answers with a working day and a warning', () => {
    const r = planToldDue({ history: [], assignedOn: '2026-01-09', clientDue: '2026-01-09' }); // Friday, same day
    expect(r.toldDue).toBe('2026-01-09');
    expect(r.why.warnings.length).toBeGreaterThan(0);
    noNaN(r);
  });

  it('throws ForecastInputError on bad input', () => {
    const bad: unknown[] = [
      { ...base, history: [], assignedOn: '2026-02-30' },
      { ...base, history: [], clientDue: 'soon' },
      { ...base, history: [], clientDue: '2026-01-01' }, // before assignment
      { ...base, history: [{ assignedOn: '2025-05-10', toldDue: '2025-05-01', deliveredOn: null }] },
      { ...base, history: [{ assignedOn: '2025-05-01', toldDue: '2025-05-10', deliveredOn: '2025-04-01' }] },
      { ...base, history: [{ assignedOn: 'x', toldDue: '2025-05-10', deliveredOn: null }] },
      { ...base, history: [], target: 1 },
      { ...base, history: [], target: Number.NaN },
      { ...base, history: [], reviewMarginDays: -1 },
      { ...base, history: [], workingDays: [] },
      { ...base, history: 'nope' },
      { ...base, history: [], today: '2026/01/01' },
    ];
    for (const input of bad) expect(() => planToldDue(input as never), JSON.stringify(input)).toThrow(ForecastInputError);
  });
});
