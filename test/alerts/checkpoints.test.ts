import { describe, expect, it } from 'vitest';
import { checkpointsFor, markCheckpoint } from '@/utils/alerts/checkpoints';

// Mon 2 Mar → Mon 16 Mar 2026: 10 working days.
const window = { assignedOn: '2026-03-02', toldDue: '2026-03-16' };

describe('checkpoints', () => {
  it('falls at about 25/50/75% of the told window, in working days', () => {
    const cps = checkpointsFor({ ...window, today: '2026-03-02', zone: 'green' });
    expect(cps).toEqual([
      { date: '2026-03-05', fraction: 0.25, status: 'upcoming' },
      { date: '2026-03-09', fraction: 0.5, status: 'upcoming' },
      { date: '2026-03-12', fraction: 0.75, status: 'upcoming' },
    ]);
  });

  it('has one midpoint for a task of 3 working days or less, none for a one-day task', () => {
    expect(checkpointsFor({ assignedOn: '2026-03-02', toldDue: '2026-03-05', today: '2026-03-02', zone: 'green' })).toEqual([
      { date: '2026-03-04', fraction: 0.5, status: 'upcoming' },
    ]);
    expect(checkpointsFor({ assignedOn: '2026-03-02', toldDue: '2026-03-03', today: '2026-03-02', zone: 'green' })).toEqual([]);
  });

  it('skips weekends and holidays', () => {
    const cps = checkpointsFor({ ...window, toldDue: '2026-03-17', today: '2026-03-02', zone: 'green', holidays: ['2026-03-05'] });
    expect(cps.map((c) => c.date)).not.toContain('2026-03-05');
    expect(cps.every((c) => ![0, 6].includes(new Date(`${c.date}T12:00:00Z`).getUTCDay()))).toBe(true);
  });

  it('marks past checkpoints unknown without progress data, missed when the task is red, met once delivered', () => {
    const status = (zone: 'green' | 'red' | 'done') =>
      checkpointsFor({ ...window, today: '2026-03-10', zone }).map((c) => c.status);
    expect(status('green')).toEqual(['unknown', 'unknown', 'upcoming']);
    expect(status('red')).toEqual(['missed', 'missed', 'upcoming']);
    expect(status('done')).toEqual(['met', 'met', 'met']);
  });

  it('reads progress where the site shows it', () => {
    const cps = checkpointsFor({ ...window, today: '2026-03-10', zone: 'red', progress: 0.4 });
    expect(cps.map((c) => c.status)).toEqual(['met', 'missed', 'upcoming']);
  });

  it("takes the owner's mark over anything inferred, the latest word per date", () => {
    let marks = markCheckpoint([], '2026-03-05', 'missed');
    marks = markCheckpoint(marks, '2026-03-09', 'met');
    marks = markCheckpoint(marks, '2026-03-05', 'met');
    expect(marks).toEqual([
      { date: '2026-03-05', status: 'met' },
      { date: '2026-03-09', status: 'met' },
    ]);
    const cps = checkpointsFor({ ...window, today: '2026-03-10', zone: 'red', marks });
    expect(cps.map((c) => c.status)).toEqual(['met', 'met', 'upcoming']);
  });
});
