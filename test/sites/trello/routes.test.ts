import { describe, expect, it } from 'vitest';
import { TRELLO_NON_ROUTES, TRELLO_ROUTES, matchTrelloRoute } from '@/utils/sites/trello/routes';

describe('Trello routes', () => {
  for (const route of TRELLO_ROUTES) {
    describe(route.kind, () => {
      it.each(route.test.matches)('matches %s', (url) => {
        expect(matchTrelloRoute(url)?.kind).toBe(route.kind);
      });

      it.each(route.test.nonMatches)('does not match %s', (url) => {
        expect(matchTrelloRoute(url)?.kind).not.toBe(route.kind);
      });

      it("does not match any other route's examples", () => {
        const others = TRELLO_ROUTES.filter((r) => r !== route).flatMap((r) => r.test.matches);
        expect(others.length).toBeGreaterThan(0);
        for (const url of others) expect(matchTrelloRoute(url)?.kind).not.toBe(route.kind);
      });
    });
  }

  it.each(TRELLO_NON_ROUTES)('%s is no route', (url) => {
    expect(matchTrelloRoute(url)).toBeNull();
  });

  it('extracts the shortLink', () => {
    expect(matchTrelloRoute('https://trello.com/b/Kx7pQ2mN/client-site-launch?menu=filter')).toEqual({ kind: 'board', shortLink: 'Kx7pQ2mN' });
    expect(matchTrelloRoute('https://trello.com/c/AbC123xy/14-homepage-hero#comment')).toEqual({ kind: 'card', shortLink: 'AbC123xy' });
    expect(matchTrelloRoute('https://trello.com/c/AbC123xy')).toEqual({ kind: 'card', shortLink: 'AbC123xy' });
  });
});
