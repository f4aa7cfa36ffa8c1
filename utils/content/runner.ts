import { h } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ContractorBadge } from '@/components/ContractorBadge';
import { overlayCss } from '@/components/overlay-styles';
import { TaskChip } from '@/components/TaskChip';
import { todayLocal } from '../model/dates';
import { TaskObservationSchema, type ObservationBatch, type TaskObservation } from '../model/observation';
import { answerArrivedInThisTask, HAND_OVER_TASK_MS, handOver, sendToBackground } from '../messages/client';
import type { ContractorView, TaskView, Views } from '../messages/views';
import { prepareDateFormats } from '../overlay/format';
import { ensureHost, isLeewayNode, renderInto, setData } from '../overlay/host';
import { historyRevisionItem } from '../settings';
import type { HealthReport } from '../health/report';
import type { AdapterHealth, GradualRead, PageRead, PlacedPerson, PlacedTask, ReadContext, SiteAdapter, SiteRoute, Snapshot } from '../sites/adapter';
import { eachInSlices, readToEnd, runInSlices } from '../slices';
import { onScreenWithin, watchNearViewport } from './near-viewport';
import { provisionalView } from './provisional-view';
import { sendSnapshotInParts, type HandOverOutcome } from './snapshot-parts';

type FetchSiteJson = NonNullable<SiteAdapter['fetchSiteJson']>;

/** How long page mutations settle before Leeway re-reads the page. */
const SETTLE_MS = 80;
/**
 * How long DOM observations wait for the site's JSON before they are sent on their own. A request that fails
 * (logged out, 401/403, a login page) ends the wait at once; this only bounds a JSON that is slow to come. A
 * 5,000-card board's JSON takes several seconds to arrive and be checked: sending the page's 5,000 cards
 * meanwhile (with 3 s) doubled the background's work and delayed the zones of the cards the owner scrolled to.
 */
const SNAPSHOT_PATIENCE_MS = 10_000;
/** Tasks per batch when a board's off-screen tasks are sent (each batch is one transaction). */
const REST_BATCH = 500;
/** How long a burst of history changes settles before views are fetched again. */
const RELOAD_SETTLE_MS = 250;
/**
 * Observations and view requests that got no answer at all (the service worker was stopped or restarting)
 * are sent again after these delays: a lost batch would leave its tasks out of the history, and their chips
 * drawn from the page for good. Both are safe to repeat.
 */
const RETRY_DELAYS_MS = [300, 1000, 3000] as const;

/**
 * Boards up to this many cards are decorated whole (cards near the viewport first, the rest in idle time);
 * bigger ones only as their cards come near, so their cost stays that of what is shown.
 */
const DECORATE_ALL_UP_TO = 300;
/** Idle-time decoration: at least this much work per slice even on a page that is never idle, at most the idle period. */
const IDLE_SLICE_MIN_MS = 8;
const IDLE_SLICE_MAX_MS = 40;
/** How long a slice may wait for an idle period before it runs anyway. */
const IDLE_TIMEOUT_MS = 100;
/** Reading a big page: at most this long per task (a 1,000-card Trello board takes 50–100 ms to read). */
const READ_SLICE_MS = 15;
/** How long the first read of a page may spend finding the cards on screen (see `drawOnScreenFirst`). */
const ON_SCREEN_BUDGET_MS = 8;
/** How long the first read waits for the page to render a frame before it reads without favouring the screen. */
const FRAME_PATIENCE_MS = 200;
/** Drawing the cards queued to be drawn soon (margin cards, views that arrived): at most this long per task (see `drawSoon`). */
const DRAW_SLICE_MS = 30;
/** Cards that came onto the screen: drawn at once while the task has taken less than this (see `draw`). */
const ON_SCREEN_DRAW_MS = 30;
/**
 * Cards on screen whose views came in a reply: drawn in the reply's own task while it has taken less than this (a
 * screen of chips is 16–22 ms in a quiet tab); the rest in the next tasks.
 */
const REPLY_DRAW_MS = 20;
/** Cards whose read was let go are read again this many at a time when they are drawn (see `drawSlice`). */
const DRAW_BATCH = 20;

/** The lines of a text, none for an empty one. */
const lines = (text: string) => (text === '' ? [] : text.split('\n'));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs one site adapter on the current tab: reads the site's JSON when it can, the DOM for placement
 * (and as a fallback), sends observations to the background and keeps exactly one chip per task and one
 * badge per assignee avatar, whatever the host page re-renders.
 *
 * Cards near the screen are decorated first; on a board of up to DECORATE_ALL_UP_TO cards the rest follow in
 * idle time, on a bigger one only as they scroll near, and only views of decorated cards are kept: the cost
 * on a 5,000-card board is the cost of what is shown. A chip is drawn from the page's own due date at once
 * (`data-pending`) and upgraded when the background answers.
 */
export function runAdapter(ctx: ContentScriptContext, adapter: SiteAdapter): void {
  const tasks = new Map<string, TaskView>();
  const people = new Map<string, ContractorView>();
  /** Tasks and people that have been near the viewport: the only views asked for and kept fresh. */
  const wantedTasks = new Set<string>();
  const wantedPeople = new Set<string>();
  /**
   * The latest read of each card, by container: every card's on a board of up to DECORATE_ALL_UP_TO cards; on a
   * bigger one only those near the viewport or with a chip (and those the observer has yet to report on). A card's
   * read is about 0.6 KB (its observation, title, people): 3 MB on a 5,000-card board. The others are read again
   * when they come near (`placedOf`).
   */
  let placements = new Map<Element, PlacedTask>();
  /** False on a big board, whose cards away from the screen are not kept in `placements`. */
  let keepEveryRead = true;
  /** The latest whole read of the page: its health (reported again once the site's JSON has been tried). */
  let lastRead: { health: AdapterHealth; taskCount: number } | null = null;
  /** People shown outside any task (a profile, a proposal), from the latest read. */
  let standalone: PlacedPerson[] = [];
  /** Bumped by every read: idle-time decoration left over from an older read stops. */
  let generation = 0;
  /** Cards that have their chip (the rest wait to come near the viewport). */
  const decorated = new WeakSet<Element>();
  /** Last observation sent per task (DOM fallback), to send only what changed. */
  const sentSignatures = new Map<string, string>();
  /** What the last snapshot covered (its observations are not kept: on a big board they are megabytes). */
  let snapshotScope = new Set<string>();
  /** While the site's JSON is on its way, DOM observations wait for it (briefly) instead of racing it. */
  let pendingSnapshot: Promise<void> | null = null;
  let snapshotKeys = new Set<string>();
  let route: SiteRoute | null = null;
  /** Whether the site's JSON could be read for the current route. */
  let json: HealthReport['json'] = adapter.snapshot || adapter.fetchSiteJson ? 'unavailable' : 'none';
  let lastHealth = '';
  let pageUrl = location.href;
  let timer: number | undefined;
  let reloadTimer: number | undefined;
  let reloading = false;
  /** Boards being sent in parts (a route change may start another before the last is done). */
  let sendingParts = 0;
  /** The history changed while a reload could not start (one on its way, or parts being sent): one is owed. */
  let reloadOwed = false;

  const near = watchNearViewport((onScreen, around, away) => {
    const started = performance.now();
    // A card that has its chip keeps its read: the chip is redrawn when its view comes, wherever the card is then.
    if (!keepEveryRead) for (const element of away) if (!decorated.has(element)) placements.delete(element);
    // What the owner sees now, at once as long as this task stays short (see `draw`); the margin's cards (two to four
    // times as many on a board) are there so that chips are ready before they scroll in, and are drawn in slices: in
    // one go they took 60–75 ms.
    draw(placedOf(onScreen), { budgetMs: ON_SCREEN_DRAW_MS, since: started });
    drawSoon(around);
  });
  ctx.onInvalidated(() => near.disconnect());

  /** The reads of these cards; those whose read was let go are read again (only they, and only if still on the page). */
  function placedOf(containers: Iterable<Element>): PlacedTask[] {
    const all = [...containers];
    const unread = all.filter((element) => !placements.has(element) && element.isConnected);
    if (unread.length > 0 && adapter.readPageGradually) {
      const wanted = new Set(unread);
      const context = { today: todayLocal(), pageUrl, only: (element: Element) => wanted.has(element), containers: unread };
      for (const placed of readToEnd(adapter.readPageGradually(document, context)).tasks) {
        if (wanted.has(placed.container)) placements.set(placed.container, placed);
      }
    }
    return all.flatMap((element) => placements.get(element) ?? []);
  }

  /** Views asked for since the last request went out: one request per turn of the event loop, however many cards arrive. */
  const pendingViews = { tasks: new Set<string>(), people: new Set<string>(), timer: undefined as number | undefined };
  function requestViews(taskKeys: Iterable<string>, contractorIds: Iterable<string>): void {
    for (const key of taskKeys) pendingViews.tasks.add(key);
    for (const id of contractorIds) pendingViews.people.add(id);
    if (pendingViews.timer !== undefined || (pendingViews.tasks.size === 0 && pendingViews.people.size === 0)) return;
    pendingViews.timer = ctx.setTimeout(sendViewRequest, 0);
  }

  /**
   * Sends the views asked for so far. Called at once after the first chips of a page are drawn: the browser paints
   * the board before the next task (100–300 ms on a big board), and the background can work out the views meanwhile.
   */
  function sendViewRequest(): void {
    if (pendingViews.timer !== undefined) clearTimeout(pendingViews.timer);
    pendingViews.timer = undefined;
    if (ctx.isInvalid || (pendingViews.tasks.size === 0 && pendingViews.people.size === 0)) return;
    const taskKeys = [...pendingViews.tasks];
    const contractorIds = [...pendingViews.people];
    pendingViews.tasks.clear();
    pendingViews.people.clear();
    void sendToBackground({ type: 'get-views', taskKeys, contractorIds }, { retryDelaysMs: RETRY_DELAYS_MS }).then((reply) => {
      if (reply.ok) absorb(reply.views);
    });
  }

  /** Takes in fresh views and redraws the decorated cards (a render is skipped where nothing changed). */
  function absorb(views: Views): void {
    for (const t of views.tasks) tasks.set(t.key, t);
    for (const c of views.contractors) people.set(c.id, c);
    if (views.tasks.length === 0 && views.contractors.length === 0) return;
    // Every decorated card these views concern, near or not: a chip must not stay provisional, nor a badge
    // missing, because its card scrolled away before the view came. Cards they do not concern are left alone.
    const started = performance.now();
    const taskKeys = new Set(views.tasks.map((t) => t.key));
    const personIds = new Set(views.contractors.map((c) => c.id));
    const concerned = [...placements.values()].filter(
      (p) => decorated.has(p.container) && (taskKeys.has(p.key) || p.people.some((person) => personIds.has(person.contractorId))),
    );
    // Those on screen in this task, as far as the budget goes: in a task of their own they waited for the browser
    // to paint a frame first, 100–300 ms on a big board that has just come in. The others follow in slices.
    const onScreen: PlacedTask[] = [];
    const elsewhere: Element[] = [];
    for (const placed of concerned) {
      if (near.wasOnScreen(placed.container)) onScreen.push(placed);
      else elsewhere.push(placed.container);
    }
    // The reply's task began when it arrived: its check counts (cold, 21 ms of a first-visit task of 45–56 ms).
    draw(onScreen, { budgetMs: REPLY_DRAW_MS, since: answerArrivedInThisTask() ?? started });
    drawSoon(elsewhere);
    for (const person of standalone) if (personIds.has(person.contractorId)) badge(person, person.element.parentElement ?? document.body);
  }

  const schedule = () => {
    if (timer !== undefined) return;
    // While the page has shown no task yet (trello.com puts its board in after the document has loaded), it is read
    // from the next task: the owner is waiting for its cards, and there is nothing to redo yet. (Those on screen
    // are drawn before that, in the observer's callback, unless it could not: see `drawOnArrival`.)
    const nothingShownYet = lastRead !== null && lastRead.taskCount === 0;
    timer = ctx.setTimeout(
      () => {
        timer = undefined;
        void refresh();
      },
      nothingShownYet ? 0 : SETTLE_MS,
    );
  };

  /** An observation of these tasks, asking views for only those on screen (the others are asked for as they come near). */
  function observeRequest(observations: TaskObservation[], facts: Snapshot['facts'], keys: string[]) {
    const batch: ObservationBatch = { site: adapter.site, pageUrl, observedAt: new Date().toISOString(), tasks: observations, facts };
    return { type: 'observe', batch, viewsFor: keys.filter((key) => wantedTasks.has(key)) } as const;
  }

  async function observe(observations: TaskObservation[], facts: Snapshot['facts'] = []): Promise<void> {
    const keys = observations.map((o) => o.key);
    const reply = await sendToBackground(observeRequest(observations, facts, keys), { retryDelaysMs: RETRY_DELAYS_MS });
    answered(keys, reply);
  }

  /**
   * A later part of a board, let go of once sent (see `sendSnapshotInParts`). Not async: the callback keeps the
   * part's keys, not the part.
   */
  function handOverPart(observations: TaskObservation[], facts: Snapshot['facts']): Promise<HandOverOutcome> {
    const keys = observations.map((o) => o.key);
    return handOver(observeRequest(observations, facts, keys)).then((reply) => {
      answered(keys, reply);
      return reply.ok ? 'written' : 'unanswered' in reply ? 'unanswered' : 'refused';
    });
  }

  function answered(keys: string[], reply: { ok: true; views: Views } | { ok: false }): void {
    if (reply.ok) absorb(reply.views);
    askForMissingViews(keys);
  }

  /**
   * Cards that came near while their batch was on its way were new to the background then, and so may be the
   * people shown (a freelancer's name on a contract page is asked for before the contract's milestones are stored).
   */
  function askForMissingViews(keys: string[]): void {
    requestViews(
      keys.filter((key) => wantedTasks.has(key) && !tasks.has(key)),
      [...wantedPeople].filter((id) => !people.has(id)),
    );
  }

  async function loadSnapshot(next: SiteRoute): Promise<void> {
    if (snapshotScope.has(next.id)) return;
    if (adapter.fetchSiteJson) return loadSiteJson(next, adapter.fetchSiteJson.bind(adapter));
    const readSnapshot = adapter.snapshot;
    if (!readSnapshot) return;
    const fresh = await readSnapshot(next).catch(() => null);
    json = fresh ? 'ok' : 'unavailable';
    if (!fresh || ctx.isInvalid) return;
    snapshotScope = new Set(fresh.scope);
    snapshotKeys = new Set(fresh.observations.map((o) => o.key));
    sendingParts++;
    const parts = sendSnapshotInParts(fresh, {
      partSize: REST_BATCH,
      isWanted: (key) => wantedTasks.has(key),
      send: (observations, facts) => observe(observations, facts),
      handOver: handOverPart,
      readAgain: () => readSnapshot(next),
      retryDelaysMs: RETRY_DELAYS_MS,
      stopped: () => ctx.isInvalid,
    });
    void parts.rest
      .catch(() => {})
      .finally(() => {
        sendingParts--;
        reloadIfOwed();
      });
    await parts.first;
  }

  /**
   * The site's JSON for a route, passed to the background as it downloads (`streamSiteJson`); the background checks
   * it and writes it in parts, the cards on screen first, and the page keeps only the keys it lists. Resolves once
   * the cards on screen are written; the rest is waited for like a board sent in parts. A board the background lost
   * (the service worker was stopped midway) is fetched and sent again after each of RETRY_DELAYS_MS; writing it
   * twice adds nothing.
   */
  function loadSiteJson(next: SiteRoute, fetchSiteJson: FetchSiteJson): Promise<void> {
    let firstAnswered = () => {};
    const first = new Promise<void>((resolve) => (firstAnswered = resolve));
    sendingParts++;
    void (async () => {
      for (let attempt = 0; ; attempt++) {
        const outcome = await sendSiteJson(next, fetchSiteJson, attempt, firstAnswered);
        const delay = RETRY_DELAYS_MS[attempt];
        if (outcome !== 'lost' || delay === undefined || ctx.isInvalid) return;
        await sleep(delay);
      }
    })()
      .catch(() => {})
      .finally(() => {
        firstAnswered();
        sendingParts--;
        reloadIfOwed();
      });
    return first;
  }

  /**
   * One attempt of `loadSiteJson`: `lost` when the background lost the board on its way (pieces missing, or the
   * worker stopped before it answered or with parts waiting), so that it is sent again.
   */
  async function sendSiteJson(next: SiteRoute, fetchSiteJson: FetchSiteJson, attempt: number, firstAnswered: () => void) {
    const boardId = crypto.randomUUID();
    const reply = await streamSiteJson(next, fetchSiteJson, boardId);
    if (reply && ('unanswered' in reply || (reply.ok && reply.incomplete === true))) return 'lost';
    // A retry that could not fetch the JSON keeps what the attempt before it found.
    if (attempt === 0 || reply?.ok) json = reply?.ok && reply.board ? 'ok' : 'unavailable';
    if (!reply?.ok || !reply.board) return 'done';
    // The chips on screen are redrawn in the reply's own task (see `absorb`), the board's keys taken in the next: on
    // a 5,000-card board, splitting them into sets took 17 ms beside a 25 ms redraw.
    const { board } = reply;
    absorb(reply.views);
    await sleep(0);
    const keys = lines(board.keys);
    snapshotScope = new Set(lines(board.scope));
    snapshotKeys = new Set(keys);
    askForMissingViews(keys);
    firstAnswered();
    if (ctx.isInvalid) return 'done';
    const written = await handOver({ type: 'board-written', boardId });
    return 'unanswered' in written || (written.ok && written.outcome === 'unknown') ? 'lost' : 'done';
  }

  /**
   * Streams the site's JSON to the background as it downloads, a few pieces a task (see HAND_OVER_TASK_MS: a
   * 5,000-card board's 4.8 MB in one message made a 53–69 ms task), and
   * then asks the background to check and write it. The page holds no more of the text than the piece it is
   * sending. Null: the page could not fetch it.
   */
  async function streamSiteJson(next: SiteRoute, fetchSiteJson: FetchSiteJson, boardId: string) {
    const pieces = new Map<string, number>();
    let sliceStarted = performance.now();
    const complete = await fetchSiteJson(next, async (name, text) => {
      const index = pieces.get(name) ?? 0;
      pieces.set(name, index + 1);
      void handOver({ type: 'site-json-piece', boardId, name, index, text });
      if (performance.now() - sliceStarted >= HAND_OVER_TASK_MS) {
        await sleep(0);
        sliceStarted = performance.now();
      }
    }).catch(() => null);
    if (!complete || ctx.isInvalid) return null;
    return handOver({
      type: 'site-json',
      site: adapter.site,
      pageUrl,
      observedAt: new Date().toISOString(),
      boardId,
      responses: Object.fromEntries(complete.map((name) => [name, pieces.get(name) ?? 0])),
      viewsFor: [...wantedTasks],
    });
  }

  /** A read spread over several tasks is under way; one asked for meanwhile follows it (see `refresh`). */
  let reading = false;
  let readAgain = false;
  /**
   * Set by a route change: the next read draws the cards on screen before reading the rest. So does a read that
   * follows one that found nothing: on trello.com the board arrives after the document, from the page's own script.
   */
  let onScreenFirst = false;

  /**
   * Reads the page (a slice at a time where the adapter can), then places chips on the cards near the viewport
   * and watches the others. A read asked for while one is under way waits for it rather than restarting it:
   * a page that never stops changing must not keep Leeway from ever finishing a read.
   */
  async function refresh(): Promise<void> {
    if (ctx.isInvalid || !route) return;
    if (reading) {
      readAgain = true;
      return;
    }
    const context = { today: todayLocal(), pageUrl };
    if (!adapter.readPageGradually) {
      took(adapter.readPage(document, context));
      return;
    }
    reading = true;
    let gradual: GradualRead | null = null;
    try {
      const nothingShownYet = lastRead !== null && lastRead.taskCount === 0;
      if ((onScreenFirst || nothingShownYet) && !drawnOnArrival) {
        onScreenFirst = false;
        await drawOnScreenFirst(adapter.readPageGradually, context);
      }
      // The page as it is now, after the glimpse's tasks (it may have changed meanwhile).
      gradual = adapter.readPageGradually(document, context);
      await runInSlices(gradual.readSome, { budgetMs: READ_SLICE_MS, stopped: () => ctx.isInvalid });
    } finally {
      // A reader that throws ends the read, rather than leaving Leeway reading forever.
      reading = false;
    }
    if (ctx.isInvalid) return;
    took(gradual.finish());
    if (readAgain) {
      readAgain = false;
      schedule();
    }
  }

  /**
   * The cards on screen, read in one task and drawn in the next, before the page is read whole: on a 1,000-card
   * board the whole read is five slices with the page's frames in between (130–200 ms), and the owner looks at
   * the screen, not the board. The whole read follows and takes them in again (their chips are not redrawn: same
   * view).
   */
  async function drawOnScreenFirst(readGradually: NonNullable<SiteAdapter['readPageGradually']>, context: ReadContext): Promise<void> {
    // Boxes are read once the page has painted: read before its first layout, they force that layout in this task
    // (1.8 s on a 5,000-card board, parsed just before this script runs). Once it has painted (a 1,000-card board
    // usually has by now), the layout is at most slightly stale (0–7 ms to bring up to date here), and waiting for
    // one more frame would put the chips behind its paint (so would yielding at all: the page may render a
    // 100–300 ms frame in between). A tab that renders no frames (hidden) has no screen.
    const painted = performance.getEntriesByType('paint').length > 0;
    if (!painted && !(await afterNextFrame(FRAME_PATIENCE_MS))) return;
    if (ctx.isInvalid) return;
    const onScreen = readOnScreen(readGradually, context);
    await sleep(0);
    drawFirstChips(onScreen);
  }

  /** Reads the cards on screen, from their boxes (see `onScreenWithin`), and keeps and watches them. */
  function readOnScreen(readGradually: NonNullable<SiteAdapter['readPageGradually']>, context: ReadContext): PlacedTask[] {
    const glimpse = readToEnd(readGradually(document, { ...context, only: onScreenWithin(ON_SCREEN_BUDGET_MS) }));
    for (const placed of glimpse.tasks) {
      placements.set(placed.container, placed);
      near.watch(placed.container);
    }
    return glimpse.tasks;
  }

  /** A page's first chips, and their views asked for in the same task (see `sendViewRequest`). */
  function drawFirstChips(onScreen: PlacedTask[]): void {
    draw(onScreen);
    sendViewRequest();
  }

  /**
   * The first cards of a page that had shown none (trello.com's board, put in by its own script after the document
   * has loaded): the ones on screen are read and drawn in the page's own task, from the observer's callback, so
   * the frame that first paints the board paints their chips with it. Read in a task of their own they came
   * 300–350 ms later on a 1,000-card board: the browser renders that frame first (style, layout and paint of the
   * whole board) and only then runs the next task. Reading their boxes brings the layout up to date here, which
   * that frame would otherwise do; it then has only the chips to add. Once per page shown: later changes settle
   * as usual (see `schedule`).
   */
  let drawnOnArrival = false;
  function drawOnArrival(): void {
    const readGradually = adapter.readPageGradually;
    if (drawnOnArrival || reading || !readGradually || !route || lastRead === null || lastRead.taskCount > 0) return;
    // A tab that renders no frames has no screen.
    if (document.visibilityState !== 'visible') return;
    const onScreen = readOnScreen(readGradually, { today: todayLocal(), pageUrl });
    if (onScreen.length === 0) return;
    drawnOnArrival = true;
    onScreenFirst = false;
    drawFirstChips(onScreen);
  }

  /** Takes in a read of the page: chips for the cards near the viewport, the rest watched. */
  function took(read: PageRead): void {
    lastRead = { health: read.health, taskCount: read.tasks.length };
    drawnOnArrival = false;
    // Reading cards again as they come near needs a reader that can read only some.
    keepEveryRead = read.tasks.length <= DECORATE_ALL_UP_TO || !adapter.readPageGradually;
    placements = new Map();
    near.prune();
    const nearNow: PlacedTask[] = [];
    for (const placed of read.tasks) {
      const reportedSoon = near.watch(placed.container);
      const isNear = near.isNear(placed.container);
      if (isNear) nearNow.push(placed);
      if (keepEveryRead || isNear || reportedSoon || decorated.has(placed.container)) placements.set(placed.container, placed);
    }
    draw(nearNow);
    const mine = ++generation;
    if (read.tasks.length <= DECORATE_ALL_UP_TO) decorateWhenIdle(read.tasks.filter((p) => !near.isNear(p.container)), mine);
    standalone = read.people ?? [];
    for (const person of standalone) wantedPeople.add(person.contractorId);
    requestViews([], standalone.map((p) => p.contractorId).filter((id) => !people.has(id)));
    for (const person of standalone) badge(person, person.element.parentElement ?? document.body);
    void reportHealth(read.health);
    sendDomFallback(read);
  }

  /** Decorates cards a slice at a time in idle periods, so a board's first paint is never one long task. */
  function decorateWhenIdle(queue: PlacedTask[], mine: number): void {
    let next = 0;
    const slice = (deadline?: IdleDeadline) => {
      if (ctx.isInvalid || mine !== generation) return;
      const budget = Math.min(IDLE_SLICE_MAX_MS, Math.max(IDLE_SLICE_MIN_MS, deadline?.timeRemaining() ?? 0));
      const until = performance.now() + budget;
      // decorateAll asks for missing views; its requests are gathered into one per slice.
      while (next < queue.length && performance.now() < until) decorateAll([queue[next++]!]);
      if (next < queue.length) idle(slice);
    };
    if (queue.length > 0) idle(slice);
  }

  /**
   * The site's JSON is the truth for the tasks it covers; the DOM only fills the gaps (once the JSON had its chance).
   * While the JSON is on its way only the cards' keys are kept, not their reads (megabytes on a big board); the
   * cards it turns out not to cover are read again. (Two functions that wait, each given only what it needs: a
   * closure over `read` would keep the whole read alive while the JSON is awaited.)
   */
  function sendDomFallback(read: PageRead): void {
    const readGradually = adapter.readPageGradually;
    if (pendingSnapshot && readGradually) {
      const keyOf = new Map(read.tasks.map((placed) => [placed.container, placed.key]));
      void sendUncoveredOnceKnown(pendingSnapshot, keyOf, readGradually);
    } else {
      void sendUncoveredAfter(pendingSnapshot, read.tasks);
    }
  }

  async function sendUncoveredAfter(snapshot: Promise<void> | null, placed: PlacedTask[]): Promise<void> {
    if (snapshot) await Promise.race([snapshot, sleep(SNAPSHOT_PATIENCE_MS)]);
    if (!ctx.isInvalid) await sendUncovered(placed);
  }

  async function sendUncoveredOnceKnown(
    snapshot: Promise<void>,
    keyOf: Map<Element, string>,
    readGradually: NonNullable<SiteAdapter['readPageGradually']>,
  ): Promise<void> {
    await Promise.race([snapshot, sleep(SNAPSHOT_PATIENCE_MS)]);
    const uncovered = new Set<Element>();
    for (const [container, key] of keyOf) if (!snapshotKeys.has(key) && container.isConnected) uncovered.add(container);
    keyOf.clear();
    if (ctx.isInvalid || uncovered.size === 0) return;
    const containers = [...uncovered];
    const again = readGradually(document, { today: todayLocal(), pageUrl, only: (element) => uncovered.has(element), containers });
    await runInSlices(again.readSome, { budgetMs: READ_SLICE_MS, stopped: () => ctx.isInvalid });
    if (!ctx.isInvalid) await sendUncovered(again.finish().tasks);
  }

  /** Observations of the cards the site's JSON does not cover that changed since last sent, checked and sent. */
  async function sendUncovered(placed: PlacedTask[]): Promise<void> {
    const fallback: TaskObservation[] = [];
    for (const { key, observation } of placed) {
      if (snapshotKeys.has(key)) continue;
      const signature = JSON.stringify(observation);
      if (sentSignatures.get(key) === signature) continue;
      sentSignatures.set(key, signature);
      fallback.push(observation);
    }
    if (fallback.length === 0) return;
    const valid = await validInSlices(fallback);
    if (ctx.isInvalid || valid.length === 0) return;
    await observe(valid);
  }

  async function reportHealth(health: AdapterHealth): Promise<void> {
    const report: HealthReport = {
      site: adapter.site,
      pageUrl,
      route: health.route,
      expectsTasks: health.expectsTasks ?? false,
      tasksFound: health.tasksFound,
      missing: health.missing,
      json,
      jsonTasks: json === 'ok' ? snapshotKeys.size : null,
      at: new Date().toISOString(),
    };
    const signature = JSON.stringify({ ...report, at: null });
    if (signature === lastHealth) return;
    lastHealth = signature;
    await sendToBackground({ type: 'report-health', report });
  }

  /** Decorates cards (DOM writes only: no layout is read in between) and asks for the views they lack. */
  function decorateAll(placed: PlacedTask[]): void {
    if (ctx.isInvalid || placed.length === 0) return;
    for (const p of want(placed)) decorate(p);
  }

  /**
   * Marks cards as shown (their views are asked for at once) and returns those still on the page. Marking
   * happens before drawing: what is wanted decides what the background is asked for and sent first.
   */
  function want(placed: PlacedTask[]): PlacedTask[] {
    const missingTasks: string[] = [];
    const missingPeople: string[] = [];
    const connected = placed.filter((p) => p.container.isConnected);
    for (const p of connected) {
      wantedTasks.add(p.key);
      if (!tasks.has(p.key)) missingTasks.push(p.key);
      for (const person of p.people) {
        wantedPeople.add(person.contractorId);
        if (!people.has(person.contractorId)) missingPeople.push(person.contractorId);
      }
    }
    requestViews(missingTasks, missingPeople);
    return connected;
  }

  /** Cards whose chip is to be drawn or redrawn soon, in order (the queue keeps each card once, at its first place). */
  const drawQueue = new Set<Element>();
  let drawTimer: number | undefined;

  /**
   * Draws cards in this task: those on screen. Spreading them over tasks let the browser paint the board between
   * slices (100–300 ms a frame on a big board), so the owner waited several frames for one screen of chips. With a
   * budget (cards that came onto the screen: in a quiet tab a screen of about 50 chips takes 16–22 ms, on a loaded
   * machine 53–60 ms, a long task), the cards left once the task has run that long are the first drawn in the next.
   * The rest (cards in the margin around the screen, views arriving in a reply) go to `drawSoon`. Drawing a card
   * takes it out of that queue.
   */
  function draw(placed: PlacedTask[], { budgetMs = Number.POSITIVE_INFINITY, since = performance.now() } = {}): void {
    if (ctx.isInvalid || placed.length === 0) return;
    const late: Element[] = [];
    for (const shown of want(placed)) {
      if (late.length > 0 || performance.now() - since > budgetMs) {
        late.push(shown.container);
        continue;
      }
      drawQueue.delete(shown.container);
      decorate(shown);
    }
    drawSoon(late, 'first');
  }

  /**
   * Queues cards to be drawn in slices of at most DRAW_SLICE_MS from the next task (a reply's own task has just
   * parsed its views), each from its latest read (taken, or read again, then).
   */
  function drawSoon(containers: Element[], where: 'first' | 'last' = 'last'): void {
    if (ctx.isInvalid || containers.length === 0) return;
    if (where === 'first') {
      const queued = [...drawQueue];
      drawQueue.clear();
      for (const container of [...containers, ...queued]) drawQueue.add(container);
    } else {
      for (const container of containers) drawQueue.add(container);
    }
    if (drawTimer === undefined) drawTimer = ctx.setTimeout(() => drawSlice(DRAW_SLICE_MS), 0);
  }

  function drawSlice(budgetMs: number): void {
    drawTimer = undefined;
    if (ctx.isInvalid) return;
    const until = performance.now() + budgetMs;
    for (const container of drawQueue) {
      if (performance.now() >= until) break;
      // A card whose read was let go is read again together with the next few queued like it (see `placedOf`).
      if (!placements.has(container)) placedOf(unreadAmong(drawQueue, DRAW_BATCH));
      drawQueue.delete(container);
      const placed = placements.get(container);
      if (placed) for (const shown of want([placed])) decorate(shown);
    }
    if (drawQueue.size > 0) drawTimer = ctx.setTimeout(() => drawSlice(DRAW_SLICE_MS), 0);
  }

  /** Those among the first `count` of these cards whose read was let go. */
  function unreadAmong(containers: Iterable<Element>, count: number): Element[] {
    const unread: Element[] = [];
    let seen = 0;
    for (const container of containers) {
      if (seen++ === count) break;
      if (!placements.has(container)) unread.push(container);
    }
    return unread;
  }

  function decorate(placed: PlacedTask): void {
    const known = tasks.get(placed.key);
    const view = known ?? provisionalView(placed.observation);
    const host = ensureHost({
      container: placed.container,
      kind: 'task',
      keyAttribute: 'data-task-key',
      key: placed.key,
      anchor: placed.anchor,
      slot: placed.slot,
      existing: ownHosts(placed.container, 'task'),
      css: overlayCss,
    });
    setData(host, {
      'data-zone': view.zone,
      'data-told-due': view.toldDue,
      'data-client-due': view.clientDue,
      'data-suggested-told': view.suggestedTold,
      // The chip shows the page's own due until the background has answered for the task.
      'data-pending': known ? null : 'true',
    });
    decorated.add(placed.container);
    const signature = known ? JSON.stringify(view) : `pending:${JSON.stringify(placed.observation)}`;
    renderInto(host, signature, h(TaskChip, { view, pending: !known, onSetClientDue: (d) => setClientDue(view.key, d) }));
    const badgeHosts = ownHosts(placed.container, 'contractor');
    for (const person of placed.people) badge(person, placed.container);
    // Badges whose avatar is gone (member removed, avatar re-rendered elsewhere) go too.
    for (const stale of badgeHosts) {
      const avatar = stale.previousElementSibling;
      if (!avatar || !placed.people.some((p) => p.element === avatar)) stale.remove();
    }
  }

  /** One badge right after a person's avatar or name, when Leeway knows them. */
  function badge(person: PlacedPerson, fallbackContainer: Element): void {
    const view = people.get(person.contractorId);
    if (!view) return;
    const next = person.element.nextElementSibling;
    const existing = next && next.getAttribute('data-leeway') === 'contractor' ? [next] : [];
    const host = ensureHost({
      container: person.element.parentElement ?? fallbackContainer,
      kind: 'contractor',
      keyAttribute: 'data-contractor',
      key: person.contractorId,
      anchor: person.element,
      existing,
      css: overlayCss,
    });
    setData(host, { 'data-grade': view.grade, 'data-n': String(view.n) });
    renderInto(host, JSON.stringify(view), h(ContractorBadge, { view }));
  }

  async function setClientDue(taskKey: string, clientDue: string | null): Promise<string | null> {
    const reply = await sendToBackground({ type: 'set-client-due', taskKey, clientDue });
    if (!reply.ok) return `Could not save: ${reply.error}`;
    if (reply.task) absorb({ tasks: [reply.task], contractors: [] });
    return null;
  }

  /**
   * The history changed (popup, another tab, this page's own batches): fresh views once the burst settles. While
   * this page is still sending its board in parts, after the last one: each part changes the history again, and a
   * reload between parts had the background derive the people's histories beside the writes (5,000 cards: four
   * reloads of 0.9–5.3 s during a 12 s drain). Each part's answer brings the views of the cards on screen it holds.
   */
  function reloadViewsSoon(): void {
    if (sendingParts > 0 || reloading) {
      reloadOwed = true;
      return;
    }
    if (reloadTimer !== undefined) return;
    reloadTimer = ctx.setTimeout(() => {
      reloadTimer = undefined;
      void reloadViews();
    }, RELOAD_SETTLE_MS);
  }

  /**
   * Fetches fresh views for everything that has been shown (the only views this page holds). One at a time: a
   * board's first visit changes the history with every part it sends, and a reload for each one, all in flight
   * at once, had the background derive every contractor's history again for each (5,000 cards: ten reloads of
   * 5–13 s each, side by side with the writes). Changes that come while one is on its way ask for one more after it.
   */
  async function reloadViews(): Promise<void> {
    if (reloading) {
      reloadOwed = true;
      return;
    }
    reloading = true;
    try {
      const reply = await sendToBackground(
        { type: 'get-views', taskKeys: [...wantedTasks], contractorIds: [...wantedPeople] },
        { retryDelaysMs: RETRY_DELAYS_MS },
      );
      if (reply.ok) absorb(reply.views);
    } finally {
      reloading = false;
      reloadIfOwed();
    }
  }

  function reloadIfOwed(): void {
    if (!reloadOwed || sendingParts > 0 || reloading) return;
    reloadOwed = false;
    reloadViewsSoon();
  }

  function onRoute(url: string): void {
    pageUrl = url;
    route = adapter.route(url);
    if (!route) return;
    const next = route;
    let askForJson = () => {};
    const asked = new Promise<void>((resolve) => (askForJson = resolve));
    const loading = asked
      .then(() => loadSnapshot(next))
      .finally(() => {
        if (pendingSnapshot === loading) pendingSnapshot = null;
        // The health report now knows whether the JSON could be read; an adapter that places more with
        // the JSON (Asana resolves initials-only avatars to people) reads the page again.
        if (adapter.readsSnapshot) schedule();
        else if (lastRead) void reportHealth(lastRead.health);
      });
    pendingSnapshot = loading;
    onScreenFirst = true;
    // Read now, without waiting for the site's JSON: the cards already on the page get their chips from the page.
    // The cards on screen are read in this task and drawn in the next; each slice of the whole read runs in a task
    // of its own.
    void refresh();
    // The site's JSON is asked for in a task after the one that draws the cards on screen (this timer is set after
    // that task's): starting its requests took 2–26 ms, which made this task long when it came first.
    ctx.setTimeout(askForJson, 0);
  }

  const observer = new MutationObserver((records) => {
    // Leeway's own inserts would otherwise re-trigger a read in a loop.
    const relevant = records.some(
      (r) => [...r.addedNodes].some((n) => !isLeewayNode(n)) || [...r.removedNodes].some((n) => !isLeewayNode(n)),
    );
    if (!relevant) return;
    try {
      drawOnArrival();
    } catch {
      // A reader that throws here leaves these cards to the read that follows.
    }
    schedule();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());

  ctx.addEventListener(window, 'wxt:locationchange', (event) => onRoute(event.newUrl.href));
  // Parts of the board still waiting in the background when the owner reloads or leaves are dropped there: the next
  // page reads its site afresh (see `write-queue.ts`). Said here, it is known before the next page loads.
  ctx.addEventListener(window, 'pagehide', (event) => {
    if (!event.persisted && sendingParts > 0) void handOver({ type: 'page-left' });
  });
  const unwatch = historyRevisionItem.watch(() => reloadViewsSoon());
  ctx.onInvalidated(unwatch);

  // Three tasks from here to the first chips, none of them long: this one (the settings' answer) makes the chips'
  // date formats, unless the background's date kit stands in for them (the first `Intl.DateTimeFormat` of a page
  // costs 15–47 ms, see `date-kit.ts`); the next reads the cards on screen; the one after draws them (and then the
  // site's JSON is asked for, see `onRoute`). Every task boundary before the chips is a chance for the page to render
  // a frame first, 100–300 ms on a big board, so there are no more than that.
  prepareDateFormats();
  ctx.setTimeout(() => onRoute(location.href), 0);
}

/**
 * Resolves true in the task after the browser's next rendered frame, when the layout is up to date; false if no
 * frame comes within `patienceMs` (a hidden tab renders none).
 */
function afterNextFrame(patienceMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const giveUp = setTimeout(() => resolve(false), patienceMs);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(giveUp);
        resolve(true);
      }, 0),
    );
  });
}

/** requestIdleCallback where there is one (with a deadline so a busy page still gets its chips), else a timeout. */
function idle(callback: (deadline?: IdleDeadline) => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(callback, 16);
}

/**
 * Observations checked against the contract a slice at a time: one bad card must not sink the batch, and a
 * thousand checks in one piece would be a long task on the page.
 */
async function validInSlices(observations: TaskObservation[]): Promise<TaskObservation[]> {
  const valid: TaskObservation[] = [];
  await eachInSlices(observations, (o) => {
    if (TaskObservationSchema.safeParse(o).success) valid.push(o);
  });
  return valid;
}

/** Leeway hosts of one kind that belong to this container itself, not to an item nested in it. */
function ownHosts(container: Element, kind: 'task' | 'contractor'): Element[] {
  return [...container.querySelectorAll(`[data-leeway="${kind}"]`)];
}
