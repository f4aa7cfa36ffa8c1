/**
 * Reads Trello cards from the DOM (any Document or Element; no globals, no window). The DOM is used to
 * place chips and as a fallback when the JSON endpoints are unavailable; due maths should prefer JSON.
 * Every card is read inside its own try/catch: one mangled card must not hide the rest.
 */
import type { PersonRef, TaskObservation } from '@/utils/model/observation';
import { parseDueText } from '@/utils/sites/dates/parse-due-text';
import { readToEnd, stepThrough, type Step } from '@/utils/slices';
import { matchTrelloRoute } from './routes';
import {
  TRELLO_SELECTORS as S,
  closestFirst,
  matchesAny,
  queryAllFirst,
  queryFirst,
} from './selectors';

export interface DomMember {
  fullName: string;
  username: string;
  /** The avatar element; a badge goes after it. */
  element: Element;
}

interface DomTaskFields {
  shortLink: string;
  title: string;
  list: string | null;
  members: DomMember[];
  /** The due badge text as shown, whitespace-collapsed. */
  dueText: string | null;
  /** `YYYY-MM-DD`: the due (end) date of a range. */
  due: string | null;
  /** `YYYY-MM-DD`: the start of a range, when the badge shows one. */
  start: string | null;
  /** The badge shows text we could not parse ("due ?"). */
  dueUnparsed: boolean;
  done: boolean;
  /** Checklist items done / all, from the card's checklist badge; null without one. */
  progress?: number | null;
}

export interface DomCard extends DomTaskFields {
  /** The card's list item (legacy: the `a.list-card`); the chip host goes inside it. */
  element: Element;
  /** The due badge; the chip goes after it. Null when the card shows no due. */
  dueBadge: Element | null;
}

export interface DomDialog extends DomTaskFields {
  /** The open card dialog. */
  element: Element;
  /** The dialog's due badge/button, if any. */
  dueBadge: Element | null;
}

/** Fields a reader could fail to read, counted per card in `health.missing`. */
export type ReadField = 'shortLink' | 'title' | 'list' | 'due' | 'members' | 'card';

export interface BoardReadHealth {
  route: string | null;
  /** Card elements found on the page (windowed boards mount only some; never count cards from the DOM). */
  cardsFound: number;
  /** Field → number of cards where it could not be read. `card` counts cards that threw while reading. */
  missing: Record<ReadField, number>;
}

export interface BoardRead {
  cards: DomCard[];
  dialog: DomDialog | null;
  boardName: string | null;
  health: BoardReadHealth;
}

export interface ReadOptions {
  /** `YYYY-MM-DD`, anchors year inference for year-less badges. */
  today: string;
  pageUrl: string;
  /** Only the card fronts this accepts are read (the dialog always is). */
  only?: (element: Element) => boolean;
  /** The card fronts to read, when known (see `ReadContext.containers`): the page is not searched for them. */
  containers?: readonly Element[];
}

const collapse = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Visible text of an element; form fields (the new dialog title, legacy list names) hold it in `.value`. */
function textOf(element: Element | null): string {
  if (!element) return '';
  const value = (element as Partial<HTMLTextAreaElement>).value;
  if (typeof value === 'string' && /^(TEXTAREA|INPUT)$/i.test(element.tagName)) return collapse(value);
  return collapse(element.textContent);
}

/** `/c/AbC123xy/14-slug` (relative or absolute) → `AbC123xy`. */
/** A relative card link with nothing the URL parser would rewrite (no backslash, space, dot segment or non-ASCII). */
const PLAIN_CARD_HREF = /^\/c\/([A-Za-z0-9]{8})(?:\/\d+(?:-[A-Za-z0-9_~%-]*)?)?\/?(?:[?#][^\\\s]*)?$/;

export function shortLinkFromHref(href: string | null): string | null {
  if (!href) return null;
  // Card fronts link as "/c/<shortLink>/<n>-<slug>": read those directly. Parsing a URL per card twice (here
  // and in the route matcher) was a tenth of reading a 1,000-card board. Anything else (absolute, odd
  // characters the URL parser would rewrite) goes the long way.
  const plain = PLAIN_CARD_HREF.exec(href);
  if (plain) return plain[1]!;
  try {
    const match = matchTrelloRoute(new URL(href, 'https://trello.com/').href);
    return match?.kind === 'card' ? match.shortLink : null;
  } catch {
    return null;
  }
}

/**
 * "Full Name (username)" → parts. The username is the *last* parenthesised group, so names that
 * contain parentheses themselves ("María (MJ) Núñez (mjnunez)") keep them.
 */
export function parseMemberLabel(label: string): { fullName: string; username: string } | null {
  const match = /^(.*?)\s*\(([A-Za-z0-9_.-]{1,100})\)\s*$/s.exec(collapse(label));
  if (!match) return null;
  const fullName = collapse(match[1]);
  return { fullName: fullName || match[2]!, username: match[2]! };
}

/** The member label can sit on the avatar itself or on its inner image/initials (legacy `img[title]`). */
function memberLabelOf(element: Element): string | null {
  for (const attr of ['aria-label', 'title']) {
    const value = element.getAttribute(attr);
    if (value) return value;
  }
  const inner = element.querySelector('[aria-label], [title], img[alt]');
  if (!inner) return null;
  return inner.getAttribute('aria-label') || inner.getAttribute('title') || inner.getAttribute('alt');
}

function readMembers(root: ParentNode, list: readonly string[]): { members: DomMember[]; unreadable: boolean } {
  const members: DomMember[] = [];
  const seen = new Set<string>();
  let unreadable = false;
  for (const element of queryAllFirst(root, list)) {
    const parsed = parseMemberLabel(memberLabelOf(element) ?? '');
    if (!parsed) {
      unreadable = true;
      continue;
    }
    if (seen.has(parsed.username)) continue;
    seen.add(parsed.username);
    members.push({ ...parsed, element });
  }
  return { members, unreadable };
}

function readDue(badge: Element | null, today: string) {
  const dueText = badge ? collapse(badge.textContent) || null : null;
  const parsed = dueText ? parseDueText(dueText, today) : null;
  return {
    dueText,
    due: parsed?.due ?? null,
    start: parsed?.start ?? null,
    dueUnparsed: dueText !== null && parsed === null,
  };
}

function readListName(card: Element): string | null {
  const column = closestFirst(card, S.listColumn);
  return column ? textOf(queryFirst(column, S.listName)) || null : null;
}

function readCardTitle(card: Element, link: Element | null): string {
  if (link && matchesAny(link, ['a[data-testid="card-name"]'])) return textOf(link);
  const legacy = matchesAny(card, S.cardTitle) ? card : queryFirst(card, S.cardTitle);
  if (legacy) {
    // The legacy title holds a hidden "#14" before the name.
    const copy = legacy.cloneNode(true) as Element;
    for (const hidden of queryAllFirst(copy, S.legacyCardShortId)) hidden.remove();
    return textOf(copy);
  }
  return textOf(link);
}

function newMissing(): Record<ReadField, number> {
  return { shortLink: 0, title: 0, list: 0, due: 0, members: 0, card: 0 };
}

/** Reads one card front; null (with `missing` updated) when it has no usable shortLink. */
function readCard(card: Element, today: string, missing: Record<ReadField, number>): DomCard | null {
  // Legacy cards are themselves the link.
  const link = matchesAny(card, ['a[href]']) ? card : queryFirst(card, S.cardNameLink);
  const shortLink = shortLinkFromHref(link?.getAttribute('href') ?? null);
  if (!shortLink) {
    missing.shortLink++;
    return null;
  }
  const title = readCardTitle(card, link);
  if (!title) missing.title++;
  const list = readListName(card);
  if (list === null) missing.list++;
  const dueBadge = queryFirst(card, S.dueBadge);
  const due = readDue(dueBadge, today);
  if (due.dueUnparsed) missing.due++;
  const { members, unreadable } = readMembers(card, S.cardMembers);
  if (unreadable) missing.members++;
  const done = dueBadge !== null && matchesAny(dueBadge, S.dueBadgeCompleted);
  return { shortLink, element: card, dueBadge, title, list, members, ...due, done, progress: readChecklist(card) };
}

/** "2/5" on the checklist badge → 0.4; anything else → null. */
function readChecklist(card: Element): number | null {
  const match = /(\d+)\s*\/\s*(\d+)/.exec(queryFirst(card, S.checklistBadge)?.textContent ?? '');
  if (!match) return null;
  const total = Number(match[2]);
  return total > 0 ? Math.min(1, Number(match[1]) / total) : null;
}

function readDialog(
  root: ParentNode,
  opts: ReadOptions,
  cards: DomCard[],
  missing: Record<ReadField, number>,
): DomDialog | null {
  const element = queryFirst(root, S.cardDialog);
  if (!element) return null;
  // The dialog has no link to itself: a /c/ URL names the open card.
  const route = matchTrelloRoute(opts.pageUrl);
  if (route?.kind !== 'card') {
    missing.shortLink++;
    return null;
  }
  const shortLink = route.shortLink;
  const front = cards.find((c) => c.shortLink === shortLink) ?? null;
  const title = textOf(queryFirst(element, S.dialogTitle)) || front?.title || '';
  if (!title) missing.title++;
  const list = textOf(queryFirst(element, S.dialogListName)) || front?.list || null;
  if (list === null) missing.list++;
  const dueBadge = queryFirst(element, S.dialogDue);
  const due = readDue(dueBadge, opts.today);
  if (due.dueUnparsed) missing.due++;
  const { members, unreadable } = readMembers(element, S.dialogMembers);
  if (unreadable) missing.members++;
  // No known test id shows completion inside the new dialog; the card front (same page) does.
  const done = front?.done ?? (dueBadge !== null && matchesAny(dueBadge, ['.is-due-complete']));
  return { shortLink, element, dueBadge, title, list, members, ...due, done };
}

export function readBoardName(root: ParentNode): string | null {
  try {
    return textOf(queryFirst(root, S.boardName)) || null;
  } catch {
    return null;
  }
}

/** Reads every mounted card front and the open card dialog. Never throws. */
export function readBoard(root: ParentNode, opts: ReadOptions): BoardRead {
  return readToEnd(boardReader(root, opts));
}

/**
 * The same read, a slice of cards at a time: `readSome` reads cards (at least one) until `timeUp()` says so and
 * tells whether any are left; `onCard` is told of each card as it is read; `finish` reads the dialog and returns
 * what `readBoard` returns. Reading a 1,000-card board in one piece takes 50–100 ms, a long task on the page.
 * Never throws (a throwing `onCard` counts as an unreadable card).
 */
export function boardReader(
  root: ParentNode,
  opts: ReadOptions,
  onCard: (card: DomCard) => void = () => {},
): { boardName: string | null; readSome: Step; finish(): BoardRead } {
  const missing = newMissing();
  // Given the containers, the dialog is read only when it is one of them: looking for it (three selectors that
  // match nothing on a board without one) goes through the whole page.
  const given = opts.containers?.filter((element) => element.isConnected);
  const readsDialog = !given || given.some((element) => matchesAny(element, S.cardDialog));
  let elements: Element[] = [];
  try {
    elements = given ? given.filter((element) => !matchesAny(element, S.cardDialog)) : queryAllFirst(root, S.cardItem);
    if (opts.only) elements = elements.filter(opts.only);
  } catch {
    elements = [];
  }
  const boardName = readBoardName(root);
  const cards: DomCard[] = [];
  return {
    boardName,
    readSome: stepThrough(elements, (element) => {
      try {
        const card = readCard(element, opts.today, missing);
        if (!card) return;
        cards.push(card);
        onCard(card);
      } catch {
        missing.card++;
      }
    }),
    finish() {
      let dialog: DomDialog | null = null;
      try {
        if (readsDialog) dialog = readDialog(root, opts, cards, missing);
      } catch {
        missing.card++;
      }
      const route = matchTrelloRoute(opts.pageUrl)?.kind ?? null;
      return { cards, dialog, boardName, health: { route, cardsFound: elements.length, missing } };
    },
  };
}

const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

function toObservation(task: DomTaskFields, boardName: string | null): TaskObservation | null {
  const assignees: PersonRef[] = task.members.slice(0, 100).map((m) => ({
    site: 'trello',
    handle: clip(m.username, 200),
    displayName: clip(m.fullName, 500),
  }));
  const candidate: TaskObservation = {
    key: `trello:${task.shortLink}`,
    site: 'trello',
    nativeId: task.shortLink,
    title: clip(task.title, 5000),
    url: `https://trello.com/c/${task.shortLink}`,
    board: boardName === null ? null : clip(boardName, 1000),
    list: task.list === null ? null : clip(task.list, 1000),
    assignees,
    due: task.due,
    dueText: task.dueText === null ? null : clip(task.dueText, 200),
    dueUnparsed: task.dueUnparsed,
    done: task.done,
    ...(task.progress !== undefined && task.progress !== null ? { progress: task.progress } : {}),
    source: 'dom',
  };
  // Validated once, when sent (utils/content/runner.ts): a page re-read after every re-render must stay cheap.
  return candidate;
}

/**
 * One observation per card. A card shown twice (e.g. a mirror of a card on the same board) is
 * reported once; the open dialog, which shows more (full members, time of day), wins over its front.
 */
export function toObservations(
  cards: readonly DomCard[],
  dialog: DomDialog | null,
  opts: { pageUrl: string; boardName: string | null },
): TaskObservation[] {
  const byKey = new Map<string, DomTaskFields>();
  for (const card of cards) if (!byKey.has(card.shortLink)) byKey.set(card.shortLink, card);
  if (dialog) {
    const front = byKey.get(dialog.shortLink);
    byKey.set(dialog.shortLink, {
      ...dialog,
      list: dialog.list ?? front?.list ?? null,
      members: dialog.members.length > 0 ? dialog.members : (front?.members ?? []),
      dueText: dialog.dueText ?? front?.dueText ?? null,
      due: dialog.dueText !== null ? dialog.due : (front?.due ?? null),
      start: dialog.dueText !== null ? dialog.start : (front?.start ?? null),
      dueUnparsed: dialog.dueText !== null ? dialog.dueUnparsed : (front?.dueUnparsed ?? false),
    });
  }
  const out: TaskObservation[] = [];
  for (const task of byKey.values()) {
    const observation = toObservation(task, opts.boardName);
    if (observation) out.push(observation);
  }
  return out;
}
