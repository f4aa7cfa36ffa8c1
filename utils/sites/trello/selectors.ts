/**
 * Every Trello selector the reader uses, as ordered fallbacks: newest UI first, older after it.
 * Trello runs old and new UIs side by side during rollouts, so old entries stay until they are proven
 * dead. Sources are in /work/shared/research/sites.md §1 (S1..S6); "seen" dates are the dates of
 * the public code or tests that used the selector, not of a live check.
 */

import type { SelectorList } from '../query';

export { closestFirst, matchesAny, queryAllFirst, queryFirst, type SelectorList } from '../query';

export const TRELLO_SELECTORS = {
  /** One card on the board: the element the chip host goes into. */
  cardItem: [
    'li[data-testid="list-card"]', // new React UI, seen 2026-04 (S3, S5)
    'a.list-card', // legacy Backbone UI (pre-2023), fallback (S3, S6)
  ],
  /** The link that carries the card's title and `/c/<shortLink>/…` href. */
  cardNameLink: [
    'a[data-testid="card-name"]', // new React UI, seen 2026-03 (S2, S5)
    'a[href^="/c/"]', // any in-card link to a card, structural fallback, 2026-04
    'a[href*="trello.com/c/"]', // absolute card link, structural fallback, 2026-04
  ],
  /** Legacy title span; its hidden "#14" short-id child must be ignored. */
  cardTitle: [
    'a[data-testid="card-name"]', // new React UI, seen 2026-03 (S2, S5)
    '.list-card-title', // legacy Backbone UI (pre-2023), fallback (S3)
  ],
  /** Hidden "#14" number inside the legacy title. */
  legacyCardShortId: [
    '.card-short-id', // legacy Backbone UI (pre-2023) (S6)
  ],
  /** The list column around a card. Used with `closest()`. */
  listColumn: [
    '[data-testid="list"]', // new React UI, seen 2026-04 (S4, S5)
    '.js-list-content', // legacy Backbone UI (pre-2023), fallback (S3)
    '.list', // legacy Backbone UI (pre-2023), last resort
  ],
  listName: [
    '[data-testid="list-name"]', // new React UI, seen 2026-04 (S4, S5)
    '.list-header-name-assist', // legacy Backbone UI (pre-2023): read-only copy of the name
    '.list-header-name', // legacy Backbone UI (pre-2023): textarea, read .value
    '.js-list-name', // legacy Backbone UI (pre-2020), fallback
  ],
  /** Due badge on the card front. The new UI's test id encodes completion. */
  dueBadge: [
    '[data-testid="badge-due-date-not-completed"], [data-testid="badge-due-date-completed"]', // new React UI, seen 2026-04 (S4, S5)
    '.js-due-date-badge', // legacy Backbone UI (pre-2023), fallback (S6)
    '.due-date-badge', // legacy Backbone UI (pre-2023), fallback (research §1 table)
  ],
  dueBadgeCompleted: [
    '[data-testid="badge-due-date-completed"]', // new React UI, seen 2026-04 (S4)
    '.is-due-complete', // legacy Backbone UI (pre-2023): class on the badge
  ],
  /** Checklist badge on the card front, text like "2/5". */
  checklistBadge: [
    '[data-testid="checklist-badge"]', // new React UI, seen 2025-26 (S4)
    '.js-checkitems-badge', // legacy Backbone UI (pre-2023), fallback (S6)
  ],
  /** Where a chip goes on a card without a due badge: the badge row, else the card tile. */
  chipSlot: [
    '[data-testid="card-front-badges"]', // new React UI, seen 2026-04 (S3, S4)
    '[data-testid="trello-card"], [data-testid="mirror-card"]', // new React UI card tile, seen 2026-03 (S2, S4)
    '.js-badges', // legacy Backbone UI (pre-2023), fallback (S6)
    '.list-card-details', // legacy Backbone UI (pre-2023), fallback (S3)
  ],
  /** Card-front member avatars (assignees); the label is "Full Name (username)". */
  cardMembers: [
    'button[data-testid="card-front-member"]', // new React UI, seen 2026-04 (S4, S5)
    '[data-testid="card-front-member"]', // new React UI if the avatar stops being a button (our guess, 2026-11)
    '[data-testid="mirror-card-member"]', // new React UI mirror cards, seen 2025-2026 (S4)
    '.member[data-idmem]', // legacy Backbone UI (pre-2023), fallback (S3, S6)
  ],
  boardName: [
    'h1[data-testid="board-name-display"]', // new React UI, seen 2026-04 (S1, S2)
    '[data-testid="board-name-display"]', // new React UI if the heading level changes (our guess, 2026-11)
    '.board-header-btn-name .board-header-btn-text', // legacy Backbone UI (pre-2023), fallback
    '.board-header h1', // legacy Backbone UI (pre-2023), still in Clockify's list 2026-03 (S2)
  ],
  /** The open card ("card back"), a dialog over the board. */
  cardDialog: [
    '[role="dialog"][data-testid="card-back-name"]', // new React UI, seen 2026-04 (S1, S2, S5)
    '[data-testid="card-back-name"]', // new React UI if the role moves (our guess, 2026-11)
    '.card-detail-window', // legacy Backbone UI (pre-2023), fallback (S5)
  ],
  dialogTitle: [
    '[data-testid="card-back-title-input"]', // new React UI textarea (read .value), since 2026-03-10 (S1)
    '#card-back-name', // new React UI before 2026-03-10 (S1)
    '.window-title h2', // legacy Backbone UI (pre-2023), fallback (S5)
    '.window-title textarea', // legacy Backbone UI (pre-2023) edit mode
  ],
  dialogMembers: [
    '[data-testid="card-back-member-avatar"]', // new React UI, seen 2025-2026 (S4, S5)
    '.js-card-detail-members-list .member[data-idmem]', // legacy Backbone UI (pre-2023), fallback
    '.card-detail-item-members .member', // legacy Backbone UI (pre-2023), fallback
  ],
  dialogDue: [
    'button[data-testid="due-date-badge-with-date-range-picker"]', // new React UI, seen 2025 E2E suites
    '[data-testid="card-back-due-date-badge"]', // new React UI, seen 2025 E2E suites
    '.js-card-detail-due-date-badge', // legacy Backbone UI (pre-2023), low confidence
    '.card-detail-due-date-badge', // legacy Backbone UI (pre-2023), low confidence
  ],
  /** Legacy dialog header "in list <a>In progress</a>"; the new UI has no known test id for it. */
  dialogListName: [
    '.js-open-move-from-header', // legacy Backbone UI (pre-2023), low confidence
  ],
} as const satisfies Record<string, SelectorList>;

export type TrelloSelectorName = keyof typeof TRELLO_SELECTORS;
