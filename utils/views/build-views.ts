import { differenceInCalendarDays, parseISO } from 'date-fns';
import { isCalendarDate, localDateOf } from '../model/dates';
import { deriveDelivery, handOverAt, type DerivedDelivery } from '../history/deliveries';
import type { Settings } from '../settings';
import type { ContractorRecord, HistoryEvent, TaskRecord } from '../store/schema';
import type { ContractorView, TaskView, Zone } from '../messages/views';
import type { ForecastPrior } from '../forecast';
import { fundReleaseDate, fundReleaseReminder } from '../sites/upwork/funds';
import type { CheckpointMark } from '../alerts/checkpoints';
import { estimateReliability, planForTask, targetFor } from './forecast-adapter';
import { taskAlerts } from '../alerts/task-alerts';

export interface ViewContext {
  now: Date;
  settings: Settings;
  /** The owner's fitted prior, once their history is big enough. */
  prior?: ForecastPrior;
}

/** Days before the told due at which an open task turns yellow while no client deadline is known. */
const YELLOW_WITHIN_DAYS = 2;

export function buildTaskView(
  task: TaskRecord,
  /** By identity key (what tasks name as assignees). */
  contractors: ReadonlyMap<string, ContractorRecord>,
  /** By contractor record id. */
  historyByContractor: ReadonlyMap<string, DerivedDelivery[]>,
  ctx: ViewContext,
  /** The task's own events, oldest first (for when the work was handed over). */
  events: readonly HistoryEvent[] = [],
): TaskView {
  const today = localDateOf(ctx.now.toISOString());
  const toldDue = task.toldDue ? localDateOf(task.toldDue) : null;
  const assignees = task.assignees.map((id) => ({ id, name: contractors.get(id)?.name ?? id.split(':').slice(1).join(':') }));
  const records = [...new Set(task.assignees.map((id) => contractors.get(id)).filter((c) => c !== undefined))];
  const ownerDelivered = events.find((e) => e.type === 'owner-delivered');
  const accepted = events.find((e) => e.type === 'accepted');
  const delivered = task.done || ownerDelivered !== undefined;
  const stakes = task.stakes ?? 'normal';
  const assignedOn = localDateOf(handOverAt(task, events));
  const target = targetFor(stakes, ctx.settings);
  const plan =
    !delivered && task.clientDue
      ? planForTask({
          assignedOn,
          toldDue,
          clientDue: task.clientDue,
          // Copied only here: built for every task, these copies made the overview of a big history quadratic.
          history: records.flatMap((c) => historyByContractor.get(c.id) ?? []).filter((d) => d.taskKey !== task.key),
          assigneeName: records.length === 1 ? records[0]!.name : null,
          target,
          progress: task.progress ?? undefined,
          ctx: { today, settings: ctx.settings, prior: ctx.prior },
        })
      : null;

  let zone: Zone;
  if (delivered) zone = 'done';
  else if (plan?.zone) zone = plan.zone;
  else if (!toldDue) zone = 'none';
  else zone = timeZone(task.toldDue as string, toldDue, today, ctx.now);

  return {
    key: task.key,
    site: task.site,
    title: task.title,
    url: task.url,
    board: task.board,
    list: task.list,
    assignees,
    toldDue,
    clientDue: task.clientDue,
    stakes,
    target,
    bufferDays: plan?.bufferDays ?? null,
    suggestedTold: plan?.suggestedTold ?? null,
    chance: plan?.chance ?? null,
    zone,
    done: task.done,
    dueUnparsed: task.dueUnparsed,
    dueText: task.dueText,
    why: plan?.why ?? null,
    note: siteNote(task, today),
    excludedReason: exclusionOf(events),
    ownerDeliveredOn: ownerDelivered ? localDateOf(ownerDelivered.at) : null,
    acceptedOn: accepted ? localDateOf(accepted.at) : null,
    // alerts: checkpoints, ladder rung and check-in message (utils/alerts) go here.
    ...taskAlerts({
      title: task.title,
      zone,
      assignedOn,
      toldDue,
      today,
      settings: ctx.settings,
      assigneeNames: assignees.map((a) => a.name),
      histories: records.map((c) => historyByContractor.get(c.id) ?? []),
      progress: task.progress ?? null,
      marks: checkpointMarks(events),
    }),
  };
}

/** Upwork pays a submitted milestone out by itself after 14 days: worth a line until that day passes. */
function siteNote(task: TaskRecord, today: string): string | null {
  if (task.site !== 'upwork' || !task.done || !task.completedAt) return null;
  const release = fundReleaseDate(task.completedAt);
  return release && release >= today ? fundReleaseReminder(task.completedAt) : null;
}

/** The owner's latest word on each checkpoint. */
function checkpointMarks(events: readonly HistoryEvent[]): CheckpointMark[] {
  const marks = new Map<string, CheckpointMark['status']>();
  for (const e of events) {
    if (e.type !== 'checkpoint-marked' || !e.newValue) continue;
    const [date, status] = e.newValue.split('|');
    if (date && (status === 'met' || status === 'missed')) marks.set(date, status);
  }
  return [...marks].map(([date, status]) => ({ date, status }));
}

function exclusionOf(events: readonly HistoryEvent[]): string | null {
  const last = [...events].reverse().find((e) => e.type === 'excluded' || e.type === 'exclusion-cleared');
  return last?.type === 'excluded' ? (last.newValue ?? '') : null;
}

/** Zone from the calendar alone: past the told due is red, within two days is yellow. */
function timeZone(rawDue: string, toldDue: string, today: string, now: Date): Zone {
  const overdue = isCalendarDate(rawDue) ? today > toldDue : now.getTime() > parseISO(rawDue).getTime();
  if (overdue) return 'red';
  return differenceInCalendarDays(parseISO(toldDue), parseISO(today)) <= YELLOW_WITHIN_DAYS ? 'yellow' : 'green';
}

/** The view of a contractor as one of their identities (`asIdentity`) shows on a page. */
export function buildContractorView(
  contractor: ContractorRecord,
  history: DerivedDelivery[],
  ctx: ViewContext,
  asIdentity: string = contractor.id,
): ContractorView {
  const today = localDateOf(ctx.now.toISOString());
  const r = estimateReliability(history, { today, settings: ctx.settings, prior: ctx.prior });
  return {
    id: asIdentity,
    contractorId: contractor.id,
    name: contractor.name,
    identities: contractor.identities.map(({ site, handle, displayName }) => ({ site, handle, displayName })),
    ...r,
    notes: contractor.notes ?? '',
    referencesChecked: contractor.referencesChecked ?? false,
    rate: contractor.rate ?? '',
  };
}

/** A contractor's deliveries, derived from the event log of every task any of their identities was assigned. */
export function deliveriesOf(
  contractor: ContractorRecord,
  work: { task: TaskRecord; events: HistoryEvent[] }[],
): DerivedDelivery[] {
  return work
    .map(({ task, events }) => deriveDelivery(task, events, contractor.identityKeys))
    .filter((d): d is DerivedDelivery => d !== null);
}
