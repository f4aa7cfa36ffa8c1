// The import errors quote zod's messages: load them in English (see the module).
import '../zod-messages';
import { SettingsSchema, type Settings } from '../settings-schema';
import type { HistoryDb } from '../store/db';
import type { IDBPTransaction } from 'idb';
import { abortQuietly } from '../store/apply-batch';
import { getEach, writeAll } from '../store/bulk';
import type { ContractorRecord, HistoryEvent, LeewayDB, TaskRecord } from '../store/schema';
import { EXPORT_FORMAT, EXPORT_VERSION, ExportFileSchema, type ExportFile, type ExportTask } from './format';

export type ParsedImport = { ok: true; file: ExportFile; settings: Settings | null } | { ok: false; error: string };

/**
 * Reads an export file's text. Everything is checked before anything is written; the first problem is
 * named in words a person can act on.
 */
export function parseImport(text: string): ParsedImport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `This file is not valid JSON; it may be truncated (${(error as Error).message}).` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: 'This is not a Leeway export: the file does not hold a Leeway history object.' };
  }
  const head = raw as { format?: unknown; version?: unknown };
  if (head.format !== EXPORT_FORMAT) {
    return { ok: false, error: `This is not a Leeway export (its format is ${head.format === undefined ? 'missing' : JSON.stringify(head.format).slice(0, 60)}).` };
  }
  if (typeof head.version === 'number' && head.version > EXPORT_VERSION) {
    return { ok: false, error: `This file comes from a newer Leeway (export version ${head.version}); update Leeway to import it.` };
  }
  const parsed = ExportFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `This Leeway export is damaged: ${issue ? `${issue.path.join('.') || '(file)'}: ${issue.message}` : 'unreadable'}.` };
  }
  const file = parsed.data;
  let settings: Settings | null = null;
  if (file.settings !== undefined) {
    const s = SettingsSchema.safeParse(file.settings);
    if (!s.success) {
      const issue = s.error.issues[0];
      return { ok: false, error: `This Leeway export is damaged: settings.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}.` };
    }
    settings = s.data;
  }
  const contractorIds = new Set(file.contractors.map((c) => c.id));
  for (const [i, task] of file.tasks.entries()) {
    const missing = task.assignees.findIndex((a) => !contractorIds.has(a));
    if (missing >= 0) {
      return { ok: false, error: `This Leeway export is damaged: tasks.${i}.assignees.${missing}: no contractor "${task.assignees[missing]}" in the file.` };
    }
  }
  return { ok: true, file, settings };
}

export interface ImportSummary {
  contractors: number;
  tasks: number;
  events: number;
  /** Events that were not in the store before. */
  newEvents: number;
}

/** Merges a parsed file into the store in one transaction: all of it, or (on any failure) none of it. */
export async function importHistory(db: HistoryDb, file: ExportFile): Promise<ImportSummary> {
  const contractors = file.contractors.map(toContractorRecord);
  const identityOf = new Map(contractors.map((c) => [c.id, c]));
  const tasks = file.tasks.map((t) => toTaskRecord(t, identityOf));
  // The parsed events are already fresh objects holding only known fields, and IndexedDB stores a clone.
  const events: HistoryEvent[] = file.events.length > 0 ? file.events : file.tasks.flatMap((t, i) => impliedEvents(t, tasks[i]!));

  const tx = db.transaction(['contractors', 'tasks', 'events'], 'readwrite');
  // A failed write rejects `tx.done` as soon as its error reaches the transaction, before writeImport
  // awaits it; the failure itself is reported through writeAll, so this early rejection is expected.
  tx.done.catch(() => {});
  try {
    return await writeImport(tx, contractors, tasks, events);
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

async function writeImport(
  tx: IDBPTransaction<LeewayDB, ('contractors' | 'tasks' | 'events')[], 'readwrite'>,
  contractors: ContractorRecord[],
  tasks: TaskRecord[],
  events: HistoryEvent[],
): Promise<ImportSummary> {
  const contractorStore = tx.objectStore('contractors');
  const taskStore = tx.objectStore('tasks');
  const eventStore = tx.objectStore('events');
  // Everything is read before anything of its kind is written, so two entries of the file for the same
  // key are each merged with what the store held, and the last one wins. The transaction stays one unit
  // (all of the file, or on any failure none of it); utils/store/bulk.ts says how requests are batched.
  const existingContractors = await getEach(contractorStore, contractors.map((c) => c.id));
  const contractorRecords = contractors.map((c, i) => {
    const existing = existingContractors[i];
    return existing ? mergeContractor(existing, c) : c;
  });
  await writeAll(contractorStore, 'put', contractorRecords);
  const existingTasks = await getEach(taskStore, tasks.map((t) => t.key));
  const taskRecords = tasks.flatMap((t, i) => {
    const existing = existingTasks[i];
    // The newer observation wins; a client deadline is never lost to an older copy without one.
    if (!existing || existing.lastSeenAt <= t.lastSeenAt) return [{ ...t, clientDue: t.clientDue ?? existing?.clientDue ?? null }];
    if (existing.clientDue === null && t.clientDue !== null) return [{ ...existing, clientDue: t.clientDue }];
    return [];
  });
  await writeAll(taskStore, 'put', taskRecords);
  const known = new Set(await eventStore.getAllKeys());
  const fresh = events.filter((e) => !known.has(e.id) && (known.add(e.id), true));
  await writeAll(eventStore, 'add', fresh);
  await tx.done;
  const newEvents = fresh.length;
  return { contractors: contractors.length, tasks: tasks.length, events: events.length, newEvents };
}

function toContractorRecord(c: ExportFile['contractors'][number]): ContractorRecord {
  const identityKeys = c.identities.map((i) => `${i.site}:${i.handle}`);
  return {
    id: c.id,
    name: c.name,
    identities: c.identities.map((i) => ({ ...i })),
    // A contractor with no site identity is still found by its own id.
    identityKeys: identityKeys.length > 0 ? identityKeys : [c.id],
    createdAt: c.createdAt ?? new Date(0).toISOString(),
  };
}

function mergeContractor(existing: ContractorRecord, incoming: ContractorRecord): ContractorRecord {
  const keys = new Set(existing.identityKeys);
  const added = incoming.identities.filter((i) => !keys.has(`${i.site}:${i.handle}`));
  return {
    ...existing,
    identities: [...existing.identities, ...added],
    identityKeys: [...existing.identityKeys, ...incoming.identityKeys.filter((k) => !keys.has(k))],
  };
}

/** Task assignees are stored as site identities; a file from elsewhere names contractors. */
function toTaskRecord(t: ExportTask, contractors: Map<string, ContractorRecord>): TaskRecord {
  const assignees =
    t.assigneeIdentities ??
    t.assignees.map((id) => {
      const c = contractors.get(id);
      const sameSite = c?.identities.find((i) => i.site === t.site);
      return sameSite ? `${sameSite.site}:${sameSite.handle}` : (c?.identityKeys[0] ?? id);
    });
  const seen = t.firstSeenAt ?? t.assignedAt ?? t.completedAt ?? new Date(0).toISOString();
  return {
    key: t.key,
    site: t.site,
    nativeId: t.nativeId ?? t.key.slice(t.key.indexOf(':') + 1),
    title: t.title,
    url: t.url,
    board: t.board ?? null,
    list: t.list ?? null,
    assignees,
    toldDue: t.toldDue,
    clientDue: t.clientDue,
    done: t.done,
    completedAt: t.completedAt,
    dueUnparsed: t.dueUnparsed ?? false,
    dueText: t.dueText ?? null,
    firstSeenAt: seen,
    lastSeenAt: t.lastSeenAt ?? t.completedAt ?? seen,
    lastSource: t.lastSource ?? 'owner',
    progress: t.progress ?? null,
    ...(t.stakes ? { stakes: t.stakes } : {}),
  };
}

/** For files without events: what the task's fields imply, with ids that make a second import a no-op. */
function impliedEvents(t: ExportTask, record: TaskRecord): HistoryEvent[] {
  const base = { taskKey: t.key, source: 'import' as const, approximate: false, oldValue: null, newValue: null, contractorId: null };
  const events: HistoryEvent[] = [];
  const at = t.assignedAt;
  if (at) {
    events.push({ ...base, id: `import:${t.key}|created|${at}`, type: 'created', at });
    for (const identity of record.assignees) {
      events.push({ ...base, id: `import:${t.key}|assigned|${identity}|${at}`, type: 'assigned', at, contractorId: identity });
    }
    if (t.toldDue) events.push({ ...base, id: `import:${t.key}|due-set|${at}`, type: 'due-set', at, newValue: t.toldDue });
  }
  if (t.done && t.completedAt) {
    events.push({ ...base, id: `import:${t.key}|completed|${t.completedAt}`, type: 'completed', at: t.completedAt });
  }
  if (t.clientDue) {
    events.push({ ...base, id: `import:${t.key}|client-due-set`, type: 'client-due-set', at: at ?? record.firstSeenAt, newValue: t.clientDue });
  }
  return events;
}
