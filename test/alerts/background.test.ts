import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { alertStateItem, createAlerts, RECOMPUTE_ALARM, registerAlerts } from '@/entrypoints/background/alerts';
import { createHistoryService } from '@/utils/background/service';
import { openHistoryDb, type HistoryDb } from '@/utils/store/db';
import { historyRevisionItem } from '@/utils/settings';
import { batch, freshIndexedDb, observation } from '../store/helpers';
import { testDeps } from '../background/deps';
import { settings } from './helpers';

let db: HistoryDb;
// The fake clock: Wednesday 4 March 2026, midday UTC. The card below was due Monday.
let now = new Date('2026-03-04T12:00:00.000Z');
const service = () => createHistoryService(testDeps({ db: async () => db, now: () => now }));
// A change of the history is answered at once here (the browser waits for the history to be quiet; tests that need it say so).
const deps = () => ({ overview: service().overview, db: async () => db, settings: async () => settings(), now: () => now, log: () => {}, historyQuietMs: 0 });
const NOTICE = 'leeway|task|trello:Chck0003';

async function observeOverdue(): Promise<void> {
  const overdue = observation({ key: 'trello:Chck0003', nativeId: 'Chck0003', title: 'Checkout bug fixes', due: '2026-03-02T17:00:00.000Z' });
  const reply = await service().handle({ type: 'observe', batch: batch([overdue], { observedAt: '2026-02-20T10:00:00.000Z' }) });
  expect(reply.ok).toBe(true);
}

const zoneEvents = async () => (await db.getAll('events')).filter((e) => e.type === 'zone-changed');

beforeEach(async () => {
  fakeBrowser.reset();
  freshIndexedDb();
  db = await openHistoryDb();
  now = new Date('2026-03-04T12:00:00.000Z');
});

describe('alerts in the background', () => {
  it('an overdue open task: red badge, one notification with buttons, a logged transition, the alarm', async () => {
    await observeOverdue();
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await createAlerts(deps()).recompute();

    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0xd9, 0x30, 0x25, 255]);
    expect(await fakeBrowser.action.getTitle({})).toContain('• Checkout bug fixes — overdue 2 days');
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([NOTICE]);
    expect(create).toHaveBeenCalledWith(NOTICE, expect.objectContaining({ title: 'Off track: “Checkout bug fixes”', buttons: [{ title: 'Open the task' }, { title: 'Snooze a day' }] }));
    expect((await zoneEvents()).map((e) => [e.oldValue, e.newValue])).toEqual([[null, 'red']]);
    expect(await fakeBrowser.alarms.get(RECOMPUTE_ALARM)).toMatchObject({ periodInMinutes: 30 });
  });

  it('a restarted worker (new instance, same storage) repeats nothing', async () => {
    await observeOverdue();
    await createAlerts(deps()).recompute();
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    now = new Date('2026-03-04T12:30:00.000Z');
    const restarted = createAlerts(deps());
    await Promise.all([restarted.recompute(), restarted.recompute(), restarted.recompute()]);
    expect(create).not.toHaveBeenCalled();
    expect(await zoneEvents()).toHaveLength(1);
  });

  it('answers a burst of history changes once, when it stops; and the alarm at once', async () => {
    const overview = vi.fn(deps().overview);
    const alerts = registerAlerts({ ...deps(), overview, historyQuietMs: 300, historyMaxWaitMs: 5_000 });
    await observeOverdue();
    // A board's first visit: a part written every few ms here (every 0.5–1 s in a browser).
    for (let revision = 1; revision <= 5; revision++) {
      await historyRevisionItem.setValue(revision);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(overview).not.toHaveBeenCalled();
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('1'));
    expect(overview).toHaveBeenCalledTimes(1);

    await fakeBrowser.action.setBadgeText({ text: '' });
    await fakeBrowser.alarms.onAlarm.trigger({ name: RECOMPUTE_ALARM, scheduledTime: Date.now(), persistAcrossSessions: true });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('1'));
    await alerts.recompute();
  });

  it('a burst that goes on is answered after the longest wait, not only when it stops', async () => {
    const overview = vi.fn(deps().overview);
    const alerts = registerAlerts({ ...deps(), overview, historyQuietMs: 250, historyMaxWaitMs: 400 });
    await observeOverdue();
    const burstEnds = Date.now() + 1_200;
    for (let revision = 1; Date.now() < burstEnds; revision++) {
      await historyRevisionItem.setValue(revision);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(overview.mock.calls.length).toBeGreaterThanOrEqual(1);
    // The run the burst's end asks for, done before the next test (a run queued behind it waits for it).
    await new Promise((resolve) => setTimeout(resolve, 300));
    await alerts.recompute();
  });

  it('rests between runs as long as the last one took, so a long recompute cannot hog the worker', async () => {
    await observeOverdue();
    const starts: number[] = [];
    const ends: number[] = [];
    const slow = deps();
    const alerts = createAlerts({
      ...slow,
      overview: async () => {
        starts.push(Date.now());
        await new Promise((resolve) => setTimeout(resolve, 150));
        const result = await slow.overview();
        ends.push(Date.now());
        return result;
      },
    });
    await alerts.recompute();
    // Asked again at once: it waits about as long as the first run took (the run is at least the 150 ms above).
    const [second, third] = [alerts.recompute(), alerts.recompute()];
    expect(third).toBe(second);
    await second;
    expect(starts).toHaveLength(2);
    expect(starts[1]! - ends[0]!).toBeGreaterThanOrEqual(140);
  });

  it('re-creates the alarm on install and browser start, and drops it when nothing is open', async () => {
    const alerts = registerAlerts(deps());
    await fakeBrowser.runtime.onStartup.trigger();
    // Nothing tracked: the start-up recompute clears the alarm it just made.
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.getAll()).toEqual([]));
    await observeOverdue();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(RECOMPUTE_ALARM)).toBeDefined());
    // Every run this test started is over before the next test (a run asked for now queues behind them).
    await alerts.recompute();
  });

  it('many late tasks at once: three notices and one for the rest, whose button opens the popup', async () => {
    const late = Array.from({ length: 6 }, (_, i) =>
      observation({ key: `trello:Late000${i}`, nativeId: `Late000${i}`, title: `Late ${i}`, due: `2026-03-0${i + 1}T17:00:00.000Z` }),
    );
    expect((await service().handle({ type: 'observe', batch: batch(late, { observedAt: '2026-02-20T10:00:00.000Z' }) })).ok).toBe(true);
    registerAlerts(deps());
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await createAlerts(deps()).recompute();

    expect(Object.keys(await fakeBrowser.notifications.getAll()).sort()).toEqual([
      'leeway|summary',
      'leeway|task|trello:Late0000',
      'leeway|task|trello:Late0001',
      'leeway|task|trello:Late0002',
    ]);
    expect(create).toHaveBeenCalledWith('leeway|summary', expect.objectContaining({ title: 'Leeway: 3 more tasks need you', buttons: [{ title: 'Open Leeway' }] }));
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    await fakeBrowser.notifications.onButtonClicked.trigger('leeway|summary', 0);
    await vi.waitFor(() => expect(tabs).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/popup.html') }));
  });

  it('the buttons: open the task in a tab; snooze a day (kept in storage), then asked again', async () => {
    registerAlerts(deps());
    await observeOverdue();
    await createAlerts(deps()).recompute();
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);

    await fakeBrowser.notifications.onButtonClicked.trigger(NOTICE, 0);
    await vi.waitFor(() => expect(tabs).toHaveBeenCalledWith({ url: 'https://trello.com/c/AbC123xy' }));

    await fakeBrowser.notifications.onButtonClicked.trigger(NOTICE, 1);
    await vi.waitFor(async () => expect((await alertStateItem.getValue()).snoozes['trello:Chck0003']).toBe('2026-03-05T12:00:00.000Z'));
    expect(await fakeBrowser.notifications.getAll()).toEqual({});

    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    now = new Date('2026-03-04T18:00:00.000Z');
    await createAlerts(deps()).recompute();
    expect(create).not.toHaveBeenCalled();
    now = new Date('2026-03-05T12:30:00.000Z');
    await createAlerts(deps()).recompute();
    expect(create).toHaveBeenCalledTimes(1);
  });
});
