import { describe, expect, it } from 'vitest';
import {
  UPWORK_NON_ROUTES,
  UPWORK_ROUTES,
  ciphertextFromHref,
  contractIdFromHref,
  matchUpworkRoute,
  milestonesUrl,
} from '@/utils/sites/upwork/routes';

describe('Upwork routes', () => {
  for (const route of UPWORK_ROUTES) {
    describe(route.kind, () => {
      it.each(route.test.matches)('matches %s', (url) => {
        expect(matchUpworkRoute(url)?.kind).toBe(route.kind);
      });

      it.each(route.test.nonMatches)('does not match %s', (url) => {
        expect(matchUpworkRoute(url)?.kind).not.toBe(route.kind);
      });

      it("does not match any other route's examples", () => {
        const others = UPWORK_ROUTES.filter((r) => r !== route).flatMap((r) => r.test.matches);
        expect(others.length).toBeGreaterThan(0);
        for (const url of others) expect(matchUpworkRoute(url)?.kind).not.toBe(route.kind);
      });
    });
  }

  it.each(UPWORK_NON_ROUTES)('%s is no route', (url) => {
    expect(matchUpworkRoute(url)).toBeNull();
  });

  it('extracts ids', () => {
    expect(matchUpworkRoute('https://www.upwork.com/nx/wm/contracts?status=active')).toEqual({ kind: 'contracts', id: 'all' });
    expect(matchUpworkRoute('https://www.upwork.com/nx/wm/contracts/41000001')).toEqual({ kind: 'contract', id: '41000001' });
    expect(matchUpworkRoute('https://www.upwork.com/nx/wm/workroom/41000001/overview')).toEqual({ kind: 'contract', id: '41000001' });
    expect(matchUpworkRoute('https://www.upwork.com/nx/wm/workroom/41000001/messages')).toEqual({ kind: 'workroom', id: '41000001' });
    // Ciphertexts are compared lower-cased: the same freelancer whatever the link's case.
    expect(matchUpworkRoute('https://www.upwork.com/freelancers/~01AA11BB22CC33DD44?s=1')).toEqual({ kind: 'profile', id: '~01aa11bb22cc33dd44' });
    expect(matchUpworkRoute('https://www.upwork.com/ab/applicants/1234567890123456789/applicants')).toEqual({ kind: 'proposals', id: '1234567890123456789' });
    expect(matchUpworkRoute('https://www.upwork.com/nx/proposals/')).toEqual({ kind: 'proposals', id: 'all' });
  });

  it('reads ids from relative and absolute links', () => {
    expect(contractIdFromHref('/nx/wm/workroom/41000001/overview')).toBe('41000001');
    expect(contractIdFromHref('https://www.upwork.com/nx/wm/contracts/41000002')).toBe('41000002');
    expect(contractIdFromHref('/nx/wm/workroom/41000001/messages')).toBe('41000001');
    expect(contractIdFromHref('/freelancers/~01aa11bb22cc33dd44')).toBeNull();
    expect(contractIdFromHref('https://evil.example/nx/wm/contracts/41000001')).toBeNull();
    expect(contractIdFromHref(null)).toBeNull();
    expect(ciphertextFromHref('/freelancers/~01aa11bb22cc33dd44?referrer_url_path=/ab/applicants')).toBe('~01aa11bb22cc33dd44');
    expect(ciphertextFromHref('https://www.upwork.com/freelancers/~01aa11bb22cc33dd44')).toBe('~01aa11bb22cc33dd44');
    expect(ciphertextFromHref('/fl/priyak')).toBeNull();
    expect(ciphertextFromHref('javascript:alert(1)')).toBeNull();
    expect(milestonesUrl('41000001')).toBe('https://www.upwork.com/nx/wm/workroom/41000001/milestones');
  });
});
