/**
 * Which notifications to show now, from the tasks as they are and what was already said (pure).
 *
 * Conditions are level-triggered and de-duplicated by key, which gives "on a transition, not while it stays
 * there" and survives any number of recomputes and service-worker restarts (the keys live in storage):
 * - zone: `task|zone|red` / `task|zone|yellow` — a task that worsens is told once per level; red then yellow
 *   says nothing new; the keys are forgotten once it is green again (or done), so a relapse is told again;
 * - missed checkpoint: `task|checkpoint|<date>`; "tell the client now": `task|tell-client|<client due>`;
 * - with let-go off, also a day-ahead reminder of each checkpoint: `task|checkpoint-soon|<date>`.
 * In let-go mode a green task raises nothing, so while everything is green nothing at all happens.
 * A condition held back (quiet hours, snooze) is not marked as said, so it is said when that ends.
 */
import { calendarFor, formatDay, parseDay } from '../forecast/calendar';
import type { Settings } from '../settings';
import type { TaskView } from '../messages/views';
import { inQuietHours } from './quiet-hours';
import { messageDate } from './ladder';
import { byUrgency } from './badge';

export interface AlertState {
  version: 1;
  /** De-dup key → when it was notified (ISO). */
  sent: Record<string, string>;
  /** Task key (or `DIGEST`) → snoozed until (ISO). */
  snoozes: Record<string, string>;
  /** Local date of the last daily digest. */
  digestDay: string | null;
}

export const EMPTY_STATE: AlertState = { version: 1, sent: {}, snoozes: {}, digestDay: null };
export const DIGEST = 'digest';
/** The digest goes out with the first check after this local time (and outside quiet hours). */
export const DIGEST_FROM_MINUTES = 8 * 60;

export type ReasonKind = 'tell-client' | 'red' | 'checkpoint' | 'yellow' | 'checkpoint-soon';

export interface Reason {
  kind: ReasonKind;
  key: string;
  title: string;
  line: string;
}

export interface Notice {
  /** Notification id: one per task, so a newer notice replaces the older one instead of stacking. */
  id: string;
  taskKey: string | null;
  title: string;
  message: string;
  /** De-dup keys this notice says. */
  keys: string[];
}

export interface Clock {
  /** The instant (ISO). */
  now: string;
  /** Local calendar date. */
  today: string;
  /** Minutes since local midnight. */
  minutes: number;
}

export type AlertSettings = Pick<
  Settings,
  'letGo' | 'notifications' | 'quietHours' | 'sites' | 'reviewMarginDays' | 'workingDays' | 'holidays'
>;

export const noticeId = (taskKey: string) => `leeway|task|${taskKey}`;
export const DIGEST_ID = 'leeway|digest';
/** The one notice that stands for the tasks past `MAX_TASK_NOTICES` (it opens the popup's list). */
export const SUMMARY_ID = 'leeway|summary';
/**
 * At most this many tasks get a notice of their own in one run; the rest are said together in one. A first
 * visit of a board with many late cards otherwise raised a notice per card (597 on a generated 5,000-card board,
 * 17 ms each in Chromium): a wall of alarms is what the owner installed Leeway to be spared.
 */
export const MAX_TASK_NOTICES = 3;
/** The task a notification id names, or null (the digest). */
export function taskOfNotice(id: string): string | null {
  return id.startsWith('leeway|task|') ? id.slice('leeway|task|'.length) : null;
}

const SEVERITY: ReasonKind[] = ['tell-client', 'red', 'checkpoint', 'yellow', 'checkpoint-soon'];

/** Still open: not done on the site, and not handed in per the owner either (zone `done`). */
export const isOpen = (t: TaskView) => !t.done && t.zone !== 'done';

/** Open tasks the owner wants to hear about: their site switched on in the options. */
export function watchedTasks(tasks: readonly TaskView[], settings: Pick<Settings, 'sites'>): TaskView[] {
  return tasks.filter((t) => isOpen(t) && (t.site === 'manual' || settings.sites[t.site] !== false));
}

/** Every condition that holds for one task now, said or not. */
export function reasonsFor(task: TaskView, settings: AlertSettings, today: string): Reason[] {
  if (!isOpen(task)) return [];
  if (settings.letGo && task.zone === 'green') return [];
  const reasons: Reason[] = [];
  const k = (...parts: string[]) => [task.key, ...parts].join('|');
  const name = `“${task.title}”`;
  const cal = calendarFor({ workingDays: settings.workingDays, holidays: settings.holidays });

  if (task.clientDue) {
    const reviewBy = formatDay(cal.add(parseDay(task.clientDue, 'clientDue'), -settings.reviewMarginDays));
    if (today >= reviewBy) {
      reasons.push({
        kind: 'tell-client',
        key: k('tell-client', task.clientDue),
        title: `Tell the client now: ${name}`,
        line: `Your review deadline (${messageDate(reviewBy)}) is here and it is still open — better they hear it from you.`,
      });
    }
  }
  if (task.zone === 'red') {
    const late = task.toldDue !== null && today > task.toldDue;
    reasons.push({
      kind: 'red',
      key: k('zone', 'red'),
      title: `Off track: ${name}`,
      line: `${late ? `Was due ${messageDate(task.toldDue!)}, not delivered.` : chanceLine(task)} Call, re-plan, descope or add help.`,
    });
  }
  if (task.zone === 'yellow') {
    reasons.push({
      kind: 'yellow',
      key: k('zone', 'yellow'),
      title: `At risk: ${name}`,
      line: `${task.toldDue ? `Due ${messageDate(task.toldDue)}. ` : ''}${chanceLine(task)} A quick check-in now is cheap.`,
    });
  }
  for (const c of task.checkpoints) {
    if (c.status === 'missed') {
      reasons.push({
        kind: 'checkpoint',
        key: k('checkpoint', c.date),
        title: `Missed checkpoint: ${name}`,
        line: `Behind at the ${Math.round(c.fraction * 100)}% checkpoint (${messageDate(c.date)}).`,
      });
    }
  }
  if (!settings.letGo) {
    const nextWorkingDay = formatDay(cal.add(parseDay(today, 'today'), 1));
    const soon = task.checkpoints.find((c) => c.status === 'upcoming' && c.date <= nextWorkingDay);
    if (soon) {
      reasons.push({
        kind: 'checkpoint-soon',
        key: k('checkpoint-soon', soon.date),
        title: `Checkpoint ${soon.date === today ? 'today' : messageDate(soon.date)}: ${name}`,
        line: `About ${Math.round(soon.fraction * 100)}% should be done by then — a good moment for a nudge.`,
      });
    }
  }
  return reasons;
}

function chanceLine(task: TaskView): string {
  return task.chance === null ? '' : `${Math.round(task.chance * 100)}% chance of making your deadline.`;
}

/** One notice per task: the worst reason titles it, every reason gets a line. */
function noticeOf(task: TaskView, reasons: Reason[]): Notice {
  const sorted = [...reasons].sort((a, b) => SEVERITY.indexOf(a.kind) - SEVERITY.indexOf(b.kind));
  // Several missed checkpoints at once (first seen late) say one line: the latest.
  const lines = sorted.filter((r, i) => r.kind !== 'checkpoint' || !sorted.slice(i + 1).some((s) => s.kind === 'checkpoint'));
  return {
    id: noticeId(task.key),
    taskKey: task.key,
    title: sorted[0]!.title,
    message: lines.map((r) => r.line.trim()).join('\n'),
    keys: reasons.map((r) => r.key),
  };
}

export interface Decision {
  notices: Notice[];
  state: AlertState;
}

export function decideAlerts(input: { tasks: readonly TaskView[]; settings: AlertSettings; state: AlertState; clock: Clock }): Decision {
  const { settings, clock } = input;
  const watched = watchedTasks(input.tasks, settings);
  const state = tidy(input.state, watched, clock.now);
  if (!settings.notifications.enabled || inQuietHours(settings.quietHours, clock.minutes)) return { notices: [], state };

  const snoozed = (key: string) => (state.snoozes[key] ?? '') > clock.now;
  const pending = watched
    .filter((t) => !snoozed(t.key))
    .map((task) => ({ task, reasons: reasonsFor(task, settings, clock.today) }))
    .filter((p) => p.reasons.length > 0);

  if (settings.notifications.dailyDigest) return digest(pending, watched, settings, state, clock, snoozed(DIGEST));

  const news: { task: TaskView; notice: Notice }[] = [];
  const sent = { ...state.sent };
  for (const { task, reasons } of pending) {
    const fresh = reasons.filter((r) => !said(r, sent));
    if (fresh.length === 0) continue;
    const notice = noticeOf(task, fresh);
    news.push({ task, notice });
    for (const key of notice.keys) sent[key] = clock.now;
  }
  if (news.length <= MAX_TASK_NOTICES) return { notices: news.map((n) => n.notice), state: { ...state, sent } };
  const worst = [...news].sort((a, b) => byUrgency(a.task, b.task));
  const rest = worst.slice(MAX_TASK_NOTICES);
  const summary: Notice = {
    id: SUMMARY_ID,
    taskKey: null,
    title: `Leeway: ${rest.length} more tasks need you`,
    message: rest
      .slice(0, 4)
      .map(({ notice }) => `• ${notice.title}`)
      .concat(rest.length > 4 ? [`…and ${rest.length - 4} more in Leeway's list`] : [])
      .join('\n'),
    keys: rest.flatMap(({ notice }) => notice.keys),
  };
  return { notices: [...worst.slice(0, MAX_TASK_NOTICES).map((n) => n.notice), summary], state: { ...state, sent } };
}

/** Yellow after red is not news: the owner already knows it is worse than that. */
function said(reason: Reason, sent: Record<string, string>): boolean {
  if (sent[reason.key]) return true;
  return reason.kind === 'yellow' && sent[reason.key.replace(/\|zone\|yellow$/, '|zone|red')] !== undefined;
}

function digest(
  pending: { task: TaskView; reasons: Reason[] }[],
  watched: TaskView[],
  settings: AlertSettings,
  state: AlertState,
  clock: Clock,
  snoozed: boolean,
): Decision {
  if (snoozed || state.digestDay === clock.today || clock.minutes < DIGEST_FROM_MINUTES) return { notices: [], state };
  if (pending.length === 0 && (settings.letGo || watched.length === 0)) return { notices: [], state };
  const worst = [...pending].sort((a, b) => byUrgency(a.task, b.task));
  const sent = { ...state.sent };
  for (const p of worst) for (const r of p.reasons) sent[r.key] = clock.now;
  const notice: Notice =
    worst.length === 0
      ? { id: DIGEST_ID, taskKey: null, title: 'Leeway: all on track', message: `${watched.length} open ${watched.length === 1 ? 'task' : 'tasks'}, none at risk.`, keys: [] }
      : {
          id: DIGEST_ID,
          // "Open" on the digest opens the worst task.
          taskKey: worst[0]!.task.key,
          title: `Leeway: ${worst.length} ${worst.length === 1 ? 'task needs' : 'tasks need'} you today`,
          message: worst
            .slice(0, 4)
            .map((p) => `• ${p.task.title} — ${p.task.zone === 'red' ? 'off track' : p.task.zone === 'yellow' ? 'at risk' : 'tell the client'}`)
            .concat(worst.length > 4 ? [`…and ${worst.length - 4} more`] : [])
            .join('\n'),
          keys: worst.flatMap((p) => p.reasons.map((r) => r.key)),
        };
  return { notices: [notice], state: { ...state, sent, digestDay: clock.today } };
}

/**
 * Forgets what no longer matters: every key of a task that is no longer watched (done, gone, site off), the
 * zone keys of a task back in green, and snoozes that ran out. This is what re-arms a relapse.
 */
function tidy(state: AlertState, watched: readonly TaskView[], now: string): AlertState {
  const zoneOf = new Map(watched.map((t) => [t.key, t.zone]));
  const sent: Record<string, string> = {};
  for (const [key, at] of Object.entries(state.sent)) {
    const [taskKey, kind] = splitKey(key);
    const zone = zoneOf.get(taskKey);
    if (zone === undefined) continue;
    if (kind === 'zone' && (zone === 'green' || zone === 'none')) continue;
    sent[key] = at;
  }
  const snoozes = Object.fromEntries(Object.entries(state.snoozes).filter(([, until]) => until > now));
  return { ...state, sent, snoozes };
}

/** Task keys contain `:` but never `|`; the kind follows the task key. */
function splitKey(key: string): [string, string] {
  const parts = key.split('|');
  return [parts[0] ?? '', parts[1] ?? ''];
}

/** "Snooze a day" on a notice: hold its task (or the digest) for 24 hours and forget what was said, so it is asked again then. */
export function snooze(state: AlertState, target: string, now: Date): AlertState {
  const until = new Date(now.getTime() + 24 * 60 * 60 * 1000).toISOString();
  const sent = target === DIGEST ? state.sent : Object.fromEntries(Object.entries(state.sent).filter(([key]) => splitKey(key)[0] !== target));
  return { ...state, sent, snoozes: { ...state.snoozes, [target]: until } };
}
