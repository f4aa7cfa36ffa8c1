/**
 * The demo's history: six contractors with 2–48 past deliveries each across Trello, Asana and Upwork,
 * as a Leeway export file the demo imports before it opens the sites. Each person behaves differently
 * (excellent, typical, erratic, new, getting worse, steady) so every screen shows something true.
 * Dates are relative to `today`; the same `today` gives the same file.
 */
import type { ExportFile } from '../../utils/export/format';
import { seededRandom as random } from '../../utils/forecast/rng';

interface Person {
  id: string;
  name: string;
  identities: { site: 'trello' | 'asana' | 'upwork'; handle: string; displayName: string }[];
  deliveries: number;
  /** Chance of being late, early in their history and lately. */
  lateEarly: number;
  lateLately: number;
  /** Largest slip in working days when late. */
  maxSlip: number;
}

const PEOPLE: Person[] = [
  { id: 'trello:anaruiz', name: 'Ana Ruiz', identities: [{ site: 'trello', handle: 'anaruiz', displayName: 'Ana Ruiz' }, { site: 'asana', handle: '1206000000000014', displayName: 'Ana Ruiz' }], deliveries: 48, lateEarly: 0.08, lateLately: 0.05, maxSlip: 2 },
  { id: 'trello:benok', name: 'Ben Okafor', identities: [{ site: 'trello', handle: 'benok', displayName: 'Ben Okafor' }, { site: 'asana', handle: '1206000000000013', displayName: 'Ben Okafor' }], deliveries: 36, lateEarly: 0.3, lateLately: 0.3, maxSlip: 3 },
  { id: 'trello:chenli', name: 'Chen Li', identities: [{ site: 'trello', handle: 'chenli', displayName: 'Chen Li' }, { site: 'asana', handle: '1206000000000012', displayName: 'Chen Li' }], deliveries: 28, lateEarly: 0.5, lateLately: 0.6, maxSlip: 8 },
  { id: 'trello:danavel', name: 'Dana Vel (Studio V)', identities: [{ site: 'trello', handle: 'danavel', displayName: 'Dana Vel (Studio V)' }, { site: 'asana', handle: '1206000000000011', displayName: 'Dana Vel' }], deliveries: 2, lateEarly: 0, lateLately: 0, maxSlip: 1 },
  { id: 'upwork:~01aa11bb22cc33dd44', name: 'Priya K.', identities: [{ site: 'upwork', handle: '~01aa11bb22cc33dd44', displayName: 'Priya K.' }], deliveries: 24, lateEarly: 0.05, lateLately: 0.5, maxSlip: 4 },
  { id: 'upwork:~01ee55ff66aa77bb88', name: 'Marco D.', identities: [{ site: 'upwork', handle: '~01ee55ff66aa77bb88', displayName: 'Marco D.' }], deliveries: 22, lateEarly: 0.2, lateLately: 0.2, maxSlip: 3 },
];

const WORK = ['Landing page copy', 'Logo variations', 'Checkout QA', 'Blog post draft', 'Newsletter template', 'API endpoint', 'Icon set',
  'Product photos retouch', 'Pricing table', 'Onboarding emails', 'Bug fixes batch', 'Analytics events', 'Case study layout', 'Social banners'];


/** `today` + days, at a given UTC hour, skipping to Monday when it lands on a weekend. */
function workday(today: string, days: number, hour: number): string {
  const d = new Date(`${today}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  d.setUTCHours(hour);
  return d.toISOString();
}

export function demoHistory(today: string): ExportFile {
  const rand = random(2026);
  const tasks: ExportFile['tasks'] = [];
  const events: ExportFile['events'] = [];
  for (const person of PEOPLE) {
    for (let i = 0; i < person.deliveries; i++) {
      const identity = person.identities[i % person.identities.length]!;
      const key = `${identity.site}:demo-${identity.handle.replace(/[^A-Za-z0-9]/g, '')}-${i}`;
      // Spread over the last year, oldest first; 2–10 working days each.
      const start = -20 - Math.round(((person.deliveries - i) / person.deliveries) * 340);
      const length = 2 + Math.floor(rand() * 9);
      const recent = i >= person.deliveries - 6;
      const late = rand() < (recent ? person.lateLately : person.lateEarly);
      const slip = late ? 1 + Math.floor(rand() * person.maxSlip) : -Math.floor(rand() * 2);
      const assignedAt = workday(today, start, 9);
      const toldDue = workday(today, start + length, 17);
      const completedAt = workday(today, start + length + slip, 15);
      tasks.push({
        key,
        site: identity.site,
        title: `${WORK[Math.floor(rand() * WORK.length)]} #${i + 1}`,
        url: identity.site === 'upwork' ? 'https://www.upwork.com/nx/wm/contracts' : `https://${identity.site === 'trello' ? 'trello.com' : 'app.asana.com'}/`,
        assignees: [person.id],
        assigneeIdentities: [`${identity.site}:${identity.handle}`],
        assignedAt,
        toldDue,
        clientDue: null,
        done: true,
        completedAt,
      });
    }
  }
  return {
    format: 'leeway-export',
    version: 1,
    exportedAt: `${today}T12:00:00.000Z`,
    contractors: PEOPLE.map((p) => ({ id: p.id, name: p.name, identities: p.identities })),
    tasks,
    events,
  };
}
