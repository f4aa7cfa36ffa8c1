/** What a TaskView carries for the alerts: its checkpoints, ladder rung and check-in message. */
import type { Settings } from '../settings';
import type { Zone } from '../messages/views';
import { checkpointsFor, type Checkpoint, type CheckpointMark } from './checkpoints';
import { checkInMessage, repeatedSlip, rungFor, type Rung, type SlipRecord } from './ladder';

export interface TaskAlertsInput {
  title: string;
  zone: Zone;
  /** Local date the work was handed over. */
  assignedOn: string;
  toldDue: string | null;
  today: string;
  settings: Pick<Settings, 'workingDays' | 'holidays'>;
  assigneeNames: readonly string[];
  /** Each assignee's deliveries (this task included), for the repeated-slip flag. */
  histories: readonly (readonly SlipRecord[])[];
  progress?: number | null;
  marks?: readonly CheckpointMark[];
}

export interface TaskAlerts {
  checkpoints: Checkpoint[];
  rung: Rung;
  checkIn: string | null;
}

export function taskAlerts(input: TaskAlertsInput): TaskAlerts {
  const { toldDue, today, zone } = input;
  const checkpoints = toldDue
    ? checkpointsFor({
        assignedOn: input.assignedOn < toldDue ? input.assignedOn : toldDue,
        toldDue,
        today,
        zone,
        progress: input.progress ?? null,
        marks: input.marks ?? [],
        workingDays: input.settings.workingDays,
        holidays: input.settings.holidays,
      })
    : [];
  const flagged = input.histories.some((h) => repeatedSlipOnce(h, today));
  const rung = rungFor({ zone, checkpoints, flagged });
  return {
    checkpoints,
    rung,
    checkIn: checkInMessage({ rung, title: input.title, assigneeNames: input.assigneeNames, toldDue, today }),
  };
}

/**
 * `repeatedSlip` once per history and day. Every task of a contractor passes the same history (the background
 * derives it once per contractor and never changes it), and sorting it again for each task made the popup's
 * overview quadratic: 5,000 tasks of 7 people, 3.5 s, two thirds of it here.
 */
const flaggedByHistory = new WeakMap<readonly SlipRecord[], { today: string; flagged: boolean }>();
function repeatedSlipOnce(history: readonly SlipRecord[], today: string): boolean {
  const known = flaggedByHistory.get(history);
  if (known?.today === today) return known.flagged;
  const flagged = repeatedSlip(history, today);
  flaggedByHistory.set(history, { today, flagged });
  return flagged;
}
