/**
 * Turns raw deliveries into model observations: told duration L (working days), late or not, and
 * the relative slip g = slip / L for late ones. Validates every date (typed errors, never NaN).
 */
import { parseDay, type WorkCalendar } from './calendar';
import { ForecastInputError } from './errors';
import type { Delivery } from './types';

/** Research: FogBugz keeps 200 velocities per estimator; older evidence adds little after decay anyway. */
export const HISTORY_CAP = 200;

export interface Observation {
  /** Day the outcome became known: delivery day, or `today` for an open overdue task. */
  day: number;
  /** Told duration in working days, at least 1. */
  told: number;
  late: boolean;
  /** Working days past the told due (≥ 1 when late, 0 otherwise). */
  slip: number;
  /** Relative slip slip / told (only meaningful when late). */
  g: number;
  /** Still open: the slip is a lower bound. */
  open: boolean;
}

export interface Observed {
  /** Newest first, capped at HISTORY_CAP. */
  obs: Observation[];
  excludedCount: number;
  openNotDueCount: number;
  /** The reference "today" used (day number). */
  today: number;
}

/** Latest date mentioned in a history; the deterministic default for `today` (no clock reads). */
export function latestDay(history: Delivery[], field: string): number | undefined {
  let max: number | undefined;
  history.forEach((d, i) => {
    if (!d || d.excluded) return;
    for (const k of ['assignedOn', 'toldDue', 'deliveredOn'] as const) {
      const v = d[k];
      if (v == null) continue;
      const day = parseDay(v, `${field}[${i}].${k}`);
      if (max === undefined || day > max) max = day;
    }
  });
  return max;
}

export function observe(history: Delivery[], todayStr: string | undefined, cal: WorkCalendar, field = 'history'): Observed {
  if (!Array.isArray(history)) throw new ForecastInputError('bad-date', field, 'history must be an array of deliveries');
  const today = todayStr !== undefined ? parseDay(todayStr, 'today') : (latestDay(history, field) ?? 0);
  const obs: Observation[] = [];
  let excludedCount = 0;
  let openNotDueCount = 0;
  for (let i = 0; i < history.length; i++) {
    const d = history[i];
    const f = `${field}[${i}]`;
    if (!d || typeof d !== 'object') throw new ForecastInputError('bad-date', f, 'expected a delivery object');
    // Excluded deliveries count for nothing, so they are not even validated.
    if (d.excluded) {
      excludedCount++;
      continue;
    }
    const a = parseDay(d.assignedOn, `${f}.assignedOn`);
    const t = parseDay(d.toldDue, `${f}.toldDue`);
    if (t < a) throw new ForecastInputError('told-before-assigned', `${f}.toldDue`, 'told due is before the assignment date');
    const told = Math.max(1, cal.between(a, t));
    if (d.deliveredOn === null || d.deliveredOn === undefined) {
      if (today <= t) {
        openNotDueCount++;
        continue;
      }
      // Overdue and open: certainly late, and at least this late by now (lower bound).
      const slip = Math.max(1, cal.between(t, today));
      obs.push({ day: today, told, late: true, slip, g: slip / told, open: true });
      continue;
    }
    const f2 = parseDay(d.deliveredOn, `${f}.deliveredOn`);
    if (f2 < a) throw new ForecastInputError('delivered-before-assigned', `${f}.deliveredOn`, 'delivered before it was assigned');
    const late = f2 > t;
    // A late delivery on a non-working day still counts as one working day of slip.
    const slip = late ? Math.max(1, cal.between(t, f2)) : 0;
    obs.push({ day: f2, told, late, slip, g: slip / told, open: false });
  }
  obs.sort((x, y) => y.day - x.day);
  if (obs.length > HISTORY_CAP) obs.length = HISTORY_CAP;
  return { obs, excludedCount, openNotDueCount, today };
}
