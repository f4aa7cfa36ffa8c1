import { describe, expect, it } from 'vitest';
import { AUTO_RELEASE_DAYS, fundReleaseDate, fundReleaseReminder } from '@/utils/sites/upwork/funds';
import { findDueInText, findSubmittedOn, parseAmount, parseMilestoneStatus, readDueText } from '@/utils/sites/upwork/text';

const TODAY = '2026-12-01';

describe('parseMilestoneStatus', () => {
  it.each([
    ['Active & funded', 'active'],
    ['Active and funded', 'active'],
    ['In progress', 'active'],
    ['Changes requested', 'active'],
    ['Funded', 'funded'],
    ['Funded (in escrow)', 'funded'],
    ['Not funded', 'pending'],
    ['Unfunded', 'pending'],
    ['Pending', 'pending'],
    ['Submitted for review', 'submitted'],
    ['Work submitted', 'submitted'],
    ['In review', 'submitted'],
    ['Pending approval', 'submitted'],
    ['Approved', 'approved'],
    ['Paid', 'paid'],
    ['Approved & paid', 'paid'],
    ['Payment released', 'paid'],
    ['  PAID  ', 'paid'],
  ])('%s → %s', (text, status) => expect(parseMilestoneStatus(text)).toBe(status));

  it.each(['', 'Wireframes', '¿¿ 99 ¿¿', 'x'.repeat(500)])('unknown %j → null', (text) => expect(parseMilestoneStatus(text)).toBeNull());
});

describe('readDueText', () => {
  it.each([
    ['Due Mar 3', '2027-03-03'],
    ['Due Dec 12', '2026-12-12'],
    ['Due: Dec 12, 2026', '2026-12-12'],
    ['Due date Jan 8, 2027', '2027-01-08'],
    ['Due Nov 30 · Overdue', '2026-11-30'],
    ['Mar 3, 2027', '2027-03-03'],
    ['3/15/2027', '2027-03-15'],
    ['2027-03-03', '2027-03-03'],
  ])('%s → %s', (text, due) => expect(readDueText(text, TODAY)).toEqual({ dueText: text, due, dueUnparsed: false }));

  it('refuses ambiguous numeric dates and ranges, keeping the text', () => {
    expect(readDueText('3/4/2027', TODAY)).toEqual({ dueText: '3/4/2027', due: null, dueUnparsed: true });
    expect(readDueText('Due Mar 3 - Mar 5', TODAY)).toMatchObject({ due: null, dueUnparsed: true });
    expect(readDueText('Due whenever', TODAY)).toMatchObject({ due: null, dueUnparsed: true });
  });

  it('treats "no due date" and nothing as no due', () => {
    for (const text of [null, '', '   ', 'No due date', 'Due: not set', '—']) {
      expect(readDueText(text, TODAY)).toEqual({ dueText: null, due: null, dueUnparsed: false });
    }
  });

  it('finds due and submission phrases in row text', () => {
    expect(findDueInText('2 Theme build $1,200.00 Due Nov 30 Submitted Nov 28')).toBe('Due Nov 30');
    expect(findDueInText('4 QA $300.00 No due date Pending')).toBeNull();
    expect(findSubmittedOn('Theme build Submitted on Nov 28, 2026 $1,200.00', TODAY)).toBe('2026-11-28');
    expect(findSubmittedOn('Submitted Nov 28', TODAY)).toBe('2026-11-28');
    expect(findSubmittedOn('Submitted for review', TODAY)).toBeNull();
  });
});

describe('parseAmount', () => {
  it.each([
    ['$1,200.00', 1200],
    ['$400', 400],
    ['Amount: $ 35.50', 35.5],
    ['$12,345,678.90', 12345678.9],
  ])('%s → %d', (text, amount) => expect(parseAmount(text)).toBe(amount));

  it.each(['', '1,200.00', '€400'])('%j → null', (text) => expect(parseAmount(text)).toBeNull());
});

describe('fundReleaseReminder', () => {
  it('puts the release 14 days after submission', () => {
    expect(AUTO_RELEASE_DAYS).toBe(14);
    expect(fundReleaseDate('2026-11-28')).toBe('2026-12-12');
    expect(fundReleaseDate('2026-12-25')).toBe('2027-01-08'); // across the year
    expect(fundReleaseDate('2027-02-20')).toBe('2027-03-06'); // across a short February
    expect(fundReleaseDate('2026-11-28T12:00:00.000Z')).toBe('2026-12-12'); // an observation's completedAt
  });

  it('says when and why in one sentence', () => {
    expect(fundReleaseReminder('2026-11-28')).toBe(
      'Submitted Nov 28, 2026: Upwork releases the payment on Dec 12, 2026 (14 days later) unless you approve it or request changes before then.',
    );
  });

  it('falls back to the rule for dates it cannot read', () => {
    for (const bad of ['', 'yesterday', '2026-02-31', '2026-13-01']) {
      expect(fundReleaseDate(bad)).toBeNull();
      expect(fundReleaseReminder(bad)).toMatch(/^Upwork releases a submitted milestone's payment 14 days after submission/);
    }
  });
});
