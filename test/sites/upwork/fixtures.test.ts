import { describe, expect, it } from 'vitest';
import {
  FREELANCERS,
  renderContractPage,
  renderContractsListPage,
  renderProfilePage,
  renderProposalsPage,
  sampleContracts,
  sampleJob,
} from '../../fixtures/upwork/generate-contract';
import { FIXTURE_TODAY, fixtureText } from './fixtures';

describe('Upwork fixtures', () => {
  it('the committed HTML is what the generator renders (run write-fixtures.ts after changing it)', () => {
    const contracts = sampleContracts(FIXTURE_TODAY);
    expect(fixtureText('contract-milestones.html')).toBe(renderContractPage(contracts[0]!));
    expect(fixtureText('contract-milestones-legacy.html')).toBe(renderContractPage(contracts[0]!, { markup: 'legacy' }));
    expect(fixtureText('contracts-list.html')).toBe(renderContractsListPage(contracts, FIXTURE_TODAY));
    expect(fixtureText('freelancer-profile.html')).toBe(renderProfilePage(FREELANCERS.priya, [FREELANCERS.marco, FREELANCERS.tomas]));
    expect(fixtureText('proposals.html')).toBe(renderProposalsPage(sampleJob()));
  });

  it('sample dates follow today', () => {
    const [contract] = sampleContracts('2027-03-10');
    expect(contract!.milestones.map((m) => [m.status, m.due, m.submittedOn])).toEqual([
      ['paid', '2027-02-17', '2027-02-15'],
      ['submitted', '2027-03-09', '2027-03-07'],
      ['active', '2027-03-21', null],
      ['pending', null, null],
    ]);
    expect(renderContractPage(contract!)).toContain('Due Mar 21');
  });

  it('escapes names and titles', () => {
    const html = renderProposalsPage(sampleJob());
    expect(html).toContain('Aiyana &quot;AJ&quot; Jones &lt;QA&gt;');
    expect(html).not.toContain('<QA>');
  });
});
