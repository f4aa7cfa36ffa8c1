import { describe, expect, it } from 'vitest';
import { checkInMessage, messageDate, repeatedSlip, rungFor } from '@/utils/alerts/ladder';
import { taskAlerts } from '@/utils/alerts/task-alerts';
import { DEFAULT_SETTINGS } from '@/utils/settings';

const onTime = (toldDue: string) => ({ toldDue, deliveredOn: toldDue });
const late = (toldDue: string, deliveredOn: string) => ({ toldDue, deliveredOn });

describe('repeatedSlip', () => {
  it('flags a second slip within the last five tasks', () => {
    expect(repeatedSlip([late('2026-01-05', '2026-01-07'), onTime('2026-01-12'), onTime('2026-01-19'), onTime('2026-01-26')])).toBe(false);
    expect(repeatedSlip([late('2026-01-05', '2026-01-07'), onTime('2026-01-12'), late('2026-01-19', '2026-01-20')])).toBe(true);
  });

  it('looks at the last five only, by told due, whatever the order given', () => {
    const history = [
      onTime('2026-02-09'),
      late('2026-01-05', '2026-01-09'), // sixth from the end: out of the window
      onTime('2026-01-12'),
      late('2026-02-16', '2026-02-18'),
      onTime('2026-01-19'),
      onTime('2026-01-26'),
    ];
    expect(repeatedSlip(history)).toBe(false);
    expect(repeatedSlip([...history, late('2026-02-23', '2026-02-24')])).toBe(true);
  });

  it("ignores deliveries the owner excluded, and counts open overdue work as a slip when given today", () => {
    const history = [late('2026-01-05', '2026-01-07'), { ...late('2026-01-12', '2026-01-14'), excluded: true }];
    expect(repeatedSlip(history)).toBe(false);
    const open = { toldDue: '2026-03-02', deliveredOn: null };
    expect(repeatedSlip([...history, open])).toBe(false);
    expect(repeatedSlip([...history, open], '2026-03-03')).toBe(true);
    expect(repeatedSlip([...history, open], '2026-03-02')).toBe(false);
  });
});

describe('ladder', () => {
  const missed = [{ date: '2026-03-05', fraction: 0.25, status: 'missed' as const }];

  it('climbs reminder → escalation → consider replacing', () => {
    expect(rungFor({ zone: 'green', checkpoints: [], flagged: true })).toBe('none');
    expect(rungFor({ zone: 'green', checkpoints: missed, flagged: false })).toBe('reminder');
    expect(rungFor({ zone: 'yellow', checkpoints: [], flagged: false })).toBe('reminder');
    expect(rungFor({ zone: 'red', checkpoints: [], flagged: false })).toBe('escalation');
    expect(rungFor({ zone: 'red', checkpoints: [], flagged: true })).toBe('replace');
    expect(rungFor({ zone: 'done', checkpoints: missed, flagged: true })).toBe('none');
  });

  it('writes a check-in asking for status and a date at each rung', () => {
    const base = { title: 'Homepage hero', assigneeNames: ['Ana Ruiz'], toldDue: '2026-03-05', today: '2026-03-03' };
    expect(checkInMessage({ ...base, rung: 'reminder' })).toBe(
      'Hi Ana — checking in on “Homepage hero”, due Thu 5 Mar. How is it going, and is that date still good? If not, what date can you commit to?',
    );
    expect(checkInMessage({ ...base, rung: 'escalation', today: '2026-03-06' })).toBe(
      "Hi Ana — “Homepage hero” was due Thu 5 Mar and I haven't received it yet. Where does it stand, and what date can you commit to? I need to plan around it today.",
    );
    expect(checkInMessage({ ...base, rung: 'escalation' })).toContain('is due Thu 5 Mar and it looks at risk');
    expect(checkInMessage({ ...base, rung: 'replace', assigneeNames: ['Ana Ruiz', 'Ben Ode'] })).toMatch(
      /^Hi Ana and Ben — “Homepage hero” is due Thu 5 Mar, and this would be the second delay .* hand it to someone else\. What can you commit to\?$/,
    );
    expect(checkInMessage({ ...base, rung: 'none' })).toBeNull();
    expect(checkInMessage({ ...base, rung: 'reminder', toldDue: null, assigneeNames: [] })).toBe(
      'Hi — checking in on “Homepage hero”. How is it going, and what date can you commit to?',
    );
  });

  it('formats dates the same in any locale', () => {
    expect(messageDate('2026-03-05')).toBe('Thu 5 Mar');
    expect(messageDate('2026-12-27')).toBe('Sun 27 Dec');
  });

  it('puts it together for a task view: red past a checkpoint for a contractor who slipped before', () => {
    const alerts = taskAlerts({
      title: 'Checkout bug fixes',
      zone: 'red',
      assignedOn: '2026-02-16',
      toldDue: '2026-03-02',
      today: '2026-03-04',
      settings: DEFAULT_SETTINGS,
      assigneeNames: ['Chen Li'],
      histories: [[late('2026-02-06', '2026-02-10'), { toldDue: '2026-03-02', deliveredOn: null }]],
    });
    expect(alerts.checkpoints.map((c) => c.status)).toEqual(['missed', 'missed', 'missed']);
    expect(alerts.rung).toBe('replace');
    expect(alerts.checkIn).toContain('Hi Chen — “Checkout bug fixes” was due Mon 2 Mar');
  });
});
