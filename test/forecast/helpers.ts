/** Test helpers: build histories on a Mon–Fri calendar from compact specs. */
import { WorkCalendar, formatDay, parseDay } from '../../utils/forecast/calendar';
import { createRng } from '../../utils/forecast/rng';
import type { Delivery } from '../../utils/forecast/index';

export const cal = new WorkCalendar();

/** `slips[i]` = working days late (0 = on time), tasks of `told` working days, one after another from `start`. */
export function history(slips: number[], opts: { start?: string; told?: number } = {}): Delivery[] {
  const told = opts.told ?? 10;
  let a = parseDay(opts.start ?? '2025-01-06', 'start');
  return slips.map((s) => {
    const t = cal.add(a, told);
    const f = s > 0 ? cal.add(t, s) : t;
    const d: Delivery = { assignedOn: formatDay(a), toldDue: formatDay(t), deliveredOn: formatDay(f) };
    a = cal.add(f, 1);
    return d;
  });
}

/** All told due on `today`, so every recency weight is exactly 1 (late ones delivered after). */
export function sameDayHistory(onTime: number, late: number, slipDays = 2): { history: Delivery[]; today: string } {
  const out: Delivery[] = [];
  const told = parseDay('2025-03-14', 'x');
  for (let i = 0; i < onTime + late; i++) {
    const f = i < late ? cal.add(told, slipDays) : told;
    out.push({ assignedOn: '2025-03-03', toldDue: '2025-03-14', deliveredOn: formatDay(f) });
  }
  return { history: out, today: '2025-03-14' };
}

/** Seeded random slip lists for property tests. */
export function randomSlips(seed: number, n: number, pLate = 0.35): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => (rng.next() < pLate ? 1 + Math.floor(rng.next() * 8) : 0));
}

export function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object') {
    Object.freeze(x);
    for (const v of Object.values(x as object)) deepFreeze(v);
  }
  return x;
}
