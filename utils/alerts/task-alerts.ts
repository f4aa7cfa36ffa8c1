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
  const flagged = input.histories.some((h) => repeatedSlip(h, today));
  const rung = rungFor({ zone, checkpoints, flagged });
  return {
    checkpoints,
    rung,
    checkIn: checkInMessage({ rung, title: input.title, assigneeNames: input.assigneeNames, toldDue, today }),
  };
}
