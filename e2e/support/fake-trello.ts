/**
 * Serves a fixture board for the real https://trello.com origin, so the extension's real `matches` apply:
 * board and card pages (new or legacy UI) and the `/1/…` JSON, which can be made to fail like a logged-out
 * session would. A small in-page script plays Trello's SPA part: clicking a card pushes `/c/…` and opens
 * the dialog; closing it pushes the board URL back.
 */
import type { BrowserContext, Route } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
  badgeDate,
  renderBoardJson,
  renderLegacyPage,
  renderNewUiPage,
  type FixtureBoard,
} from '../../test/fixtures/trello/generate-board';

export type JsonMode = 'ok' | 'unauthorized' | 'login-page' | 'garbage';

export interface FakeTrello {
  board: FixtureBoard;
  json: JsonMode;
  ui: 'new' | 'legacy';
  /** Number of `/1/…` requests answered, to check what the extension asked for. */
  apiRequests: string[];
  /** Rewrites served pages, to play a Trello redesign. */
  mangle?: (html: string) => string;
  /**
   * `server`: the board is in the HTML (the worst case for an extension injected once the document is parsed).
   * `app`: as trello.com does it, the page's own script puts the board in after the document has loaded (here after
   * APP_RENDER_DELAY_MS, standing in for the app fetching its data), in one piece, as a framework's commit would.
   */
  render: 'server' | 'app';
  /** How long each `/1/…` request waits before it is answered (a slow API: the page is read before its JSON is in). */
  jsonDelayMs: number;
  /** Holds a `/1/…` request until what it returns settles (a test stops the service worker meanwhile). */
  hold?: (path: string) => Promise<void> | undefined;
  /** The board the `/1/…` JSON describes, when it is not the page's (a page showing some of a board's cards). */
  jsonBoard?: FixtureBoard;
}

/** How long after DOMContentLoaded the `app` rendering puts the board in. */
export const APP_RENDER_DELAY_MS = 300;

const SKIN = readFileSync(new URL('./trello-skin.css', import.meta.url), 'utf8');

const LOGIN_PAGE = '<!DOCTYPE html><html><head><title>Log in to Trello</title></head><body><form>Log in</form></body></html>';

export async function serveTrello(
  context: BrowserContext,
  board: FixtureBoard,
  options: Partial<Pick<FakeTrello, 'json' | 'ui' | 'mangle' | 'render' | 'jsonDelayMs' | 'hold' | 'jsonBoard'>> = {},
): Promise<FakeTrello> {
  const fake: FakeTrello = {
    board,
    json: options.json ?? 'ok',
    ui: options.ui ?? 'new',
    apiRequests: [],
    mangle: options.mangle,
    render: options.render ?? 'server',
    jsonDelayMs: options.jsonDelayMs ?? 0,
    hold: options.hold,
    jsonBoard: options.jsonBoard,
  };
  await context.route('https://trello.com/**', (route) => answer(route, fake));
  return fake;
}

async function answer(route: Route, fake: FakeTrello): Promise<void> {
  const url = new URL(route.request().url());
  const path = url.pathname;
  if (path.startsWith('/1/')) return answerApi(route, fake, path);
  const board = fake.board;
  const card = /^\/c\/([A-Za-z0-9]{8})/.exec(path)?.[1];
  if (/^\/b\/[A-Za-z0-9]{8}/.test(path) || card) {
    const dialog = card ? board.cards.find((c) => c.shortLink === card) : undefined;
    const page =
      fake.ui === 'legacy'
        ? renderLegacyPage(board)
        : renderNewUiPage(board, dialog ? { shortLink: dialog.shortLink, dueText: dialogDueText(board, dialog.shortLink) } : undefined);
    const body = withSpaShim(fake.render === 'app' ? renderedByApp(page) : page, fake);
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body: fake.mangle ? fake.mangle(body) : body });
  }
  return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
}

async function answerApi(route: Route, fake: FakeTrello, path: string): Promise<void> {
  fake.apiRequests.push(path);
  if (fake.jsonDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, fake.jsonDelayMs));
  await fake.hold?.(path);
  if (fake.json === 'unauthorized') return route.fulfill({ status: 401, contentType: 'text/plain', body: 'unauthorized permission requested' });
  if (fake.json === 'login-page') return route.fulfill({ status: 200, contentType: 'text/html', body: LOGIN_PAGE });
  if (fake.json === 'garbage') return route.fulfill({ status: 200, contentType: 'application/json', body: '{"cards": [oops' });
  const board = fake.jsonBoard ?? fake.board;
  const json = boardJson(board);
  const boardIds = [board.id, board.shortLink];
  const [, , kind, id, sub] = path.split('/');
  let body: unknown = null;
  if (kind === 'boards' && id && boardIds.includes(id)) {
    body = sub === undefined ? json.board : sub === 'cards' ? json.cards : sub === 'lists' ? json.lists : sub === 'actions' ? json.actions : null;
  } else if (kind === 'cards' && id && sub === undefined) {
    const card = (json.cards as { shortLink: string }[]).find((c) => c.shortLink === id);
    body = card ? { ...card, board: json.board } : null;
  }
  if (body === null) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'The requested resource was not found.' });
  return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
}

/** The board's JSON, made once per board (a server has it at hand; remaking it per request cost the bench 100s of ms). */
const jsonCache = new WeakMap<FixtureBoard, ReturnType<typeof renderBoardJson>>();
function boardJson(board: FixtureBoard): ReturnType<typeof renderBoardJson> {
  let json = jsonCache.get(board);
  if (!json) jsonCache.set(board, (json = renderBoardJson(board)));
  return json;
}

/** The page with its body put in by the page's own script after load (see `FakeTrello.render`). */
function renderedByApp(page: string): string {
  const bodyStart = page.indexOf('>', page.indexOf('<body')) + 1;
  const bodyEnd = page.lastIndexOf('</body>');
  const app = `<template id="fake-trello-app">${page.slice(bodyStart, bodyEnd)}</template><script>
addEventListener('DOMContentLoaded', () => setTimeout(() => {
  const app = document.getElementById('fake-trello-app');
  document.body.prepend(app.content.cloneNode(true));
  app.remove();
}, ${APP_RENDER_DELAY_MS}));
</script>`;
  return page.slice(0, bodyStart) + app + page.slice(bodyEnd);
}

function dialogDueText(board: FixtureBoard, shortLink: string): string | null {
  const card = board.cards.find((c) => c.shortLink === shortLink);
  if (!card?.due) return card?.dueTextOverride ?? null;
  return `${badgeDate(card.due, board.today)}, 12:00 PM`;
}

/** The in-page SPA: card links open the dialog with pushState; "Close dialog" goes back to the board. */
function withSpaShim(page: string, fake: FakeTrello): string {
  const board = fake.board;
  const cards = Object.fromEntries(
    board.cards.map((c) => [
      c.shortLink,
      {
        name: c.name,
        list: board.lists.find((l) => l.id === c.idList)?.name ?? '',
        members: c.members.map((m) => ({ label: `${m.fullName} (${m.username})`, initials: m.initials })),
        dueText: dialogDueText(board, c.shortLink),
      },
    ]),
  );
  const boardPath = `/b/${board.shortLink}/${board.slug}`;
  const script = `<script>(() => {
  const cards = ${JSON.stringify(cards).replace(/</g, '\\u003c')};
  const boardPath = ${JSON.stringify(boardPath)};
  const el = (tag, attrs = {}, text) => { const e = document.createElement(tag); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v); if (text !== undefined) e.textContent = text; return e; };
  function openDialog(shortLink) {
    closeDialog();
    const card = cards[shortLink]; if (!card) return;
    const overlay = el('div', { 'data-testid': 'card-back-overlay' });
    const dialog = el('div', { role: 'dialog', 'aria-modal': 'true', 'data-testid': 'card-back-name' });
    const header = el('header');
    header.append(el('div', {}, 'in list ' + card.list), el('textarea', { 'data-testid': 'card-back-title-input', 'aria-label': 'Card title' }, card.name));
    const close = el('button', { type: 'button', 'aria-label': 'Close dialog' }, '×');
    close.addEventListener('click', () => { closeDialog(); history.pushState({}, '', boardPath); });
    header.append(close);
    const main = el('main');
    const members = el('section', { 'data-testid': 'card-back-members' });
    for (const m of card.members) members.append(el('button', { type: 'button', 'data-testid': 'card-back-member-avatar', 'aria-label': m.label, title: m.label }, m.initials));
    main.append(members);
    if (card.dueText) { const b = el('button', { type: 'button', 'data-testid': 'due-date-badge-with-date-range-picker' }); b.append(el('span', {}, card.dueText)); main.append(b); }
    dialog.append(header, main); overlay.append(dialog);
    document.getElementById('content').append(overlay);
  }
  function closeDialog() { document.querySelector('[data-testid="card-back-overlay"]')?.remove(); }
  document.addEventListener('click', (event) => {
    const link = event.target.closest && event.target.closest('a[data-testid="card-name"], a.list-card');
    if (!link) return;
    event.preventDefault();
    const shortLink = /\\/c\\/([A-Za-z0-9]{8})/.exec(link.getAttribute('href'))?.[1];
    history.pushState({}, '', link.getAttribute('href'));
    openDialog(shortLink);
  });
})();</script>`;
  return page.replace('</head>', `<style>${SKIN}</style></head>`).replace('</body>', `${script}</body>`);
}
