import type { TaskView } from '@/utils/messages/views';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import type { Clock } from '@/utils/alerts/decide';

export function view(overrides: Partial<TaskView> = {}): TaskView {
  return {
    key: 'trello:Hero0001',
    site: 'trello',
    title: 'Homepage hero',
    url: 'https://trello.com/c/Hero0001',
    board: 'Client Site Launch',
    list: 'Doing',
    assignees: [{ id: 'trello:anaruiz', name: 'Ana Ruiz' }],
    toldDue: '2026-03-12',
    clientDue: null,
    stakes: 'normal',
    target: 0.85,
    bufferDays: null,
    suggestedTold: null,
    chance: null,
    zone: 'green',
    done: false,
    dueUnparsed: false,
    dueText: null,
    why: null,
    note: null,
    excludedReason: null,
    ownerDeliveredOn: null,
    acceptedOn: null,
    checkpoints: [],
    rung: 'none',
    checkIn: null,
    ...overrides,
  };
}

/** Settings for alert tests: quiet hours off unless a test turns them on. */
export function settings(overrides: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, quietHours: { enabled: false, from: '19:00', to: '08:00' }, ...overrides };
}

/** A fake clock: a local date and time of day, given explicitly so no test depends on the machine's time zone. */
export function clock(today: string, hhmm = '10:00'): Clock {
  const [h, m] = hhmm.split(':').map(Number);
  return { now: `${today}T${hhmm}:00.000Z`, today, minutes: h! * 60 + m! };
}
