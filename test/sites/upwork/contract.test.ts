// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { TaskObservationSchema } from '@/utils/model/observation';
import { milestoneObservation, readContract, type ContractRead, type DomMilestone } from '@/utils/sites/upwork/contract';
import { generateContract, renderContractPage, sampleContracts } from '../../fixtures/upwork/generate-contract';
import { CONTRACT_URL, FIXTURE_TODAY, fixtureDocument, fixtureText, parseHtml } from './fixtures';

const opts = { today: FIXTURE_TODAY, pageUrl: CONTRACT_URL };

function summary(m: DomMilestone) {
  return { id: m.milestoneId, title: m.title, amount: m.amount, status: m.status, dueText: m.dueText, due: m.due, dueUnparsed: m.dueUnparsed, submittedOn: m.submittedOn, done: m.done };
}

const observations = (read: ContractRead) => read.milestones.map((m) => milestoneObservation(read, m)!);

describe('readContract on the current markup', () => {
  const read = readContract(fixtureDocument('contract-milestones.html'), opts);

  it('reads the contract and its four milestones', () => {
    expect(read.contractId).toBe('41000001');
    expect(read.contractTitle).toBe('Shopify theme fixes');
    expect(read.freelancer && { handle: read.freelancer.handle, displayName: read.freelancer.displayName }).toEqual({ handle: '~01aa11bb22cc33dd44', displayName: 'Priya K.' });
    // The badge goes after the name link, not after the avatar link.
    expect(read.freelancer?.element.getAttribute('data-test')).toBe('UpLink');
    expect(read.milestonesFound).toBe(4);
    expect(read.missing).toEqual({ milestone: 0, milestoneId: 0, title: 0, status: 0, due: 0, amount: 0, contractId: 0, contractTitle: 0, freelancer: 0 });
    expect(read.milestones.map(summary)).toEqual([
      { id: '51000011', title: 'Wireframes & audit', amount: 400, status: 'paid', dueText: 'Due Nov 10', due: '2026-11-10', dueUnparsed: false, submittedOn: '2026-11-08', done: true },
      { id: '51000012', title: 'Theme build', amount: 1200, status: 'submitted', dueText: 'Due Nov 30', due: '2026-11-30', dueUnparsed: false, submittedOn: '2026-11-28', done: true },
      { id: '51000013', title: 'Checkout fixes', amount: 600, status: 'active', dueText: 'Due Dec 12', due: '2026-12-12', dueUnparsed: false, submittedOn: null, done: false },
      { id: '51000014', title: 'QA & launch support', amount: 300, status: 'pending', dueText: null, due: null, dueUnparsed: false, submittedOn: null, done: false },
    ]);
    expect(read.milestones.map((m) => m.dueElement?.getAttribute('data-test') ?? null)).toEqual(['milestone-due-date', 'milestone-due-date', 'milestone-due-date', null]);
  });

  it('builds valid observations; a submitted milestone is done on its submission day', () => {
    const list = observations(read);
    for (const o of list) expect(TaskObservationSchema.safeParse(o).success).toBe(true);
    expect(list[1]).toEqual({
      key: 'upwork:41000001:51000012',
      site: 'upwork',
      nativeId: '41000001:51000012',
      title: 'Theme build',
      url: 'https://www.upwork.com/nx/wm/workroom/41000001/milestones',
      board: 'Shopify theme fixes',
      list: 'Submitted for review',
      assignees: [{ site: 'upwork', handle: '~01aa11bb22cc33dd44', displayName: 'Priya K.' }],
      due: '2026-11-30',
      dueText: 'Due Nov 30',
      dueUnparsed: false,
      done: true,
      completedAt: '2026-11-28T12:00:00.000Z',
      source: 'dom',
    });
    expect(list.map((o) => [o.list, o.done, o.completedAt])).toEqual([
      ['Paid', true, '2026-11-08T12:00:00.000Z'],
      ['Submitted for review', true, '2026-11-28T12:00:00.000Z'],
      ['Active', false, null],
      ['Not funded', false, null],
    ]);
  });

  it('gives the same keys on a reload rendered on another day', () => {
    const later = sampleContracts('2026-12-05')[0]!;
    // Same contract and milestone ids, dates shifted: keys must not depend on anything but ids.
    const again = readContract(parseHtml(renderContractPage(later)), { today: '2026-12-05', pageUrl: CONTRACT_URL });
    expect(observations(again).map((o) => o.key)).toEqual(observations(read).map((o) => o.key));
    expect(observations(read).map((o) => o.key)).toEqual(['upwork:41000001:51000011', 'upwork:41000001:51000012', 'upwork:41000001:51000013', 'upwork:41000001:51000014']);
  });

  it('takes the contract id from the page URL (the contract page and the workroom tabs)', () => {
    const doc = fixtureDocument('contract-milestones.html');
    expect(readContract(doc, { today: FIXTURE_TODAY, pageUrl: 'https://www.upwork.com/nx/wm/contracts/41000001' }).contractId).toBe('41000001');
    const elsewhere = readContract(doc, { today: FIXTURE_TODAY, pageUrl: 'https://www.upwork.com/nx/find-work/' });
    expect(elsewhere.contractId).toBeNull();
    expect(elsewhere.missing.contractId).toBe(1);
    expect(observations(elsewhere).every((o) => o === null)).toBe(true);
  });
});

describe('readContract on the older markup (fallback selectors, no milestone ids)', () => {
  const read = readContract(fixtureDocument('contract-milestones-legacy.html'), opts);

  it('reads the same milestones, keyed by position', () => {
    expect(fixtureText('contract-milestones-legacy.html')).not.toContain('data-test="milestone');
    expect([read.contractId, read.contractTitle, read.freelancer?.handle, read.freelancer?.displayName]).toEqual(['41000001', 'Shopify theme fixes', '~01aa11bb22cc33dd44', 'Priya K.']);
    expect(read.milestones.map(summary)).toEqual([
      { id: '1', title: 'Wireframes & audit', amount: 400, status: 'paid', dueText: 'Due: Nov 10, 2026', due: '2026-11-10', dueUnparsed: false, submittedOn: '2026-11-08', done: true },
      { id: '2', title: 'Theme build', amount: 1200, status: 'submitted', dueText: 'Due: Nov 30, 2026', due: '2026-11-30', dueUnparsed: false, submittedOn: '2026-11-28', done: true },
      { id: '3', title: 'Checkout fixes', amount: 600, status: 'active', dueText: 'Due: Dec 12, 2026', due: '2026-12-12', dueUnparsed: false, submittedOn: null, done: false },
      { id: '4', title: 'QA & launch support', amount: 300, status: 'pending', dueText: null, due: null, dueUnparsed: false, submittedOn: null, done: false },
    ]);
    // The position fallback is visible in health, so drift from ids to positions is noticed.
    expect(read.missing).toMatchObject({ milestoneId: 4, title: 0, status: 0, due: 0, amount: 0, freelancer: 0 });
    expect(observations(read).map((o) => o.key)).toEqual(['upwork:41000001:1', 'upwork:41000001:2', 'upwork:41000001:3', 'upwork:41000001:4']);
    expect(observations(read)[1]).toMatchObject({ done: true, completedAt: '2026-11-28T12:00:00.000Z', list: 'Submitted for review' });
    // The due cell has no attribute: found by its "Due" text.
    expect(read.milestones[0]!.dueElement?.className).toBe('date');
    expect(read.milestones.every((m) => m.element.tagName === 'TR')).toBe(true);
  });

  it('uses the DOM position when no sequence number is shown', () => {
    const doc = fixtureDocument('contract-milestones-legacy.html');
    doc.querySelectorAll('[data-qa="milestone-number"]').forEach((cell) => cell.remove());
    const again = readContract(doc, opts);
    expect(again.milestones.map((m) => m.milestoneId)).toEqual(['1', '2', '3', '4']);
    expect(again.milestones.map((m) => m.title)).toEqual(read.milestones.map((m) => m.title));
  });
});

describe('readContract on mangled markup', () => {
  it('never throws, keeps stable keys when it can, and reports what it could not read', () => {
    const doc = parseHtml(fixtureText('contract-milestones.html'));
    const rows = doc.querySelectorAll('[data-test="milestone"]');
    // Row 1: id attribute removed → the "View details" link still names the milestone.
    rows[0]!.removeAttribute('data-ev-milestone_id');
    // Row 2: status and due garbled, amount gone.
    rows[1]!.querySelector('[data-test="milestone-status"]')!.textContent = '¿¿ 99 ¿¿ \u0000';
    rows[1]!.querySelector('[data-test="milestone-due-date"]')!.textContent = 'Due ¿¿ 31/31/31';
    rows[1]!.querySelector('[data-test="milestone-amount"]')!.remove();
    // Row 3: a huge title, attributes stripped from every field, no id anywhere → its position.
    rows[2]!.removeAttribute('data-ev-milestone_id');
    rows[2]!.querySelector('a[href*="/milestones/"]')!.remove();
    const title = rows[2]!.querySelector('[data-test="milestone-description"]')!;
    title.textContent = 'Checkout '.repeat(5000);
    rows[2]!.querySelectorAll('[data-test]').forEach((e) => e.removeAttribute('data-test'));
    // Row 4: a DOM that throws when read.
    Object.defineProperty(rows[3]!, 'getAttribute', { value: () => { throw new Error('boom'); } });
    doc.querySelector('[data-test="contract-title"]')!.removeAttribute('data-test');

    let read: ContractRead | undefined;
    expect(() => { read = readContract(doc, opts); }).not.toThrow();
    const r = read!;
    expect(r.milestonesFound).toBe(4);
    expect(r.milestones.map((m) => m.milestoneId)).toEqual(['51000011', '51000012', '3']);
    expect(r.missing).toMatchObject({ milestone: 1, milestoneId: 1, status: 1, due: 1, amount: 1, title: 0 });
    expect(r.contractTitle).toBe('Shopify theme fixes'); // `main h1` fallback
    const [, garbled, stripped] = r.milestones;
    expect([garbled!.status, garbled!.done, garbled!.due, garbled!.dueUnparsed, garbled!.amount]).toEqual([null, false, null, true, null]);
    // Without attributes: title from the heading, status/due/amount from text.
    expect([stripped!.status, stripped!.due, stripped!.amount, stripped!.title.length]).toEqual(['active', '2026-12-12', 600, 5000]);
    for (const m of r.milestones) expect(TaskObservationSchema.safeParse(milestoneObservation(r, m)).success).toBe(true);
    expect(milestoneObservation(r, garbled!)).toMatchObject({ list: null, done: false, dueUnparsed: true, dueText: 'Due ¿¿ 31/31/31' });
  });

  it('copes with empty pages, garbage and pages without milestones', () => {
    for (const html of ['', '<<<>>>&&&', '<div data-test="milestone"></div>', fixtureText('contracts-list.html')]) {
      const read = readContract(parseHtml(html), opts);
      for (const m of read.milestones) expect(TaskObservationSchema.safeParse(milestoneObservation(read, m)).success).toBe(true);
    }
    expect(readContract(parseHtml(''), opts).milestones).toEqual([]);
    const empty = readContract(parseHtml('<div data-test="milestone"></div>'), opts);
    expect(empty.milestones).toHaveLength(1);
    expect(empty.missing).toMatchObject({ title: 1, status: 1, amount: 1, contractTitle: 1, freelancer: 1 });
  });
});

describe('generated contracts', () => {
  const today = '2026-12-01';
  it.each(['current', 'legacy'] as const)('%s markup: every milestone matches the model', (markup) => {
    const contract = generateContract({ milestones: 60, seed: 5, today });
    const read = readContract(parseHtml(renderContractPage(contract, { markup })), { today, pageUrl: `https://www.upwork.com/nx/wm/contracts/${contract.id}` });
    expect(read.milestonesFound).toBe(60);
    expect(read.missing).toMatchObject({ milestone: 0, title: 0, status: 0, due: 0, amount: 0, freelancer: 0 });
    read.milestones.forEach((m, i) => {
      const model = contract.milestones[i]!;
      expect({ id: m.milestoneId, title: m.title, amount: m.amount, status: m.status, due: m.due, submittedOn: m.submittedOn }).toEqual({
        id: markup === 'current' ? model.id : String(i + 1),
        title: model.title,
        amount: model.amount,
        status: model.status,
        due: model.due,
        submittedOn: model.submittedOn,
      });
    });
  });

  it('is deterministic for a seed', () => {
    const html = renderContractPage(generateContract({ milestones: 10, seed: 2, today }));
    expect(renderContractPage(generateContract({ milestones: 10, seed: 2, today }))).toBe(html);
    expect(renderContractPage(generateContract({ milestones: 10, seed: 3, today }))).not.toBe(html);
  });
});
