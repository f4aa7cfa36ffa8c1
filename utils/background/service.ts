// Rejected messages and import errors are answered in words: zod's English messages (see the module).
import '../zod-messages';
import { applyBatch } from '../store/apply-batch';
import type { HistoryDb } from '../store/db';
import { linkIdentity, suggestLinks, unlinkIdentity } from '../store/links';
import { markCheckpoint, markTask, setClientDue, setDone, setExcluded, setStakes } from '../store/owner-edits';
import { trackManual } from '../store/manual';
import { deliveriesCsv, exportHistory } from '../export/export-history';
import { importHistory, parseImport } from '../export/import-history';
import {
  getAllContractors,
  getAllTasks,
  getContractorsByIdentity,
  getContractorTasks,
  getContractorWork,
  getEventsByTask,
  getTasks,
  sortEvents,
} from '../store/queries';
import type { ForecastPrior } from '../forecast';
import { localDateOf } from '../model/dates';
import { fitPrior, workingDaysBetween } from '../views/forecast-adapter';
import type { ContractorRecord, HistoryEvent, TaskRecord } from '../store/schema';
import { describeZodError, RequestSchema, type Request, type ResponseFor } from '../messages/protocol';
import type { TaskView, Views } from '../messages/views';
import type { DerivedDelivery } from '../history/deliveries';
import type { Settings } from '../settings';
import type { HealthReport } from '../health/report';
import { buildContractorView, buildTaskView, deliveriesOf, type ViewContext } from '../views/build-views';
import { createHistoryCache } from './history-cache';
import { createWriteQueue, PageLeft, type Sender } from './write-queue';
import { boardBatches } from './board-batches';
import { createBoardTracker } from './board-tracker';
import { BOARD_JSON_MAX_CHARS, createSiteJsonPieces } from './site-json-pieces';
import type { SiteJson, Snapshot } from '../sites/adapter';
import type { SiteId, TaskObservation } from '../model/observation';

export interface ServiceDeps {
  db: () => Promise<HistoryDb>;
  settings: () => Promise<Settings>;
  now: () => Date;
  /** Replaces the settings (an import carries them). */
  saveSettings: (settings: Settings) => Promise<void>;
  /** The owner's fitted prior, kept between wake-ups (refitted whenever the popup loads everything). */
  ownerPrior: { get(): Promise<ForecastPrior | null>; set(prior: ForecastPrior): Promise<void> };
  /** Keeps the popup's first screen for instant display next time. */
  saveFirstScreen?: (overview: { tasks: TaskView[]; contractors: unknown[] }) => Promise<void>;
  /** A fresh unique id (hand-tracked tasks). */
  newId: () => string;
  /** Called after every write, so open pages refresh. */
  onHistoryChanged: () => Promise<void> | void;
  /** The check of a site's JSON (its adapter's `checkSiteJson`), for sites whose pages send it unparsed. */
  siteJsonChecker?: (site: SiteId) => ((json: SiteJson) => Promise<Snapshot | null>) | undefined;
  /** Keeps the latest health report of a tab (session storage: gone when the browser closes). */
  saveHealth: (tabId: number, report: HealthReport) => Promise<void> | void;
  log?: (message: string) => void;
}

type AnyResponse = ResponseFor<Request['type']>;

/** Said when a page sends more site JSON for one board than the background keeps. */
const SITE_JSON_TOO_BIG = `The site's data for this page is over ${BOARD_JSON_MAX_CHARS / 1024 / 1024} MB, more than Leeway reads at once; the page's own cards are read instead.`;

/**
 * How many tasks of a board sent as site JSON go in one write (one transaction): small enough that a page's views
 * wait for one part at most, large enough that a 5,000-card board is ten writes.
 */
const BOARD_PART_SIZE = 500;

/** What the owner reads when the browser refuses to store more; every write is one transaction, so nothing was half-saved. */
export const STORAGE_FULL =
  'The browser’s storage for Leeway is full, so nothing was saved. Free some disk space (or export your history and erase it), then try again.';

/** IndexedDB reports a full disk as a QuotaExceededError, on the request or on the aborted transaction. */
function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, message } = error as { name?: unknown; message?: unknown };
  return name === 'QuotaExceededError' || (typeof message === 'string' && /quota/i.test(message));
}

/**
 * The background's message handler. Parses every request; anything malformed is answered with
 * `{ ok: false, error }` and logged, never thrown back at the sender.
 */
export function createHistoryService(deps: ServiceDeps) {
  const log = deps.log ?? ((m: string) => console.warn(`[Leeway] ${m}`));

  async function context(): Promise<ViewContext> {
    const [settings, prior] = await Promise.all([deps.settings(), deps.ownerPrior.get()]);
    return { now: deps.now(), settings, ...(prior ? { prior } : {}) };
  }

  const histories = createHistoryCache({
    tasksOf: async (contractor) => getContractorTasks(await deps.db(), contractor),
    eventsOf: async (keys) => getEventsByTask(await deps.db(), keys),
  });
  /** Every write path calls this (an observation names the tasks it touched; others may change anything). */
  async function historyChanged(touchedTasks?: readonly string[]): Promise<void> {
    histories.changed(touchedTasks);
    await deps.onHistoryChanged();
  }

  // The pages' observations, a batch at a time; what a page asks views of is written first (see the module).
  const observations = createWriteQueue(async (batch) => {
    const result = await applyBatch(await deps.db(), batch);
    if (result.touchedTasks.length > 0) await historyChanged(result.touchedTasks);
  });
  /** The site JSON the pages are sending, a piece at a time, until each board is all there. */
  const siteJsonPieces = createSiteJsonPieces();
  /** Boards sent as site JSON whose later parts wait in `observations`, by the id their page gave them. */
  const boardsOnTheirWay = createBoardTracker();

  async function views(db: HistoryDb, taskKeys: string[], identityKeys: string[]): Promise<Views> {
    const ctx = await context();
    const tasks = await getTasks(db, taskKeys);
    const eventsByTask = await getEventsByTask(db, tasks.map((t) => t.key));
    const byIdentity = await getContractorsByIdentity(db, [...new Set([...identityKeys, ...tasks.flatMap((t) => t.assignees)])]);
    const records = [...new Map([...byIdentity.values()].map((c) => [c.id, c])).values()];
    // Side by side: each is a round of reads of the store, and the first that misses the cache need not wait for another.
    const derived = await Promise.all(records.map((c) => histories.historyOf(c)));
    const historyByContractor = new Map(records.map((c, i) => [c.id, derived[i]!]));
    return {
      tasks: tasks.map((t) => buildTaskView(t, byIdentity, historyByContractor, ctx, eventsByTask.get(t.key))),
      contractors: identityKeys.flatMap((key) => {
        const record = byIdentity.get(key);
        return record ? [buildContractorView(record, historyByContractor.get(record.id) ?? [], ctx, key)] : [];
      }),
    };
  }

  /** Views of tasks just observed, and of the people they name. */
  function viewsOfObserved(db: HistoryDb, shown: readonly TaskObservation[]): Promise<Views> {
    const people = [...new Set(shown.flatMap((t) => t.assignees.map((a) => `${a.site}:${a.handle}`)))];
    return views(db, shown.map((t) => t.key), people);
  }

  /** A site's JSON, checked by its adapter; null when it does not check, or the site has no such adapter. */
  async function checkSiteJson(site: SiteId, json: SiteJson): Promise<Snapshot | null> {
    const check = deps.siteJsonChecker?.(site);
    return check ? check(json).catch(() => null) : null;
  }

  /**
   * A board whose JSON its page sent in pieces: put together, checked, and queued in parts, the cards on screen
   * first. Answered once those are written, with their views and the board's keys (see the `site-json` message).
   */
  async function takeSiteJson(db: HistoryDb, request: Extract<Request, { type: 'site-json' }>, page: Sender | undefined) {
    const json = siteJsonPieces.take(request.boardId, request.responses);
    if (json === 'too-big') return { ok: false as const, error: SITE_JSON_TOO_BIG };
    const noViews = { tasks: [], contractors: [] };
    if (json === 'incomplete') return { ok: true as const, board: null, views: noViews, incomplete: true as const };
    const snapshot = await checkSiteJson(request.site, json);
    if (!snapshot) return { ok: true as const, board: null, views: noViews };
    const { site, pageUrl, observedAt } = request;
    const { first, rest } = boardBatches(snapshot, new Set(request.viewsFor), BOARD_PART_SIZE, { site, pageUrl, observedAt });
    const board = { keys: snapshot.observations.map((o) => o.key).join('\n'), scope: snapshot.scope.join('\n') };
    const firstWritten = observations.add(first, page);
    boardsOnTheirWay.add(request.boardId, [firstWritten, ...rest.map((batch) => observations.add(batch, page))]);
    // The cards on screen go before whatever other parts wait (another tab's board, say).
    if (first.tasks.length > 0) void observations.bringForward(first.tasks.map((t) => t.key));
    await firstWritten;
    return { ok: true as const, board, views: await observations.holdWhile(viewsOfObserved(db, first.tasks)) };
  }

  async function overview(db: HistoryDb) {
    const base = await context();
    const [tasks, contractors, events] = await Promise.all([getAllTasks(db), getAllContractors(db), db.getAll('events')]);
    const { histories, eventsByTask } = historiesFromAll(tasks, contractors, events);
    // Everyone's history at hand: the moment to refit the owner's prior for every later view.
    const prior = fitPrior([...histories.values()], localDateOf(base.now.toISOString()), base.settings);
    await deps.ownerPrior.set(prior);
    const ctx = { ...base, prior };
    const byIdentity = new Map(contractors.flatMap((c) => c.identityKeys.map((k) => [k, c] as const)));
    return {
      tasks: tasks.map((t) => buildTaskView(t, byIdentity, histories, ctx, eventsByTask.get(t.key))),
      contractors: contractors.map((c) => buildContractorView(c, histories.get(c.id) ?? [], ctx)),
      linkSuggestions: suggestLinks(contractors),
    };
  }

  async function handle(raw: unknown, sender: { tabId?: number; documentId?: string } = {}): Promise<AnyResponse> {
    const page = sender.tabId !== undefined && sender.documentId !== undefined ? { tabId: sender.tabId, documentId: sender.documentId } : undefined;
    // Any message from a page's new document (a reload) drops what its previous document left waiting.
    if (page) observations.heardFrom(page);
    const parsed = RequestSchema.safeParse(raw);
    if (!parsed.success) {
      const error = `rejected message: ${describeZodError(parsed.error)}`;
      log(error);
      return { ok: false, error };
    }
    const request = parsed.data;
    try {
      if (request.type === 'page-left') {
        if (page) observations.left(page);
        return { ok: true };
      }
      if (request.type === 'site-json-piece') {
        // Kept at once, before anything awaits: the pieces of a board come one after another.
        if (siteJsonPieces.add(request.boardId, request.name, request.index, request.text)) return { ok: true };
        return { ok: false, error: SITE_JSON_TOO_BIG };
      }
      if (request.type === 'report-health') {
        if (sender.tabId !== undefined) await deps.saveHealth(sender.tabId, request.report);
        return { ok: true };
      }
      const db = await deps.db();
      switch (request.type) {
        case 'observe': {
          const written = observations.add(request.batch, page);
          // The cards on screen go before whatever other parts wait (another tab's board, say).
          if (request.viewsFor?.length) void observations.bringForward(request.viewsFor);
          await written;
          const wanted = request.viewsFor ? new Set(request.viewsFor) : null;
          const shown = wanted ? request.batch.tasks.filter((t) => wanted.has(t.key)) : request.batch.tasks;
          return { ok: true, views: await observations.holdWhile(viewsOfObserved(db, shown)) };
        }
        case 'site-json':
          return await takeSiteJson(db, request, page);
        case 'board-written':
          return { ok: true, outcome: await boardsOnTheirWay.outcome(request.boardId) };
        case 'get-views':
          await observations.bringForward(request.taskKeys);
          return { ok: true, views: await observations.holdWhile(views(db, request.taskKeys, request.contractorIds)) };
        case 'get-overview': {
          const result = await overview(db);
          await deps.saveFirstScreen?.(result);
          return { ok: true, overview: result };
        }
        case 'link-identity':
          await linkIdentity(db, request.into, request.identityKey, deps.now().toISOString());
          await historyChanged();
          return { ok: true };
        case 'unlink-identity':
          await unlinkIdentity(db, request.identityKey, deps.now().toISOString());
          await historyChanged();
          return { ok: true };
        case 'track-manual': {
          const taskKey = await trackManual(db, request.task, deps.now(), deps.newId());
          await historyChanged();
          return { ok: true, taskKey };
        }
        case 'set-done': {
          if (!request.taskKey.startsWith('manual:')) {
            return { ok: false, error: 'Tasks from a site are marked done on that site; Leeway follows it.' };
          }
          await setDone(db, request.taskKey, request.done, deps.now().toISOString());
          await historyChanged();
          return { ok: true };
        }
        case 'mark-checkpoint': {
          const found = await markCheckpoint(db, request.taskKey, request.date, request.status, deps.now().toISOString());
          if (!found) return { ok: false, error: `No task ${request.taskKey}` };
          await historyChanged();
          return { ok: true };
        }
        case 'set-stakes': {
          const found = await setStakes(db, request.taskKey, request.stakes, deps.now().toISOString());
          if (!found) return { ok: false, error: `No task ${request.taskKey}` };
          await historyChanged();
          return { ok: true };
        }
        case 'mark-task': {
          const found = await markTask(db, request.taskKey, request.mark === 'delivered' ? 'owner-delivered' : 'accepted', deps.now().toISOString());
          if (!found) return { ok: false, error: `No task ${request.taskKey}` };
          await historyChanged();
          return { ok: true };
        }
        case 'get-contractor': {
          const ctx = await context();
          const record = await db.get('contractors', request.contractorId);
          if (!record) return { ok: false, error: `No contractor ${request.contractorId}` };
          const work = await getContractorWork(db, record);
          const history = deliveriesOf(record, work);
          const titles = new Map(work.map((w) => [w.task.key, w.task]));
          const today = localDateOf(ctx.now.toISOString());
          return {
            ok: true,
            contractor: buildContractorView(record, history, ctx),
            deliveries: history
              .map((d) => {
                const task = titles.get(d.taskKey);
                const end = d.deliveredOn ?? (today > d.toldDue ? today : null);
                return {
                  taskKey: d.taskKey,
                  title: task?.title ?? d.taskKey,
                  site: task?.site ?? '',
                  url: task?.url ?? '',
                  assignedOn: d.assignedOn,
                  toldDue: d.toldDue,
                  deliveredOn: d.deliveredOn,
                  slipDays: end === null ? null : workingDaysBetween(d.toldDue, end, ctx.settings),
                  excludedReason: d.excluded ? (d.excludedReason ?? '') : null,
                  approximate: d.approximate,
                };
              })
              .sort((a, b) => (a.toldDue < b.toldDue ? 1 : -1)),
          };
        }
        case 'update-contractor': {
          const tx = db.transaction('contractors', 'readwrite');
          const record = await tx.store.get(request.contractorId);
          if (record) await tx.store.put({ ...record, notes: request.notes, referencesChecked: request.referencesChecked, rate: request.rate });
          await tx.done;
          if (!record) return { ok: false, error: `No contractor ${request.contractorId}` };
          await historyChanged();
          return { ok: true };
        }
        case 'set-excluded':
          await setExcluded(db, request.taskKey, request.excluded, request.reason, deps.now().toISOString());
          await historyChanged();
          return { ok: true };
        case 'export-history': {
          const now = deps.now();
          const file = await exportHistory(db, await deps.settings(), now);
          return { ok: true, json: JSON.stringify(file, null, 1), fileName: `leeway-history-${now.toISOString().slice(0, 10)}.json` };
        }
        case 'import-history': {
          const parsed = parseImport(request.text);
          if (!parsed.ok) return { ok: false, error: parsed.error };
          const summary = await importHistory(db, parsed.file);
          if (parsed.settings) await deps.saveSettings(parsed.settings);
          await historyChanged();
          return { ok: true, summary };
        }
        case 'export-deliveries-csv': {
          const csv = deliveriesCsv(await allDeliveries(db));
          return { ok: true, csv, fileName: `leeway-deliveries-${deps.now().toISOString().slice(0, 10)}.csv` };
        }
        case 'erase-history': {
          const tx = db.transaction(['contractors', 'tasks', 'events'], 'readwrite');
          await Promise.all([tx.objectStore('contractors').clear(), tx.objectStore('tasks').clear(), tx.objectStore('events').clear()]);
          await tx.done;
          await historyChanged();
          return { ok: true };
        }
        case 'set-client-due': {
          const task = await setClientDue(db, request.taskKey, request.clientDue, deps.now().toISOString());
          await historyChanged();
          const v = task ? await views(db, [task.key], []) : null;
          return { ok: true, task: v?.tasks[0] ?? null };
        }
      }
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      // Nobody is waiting for this answer: the page has gone (see `write-queue.ts`).
      if (error instanceof PageLeft) return { ok: false, error: message };
      log(`${request.type} failed: ${message}`);
      return { ok: false, error: isQuotaError(error) ? STORAGE_FULL : message };
    }
  }

  return {
    handle,
    /** Everything tracked, as the popup sees it (the alerts' recompute reads the same). */
    overview: async () => {
      const result = await overview(await deps.db());
      await deps.saveFirstScreen?.(result);
      return result;
    },
    db: deps.db,
  };
}

async function allDeliveries(db: HistoryDb) {
  const [tasks, contractors, events] = await Promise.all([getAllTasks(db), getAllContractors(db), db.getAll('events')]);
  const { histories } = historiesFromAll(tasks, contractors, events);
  const titles = new Map(tasks.map((t) => [t.key, t]));
  return contractors.flatMap((c) =>
    (histories.get(c.id) ?? []).map((d) => ({
      contractor: c.name,
      task: titles.get(d.taskKey)?.title ?? d.taskKey,
      site: titles.get(d.taskKey)?.site ?? '',
      assignedOn: d.assignedOn,
      toldDue: d.toldDue,
      deliveredOn: d.deliveredOn,
      approximate: d.approximate,
    })),
  );
}

function historiesFromAll(
  tasks: TaskRecord[],
  contractors: ContractorRecord[],
  events: HistoryEvent[],
): { histories: Map<string, DerivedDelivery[]>; eventsByTask: Map<string, HistoryEvent[]> } {
  const eventsByTask = new Map<string, HistoryEvent[]>();
  for (const e of sortEvents(events)) {
    const list = eventsByTask.get(e.taskKey);
    if (list) list.push(e);
    else eventsByTask.set(e.taskKey, [e]);
  }
  const workByIdentity = new Map<string, { task: TaskRecord; events: HistoryEvent[] }[]>();
  for (const task of tasks) {
    const work = { task, events: eventsByTask.get(task.key) ?? [] };
    for (const id of task.assignees) {
      const list = workByIdentity.get(id);
      if (list) list.push(work);
      else workByIdentity.set(id, [work]);
    }
  }
  const histories = new Map(
    contractors.map((c) => {
      const work = [...new Map(c.identityKeys.flatMap((k) => workByIdentity.get(k) ?? []).map((w) => [w.task.key, w])).values()];
      return [c.id, deliveriesOf(c, work)];
    }),
  );
  return { histories, eventsByTask };
}
