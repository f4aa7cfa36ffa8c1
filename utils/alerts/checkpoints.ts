/**
 * Checkpoints inside the told window (research §7.3): about 25/50/75% of the working days between hand-over
 * and the told due, or one at the middle when the window is 3 working days or less. The first one falls
 * early on purpose: a slow start is the cheapest warning there is.
 */
import { calendarFor, formatDay, parseDay, type CalendarOptions } from '../forecast/calendar';
import type { Zone } from '../messages/views';

export type CheckpointStatus = 'upcoming' | 'met' | 'missed' | 'unknown';

export interface Checkpoint {
  date: string;
  fraction: number;
  status: CheckpointStatus;
}

/** The owner's word on one checkpoint (UI to come): it overrides anything inferred. */
export interface CheckpointMark {
  date: string;
  status: 'met' | 'missed';
}

export const SHORT_TASK_DAYS = 3;

export interface CheckpointInput extends CalendarOptions {
  assignedOn: string;
  toldDue: string;
  today: string;
  zone: Zone;
  /** Share of the work the site shows as done (checklist items…), when it shows any. */
  progress?: number | null;
  marks?: readonly CheckpointMark[];
}

/**
 * Status rule: the owner's mark, when there is one (even ahead of the day); every checkpoint of delivered
 * work is met; otherwise a checkpoint whose day has not passed is `upcoming` (today's too), and a past one is
 * 1. (the owner's mark, above);
 * 2. (delivered, above);
 * 3. the site shows progress: met when it reached the checkpoint's share, else missed;
 * 4. the task is in red: missed — the forecast already says the work is behind, and red past a
 *    checkpoint is the strongest signal we have without progress data;
 * 5. otherwise unknown (nothing says either way; Leeway can't yet read checklists).
 */
export function checkpointsFor(input: CheckpointInput): Checkpoint[] {
  const cal = calendarFor({ workingDays: input.workingDays, holidays: input.holidays });
  const a = parseDay(input.assignedOn, 'assignedOn');
  const t = parseDay(input.toldDue, 'toldDue');
  if (t <= a) return [];
  const length = cal.between(a, t);
  if (length < 2) return [];
  const fractions = length <= SHORT_TASK_DAYS ? [0.5] : [0.25, 0.5, 0.75];
  const seen = new Set<string>();
  const checkpoints: Checkpoint[] = [];
  for (const fraction of fractions) {
    // At least one working day in, and before the told due itself (that is the deadline, not a checkpoint).
    const offset = Math.min(length - 1, Math.max(1, Math.round(fraction * length)));
    const date = formatDay(cal.add(a, offset));
    if (seen.has(date)) continue;
    seen.add(date);
    checkpoints.push({ date, fraction, status: statusOf(date, fraction, input) });
  }
  return checkpoints;
}

function statusOf(date: string, fraction: number, input: CheckpointInput): CheckpointStatus {
  const mark = input.marks?.find((m) => m.date === date);
  if (mark) return mark.status;
  if (input.zone === 'done') return 'met';
  if (date >= input.today) return 'upcoming';
  if (typeof input.progress === 'number') return input.progress >= fraction ? 'met' : 'missed';
  if (input.zone === 'red') return 'missed';
  return 'unknown';
}

/** The owner marks a checkpoint met or missed: returns the marks with this one replacing any earlier word on that date. */
export function markCheckpoint(marks: readonly CheckpointMark[], date: string, status: CheckpointMark['status']): CheckpointMark[] {
  return [...marks.filter((m) => m.date !== date), { date, status }].sort((x, y) => (x.date < y.date ? -1 : 1));
}
