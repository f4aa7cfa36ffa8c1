import { describe, expect, it } from 'vitest';
import { decideAlerts, DIGEST, EMPTY_STATE, snooze, SUMMARY_ID, type AlertState, type Decision } from '@/utils/alerts/decide';
import { badgeFor, BADGE_AMBER, BADGE_RED } from '@/utils/alerts/badge';
import type { TaskView } from '@/utils/messages/views';
import type { Settings } from '@/utils/settings';
import { clock, settings, view } from './helpers';

/** Runs the decision over a sequence of moments, carrying the state, as the alarm would. */
function run(steps: { at: ReturnType<typeof clock>; tasks: TaskView[] }[], s: Settings = settings(), start: AlertState = EMPTY_STATE) {
  let state = start;
  const out: Decision[] = [];
  for (const step of steps) {
    const d = decideAlerts({ tasks: step.tasks, settings: s, state, clock: step.at });
    out.push(d);
    state = d.state;
  }
  return { decisions: out, state, titles: out.map((d) => d.notices.map((n) => n.title)) };
}

const hero = (zone: TaskView['zone'], more: Partial<TaskView> = {}) => view({ zone, ...more });

describe('zone transitions (fake clock)', () => {
  it('notifies on a worsening transition only, not while it stays, and again after a recovery', () => {
    const zones: TaskView['zone'][] = ['green', 'yellow', 'yellow', 'red', 'red', 'yellow', 'green', 'red'];
    const { titles } = run(zones.map((zone, i) => ({ at: clock(`2026-03-${String(2 + i).padStart(2, '0')}`), tasks: [hero(zone)] })));
    expect(titles).toEqual([
      [],
      ['At risk: “Homepage hero”'],
      [],
      ['Off track: “Homepage hero”'],
      [],
      [], // red → yellow is not news
      [],
      ['Off track: “Homepage hero”'], // relapse after green
    ]);
  });

  it('says nothing again for the same task and reason, however often it recomputes', () => {
    const tasks = [hero('red', { toldDue: '2026-03-02' })];
    const { decisions } = run(Array.from({ length: 6 }, (_, i) => ({ at: clock('2026-03-04', `1${i}:00`), tasks })));
    expect(decisions.flatMap((d) => d.notices)).toHaveLength(1);
    expect(decisions[0]!.notices[0]).toMatchObject({ id: 'leeway|task|trello:Hero0001', taskKey: 'trello:Hero0001' });
    expect(decisions[0]!.notices[0]!.message).toContain('Was due Mon 2 Mar, not delivered. Call, re-plan, descope or add help.');
  });

  it('folds everything about one task into one notice, worst reason first', () => {
    const task = hero('red', {
      toldDue: '2026-03-04',
      clientDue: '2026-03-06',
      checkpoints: [
        { date: '2026-03-02', fraction: 0.25, status: 'missed' },
        { date: '2026-03-03', fraction: 0.5, status: 'missed' },
      ],
    });
    const [d] = run([{ at: clock('2026-03-05'), tasks: [task] }]).decisions;
    expect(d!.notices).toHaveLength(1);
    expect(d!.notices[0]!.title).toBe('Tell the client now: “Homepage hero”');
    expect(d!.notices[0]!.message.split('\n')).toHaveLength(3); // tell-client, red, one line for the latest missed checkpoint
    expect(d!.notices[0]!.keys.sort()).toEqual([
      'trello:Hero0001|checkpoint|2026-03-02',
      'trello:Hero0001|checkpoint|2026-03-03',
      'trello:Hero0001|tell-client|2026-03-06',
      'trello:Hero0001|zone|red',
    ]);
  });

  it('tells the client at the client deadline minus the review margin (working days), once per client date', () => {
    const s = settings({ reviewMarginDays: 2 });
    const open = (clientDue: string) => [hero('yellow', { clientDue })];
    // Client due Tue 10 Mar, margin 2 → review by Fri 6 Mar.
    const { titles } = run(
      [
        { at: clock('2026-03-05'), tasks: open('2026-03-10') },
        { at: clock('2026-03-06'), tasks: open('2026-03-10') },
        { at: clock('2026-03-09'), tasks: open('2026-03-10') },
        { at: clock('2026-03-09', '11:00'), tasks: open('2026-03-09') },
      ],
      s,
    );
    expect(titles).toEqual([['At risk: “Homepage hero”'], ['Tell the client now: “Homepage hero”'], [], ['Tell the client now: “Homepage hero”']]);
  });
});

describe('many tasks at once', () => {
  it('the three most urgent get a notice each, the others one together; none of them is said again', () => {
    // Seven late cards found at once (a first visit of a big board), late by 1 to 7 days.
    const late = Array.from({ length: 7 }, (_, i) =>
      view({ key: `trello:Late000${i}`, title: `Late ${i}`, zone: 'red', toldDue: `2026-03-0${i + 1}` }),
    );
    const { decisions } = run([{ at: clock('2026-03-08'), tasks: late }, { at: clock('2026-03-08', '11:00'), tasks: late }]);
    const [first, again] = decisions;
    expect(first!.notices.map((n) => n.id)).toEqual([
      'leeway|task|trello:Late0000',
      'leeway|task|trello:Late0001',
      'leeway|task|trello:Late0002',
      SUMMARY_ID,
    ]);
    const summary = first!.notices[3]!;
    expect(summary).toMatchObject({ taskKey: null, title: 'Leeway: 4 more tasks need you' });
    expect(summary.message.split('\n')).toEqual(['• Off track: “Late 3”', '• Off track: “Late 4”', '• Off track: “Late 5”', '• Off track: “Late 6”']);
    expect(again!.notices).toEqual([]);
  });

  it('up to three, each its own notice', () => {
    const late = Array.from({ length: 3 }, (_, i) => view({ key: `trello:Late000${i}`, zone: 'red', toldDue: `2026-03-0${i + 1}` }));
    const { decisions } = run([{ at: clock('2026-03-08'), tasks: late }]);
    expect(decisions[0]!.notices.map((n) => n.taskKey)).toEqual(['trello:Late0000', 'trello:Late0001', 'trello:Late0002']);
  });
});

describe('quiet hours, switches and let-go', () => {
  it('holds notices during quiet hours (wrapping past midnight) and says them once they end', () => {
    const s = settings({ quietHours: { enabled: true, from: '22:00', to: '07:30' } });
    const tasks = [hero('red')];
    const { titles } = run(
      [
        { at: clock('2026-03-04', '23:10'), tasks },
        { at: clock('2026-03-05', '03:00'), tasks },
        { at: clock('2026-03-05', '07:29'), tasks },
        { at: clock('2026-03-05', '07:30'), tasks },
        { at: clock('2026-03-05', '08:00'), tasks },
      ],
      s,
    );
    expect(titles).toEqual([[], [], [], ['Off track: “Homepage hero”'], []]);
  });

  it('says nothing when notifications are off or the task’s site is switched off', () => {
    const tasks = [hero('red')];
    expect(run([{ at: clock('2026-03-04'), tasks }], settings({ notifications: { enabled: false, dailyDigest: false } })).titles).toEqual([[]]);
    const noTrello = settings({ sites: { trello: false, asana: true, upwork: true } });
    expect(run([{ at: clock('2026-03-04'), tasks: [...tasks, hero('red', { key: 'asana:1', site: 'asana', title: 'Brief' })] }], noTrello).titles).toEqual([
      ['Off track: “Brief”'],
    ]);
  });

  it('let-go mode: nothing at all while everything is green; only the troubled task when one is not', () => {
    const soon = [{ date: '2026-03-05', fraction: 0.5, status: 'upcoming' as const }];
    // Even a review deadline reached on a task still forecast green says nothing in let-go mode.
    const green = [hero('green', { checkpoints: soon }), hero('green', { key: 'trello:B', title: 'Blog', clientDue: '2026-03-05' })];
    expect(run([{ at: clock('2026-03-04'), tasks: green }]).titles).toEqual([[]]);
    expect(run([{ at: clock('2026-03-04'), tasks: [...green, hero('yellow', { key: 'trello:C', title: 'Copy' })] }]).titles).toEqual([
      ['At risk: “Copy”'],
    ]);
    // Without let-go, a green task's checkpoint tomorrow is worth a nudge (once).
    const { titles } = run(
      [
        { at: clock('2026-03-04'), tasks: green },
        { at: clock('2026-03-04', '15:00'), tasks: green },
      ],
      settings({ letGo: false }),
    );
    expect(titles).toEqual([['Checkpoint Thu 5 Mar: “Homepage hero”', 'Tell the client now: “Blog”'], []]);
  });

  it('says nothing about work the owner marked handed in (zone done, not yet done on the site)', () => {
    expect(run([{ at: clock('2026-03-04'), tasks: [hero('done', { clientDue: '2026-03-04' })] }], settings({ letGo: false })).titles).toEqual([[]]);
  });

  it('forgets what was said about a task once it is done, and keeps state small', () => {
    const { state } = run([
      { at: clock('2026-03-04'), tasks: [hero('red')] },
      { at: clock('2026-03-05'), tasks: [hero('done', { done: true })] },
    ]);
    expect(state.sent).toEqual({});
  });
});

describe('snooze', () => {
  it('holds a task for a day, then asks again if it still needs it', () => {
    const tasks = [hero('red')];
    const first = run([{ at: clock('2026-03-04', '10:00'), tasks }]);
    const snoozed = snooze(first.state, 'trello:Hero0001', new Date('2026-03-04T10:05:00.000Z'));
    const later = run(
      [
        { at: clock('2026-03-04', '11:00'), tasks },
        { at: clock('2026-03-05', '10:00'), tasks },
        { at: clock('2026-03-05', '10:30'), tasks },
        { at: clock('2026-03-05', '11:00'), tasks },
      ],
      settings(),
      snoozed,
    );
    expect(later.titles).toEqual([[], [], ['Off track: “Homepage hero”'], []]);
    expect(later.state.snoozes).toEqual({});
  });
});

describe('daily digest', () => {
  const s = settings({ notifications: { enabled: true, dailyDigest: true } });

  it('sends one summary a day instead of single notices, from 08:00', () => {
    const tasks = [hero('red'), hero('yellow', { key: 'trello:C', title: 'Copy' }), hero('green', { key: 'trello:G', title: 'Green' })];
    const { decisions, titles } = run(
      [
        { at: clock('2026-03-04', '07:00'), tasks },
        { at: clock('2026-03-04', '09:00'), tasks },
        { at: clock('2026-03-04', '15:00'), tasks },
        { at: clock('2026-03-05', '09:00'), tasks },
      ],
      s,
    );
    expect(titles).toEqual([[], ['Leeway: 2 tasks need you today'], [], ['Leeway: 2 tasks need you today']]);
    expect(decisions[1]!.notices[0]).toMatchObject({ taskKey: 'trello:Hero0001', message: '• Homepage hero — off track\n• Copy — at risk' });
  });

  it('stays silent in let-go mode while all is green; says "all on track" without it; can be snoozed', () => {
    const green = [hero('green')];
    expect(run([{ at: clock('2026-03-04', '09:00'), tasks: green }], s).titles).toEqual([[]]);
    expect(run([{ at: clock('2026-03-04', '09:00'), tasks: green }], { ...s, letGo: false }).titles).toEqual([['Leeway: all on track']]);
    const held = snooze(EMPTY_STATE, DIGEST, new Date('2026-03-04T08:00:00.000Z'));
    expect(run([{ at: clock('2026-03-04', '09:00'), tasks: [hero('red')] }], s, held).titles).toEqual([[]]);
  });
});

describe('badge', () => {
  it('counts red on red, else yellow on amber, else nothing; the tooltip lists the worst three', () => {
    const tasks = [
      hero('yellow', { key: 'a', title: 'A', toldDue: '2026-03-06', chance: 0.6 }),
      hero('red', { key: 'b', title: 'B', toldDue: '2026-03-02', chance: 0.3 }),
      hero('red', { key: 'c', title: 'C', toldDue: '2026-03-03', chance: 0.1 }),
      hero('yellow', { key: 'd', title: 'D', toldDue: '2026-03-05', chance: 0.7 }),
      hero('green', { key: 'e', title: 'E' }),
    ];
    expect(badgeFor(tasks, '2026-03-04')).toEqual({
      text: '2',
      color: BADGE_RED,
      title: 'Leeway — 2 in trouble, 2 at risk\n• C — overdue 1 day\n• B — overdue 2 days\n• A — due in 2 days',
    });
    expect(badgeFor(tasks.filter((t) => t.zone !== 'red'), '2026-03-04')).toMatchObject({ text: '2', color: BADGE_AMBER });
    expect(badgeFor([hero('green')], '2026-03-04')).toEqual({ text: '', color: null, title: 'Leeway' });
  });
});
