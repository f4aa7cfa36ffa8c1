// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readContractsList } from '@/utils/sites/upwork/contracts-list';
import { FIXTURE_TODAY, fixtureDocument, fixtureText, parseHtml } from './fixtures';

const summary = (c: ReturnType<typeof readContractsList>['contracts'][number]) => ({
  contractId: c.contractId,
  title: c.title,
  freelancer: c.freelancer && [c.freelancer.handle, c.freelancer.displayName],
  nextDue: c.nextDue.due,
  nextDueText: c.nextDue.dueText,
});

describe('readContractsList', () => {
  it('reads every contract with its freelancer and next milestone due', () => {
    const read = readContractsList(fixtureDocument('contracts-list.html'), { today: FIXTURE_TODAY });
    expect(read.rowsFound).toBe(2);
    expect(read.missing).toEqual({ row: 0, contractId: 0, title: 0, freelancer: 0, nextDue: 0 });
    expect(read.contracts.map(summary)).toEqual([
      { contractId: '41000001', title: 'Shopify theme fixes', freelancer: ['~01aa11bb22cc33dd44', 'Priya K.'], nextDue: '2026-12-12', nextDueText: 'Due Dec 12' },
      { contractId: '41000002', title: 'API integration', freelancer: ['~01ee55ff66aa77bb88', 'Marco D.'], nextDue: null, nextDueText: null },
    ]);
    expect(read.contracts[0]!.element.getAttribute('data-test')).toBe('contract-tile');
  });

  it('falls back to contract links and row text when the row attributes are gone', () => {
    const doc = parseHtml(fixtureText('contracts-list.html'));
    doc.querySelectorAll('[data-test]').forEach((e) => e.removeAttribute('data-test'));
    const read = readContractsList(doc, { today: FIXTURE_TODAY });
    expect(read.contracts.map(summary)).toEqual([
      { contractId: '41000001', title: 'Shopify theme fixes', freelancer: ['~01aa11bb22cc33dd44', 'Priya K.'], nextDue: '2026-12-12', nextDueText: 'Due Dec 12' },
      { contractId: '41000002', title: 'API integration', freelancer: ['~01ee55ff66aa77bb88', 'Marco D.'], nextDue: null, nextDueText: null },
    ]);
    expect(read.contracts[0]!.element.tagName).toBe('TR');
  });

  it('never throws on garbage and counts unreadable rows', () => {
    const doc = parseHtml(fixtureText('contracts-list.html'));
    const rows = doc.querySelectorAll('[data-test="contract-tile"]');
    rows[0]!.querySelector('a[data-test="job-title"]')!.setAttribute('href', '/nx/find-work/');
    rows[1]!.querySelector('[data-test="next-milestone"]')!.innerHTML = '<span data-test="next-milestone-due">Due ¿¿</span>';
    rows[1]!.querySelector('a[href*="/freelancers/"]')!.remove();
    const read = readContractsList(doc, { today: FIXTURE_TODAY });
    expect(read.missing).toEqual({ row: 0, contractId: 1, title: 0, freelancer: 1, nextDue: 1 });
    expect(read.contracts.map((c) => c.contractId)).toEqual(['41000002']);
    for (const html of ['', '<<<>>>', '<table><tr data-test="contract-tile"><td>x</td></tr></table>']) {
      expect(readContractsList(parseHtml(html), { today: FIXTURE_TODAY }).contracts).toEqual([]);
    }
  });
});
