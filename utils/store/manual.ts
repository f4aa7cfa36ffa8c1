import type { ManualTask } from '../messages/protocol';
import type { PersonRef } from '../model/observation';
import { applyBatch } from './apply-batch';
import type { HistoryDb } from './db';
import { setClientDue } from './owner-edits';

/**
 * Creates a task the owner tracks by hand (any page, or a site whose reader broke). It lives in the same
 * history as site tasks, so it counts toward the assignee's forecasts and badge.
 */
export async function trackManual(db: HistoryDb, task: ManualTask, now: Date, id: string): Promise<string> {
  const key = `manual:${id}`;
  const assignee = await resolveAssignee(db, task);
  const at = now.toISOString();
  await applyBatch(db, {
    site: 'manual',
    pageUrl: task.url,
    observedAt: at,
    tasks: [
      {
        key,
        site: 'manual',
        nativeId: id,
        title: task.title,
        url: task.url,
        board: hostOf(task.url),
        list: null,
        assignees: assignee ? [assignee] : [],
        due: task.toldDue,
        done: false,
        source: 'owner',
      },
    ],
    facts: [],
  });
  if (task.clientDue) await setClientDue(db, key, task.clientDue, at);
  return key;
}

async function resolveAssignee(db: HistoryDb, task: ManualTask): Promise<PersonRef | null> {
  if (task.assigneeKey) {
    const contractor = await db.getFromIndex('contractors', 'byHandle', task.assigneeKey);
    const identity = contractor?.identities.find((i) => `${i.site}:${i.handle}` === task.assigneeKey);
    if (!identity) throw new Error(`Unknown contractor ${task.assigneeKey}`);
    return { site: identity.site, handle: identity.handle, displayName: identity.displayName };
  }
  const name = task.newAssigneeName?.trim();
  if (!name) return null;
  // A person known only to Leeway: named by their name, linkable later to their site identities.
  return { site: 'manual', handle: `name:${name.toLowerCase().replace(/\s+/g, ' ')}`, displayName: name };
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}
