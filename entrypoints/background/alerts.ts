/**
 * Early warning, wired to the browser: the recompute alarm, the toolbar badge, notifications and their
 * buttons. The service worker may stop at any moment, so everything that must outlive it is kept outside it:
 * zones in the event log (IndexedDB), de-dup keys, snoozes and the digest day in extension storage, the
 * schedule in `browser.alarms`. The only module state is the queue that keeps one recompute at a time.
 */
import { storage } from '#imports';
import { browser } from 'wxt/browser';
import { badgeFor, type Badge } from '@/utils/alerts/badge';
import {
  decideAlerts,
  DIGEST,
  DIGEST_ID,
  EMPTY_STATE,
  SUMMARY_ID,
  isOpen,
  snooze,
  taskOfNotice,
  watchedTasks,
  type AlertState,
  type Notice,
} from '@/utils/alerts/decide';
import type { TaskView } from '@/utils/messages/views';
import { todayLocal } from '@/utils/model/dates';
import { historyRevisionItem, settingsItem, type Settings } from '@/utils/settings';
import type { HistoryDb } from '@/utils/store/db';
import { recordZones } from '@/utils/store/zones';

export const RECOMPUTE_ALARM = 'leeway-recompute';
/** The longest rest between two recomputes (see `recompute`). */
const MAX_REST_MS = 10_000;
/** How long the history must stay unchanged before a change is answered, and the longest wait (`recomputeWhenQuiet`). */
const HISTORY_QUIET_MS = 300;
const HISTORY_MAX_WAIT_MS = 30_000;
export const RECOMPUTE_MINUTES = 30;

export const alertStateItem = storage.defineItem<AlertState>('local:alerts', { fallback: EMPTY_STATE });

export interface AlertDeps {
  /** Every task as the popup sees it (service.overview). */
  overview: () => Promise<{ tasks: TaskView[] }>;
  db: () => Promise<HistoryDb>;
  settings: () => Promise<Settings>;
  now: () => Date;
  log?: (message: string) => void;
  /** Overrides `HISTORY_QUIET_MS` and `HISTORY_MAX_WAIT_MS` (tests). */
  historyQuietMs?: number;
  historyMaxWaitMs?: number;
}

const BUTTONS = [{ title: 'Open the task' }, { title: 'Snooze a day' }];
const SUMMARY_BUTTONS = [{ title: 'Open Leeway' }];

// Firefox MV2 has browserAction; Chrome MV3 has action.
const action = () => browser.action ?? browser.browserAction;

export function createAlerts(deps: AlertDeps) {
  const log = deps.log ?? ((m: string) => console.warn(`[Leeway alerts] ${m}`));

  // One run at a time (a revision bump can arrive while the alarm's run is busy); a run asked for while
  // one is waiting joins it rather than queueing another.
  let tail: Promise<unknown> = Promise.resolve();
  let waiting: Promise<void> | null = null;
  let lastRunEndedAt = 0;
  let lastRunMs = 0;
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  }

  async function loadState(): Promise<AlertState> {
    const raw = await alertStateItem.getValue();
    return raw && raw.version === 1 && typeof raw.sent === 'object' && typeof raw.snoozes === 'object' ? raw : EMPTY_STATE;
  }

  async function recomputeNow(): Promise<void> {
    const [{ tasks }, settings, state] = await Promise.all([deps.overview(), deps.settings(), loadState()]);
    const now = deps.now();
    const clock = { now: now.toISOString(), today: todayLocal(now), minutes: now.getHours() * 60 + now.getMinutes() };
    await recordZones(
      await deps.db(),
      tasks.map((t) => ({ taskKey: t.key, zone: t.zone })),
      clock.now,
    );
    await showBadge(badgeFor(watchedTasks(tasks, settings), clock.today));
    const decision = decideAlerts({ tasks, settings, state, clock });
    // Saved before showing: a worker stopped halfway loses a notice rather than repeating one.
    await alertStateItem.setValue(decision.state);
    for (const notice of decision.notices) await show(notice);
    await ensureAlarm(tasks.some(isOpen));
  }

  /** Recomputes every open task's chance and zone, logs transitions, updates the badge and notifies. */
  function recompute(): Promise<void> {
    if (waiting) return waiting;
    const run = exclusive(async () => {
      // Rest as long as the last run took before starting the next: on a big first visit (5,000 new tasks
      // written in parts) back-to-back runs of several seconds each would otherwise keep the worker from
      // the writes and the views the page is waiting for. A small history rests a few ms; requests that
      // come meanwhile join this run.
      const rest = lastRunEndedAt + lastRunMs - Date.now();
      if (rest > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(rest, MAX_REST_MS)));
      waiting = null;
      const startedAt = Date.now();
      try {
        await recomputeNow();
      } finally {
        lastRunEndedAt = Date.now();
        lastRunMs = lastRunEndedAt - startedAt;
      }
    }).catch((error: unknown) => log(`recompute failed: ${error instanceof Error ? error.message : String(error)}`));
    waiting = run;
    return run;
  }

  /**
   * A change of the history, answered once the history has been quiet for 300 ms (at most 30 s after the first
   * unanswered change). Changes come in bursts: a big board's first visit writes its tasks in parts, the next sent
   * as soon as the last is answered (10–50 ms later), and a recompute per part, each reading and forecasting every
   * task, ran beside those writes and slowed them (5,000 cards: a recompute of 8.5 s during a 9 s burst). A quiet
   * second (tried) put the recompute of a 1,000-card first visit in the middle of the page the owner opened next.
   */
  let quietTimer: ReturnType<typeof setTimeout> | undefined;
  let burstStartedAt: number | null = null;
  function recomputeWhenQuiet(): void {
    const now = Date.now();
    burstStartedAt ??= now;
    clearTimeout(quietTimer);
    const quietMs = deps.historyQuietMs ?? HISTORY_QUIET_MS;
    const wait = Math.min(quietMs, burstStartedAt + (deps.historyMaxWaitMs ?? HISTORY_MAX_WAIT_MS) - now);
    quietTimer = setTimeout(() => {
      quietTimer = undefined;
      burstStartedAt = null;
      void recompute();
    }, Math.max(0, wait));
  }

  /** While any task is open the alarm exists; with none open it is cleared, so an idle Leeway never wakes. */
  async function ensureAlarm(needed: boolean): Promise<void> {
    const existing = await browser.alarms.get(RECOMPUTE_ALARM);
    if (needed && !existing) await browser.alarms.create(RECOMPUTE_ALARM, { periodInMinutes: RECOMPUTE_MINUTES, delayInMinutes: RECOMPUTE_MINUTES });
    if (!needed && existing) await browser.alarms.clear(RECOMPUTE_ALARM);
  }

  /** Install, update and browser start: alarms may have been dropped, so create it afresh, then recompute. */
  async function start(): Promise<void> {
    await browser.alarms.create(RECOMPUTE_ALARM, { periodInMinutes: RECOMPUTE_MINUTES, delayInMinutes: RECOMPUTE_MINUTES });
    await recompute();
  }

  async function showBadge(badge: Badge): Promise<void> {
    const a = action();
    await a.setBadgeText({ text: badge.text });
    if (badge.color) await a.setBadgeBackgroundColor({ color: badge.color });
    await a.setTitle({ title: badge.title });
  }

  async function show(notice: Notice): Promise<void> {
    const id = notice.id === DIGEST_ID && notice.taskKey ? `${DIGEST_ID}|${notice.taskKey}` : notice.id;
    if (notice.id === DIGEST_ID) await clearDigests();
    const options = {
      type: 'basic' as const,
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: notice.title,
      message: notice.message,
      priority: notice.id === DIGEST_ID ? 0 : 1,
    };
    try {
      // The summary stands for many tasks: nothing to snooze as one, and its "open" is the popup's list.
      await browser.notifications.create(id, { ...options, buttons: notice.id === SUMMARY_ID ? SUMMARY_BUTTONS : BUTTONS });
    } catch {
      // Firefox has no notification buttons: a click on the notice still opens the task.
      await browser.notifications.create(id, options);
    }
  }

  async function clearDigests(): Promise<void> {
    const shown = await browser.notifications.getAll();
    await Promise.all(Object.keys(shown).filter((id) => id.startsWith(DIGEST_ID)).map((id) => browser.notifications.clear(id)));
  }

  /** The task a notification is about: its own, or the worst one for the digest. */
  function taskOf(notificationId: string): string | null {
    if (notificationId.startsWith(`${DIGEST_ID}|`)) return notificationId.slice(DIGEST_ID.length + 1);
    return taskOfNotice(notificationId);
  }

  async function open(notificationId: string): Promise<void> {
    const taskKey = taskOf(notificationId);
    if (taskKey === null && !notificationId.startsWith(DIGEST_ID) && notificationId !== SUMMARY_ID) return;
    const task = taskKey ? await (await deps.db()).get('tasks', taskKey) : undefined;
    // Hand-tracked tasks may have no page: the popup's list is the next best place.
    await browser.tabs.create({ url: task?.url || browser.runtime.getURL('/popup.html') });
    await browser.notifications.clear(notificationId);
  }

  function snoozeNotice(notificationId: string): Promise<void> {
    const target = notificationId.startsWith(DIGEST_ID) ? DIGEST : taskOfNotice(notificationId);
    if (target === null) return Promise.resolve();
    return exclusive(async () => {
      await alertStateItem.setValue(snooze(await loadState(), target, deps.now()));
      await browser.notifications.clear(notificationId);
    });
  }

  return { recompute, recomputeWhenQuiet, start, ensureAlarm, open, snoozeNotice };
}

/** Registers every alerts listener; call synchronously in the background's main so no wake-up event is missed. */
export function registerAlerts(deps: AlertDeps) {
  const alerts = createAlerts(deps);
  const ours = (id: string) => id.startsWith('leeway|');
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RECOMPUTE_ALARM) void alerts.recompute();
  });
  browser.runtime.onInstalled.addListener(() => void alerts.start());
  browser.runtime.onStartup.addListener(() => void alerts.start());
  // The background bumps this after every write (observation, owner edit, import).
  historyRevisionItem.watch(() => alerts.recomputeWhenQuiet());
  // Let-go, quiet hours, sites, targets: the badge and what is due to be said may change.
  settingsItem.watch(() => void alerts.recompute());
  browser.notifications.onClicked.addListener((id) => {
    if (ours(id)) void alerts.open(id);
  });
  browser.notifications.onButtonClicked?.addListener((id, index) => {
    if (!ours(id)) return;
    void (index === 0 ? alerts.open(id) : alerts.snoozeNotice(id));
  });
  return alerts;
}
