import { groupBy } from '../group-by';
import type { HistoryDb } from '../store/db';
import type { ContractorRecord, HistoryEvent, TaskRecord } from '../store/schema';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportFile, type ExportTask } from './format';

/** The whole store as one export file: every contractor, task and event, with the settings. */
export async function exportHistory(db: HistoryDb, settings: unknown, now: Date): Promise<ExportFile> {
  const tx = db.transaction(['contractors', 'tasks', 'events']);
  const [contractors, tasks, events] = await Promise.all([
    tx.objectStore('contractors').getAll(),
    tx.objectStore('tasks').getAll(),
    tx.objectStore('events').getAll(),
  ]);
  await tx.done;
  const contractorOf = new Map(contractors.flatMap((c) => c.identityKeys.map((k) => [k, c.id] as const)));
  const eventsByTask = groupBy(events, (e) => e.taskKey);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    contractors: contractors.map(exportContractor),
    tasks: tasks.map((t) => exportTask(t, contractorOf, eventsByTask.get(t.key) ?? [])),
    events: events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1)),
    settings,
  };
}

function exportContractor(c: ContractorRecord): ExportFile['contractors'][number] {
  return {
    id: c.id,
    name: c.name,
    identities: c.identities.map((i) => ({ site: i.site, handle: i.handle, displayName: i.displayName, ...(i.linkedAt ? { linkedAt: i.linkedAt } : {}) })),
    createdAt: c.createdAt,
  };
}

function exportTask(t: TaskRecord, contractorOf: Map<string, string>, events: HistoryEvent[]): ExportTask {
  return {
    key: t.key,
    site: t.site,
    title: t.title,
    url: t.url,
    assignees: [...new Set(t.assignees.map((k) => contractorOf.get(k) ?? k))],
    assigneeIdentities: t.assignees,
    assignedAt: assignedAt(events, t),
    toldDue: t.toldDue,
    clientDue: t.clientDue,
    done: t.done,
    completedAt: t.completedAt,
    nativeId: t.nativeId,
    board: t.board,
    list: t.list,
    dueUnparsed: t.dueUnparsed,
    dueText: t.dueText,
    firstSeenAt: t.firstSeenAt,
    lastSeenAt: t.lastSeenAt,
    lastSource: t.lastSource,
    progress: t.progress ?? null,
    ...(t.stakes ? { stakes: t.stakes } : {}),
  };
}

/** When the work was handed over: the first assignment, else creation on the site, else first sight. */
function assignedAt(events: HistoryEvent[], task: TaskRecord): string | null {
  const sorted = [...events].sort((a, b) => (a.at < b.at ? -1 : 1));
  return (
    sorted.find((e) => e.type === 'assigned')?.at ??
    sorted.find((e) => e.type === 'created')?.at ??
    (task.assignees.length > 0 ? task.firstSeenAt : null)
  );
}

/** Deliveries as CSV, one row per contractor and task, for a spreadsheet. */
export function deliveriesCsv(
  rows: { contractor: string; task: string; site: string; assignedOn: string; toldDue: string; deliveredOn: string | null; approximate: boolean }[],
): string {
  const header = ['contractor', 'task', 'site', 'assigned_on', 'told_due', 'delivered_on', 'days_late', 'approximate'];
  const lines = rows.map((r) => {
    const late = r.deliveredOn ? Math.round((Date.parse(r.deliveredOn) - Date.parse(r.toldDue)) / 86_400_000) : '';
    return [textCell(r.contractor), textCell(r.task), r.site, r.assignedOn, r.toldDue, r.deliveredOn ?? '', String(late), r.approximate ? 'yes' : 'no']
      .map(csvCell)
      .join(',');
  });
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}

/** Defuses spreadsheet formulas in text that came from a web page (task titles, names). */
function textCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
