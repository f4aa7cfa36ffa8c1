import { localDateOf } from '../model/dates';
import type { HistoryEvent, TaskRecord } from '../store/schema';

/** One piece of delivered (or still open) work, as the forecasting core reads it. Dates are local `YYYY-MM-DD`. */
export interface DerivedDelivery {
  taskKey: string;
  assignedOn: string;
  /** The due in force when the work was handed over; later extensions count as slips against it. */
  toldDue: string;
  deliveredOn: string | null;
  /** True when the completion time is only when Leeway noticed it, not the site's own record. */
  approximate: boolean;
  excluded?: boolean;
  excludedReason?: string;
}

/**
 * When the work was handed over (to one of `identityKeys`, or to anyone): an assignment the site recorded is
 * exact; one Leeway noticed on first sight only says "by then", so the site's creation time, when earlier, is
 * the better guess; else when Leeway first saw the task.
 */
export function handOverAt(task: TaskRecord, events: readonly HistoryEvent[], identityKeys?: readonly string[]): string {
  const firstSeenAt = events.find((e) => e.type === 'first-seen')?.at ?? task.firstSeenAt;
  const created = events.find((e) => e.type === 'created');
  const assignments = events.filter(
    (e) => e.type === 'assigned' && e.contractorId !== null && (!identityKeys || identityKeys.includes(e.contractorId)),
  );
  const exact = assignments.find((e) => !e.approximate);
  const noticed = assignments[0];
  return exact?.at ?? (created && (!noticed || created.at < noticed.at) ? created.at : undefined) ?? noticed?.at ?? firstSeenAt;
}

/**
 * Derives a contractor's delivery on one task from the task's event log (never from overwritten fields).
 * Returns null when there is nothing to learn: no due was ever set, or the task was already done when
 * Leeway first saw it and the site never said when.
 */
export function deriveDelivery(
  task: TaskRecord,
  events: readonly HistoryEvent[],
  /** Every site identity of the contractor (`trello:anaruiz`, `upwork:~01…`): the log names identities. */
  identityKeys: readonly string[],
): DerivedDelivery | null {
  const firstSeenAt = events.find((e) => e.type === 'first-seen')?.at ?? task.firstSeenAt;
  const assignedAt = handOverAt(task, events, identityKeys);

  const dueEvents = events.filter((e) => e.type === 'due-set' || e.type === 'due-changed');
  const dueAtAssignment = [...dueEvents].reverse().find((e) => e.at <= assignedAt && e.newValue)?.newValue;
  const firstDueAfter = dueEvents.find((e) => e.at > assignedAt && e.newValue)?.newValue;
  const toldDue = dueAtAssignment ?? firstDueAfter ?? task.toldDue;
  if (!toldDue) return null;

  // The delivery is the last completion that was not undone by a reopen. When the site's own history
  // has completions, what Leeway merely noticed (possibly before it read that history) is ignored.
  const hasExactCompletion = events.some((e) => e.type === 'completed' && !e.approximate);
  let completion: HistoryEvent | null = null;
  for (const e of events) {
    if (hasExactCompletion && e.approximate && (e.type === 'completed' || e.type === 'reopened')) continue;
    if (e.type === 'completed') completion = e;
    else if (e.type === 'reopened') completion = null;
  }
  // Without a completion on the site, the owner's own "delivered" is the delivery.
  completion ??= events.find((e) => e.type === 'owner-delivered') ?? null;
  if (completion?.approximate && completion.at <= firstSeenAt) return null;

  // The owner's last word on an exclusion stands.
  const exclusion = [...events].reverse().find((e) => e.type === 'excluded' || e.type === 'exclusion-cleared');
  const excluded = exclusion?.type === 'excluded';

  return {
    ...(excluded ? { excluded: true, excludedReason: exclusion.newValue ?? '' } : {}),
    taskKey: task.key,
    assignedOn: localDateOf(assignedAt),
    toldDue: localDateOf(toldDue),
    deliveredOn: completion ? localDateOf(completion.at) : null,
    approximate: completion?.approximate ?? false,
  };
}
