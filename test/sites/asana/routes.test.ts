import { describe, expect, it } from 'vitest';
import { ASANA_NON_ROUTES, ASANA_ROUTES, matchAsanaRoute } from '@/utils/sites/asana/routes';

describe('Asana routes', () => {
  for (const route of ASANA_ROUTES) {
    describe(route.kind, () => {
      it.each(route.test.matches)('matches %s', (url) => {
        expect(matchAsanaRoute(url)?.kind).toBe(route.kind);
      });

      it.each(route.test.nonMatches)('does not match %s', (url) => {
        expect(matchAsanaRoute(url)?.kind).not.toBe(route.kind);
      });

      it("does not match any other route's examples", () => {
        const others = ASANA_ROUTES.filter((r) => r !== route).flatMap((r) => r.test.matches);
        expect(others.length).toBeGreaterThan(0);
        for (const url of others) expect(matchAsanaRoute(url)?.kind).not.toBe(route.kind);
      });
    });
  }

  it.each(ASANA_NON_ROUTES)('%s is no route', (url) => {
    expect(matchAsanaRoute(url)).toBeNull();
  });

  it('extracts the gids', () => {
    const P = '1205000000000101';
    const T = '1205000000000201';
    expect(matchAsanaRoute(`https://app.asana.com/0/${P}/${T}/f`)).toEqual({ kind: 'task', id: T, projectGid: P, taskGid: T });
    expect(matchAsanaRoute(`https://app.asana.com/0/0/${T}/f`)).toEqual({ kind: 'task', id: T, projectGid: null, taskGid: T });
    expect(matchAsanaRoute(`https://app.asana.com/1/1205000000000001/project/${P}/task/${T}`)).toEqual({ kind: 'task', id: T, projectGid: P, taskGid: T });
    expect(matchAsanaRoute(`https://app.asana.com/1/1205000000000001/project/${P}/board`)).toEqual({ kind: 'project', id: P, projectGid: P, taskGid: null });
    expect(matchAsanaRoute(`https://app.asana.com/0/search?q=x&child=${T}`)).toEqual({ kind: 'search', id: T, projectGid: null, taskGid: T });
    expect(matchAsanaRoute('https://app.asana.com/0/search?q=x&child=12')).toEqual({ kind: 'search', id: '', projectGid: null, taskGid: null });
    expect(matchAsanaRoute('https://app.asana.com/0/home/1205000000000001')?.id).toBe('');
  });
});
