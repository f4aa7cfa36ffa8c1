import type { DerivedDelivery } from '../history/deliveries';
import type { ContractorView, Zone } from '../messages/views';
import type { Settings } from '../settings';
import type { TaskRecord } from '../store/schema';

/**
 * The seam between the product and the forecasting core. Until the calibrated core lands this gives
 * honest, simple figures: raw on-time share, `new` below three deliveries.
 */
export function estimateReliability(
  history: DerivedDelivery[],
  today: string,
  _settings: Settings,
): Omit<ContractorView, 'id' | 'name' | 'contractorId' | 'identities'> {
  const counted = history.filter((d) => !d.excluded && (d.deliveredOn !== null || today > d.toldDue));
  const n = counted.length;
  const onTime = counted.filter((d) => d.deliveredOn !== null && d.deliveredOn <= d.toldDue).length;
  const rate = n > 0 ? onTime / n : null;
  const grade = n < 3 || rate === null ? 'new' : rate >= 0.8 ? 'reliable' : rate >= 0.6 ? 'ok' : 'watch';
  return {
    grade,
    n,
    onTimeRate: rate,
    typicalSlipDays: null,
    evidence: n === 0 ? 'no deliveries yet' : n < 3 ? 'too few deliveries to judge' : `${n} deliveries`,
  };
}

export interface TaskPlan {
  zone: Zone | null;
  bufferDays: number | null;
  suggestedTold: string | null;
  chance: number | null;
  why: string | null;
}

export function planForTask(input: {
  task: TaskRecord;
  toldDue: string | null;
  history: DerivedDelivery[];
  today: string;
  settings: Settings;
}): TaskPlan | null {
  const { task, toldDue, settings } = input;
  if (!task.clientDue || !toldDue) return null;
  return {
    zone: null,
    bufferDays: workingDaysBetween(toldDue, task.clientDue, settings),
    suggestedTold: null,
    chance: null,
    why: null,
  };
}

/** Working days after `from` up to and including `to` (negative when `to` is earlier). */
function workingDaysBetween(from: string, to: string, settings: Settings): number {
  const sign = to >= from ? 1 : -1;
  const [start, end] = sign > 0 ? [from, to] : [to, from];
  const holidays = new Set(settings.holidays);
  let count = 0;
  for (let d = nextDay(start); d <= end; d = nextDay(d)) {
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (settings.workingDays.includes(weekday) && !holidays.has(d)) count++;
  }
  return sign * count;
}

function nextDay(date: string): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}
