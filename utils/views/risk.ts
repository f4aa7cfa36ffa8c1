import type { TaskView } from '../messages/views';

/** Lowest chance of making the client deadline first; without a chance, red before yellow, then the earliest due. */
export function byRisk(a: TaskView, b: TaskView): number {
  const risk = (t: TaskView) => t.chance ?? (t.zone === 'red' ? 0.25 : 0.6);
  return risk(a) - risk(b) || (a.toldDue ?? '9999').localeCompare(b.toldDue ?? '9999');
}
