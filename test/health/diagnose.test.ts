import { describe, expect, it } from 'vitest';
import { diagnose, type HealthReport } from '@/utils/health/report';

const base: HealthReport = {
  site: 'trello', pageUrl: 'https://trello.com/b/Brd12345/x', route: 'board', expectsTasks: true, tasksFound: 12,
  missing: { title: 0, due: 1, members: 0 }, json: 'ok', jsonTasks: 12, at: '2026-03-03T12:00:00.000Z',
};

describe('diagnose', () => {
  it('is quiet when the page reads well', () => {
    expect(diagnose(base)).toMatchObject({ level: 'ok', message: 'Reading 12 tasks on this Trello board.' });
  });

  it('says plainly when a board that has tasks shows none: the layout changed', () => {
    const d = diagnose({ ...base, tasksFound: 0, missing: {} });
    expect(d.level).toBe('problem');
    expect(d.message).toBe("Leeway can't read this Trello board — the page layout may have changed.");
    expect(d.details[0]).toMatch(/lists 12 tasks, but none could be found/);
  });

  it('an empty board (its JSON lists nothing) is not a problem', () => {
    expect(diagnose({ ...base, tasksFound: 0, jsonTasks: 0, missing: {} }).level).toBe('ok');
  });

  it('calls out a field unreadable on every task', () => {
    const d = diagnose({ ...base, missing: { title: 0, due: 0, members: 12 } });
    expect(d).toMatchObject({ level: 'problem', message: expect.stringMatching(/can't read members on this Trello board/) });
    expect(d.details).toContain('members: unreadable on 12 of 12');
  });

  it('notes the DOM fallback when the site JSON is unavailable', () => {
    expect(diagnose({ ...base, json: 'unavailable', jsonTasks: null })).toMatchObject({ level: 'info', message: expect.stringMatching(/own data was not available/) });
  });

  it('says nothing is read on pages without a route', () => {
    expect(diagnose({ ...base, route: null })).toMatchObject({ level: 'ok', details: [] });
  });
});
