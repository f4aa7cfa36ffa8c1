import { describe, it, expect } from 'vitest';
import { planToldDue, type Delivery } from '../../utils/forecast/index';
import { WorkCalendar, formatDay, parseDay } from '../../utils/forecast/calendar';
import { createRng } from '../../utils/forecast/rng';

/**
 * The planner's monotonicity, on irregular histories: mixed told durations, gaps, big slips, an open
 * overdue delivery. Improving any one delivery (late → on time, or fewer days late, or an open one
 * delivered on time) must never give an earlier told date. The told dates stay fixed, so only the
 * outcome changes (weights depend on told dates only).
 */
const cal = new WorkCalendar();
const today = parseDay('2026-06-01', 'today');

interface Spec {
  a: number;
  L: number;
  slip: number;
  open: boolean;
}

function build(specs: Spec[]): Delivery[] {
  return specs.map((s) => {
    const t = cal.add(s.a, s.L);
    return {
      assignedOn: formatDay(s.a),
      toldDue: formatDay(t),
      deliveredOn: s.open ? null : formatDay(s.slip > 0 ? cal.add(t, s.slip) : t),
    };
  });
}

describe('planToldDue monotonicity on irregular histories', () => {
  it('improving any single delivery never gives an earlier told date', () => {
    const rng = createRng(2026);
    const ri = (lo: number, hi: number) => lo + Math.floor(rng.next() * (hi - lo + 1));
    let checked = 0;
    for (let it = 0; it < 120; it++) {
      const n = ri(1, 20);
      const pLate = rng.next();
      const maxSlip = rng.next() < 0.3 ? 30 : 8;
      const specs: Spec[] = [];
      let cursor = today - ri(0, 10);
      for (let i = 0; i < n; i++) {
        const L = ri(1, 20);
        const slip = rng.next() < pLate ? ri(1, maxSlip) : 0;
        const told = cal.add(cal.onOrBefore(cursor), -slip);
        const a = cal.add(told, -L);
        specs.push({ a, L, slip, open: slip > 0 && i === 0 && rng.next() < 0.3 });
        cursor = a - ri(0, 20);
      }
      const window = ri(2, 45);
      const q = {
        assignedOn: formatDay(today),
        clientDue: formatDay(cal.add(today, window)),
        target: [0.6, 0.7, 0.85, 0.95][ri(0, 3)]!,
        reviewMarginDays: ri(0, 1),
        today: formatDay(today),
      };
      const worse = planToldDue({ ...q, history: build(specs) }).toldDue;
      specs.forEach((s, i) => {
        if (s.slip === 0) return;
        const better: Spec[] = s.open ? [{ ...s, open: false, slip: 0 }] : [{ ...s, slip: 0 }];
        if (!s.open && s.slip > 1) better.push({ ...s, slip: ri(1, s.slip - 1) });
        for (const b of better) {
          const h = specs.slice();
          h[i] = b;
          expect(planToldDue({ ...q, history: build(h) }).toldDue >= worse, `iteration ${it}, delivery ${i}`).toBe(true);
          checked++;
        }
      });
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('a shorter slip on a one-day task cannot narrow the prior slip term into an earlier date (regression)', () => {
    // Found by a 24k-case sweep when the slip prior's scale was a plain location-scale t: shrinking
    // a large slip shrank the scale, which raised the tail just below the centre.
    const history = (deliveredOn: string): Delivery[] => [
      { assignedOn: '2026-05-01', toldDue: '2026-05-22', deliveredOn: '2026-05-22' },
      { assignedOn: '2026-03-19', toldDue: '2026-04-16', deliveredOn: '2026-04-17' },
      { assignedOn: '2026-02-24', toldDue: '2026-02-25', deliveredOn }, // 1-day task, 7 or 5 days late
      { assignedOn: '2026-02-04', toldDue: '2026-02-13', deliveredOn: '2026-02-13' },
      { assignedOn: '2026-01-13', toldDue: '2026-01-23', deliveredOn: '2026-01-30' },
      { assignedOn: '2025-12-16', toldDue: '2026-01-09', deliveredOn: '2026-01-12' },
      { assignedOn: '2025-11-07', toldDue: '2025-11-28', deliveredOn: '2025-11-28' },
      { assignedOn: '2025-10-08', toldDue: '2025-10-24', deliveredOn: '2025-10-24' },
      { assignedOn: '2025-09-24', toldDue: '2025-09-25', deliveredOn: '2025-09-25' },
    ];
    const q = { assignedOn: '2026-06-01', clientDue: '2026-07-09', target: 0.7, reviewMarginDays: 0, today: '2026-06-01' };
    const worse = planToldDue({ ...q, history: history('2026-03-06') });
    const better = planToldDue({ ...q, history: history('2026-03-04') });
    expect(better.toldDue >= worse.toldDue).toBe(true);
    expect(better.pMeetClientDue).toBeGreaterThanOrEqual(0.7);
  });

  it('a run of recent late deliveries is detected and shortens the told date; the same run long ago does not', () => {
    const q = { assignedOn: '2026-06-01', clientDue: '2026-07-01', target: 0.85, today: '2026-06-01' };
    const mk = (lateNewest: boolean): Delivery[] => {
      const out: Delivery[] = [];
      let a = parseDay('2025-06-02', 'a');
      for (let i = 0; i < 16; i++) {
        const t = cal.add(a, 8);
        const late = lateNewest ? i >= 13 : i < 3;
        out.push({ assignedOn: formatDay(a), toldDue: formatDay(t), deliveredOn: formatDay(late ? cal.add(t, 5) : t) });
        a = cal.add(t, 6);
      }
      return out;
    };
    const recent = planToldDue({ ...q, history: mk(true) });
    const old = planToldDue({ ...q, history: mk(false) });
    expect(recent.why.driftDetected).toBe(true);
    expect(old.why.driftDetected).toBe(false);
    expect(recent.toldDue < old.toldDue).toBe(true);
  });
});
