/**
 * Reads Asana tasks from the DOM: board cards, list (spreadsheet) rows, My Tasks rows and the open task
 * pane. The DOM places chips and is the fallback when Asana's JSON is unreadable; due maths should
 * prefer JSON (exact dates; the board DOM is virtualised). Every item is read in its own try/catch.
 */
import { readToEnd, stepThrough, type Step } from '@/utils/slices';
import { matchAsanaRoute, GID, type AsanaRouteKind } from './routes';
import { resolveAsanaDueText } from './relative-due';
import { ASANA_SELECTORS as S, closestFirst, matchesAny, queryAllFirst, queryFirst, type SelectorList } from './selectors';

export type AsanaItemKind = 'card' | 'row' | 'my-tasks-row' | 'pane';

export interface DomAsanaTask {
  kind: AsanaItemKind;
  gid: string;
  /** The card / row / pane: the chip host goes inside it. */
  element: Element;
  title: string;
  /** Board column or list section name. */
  section: string | null;
  /** Project named inside the item (the pane's project pill); the page's project otherwise. */
  project: string | null;
  /** The assignee's full name where the page prints it (list rows, the pane). */
  assigneeName: string | null;
  /** The assignee avatar / name element (a badge goes after it); set even when only initials show. */
  assigneeElement: Element | null;
  /** The due element the chip goes after; null when no due is shown. */
  dueElement: Element | null;
  dueText: string | null;
  /** `YYYY-MM-DD`. */
  due: string | null;
  dueUnparsed: boolean;
  /** Null when no completion indicator could be found. */
  done: boolean | null;
  /** Share of subtasks ticked off, from the open task pane; absent elsewhere or without subtasks. */
  progress?: number | null;
}

/** Fields counted in `health.missing` by the reader (`assignee` is counted once people are resolved). */
export type AsanaReadField = 'gid' | 'title' | 'due' | 'done' | 'item';

export interface AsanaDomRead {
  items: DomAsanaTask[];
  projectName: string | null;
  route: AsanaRouteKind | null;
  /** Item elements found (cards + rows + pane), including unreadable ones. */
  found: number;
  missing: Record<AsanaReadField, number>;
}

export interface ReadOptions {
  /** `YYYY-MM-DD`: relative due texts ("Tomorrow") and year-less dates resolve against it. */
  today: string;
  pageUrl: string;
  /** Only the cards and rows this accepts are read (the task pane always is). */
  only?: (element: Element) => boolean;
}

const collapse = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Visible text; Asana titles are textareas whose text lives in `.value`. */
export function textOf(element: Element | null): string {
  if (!element) return '';
  const value = (element as Partial<HTMLTextAreaElement>).value;
  if (typeof value === 'string' && /^(TEXTAREA|INPUT)$/i.test(element.tagName)) return collapse(value);
  return collapse(element.textContent);
}

function textIn(root: Element, list: SelectorList): string | null {
  return textOf(queryFirst(root, list)) || null;
}

/** A task gid from `data-task-id` on the item or inside it, else from a task link in it. */
function gidOf(element: Element, allowNested: boolean): string | null {
  const own = element.getAttribute('data-task-id');
  if (own && GID.test(own)) return own;
  if (!allowNested) return null;
  const nested = element.querySelector('[data-task-id]')?.getAttribute('data-task-id');
  if (nested && GID.test(nested)) return nested;
  for (const link of Array.from(element.querySelectorAll('a[href]'))) {
    const route = matchAsanaRoute(new URL(link.getAttribute('href') ?? '', 'https://app.asana.com/').href);
    if (route?.taskGid) return route.taskGid;
  }
  return null;
}

function readDue(dueElement: Element | null, today: string) {
  const textElement = dueElement ? (queryFirst(dueElement, S.dueText) ?? dueElement) : null;
  const dueText = textElement ? collapse(textElement.textContent).slice(0, 200) || null : null;
  const due = dueText ? resolveAsanaDueText(dueText, today) : null;
  return { dueElement: dueText ? dueElement : null, dueText, due, dueUnparsed: dueText !== null && due === null };
}

/** Completion from the checkbox's `aria-checked`, else the status icon's modifier class; null if neither. */
function readDone(root: Element): boolean | null {
  const box = queryFirst(root, S.completion);
  const checked = box?.getAttribute('aria-checked');
  if (checked === 'true' || checked === 'false') return checked === 'true';
  const icon = queryFirst(root, S.completionIcon);
  if (icon) return icon.matches('.TaskCompletionStatusIndicator--complete');
  return null;
}

/** The name an avatar carries in `title`/`aria-label`/`img[alt]`, if any (Asana's usually carry none). */
function avatarName(avatar: Element): string | null {
  for (const el of [avatar, ...Array.from(avatar.querySelectorAll('[title], [aria-label], img[alt]'))]) {
    const label = el.getAttribute('title') || el.getAttribute('aria-label') || el.getAttribute('alt');
    if (label && !/assignee popover|^avatar$/i.test(label)) return collapse(label);
  }
  return null;
}

/** Text of `element` minus the text of descendants matching `skip` (without cloning: big lists). */
function textWithout(element: Element, skip: SelectorList): string {
  let text = '';
  for (const node of Array.from(element.childNodes)) {
    if (node.nodeType === 3) text += node.textContent ?? '';
    else if (node.nodeType === 1 && !matchesAny(node as Element, skip)) text += ` ${textWithout(node as Element, skip)} `;
  }
  return text;
}

function sectionOf(element: Element, group: SelectorList, name: SelectorList): string | null {
  const container = closestFirst(element, group);
  return container ? textIn(container, name) : null;
}

/** What one item's reader returns; `project` only when the item itself names one (My Tasks pills). */
type ItemFields = Omit<DomAsanaTask, 'kind' | 'gid' | 'element' | 'project'> & { project?: string | null };

function readCard(card: Element, today: string): ItemFields {
  const avatar = queryFirst(card, S.boardCardAssignee);
  return {
    title: textIn(card, S.boardCardTitle) ?? '',
    section: sectionOf(card, S.boardColumn, S.boardColumnName),
    assigneeName: avatar ? avatarName(avatar) : null,
    assigneeElement: avatar,
    ...readDue(queryFirst(card, S.boardCardDue), today),
    done: readDone(card),
  };
}

function readRow(row: Element, today: string): ItemFields {
  const display = queryFirst(row, S.listAssignee);
  let name: string | null = null;
  if (display) {
    // The display shows avatar initials before the name: skip the avatar's text.
    name = collapse(textWithout(display, S.avatar)) || avatarName(display);
    if (name && /^(no assignee|unassigned)$/i.test(name)) name = null;
  }
  const hasPerson = name !== null || (display !== null && queryFirst(display, S.avatar) !== null);
  return {
    title: textIn(row, S.listTitle) ?? '',
    section: sectionOf(row, S.listSection, S.listSectionName),
    assigneeName: name,
    assigneeElement: hasPerson ? display : null,
    ...readDue(queryFirst(row, S.listDue), today),
    done: readDone(row),
  };
}

/** My Tasks rows are the viewer's own tasks: no assignee is shown (nor needed); the pill names the project. */
function readMyTasksRow(row: Element, today: string): ItemFields {
  return {
    title: textIn(row, S.myTasksTitle) ?? '',
    project: textIn(row, S.myTasksProject),
    section: sectionOf(row, S.listSection, S.listSectionName),
    assigneeName: null,
    assigneeElement: null,
    ...readDue(queryFirst(row, S.myTasksDue), today),
    done: readDone(row),
  };
}

function readPane(pane: Element, today: string): ItemFields {
  // Subtask rows inside the pane have their own checkboxes and dues: read the pane's fields without them.
  const own = pane.cloneNode(true) as Element;
  for (const sub of queryAllFirst(own, S.subtasks)) sub.remove();
  const token = queryFirst(pane, S.paneAssigneeToken);
  const name = textIn(pane, S.paneAssigneeName);
  const dueButton = queryFirst(pane, S.paneDue);
  const empty = dueButton !== null && (matchesAny(dueButton, S.paneDueEmpty) || /^no due date$/i.test(textOf(dueButton)));
  const done = queryFirst(own, S.paneDone) ? true : queryFirst(own, S.paneNotDone) ? false : readDone(own);
  return {
    title: textIn(pane, S.paneTitle) ?? '',
    section: null,
    project: textIn(pane, S.paneProject),
    assigneeName: name,
    assigneeElement: name ? (token ?? queryFirst(pane, S.paneAssigneeName)) : null,
    ...readDue(empty ? null : dueButton, today),
    done,
    progress: subtaskProgress(pane),
  };
}

/** Subtasks ticked off in the pane: the site's own measure of progress, for checkpoints. */
function subtaskProgress(pane: Element): number | null {
  const rows = queryAllFirst(pane, S.subtasks).flatMap((grid) => [...grid.querySelectorAll('[data-task-id]')]);
  if (rows.length === 0) return null;
  const ticked = rows.filter((row) => row.querySelector('[role="checkbox"][aria-checked="true"]') !== null).length;
  return ticked / rows.length;
}

function newMissing(): Record<AsanaReadField, number> {
  return { gid: 0, title: 0, due: 0, done: 0, item: 0 };
}

/**
 * Elements already read as one kind, so another kind's selector (a My Tasks row is also a
 * `.SpreadsheetRow`; pane subtasks) does not read them again. Lookups walk ancestors (O(depth)) rather
 * than comparing against every claimed element, which would be quadratic on 1,000-row lists.
 */
class Claims {
  private readonly claimed = new Set<Element>();
  private readonly holders = new Set<Element>(); // claimed elements and all their ancestors

  add(element: Element): void {
    this.claimed.add(element);
    for (let e: Element | null = element; e && !this.holders.has(e); e = e.parentElement) this.holders.add(e);
  }

  /** True when `element` is, is inside, or contains a claimed element. */
  overlaps(element: Element): boolean {
    if (this.holders.has(element)) return true;
    for (let e = element.parentElement; e; e = e.parentElement) if (this.claimed.has(e)) return true;
    return false;
  }
}

/** Reads every mounted card and row and the open pane. Never throws. */
export function readAsanaDom(root: ParentNode, opts: ReadOptions): AsanaDomRead {
  return readToEnd(asanaDomReader(root, opts));
}

/**
 * The same read, a slice of items at a time: `readSome` reads items (at least one) until `timeUp()` says so and
 * tells whether any are left; `onItem` is told of each card or row as it is read (the pane is read by `finish`);
 * `finish` reads the task pane and returns what `readAsanaDom` returns. A list of 1,000 rows read in one piece is
 * a long task on the page. Never throws (a throwing `onItem` counts as an unreadable item).
 */
export function asanaDomReader(
  root: ParentNode,
  opts: ReadOptions,
  onItem: (item: DomAsanaTask) => void = () => {},
): { readSome: Step; finish(): AsanaDomRead } {
  const missing = newMissing();
  const route = matchAsanaRoute(opts.pageUrl);
  let projectName: string | null = null;
  let pane: Element | null = null;
  const items: DomAsanaTask[] = [];
  let found = 0;
  const queue: [AsanaItemKind, Element, (el: Element, today: string) => ItemFields][] = [];
  try {
    projectName = textOf(queryFirst(root, S.projectName)) || null;
    pane = queryFirst(root, S.pane);
    const claims = new Claims();
    if (pane) claims.add(pane);
    for (const [kind, list, read] of [
      ['card', S.boardCard, readCard],
      ['my-tasks-row', S.myTasksRow, readMyTasksRow],
      ['row', S.listRow, readRow],
    ] as const) {
      const elements = queryAllFirst(root, list).filter((el) => !claims.overlaps(el));
      elements.forEach((el) => claims.add(el));
      for (const element of elements) if (!opts.only || opts.only(element)) queue.push([kind, element, read]);
    }
  } catch {
    missing.item++;
  }
  return {
    readSome: stepThrough(queue, ([kind, element, read]) => {
      found++;
      try {
        const gid = gidOf(element, kind !== 'card');
        if (!gid) {
          missing.gid++;
          return;
        }
        const fields = read(element, opts.today);
        const item: DomAsanaTask = { kind, gid, element, ...fields, project: fields.project !== undefined ? fields.project : projectName };
        items.push(item);
        onItem(item);
      } catch {
        missing.item++;
      }
    }),
    finish() {
      if (pane) {
        found++;
        try {
          const gid = gidOf(pane, false) ?? route?.taskGid ?? null;
          if (gid) {
            const fields = readPane(pane, opts.today);
            const front = items.find((i) => i.gid === gid);
            items.push({
              kind: 'pane',
              gid,
              element: pane,
              ...fields,
              title: fields.title || front?.title || '',
              section: front?.section ?? null,
              project: fields.project ?? front?.project ?? projectName,
              done: fields.done ?? front?.done ?? null,
            });
          } else missing.gid++;
        } catch {
          missing.item++;
        }
      }
      for (const item of items) {
        if (!item.title) missing.title++;
        if (item.dueUnparsed) missing.due++;
        if (item.done === null) missing.done++;
      }
      return { items, projectName, route: route?.kind ?? null, found, missing };
    },
  };
}
