/**
 * A big, realistic history as an export file: `contractors` people, `tasks` tasks spread over the last
 * two years across the three sites, about `eventsPerTask` events each. Deterministic for a seed.
 */
import type { ExportFile } from '../utils/export/format';
import { seededRandom as random } from '../utils/forecast/rng';


const SITES = ['trello', 'asana', 'upwork'] as const;

export function generateHistory(options: { tasks: number; contractors: number; eventsPerTask: number; today: string; seed?: number }): ExportFile {
  const rand = random(options.seed ?? 1);
  const day = (offset: number, hour = 12) => {
    const d = new Date(`${options.today}T00:00:00.000Z`);
    d.setUTCDate(d.getUTCDate() + offset);
    d.setUTCHours(hour);
    return d.toISOString();
  };
  const contractors = Array.from({ length: options.contractors }, (_, i) => {
    const site = SITES[i % 3]!;
    return {
      id: `${site}:person${i}`,
      name: `Person ${i}`,
      identities: [{ site, handle: `person${i}`, displayName: `Person ${i}` }],
      // Each person has their own reliability.
      lateness: rand() * 0.6,
    };
  });
  const tasks: ExportFile['tasks'] = [];
  const events: ExportFile['events'] = [];
  for (let i = 0; i < options.tasks; i++) {
    const who = contractors[Math.floor(rand() * contractors.length)]!;
    const site = who.identities[0]!.site;
    const assigned = -Math.floor(rand() * 700) - 5;
    const told = assigned + 2 + Math.floor(rand() * 12);
    const open = told > -3 && rand() < 0.7;
    const slip = rand() < who.lateness ? 1 + Math.floor(rand() * 6) : -Math.floor(rand() * 2);
    const done = !open;
    const key = `${site}:t${i}`;
    const identity = `${site}:${who.identities[0]!.handle}`;
    tasks.push({
      key, site, title: `Task ${i}`, url: `https://example.com/${key}`, assignees: [who.id], assigneeIdentities: [identity],
      assignedAt: day(assigned, 9), toldDue: day(told, 17), clientDue: rand() < 0.3 ? day(told + 5).slice(0, 10) : null,
      done, completedAt: done ? day(told + slip, 15) : null, lastSeenAt: day(0, 8), firstSeenAt: day(assigned, 9),
    });
    const base = { taskKey: key, approximate: false, oldValue: null, newValue: null, contractorId: null } as const;
    events.push({ ...base, id: `${key}|created`, type: 'created', at: day(assigned, 9), source: 'json' });
    events.push({ ...base, id: `${key}|assigned`, type: 'assigned', at: day(assigned, 9), source: 'json', contractorId: identity });
    events.push({ ...base, id: `${key}|due`, type: 'due-set', at: day(assigned, 10), source: 'json', newValue: day(told, 17) });
    for (let e = 3; e < options.eventsPerTask - 1; e++) {
      events.push({ ...base, id: `${key}|seen${e}`, type: 'zone-changed', at: day(assigned + e, 11), source: 'json', oldValue: 'green', newValue: 'green' });
    }
    if (done) events.push({ ...base, id: `${key}|done`, type: 'completed', at: day(told + slip, 15), source: 'json' });
  }
  return {
    format: 'leeway-export',
    version: 1,
    exportedAt: day(0),
    contractors: contractors.map(({ lateness: _l, ...c }) => c),
    tasks,
    events,
  };
}
