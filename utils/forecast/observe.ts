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
  /** The told due day. Recency is measured from it, never from the outcome, so a better outcome
   *  cannot change a delivery's weight. */
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

export function observe(history: Delivery[], todayStr: string | undefined, cal: WorkCalendar, field = 'history', floorDay?: number): Observed {
  if (!Array.isArray(history)) throw new ForecastInputError('bad-date', field, 'history must be an array of deliveries');
  // Pass 1: validate and parse every date once.
  const parsed: { a: number; t: number; f: number | null }[] = [];
  let excludedCount = 0;
  let latest = floorDay ?? -Infinity;
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
    let fd: number | null = null;
    if (d.deliveredOn !== null && d.deliveredOn !== undefined) {
      fd = parseDay(d.deliveredOn, `${f}.deliveredOn`);
      if (fd < a) throw new ForecastInputError('delivered-before-assigned', `${f}.deliveredOn`, 'delivered before it was assigned');
    }
    // Delivery dates do not move the default "today": an earlier delivery must not change weights.
    if (t > latest) latest = t;
    parsed.push({ a, t, f: fd });
  }
  const today = todayStr !== undefined ? parseDay(todayStr, 'today') : Number.isFinite(latest) ? latest : 0;

  // Pass 2: outcomes.
  const obs: Observation[] = [];
  let openNotDueCount = 0;
  for (const { a, t, f } of parsed) {
    const told = Math.max(1, cal.between(a, t));
    if (f === null) {
      if (today <= t) {
        openNotDueCount++;
        continue;
      }
      // Overdue and open: certainly late, and at least this late by now (lower bound).
      const slip = Math.max(1, cal.between(t, today));
      obs.push({ day: t, told, late: true, slip, g: slip / told, open: true });
      continue;
    }
    const late = f > t;
    // A late delivery on a non-working day still counts as one working day of slip.
    const slip = late ? Math.max(1, cal.between(t, f)) : 0;
    obs.push({ day: t, told, late, slip, g: slip / told, open: false });
  }
  obs.sort((x, y) => y.day - x.day);
  if (obs.length > HISTORY_CAP) obs.length = HISTORY_CAP;
  return { obs, excludedCount, openNotDueCount, today };
}
