// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { TaskObservationSchema } from '@/utils/model/observation';
import { upworkAdapter } from '@/utils/sites/upwork/adapter';
import { generateContract, renderContractPage } from '../../fixtures/upwork/generate-contract';
import { CONTRACTS_URL, CONTRACT_URL, FIXTURE_TODAY, PROFILE_URL, PROPOSALS_URL, fixtureDocument, fixtureText, parseHtml } from './fixtures';

const read = (name: string, pageUrl: string) => upworkAdapter.readPage(fixtureDocument(name), { today: FIXTURE_TODAY, pageUrl });

describe('upworkAdapter', () => {
  it('declares the whole origin and no JSON snapshot', () => {
    expect(upworkAdapter.site).toBe('upwork');
    expect(upworkAdapter.matches).toEqual(['https://www.upwork.com/*']);
    expect(upworkAdapter.snapshot).toBeUndefined();
  });

  it('routes', () => {
    expect(upworkAdapter.route(CONTRACT_URL)).toEqual({ kind: 'contract', id: '41000001' });
    expect(upworkAdapter.route(CONTRACTS_URL)).toEqual({ kind: 'contracts', id: 'all' });
    expect(upworkAdapter.route(PROFILE_URL)).toEqual({ kind: 'profile', id: '~01aa11bb22cc33dd44' });
    expect(upworkAdapter.route(PROPOSALS_URL)).toEqual({ kind: 'proposals', id: '~021234567890123456789' });
    expect(upworkAdapter.route('https://www.upwork.com/nx/find-work/best-matches')).toBeNull();
  });

  it('places one task per milestone: chip after the due, else in the meta line; freelancer as a page person', () => {
    const { tasks, people, health } = read('contract-milestones.html', CONTRACT_URL);
    expect(tasks.map((t) => t.key)).toEqual(['upwork:41000001:51000011', 'upwork:41000001:51000012', 'upwork:41000001:51000013', 'upwork:41000001:51000014']);
    for (const t of tasks) {
      expect(t.container.getAttribute('data-test')).toBe('milestone');
      expect(t.container.contains(t.slot)).toBe(true);
      expect(t.slot.getAttribute('data-test')).toBe('milestone-meta');
      expect(t.people).toEqual([]); // the freelancer is in the header, not in the rows
      expect(t.observation.key).toBe(t.key);
      expect(TaskObservationSchema.safeParse(t.observation).success).toBe(true);
    }
    expect(tasks.map((t) => t.anchor?.textContent ?? null)).toEqual(['Due Nov 10', 'Due Nov 30', 'Due Dec 12', null]);
    expect(people?.map((p) => [p.contractorId, p.element.textContent])).toEqual([['upwork:~01aa11bb22cc33dd44', 'Priya K.']]);
    expect(health).toEqual({
      route: 'contract',
      expectsTasks: true,
      tasksFound: 4,
      missing: { milestone: 0, milestoneId: 0, title: 0, status: 0, due: 0, amount: 0, contractId: 0, contractTitle: 0, freelancer: 0 },
    });
  });

  it('reads the older markup with position keys and the row itself as slot', () => {
    const { tasks, health } = read('contract-milestones-legacy.html', 'https://www.upwork.com/nx/wm/contracts/41000001');
    expect(tasks.map((t) => t.key)).toEqual(['upwork:41000001:1', 'upwork:41000001:2', 'upwork:41000001:3', 'upwork:41000001:4']);
    expect(tasks.map((t) => t.slot.getAttribute('data-qa'))).toEqual(['milestone-meta', 'milestone-meta', 'milestone-meta', 'milestone-meta']);
    expect(tasks[3]!.anchor).toBeNull();
    expect(health).toMatchObject({ route: 'contract', expectsTasks: true, tasksFound: 4, missing: { milestoneId: 4 } });
  });

  it('badges a freelancer inside a milestone row as a task person, not a page person', () => {
    const doc = fixtureDocument('contract-milestones.html');
    const row = doc.querySelector('[data-test="milestone"]')!;
    row.insertAdjacentHTML('beforeend', '<a href="/freelancers/~01aa11bb22cc33dd44">Priya K.</a>');
    doc.querySelector('[data-test="contract-freelancer"]')!.remove();
    const { tasks, people } = upworkAdapter.readPage(doc, { today: FIXTURE_TODAY, pageUrl: CONTRACT_URL });
    expect(tasks[0]!.people.map((p) => p.contractorId)).toEqual(['upwork:~01aa11bb22cc33dd44']);
    expect(tasks[1]!.people).toEqual([]);
    expect(people).toEqual([]);
  });

  it('contracts list: no tasks (no milestone ids there), a badge per freelancer', () => {
    const { tasks, people, health } = read('contracts-list.html', CONTRACTS_URL);
    expect(tasks).toEqual([]);
    expect(people?.map((p) => p.contractorId)).toEqual(['upwork:~01aa11bb22cc33dd44', 'upwork:~01ee55ff66aa77bb88']);
    expect(health).toMatchObject({ route: 'contracts', expectsTasks: false, tasksFound: 0 });
  });

  it('profile and proposals: people only', () => {
    const profile = read('freelancer-profile.html', PROFILE_URL);
    expect([profile.tasks, profile.people?.map((p) => p.contractorId), profile.health]).toEqual([
      [],
      ['upwork:~01aa11bb22cc33dd44'],
      { route: 'profile', expectsTasks: false, tasksFound: 0, missing: { person: 0 } },
    ]);
    const proposals = read('proposals.html', PROPOSALS_URL);
    expect(proposals.people).toHaveLength(3);
    expect(proposals.health).toEqual({ route: 'proposals', expectsTasks: false, tasksFound: 0, missing: { person: 0 } });
  });

  it('a workroom tab reads milestones if shown but does not expect them', () => {
    const { tasks, health } = read('contract-milestones.html', 'https://www.upwork.com/nx/wm/workroom/41000001/messages');
    expect(tasks).toHaveLength(4);
    expect(health).toMatchObject({ route: 'workroom', expectsTasks: false });
    const empty = upworkAdapter.readPage(parseHtml('<main>Messages</main>'), { today: FIXTURE_TODAY, pageUrl: 'https://www.upwork.com/nx/wm/workroom/41000001/messages' });
    expect(empty).toMatchObject({ tasks: [], health: { route: 'workroom', tasksFound: 0 } });
  });

  it('health degrades when the contract page shows no milestones', () => {
    const doc = parseHtml(fixtureText('contract-milestones.html'));
    doc.querySelectorAll('[data-test="milestone"]').forEach((m) => m.removeAttribute('data-test'));
    const { tasks, health } = upworkAdapter.readPage(doc, { today: FIXTURE_TODAY, pageUrl: CONTRACT_URL });
    expect(tasks).toEqual([]);
    expect(health).toMatchObject({ route: 'contract', expectsTasks: true, tasksFound: 0 });
  });

  it('never throws: other pages, garbage, a document whose DOM throws', () => {
    const pages = [
      ['', CONTRACT_URL],
      ['<<<>>>', PROFILE_URL],
      [fixtureText('contract-milestones.html'), 'https://www.upwork.com/nx/find-work/'],
      [fixtureText('contract-milestones.html'), 'not a url'],
    ] as const;
    for (const [html, pageUrl] of pages) {
      expect(() => upworkAdapter.readPage(parseHtml(html), { today: FIXTURE_TODAY, pageUrl })).not.toThrow();
    }
    expect(upworkAdapter.readPage(parseHtml(fixtureText('contract-milestones.html')), { today: FIXTURE_TODAY, pageUrl: 'not a url' })).toEqual({
      tasks: [],
      people: [],
      health: { route: null, expectsTasks: false, tasksFound: 0, missing: {} },
    });
    const cursed = parseHtml(fixtureText('contract-milestones.html'));
    Object.defineProperty(cursed, 'querySelectorAll', { value: () => { throw new Error('boom'); } });
    Object.defineProperty(cursed, 'querySelector', { value: () => { throw new Error('boom'); } });
    const result = upworkAdapter.readPage(cursed, { today: FIXTURE_TODAY, pageUrl: CONTRACT_URL });
    expect(result.tasks).toEqual([]);
    expect(result.health).toMatchObject({ route: 'contract', expectsTasks: true, tasksFound: 0 });
  });

  it('an 80-milestone contract reads fully', () => {
    const contract = generateContract({ milestones: 80, seed: 9, today: FIXTURE_TODAY });
    const { tasks, health } = upworkAdapter.readPage(parseHtml(renderContractPage(contract)), {
      today: FIXTURE_TODAY,
      pageUrl: `https://www.upwork.com/nx/wm/workroom/${contract.id}/milestones`,
    });
    expect(tasks).toHaveLength(80);
    expect(new Set(tasks.map((t) => t.key)).size).toBe(80);
    expect(health.missing).toMatchObject({ milestone: 0, title: 0, status: 0, due: 0, amount: 0 });
  });
});
