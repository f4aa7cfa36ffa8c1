import type { TaskView } from '@/utils/messages/views';
import { todayLocal } from '@/utils/model/dates';
import { percent, relativeDue, shortDate } from '@/utils/overlay/format';
export { byRisk } from '@/utils/views/risk';

/** What the owner should do next about a task that needs them. */
export function nextAction(task: TaskView, today: string): string | null {
  if (task.done || (task.zone !== 'red' && task.zone !== 'yellow')) return null;
  const overdue = task.toldDue !== null && today > task.toldDue;
  if (task.clientDue && (today >= task.clientDue || (overdue && task.zone === 'red' && (task.chance ?? 0) < 0.3))) {
    return 'Tell the client now';
  }
  if (task.zone === 'red') return overdue ? 'Escalate: ask for a firm new date today' : 'Escalate: agree a fallback plan';
  return 'Check in: ask how it is going';
}

export function TaskRow({ task, onOpen, showAction = false }: { task: TaskView; onOpen: (key: string) => void; showAction?: boolean }) {
  const today = todayLocal();
  const action = showAction ? nextAction(task, today) : null;
  return (
    <li class={`task zone-${task.zone}`} data-task-key={task.key} data-zone={task.zone}>
      <button type="button" class="title" onClick={() => onOpen(task.key)} title="Details, client deadline and brief">
        {task.title || '(untitled)'}
      </button>
      <div class="meta">
        <span>{task.assignees.length > 0 ? task.assignees.map((a) => a.name).join(', ') : 'unassigned'}</span>
        {task.dueUnparsed ? (
          <span class="flag" title={`Leeway could not read “${task.dueText ?? ''}”`}>
            due date unreadable
          </span>
        ) : (
          <span>
            told <b>{task.toldDue ? shortDate(task.toldDue) : '—'}</b>
            {task.toldDue && !task.done && <> ({relativeDue(task.toldDue, today)})</>}
          </span>
        )}
        <span>
          client <b>{task.clientDue ? shortDate(task.clientDue) : '—'}</b>
        </span>
        {task.chance !== null && !task.done && (
          <span class="chance" title="Chance of delivery before your review deadline">
            {percent(task.chance)} chance
          </span>
        )}
        {task.board && <span>{task.board}</span>}
      </div>
      {action && <div class="next">{action}</div>}
    </li>
  );
}
