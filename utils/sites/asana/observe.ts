/**
 * DOM items → task observations. People are the hard part on Asana: board cards show initials only,
 * so an assignee is named only when the page prints the name (list rows, the pane) or when Asana's JSON
 * (a snapshot read earlier on this page) said who it is. Nobody is invented from initials.
 */
import type { PersonRef, TaskObservation } from '@/utils/model/observation';
import type { DomAsanaTask } from './reader';

/** What earlier JSON snapshots said about people, so the DOM can name avatars it cannot read. */
export interface KnownPeople {
  /** Task gid → its assignee from JSON (null: JSON says unassigned). */
  byTask: Map<string, PersonRef | null>;
  /** Lower-cased display name → person, to give names from the DOM their gid. */
  byName: Map<string, PersonRef>;
}

export function emptyKnownPeople(): KnownPeople {
  return { byTask: new Map(), byName: new Map() };
}

/** Remembers the assignees of JSON observations (bounded: the newest 20,000 tasks). */
export function rememberPeople(known: KnownPeople, observations: readonly TaskObservation[]): void {
  for (const o of observations) {
    const person = o.assignees[0] ?? null;
    known.byTask.delete(o.nativeId);
    known.byTask.set(o.nativeId, person);
    if (person?.displayName) known.byName.set(person.displayName.toLowerCase(), person);
  }
  while (known.byTask.size > 20_000) known.byTask.delete(known.byTask.keys().next().value!);
}

export const taskUrl = (gid: string) => `https://app.asana.com/0/0/${gid}/f`;
const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

/** The item's assignee as a person, or null (unassigned, or only initials with nothing to name them). */
export function resolveAssignee(item: DomAsanaTask, known: KnownPeople): PersonRef | null {
  if (item.assigneeName) {
    const name = clip(item.assigneeName, 500);
    return known.byName.get(name.toLowerCase()) ?? { site: 'asana', handle: clip(`name:${name}`, 200), displayName: name };
  }
  if (item.assigneeElement) return known.byTask.get(item.gid) ?? null;
  return null;
}

/** One observation from one item; null when it would break the contract (validated anyway downstream). */
export function toObservation(item: DomAsanaTask, assignee: PersonRef | null): TaskObservation | null {
  const candidate: TaskObservation = {
    key: `asana:${item.gid}`,
    site: 'asana',
    nativeId: item.gid,
    title: clip(item.title, 5000),
    url: taskUrl(item.gid),
    board: item.project === null ? null : clip(item.project, 1000),
    list: item.section === null ? null : clip(item.section, 1000),
    assignees: assignee ? [assignee] : [],
    due: item.due,
    dueText: item.dueText,
    dueUnparsed: item.dueUnparsed,
    done: item.done === true,
    ...(typeof item.progress === 'number' ? { progress: item.progress } : {}),
    source: 'dom',
  };
  // Validated once, when sent (utils/content/runner.ts): a page re-read after every re-render must stay cheap.
  return candidate;
}

/**
 * Merges what several items say about one task (a card and the pane open over it): the pane shows the
 * full name and the exact due, so its fields win where it has them; the card fills the rest.
 */
export function mergeForTask(items: readonly DomAsanaTask[]): DomAsanaTask {
  const pane = items.find((i) => i.kind === 'pane');
  const front = items.find((i) => i.kind !== 'pane') ?? items[0]!;
  if (!pane) return front;
  const paneHasDue = pane.dueText !== null;
  return {
    ...front,
    ...pane,
    section: pane.section ?? front.section,
    assigneeName: pane.assigneeName ?? front.assigneeName,
    assigneeElement: pane.assigneeElement ?? front.assigneeElement,
    dueText: paneHasDue ? pane.dueText : front.dueText,
    due: paneHasDue ? pane.due : front.due,
    dueUnparsed: paneHasDue ? pane.dueUnparsed : front.dueUnparsed,
    done: pane.done ?? front.done,
  };
}
