/**
 * The demo board: a small agency's "Client Site Launch" board with four contractors and a few months of
 * delivery history in Trello's own actions, dated relative to today so the demo always looks current.
 * Used by `npm run demo` and by the E2E tests (which derive their expectations from this model).
 */
import type { FixtureAction, FixtureBoard, FixtureCard, FixtureMember } from '../../test/fixtures/trello/generate-board';

export const DEMO_MEMBERS = {
  ana: { id: '5f1a00000000000000000a01', fullName: 'Ana Ruiz', username: 'anaruiz', initials: 'AR' },
  ben: { id: '5f1a00000000000000000a02', fullName: 'Ben Okafor', username: 'benok', initials: 'BO' },
  chen: { id: '5f1a00000000000000000a03', fullName: 'Chen Li', username: 'chenli', initials: 'CL' },
  dana: { id: '5f1a00000000000000000a04', fullName: 'Dana Vel (Studio V)', username: 'danavel', initials: 'DV' },
} satisfies Record<string, FixtureMember>;

const LISTS = {
  todo: { id: '64f0aa0000000000000000a1', name: 'To do' },
  doing: { id: '64f0aa0000000000000000a2', name: 'In progress' },
  review: { id: '64f0aa0000000000000000a3', name: 'Client review' },
  done: { id: '64f0aa0000000000000000a4', name: 'Done' },
};

/** `today` ± days at 12:00 UTC: the same calendar date in every time zone from UTC−11 to UTC+11. */
export function dayOffset(today: string, days: number): string {
  const date = new Date(`${today}T12:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString();
}

interface PastDelivery {
  who: FixtureMember;
  title: string;
  /** Days before today the work was handed over. */
  assignedDaysAgo: number;
  /** Told duration in days. */
  toldDays: number;
  /** Days late (negative: early). */
  slip: number;
}

const HISTORY: PastDelivery[] = [
  { who: DEMO_MEMBERS.ana, title: 'Wireframes for the about page', assignedDaysAgo: 120, toldDays: 7, slip: -1 },
  { who: DEMO_MEMBERS.ana, title: 'Brand colour tokens', assignedDaysAgo: 104, toldDays: 5, slip: 0 },
  { who: DEMO_MEMBERS.ana, title: 'Hero illustration v1', assignedDaysAgo: 90, toldDays: 10, slip: -2 },
  { who: DEMO_MEMBERS.ana, title: 'Team page layout', assignedDaysAgo: 75, toldDays: 6, slip: 1 },
  { who: DEMO_MEMBERS.ana, title: 'Icon set', assignedDaysAgo: 60, toldDays: 8, slip: 0 },
  { who: DEMO_MEMBERS.ana, title: 'Case study template', assignedDaysAgo: 41, toldDays: 7, slip: -1 },
  { who: DEMO_MEMBERS.ana, title: 'Social share images', assignedDaysAgo: 25, toldDays: 4, slip: 0 },
  { who: DEMO_MEMBERS.ben, title: 'CMS content model', assignedDaysAgo: 110, toldDays: 6, slip: 2 },
  { who: DEMO_MEMBERS.ben, title: 'Contact form backend', assignedDaysAgo: 95, toldDays: 5, slip: 0 },
  { who: DEMO_MEMBERS.ben, title: 'Blog listing page', assignedDaysAgo: 80, toldDays: 7, slip: 3 },
  { who: DEMO_MEMBERS.ben, title: 'Sitemap and redirects', assignedDaysAgo: 58, toldDays: 4, slip: -1 },
  { who: DEMO_MEMBERS.ben, title: 'Cookie banner', assignedDaysAgo: 35, toldDays: 3, slip: 1 },
  { who: DEMO_MEMBERS.chen, title: 'Payment provider spike', assignedDaysAgo: 100, toldDays: 5, slip: 6 },
  { who: DEMO_MEMBERS.chen, title: 'Staging environment', assignedDaysAgo: 84, toldDays: 4, slip: 0 },
  { who: DEMO_MEMBERS.chen, title: 'Image CDN setup', assignedDaysAgo: 66, toldDays: 6, slip: 4 },
  { who: DEMO_MEMBERS.chen, title: 'Performance audit', assignedDaysAgo: 45, toldDays: 5, slip: 5 },
  { who: DEMO_MEMBERS.dana, title: 'Launch video storyboard', assignedDaysAgo: 30, toldDays: 9, slip: 0 },
];

interface OpenCard {
  key: string;
  title: string;
  list: keyof typeof LISTS;
  who: FixtureMember[];
  /** Due relative to today, in days; null for no due. */
  dueIn: number | null;
  startIn?: number;
  dueTextOverride?: string;
}

const OPEN: OpenCard[] = [
  { key: 'Hero0001', title: 'Homepage hero', list: 'doing', who: [DEMO_MEMBERS.ana], dueIn: 6 },
  { key: 'Pric0002', title: 'Pricing page copy', list: 'doing', who: [DEMO_MEMBERS.ben], dueIn: 1 },
  { key: 'Chck0003', title: 'Checkout bug fixes', list: 'doing', who: [DEMO_MEMBERS.chen], dueIn: -2 },
  { key: 'News0004', title: 'Newsletter template', list: 'todo', who: [DEMO_MEMBERS.dana], dueIn: 12 },
  { key: 'Land0005', title: 'Landing page A/B variants', list: 'todo', who: [DEMO_MEMBERS.ana, DEMO_MEMBERS.ben], dueIn: 9, startIn: 4 },
  { key: 'Logo0006', title: 'Logo <b>refresh</b> <img src=x onerror="document.title=\'pwned\'">', list: 'review', who: [DEMO_MEMBERS.ben], dueIn: 3 },
  { key: 'Blog0007', title: 'Blog migration plan', list: 'todo', who: [DEMO_MEMBERS.chen], dueIn: null },
  { key: 'Note0008', title: 'Collect testimonials', list: 'todo', who: [], dueIn: 15 },
  // A due badge in a form Leeway cannot read (a locale it does not know): the JSON still knows the date.
  { key: 'Vid00009', title: 'Launch video edit', list: 'todo', who: [DEMO_MEMBERS.dana], dueIn: 8, dueTextOverride: 'Dü 5 Mrtz' },
];

export function demoBoard(today: string): FixtureBoard {
  const cards: FixtureCard[] = [];
  const actions: FixtureAction[] = [];
  let n = 0;
  const cardId = () => `6500${String(++n).padStart(20, '0')}`;
  const actionId = () => `6600${String(actions.length + 1).padStart(20, '0')}`;

  for (const open of OPEN) {
    const id = cardId();
    const due = open.dueIn === null ? null : dayOffset(today, open.dueIn);
    cards.push({
      id,
      idShort: n,
      shortLink: open.key,
      name: open.title,
      idList: LISTS[open.list].id,
      members: open.who,
      start: open.startIn === undefined ? null : dayOffset(today, open.startIn),
      due,
      dueComplete: false,
      ...(open.dueTextOverride ? { dueTextOverride: open.dueTextOverride } : {}),
    });
    const ref = { id, shortLink: open.key, idShort: n, name: open.title };
    const created = dayOffset(today, -10);
    actions.push({ id: actionId(), type: 'createCard', date: created, data: { card: ref, list: LISTS[open.list] } });
    for (const m of open.who) {
      actions.push({ id: actionId(), type: 'addMemberToCard', date: created, data: { card: ref, idMember: m.id, member: { id: m.id, name: m.fullName } } });
    }
    if (due) actions.push({ id: actionId(), type: 'updateCard', date: dayOffset(today, -9), data: { card: { ...ref, due }, old: { due: null } } });
  }

  HISTORY.forEach((past, i) => {
    const id = cardId();
    const shortLink = `Past${String(i + 1).padStart(4, '0')}`;
    const assigned = dayOffset(today, -past.assignedDaysAgo);
    const due = dayOffset(today, -past.assignedDaysAgo + past.toldDays);
    const delivered = dayOffset(today, -past.assignedDaysAgo + past.toldDays + past.slip);
    cards.push({ id, idShort: n, shortLink, name: past.title, idList: LISTS.done.id, members: [past.who], start: null, due, dueComplete: true });
    const ref = { id, shortLink, idShort: n, name: past.title };
    actions.push({ id: actionId(), type: 'createCard', date: assigned, data: { card: ref, list: LISTS.todo } });
    actions.push({ id: actionId(), type: 'addMemberToCard', date: assigned, data: { card: ref, idMember: past.who.id, member: { id: past.who.id, name: past.who.fullName } } });
    actions.push({ id: actionId(), type: 'updateCard', date: assigned.replace('12:00', '12:05'), data: { card: { ...ref, due }, old: { due: null } } });
    actions.push({ id: actionId(), type: 'updateCard', date: delivered.replace('12:00', '16:30'), data: { card: { ...ref, dueComplete: true }, old: { dueComplete: false } } });
  });

  actions.sort((a, b) => b.date.localeCompare(a.date)); // Trello answers newest first
  return {
    id: '64f0aa00000000000000b0a1',
    shortLink: 'Demo2026',
    name: 'Client Site Launch',
    slug: 'client-site-launch',
    today,
    lists: Object.values(LISTS),
    cards,
    actions,
  };
}
