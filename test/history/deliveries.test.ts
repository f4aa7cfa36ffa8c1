import { describe, expect, it } from 'vitest';
import { deriveDelivery } from '@/utils/history/deliveries';
import type { EventType, HistoryEvent, TaskRecord } from '@/utils/store/schema';

const task: TaskRecord = {
  key: 'trello:T1', site: 'trello', nativeId: 'T1', title: 'T', url: 'https://trello.com/c/T1', board: null, list: null,
  assignees: ['trello:ana'], toldDue: '2026-03-10T12:00:00.000Z', clientDue: null, done: false, completedAt: null,
  dueUnparsed: false, dueText: null, firstSeenAt: '2026-03-01T09:00:00.000Z', lastSeenAt: '2026-03-01T09:00:00.000Z', lastSource: 'json',
};

let seq = 0;
function ev(type: EventType, at: string, extra: Partial<HistoryEvent> = {}): HistoryEvent {
  return { id: `e${++seq}`, taskKey: 'trello:T1', type, at, source: 'json', approximate: false, oldValue: null, newValue: null, contractorId: null, ...extra };
}

describe('deriveDelivery', () => {
  it('uses the due in force at assignment; a later extension counts as a slip against it', () => {
    const events = [
      ev('created', '2026-03-01T09:00:00.000Z'),
      ev('assigned', '2026-03-01T09:00:00.000Z', { contractorId: 'trello:ana' }),
      ev('due-set', '2026-03-01T09:05:00.000Z', { newValue: '2026-03-05T12:00:00.000Z' }),
      ev('due-changed', '2026-03-04T10:00:00.000Z', { oldValue: '2026-03-05T12:00:00.000Z', newValue: '2026-03-10T12:00:00.000Z' }),
      ev('completed', '2026-03-09T15:00:00.000Z'),
    ];
    expect(deriveDelivery(task, events, ['trello:ana'])).toEqual({
      taskKey: 'trello:T1', assignedOn: '2026-03-01', toldDue: '2026-03-05', deliveredOn: '2026-03-09', approximate: false,
    });
  });

  it('a reassigned task is judged against the due in force when this contractor got it', () => {
    const events = [
      ev('due-set', '2026-03-01T09:05:00.000Z', { newValue: '2026-03-05T12:00:00.000Z' }),
      ev('due-changed', '2026-03-06T10:00:00.000Z', { oldValue: '2026-03-05T12:00:00.000Z', newValue: '2026-03-12T12:00:00.000Z' }),
      ev('assigned', '2026-03-06T11:00:00.000Z', { contractorId: 'trello:ben' }),
      ev('completed', '2026-03-11T15:00:00.000Z'),
    ];
    expect(deriveDelivery(task, events, ['trello:ben'])).toMatchObject({ assignedOn: '2026-03-06', toldDue: '2026-03-12', deliveredOn: '2026-03-11' });
  });

  it('a reopen undoes a completion; the final completion is the delivery', () => {
    const events = [
      ev('due-set', '2026-03-01T09:05:00.000Z', { newValue: '2026-03-05T12:00:00.000Z' }),
      ev('completed', '2026-03-04T15:00:00.000Z'),
      ev('reopened', '2026-03-05T09:00:00.000Z'),
    ];
    expect(deriveDelivery(task, events, ['trello:ana'])?.deliveredOn).toBeNull();
    events.push(ev('completed', '2026-03-07T15:00:00.000Z'));
    expect(deriveDelivery(task, events, ['trello:ana'])?.deliveredOn).toBe('2026-03-07');
  });

  it('exact completions from the site win over what Leeway merely noticed', () => {
    const events = [
      ev('due-set', '2026-03-01T09:05:00.000Z', { newValue: '2026-03-05T12:00:00.000Z' }),
      ev('completed', '2026-03-04T15:00:00.000Z'),
      ev('completed', '2026-03-08T09:00:00.000Z', { source: 'dom', approximate: true }),
    ];
    expect(deriveDelivery(task, events, ['trello:ana'])).toMatchObject({ deliveredOn: '2026-03-04', approximate: false });
  });

  it('a task already done when first seen, with no site history, teaches nothing', () => {
    const events = [
      ev('first-seen', '2026-03-01T09:00:00.000Z', { source: 'dom', approximate: true }),
      ev('due-set', '2026-03-01T09:00:00.000Z', { source: 'dom', approximate: true, newValue: '2026-02-20' }),
      ev('completed', '2026-03-01T09:00:00.000Z', { source: 'dom', approximate: true }),
    ];
    expect(deriveDelivery(task, events, ['trello:ana'])).toBeNull();
  });

  it('no due ever set: nothing to learn', () => {
    expect(deriveDelivery({ ...task, toldDue: null }, [ev('completed', '2026-03-04T15:00:00.000Z')], ['trello:ana'])).toBeNull();
  });
});
