/** Loads the static Asana fixtures for tests (DOM tests need the happy-dom environment for DOMParser). */
import type { FetchLike } from '@/utils/sites/asana/json';
import { asanaJsonKey } from '../../fixtures/asana/generate-project';
import { parseHtml, siteFixtures } from '../fixture-files';

export { parseHtml };
export const { FIXTURES, fixtureText, fixtureDocument } = siteFixtures('asana');

/** The day the static fixtures were "rendered" (a Tuesday; see static-project.ts). */
export const FIXTURE_TODAY = '2026-12-01';
export const PROJECT = '1205000000000101';
export const BOARD_URL = `https://app.asana.com/0/${PROJECT}/board`;
export const LIST_URL = `https://app.asana.com/0/${PROJECT}/list`;
export const PANE_URL = `https://app.asana.com/0/${PROJECT}/1205000000000202`;
export const MY_TASKS_URL = 'https://app.asana.com/1/1205000000000001/my-tasks';

export type Route = { status?: number; body: string; type?: string } | 'network-error';

/** The static JSON responses, keyed like `asanaJsonKey` (path + offset). */
export function staticResponses(): Record<string, Route> {
  const index = JSON.parse(fixtureText('json/index.json')) as Record<string, string>;
  return Object.fromEntries(Object.entries(index).map(([key, file]) => [key, { body: fixtureText(file), type: 'application/json' }]));
}

/** A fake `fetch` answering by `asanaJsonKey(url)`, recording every request; unknown URLs are 404. */
export function fakeFetch(routes: Record<string, Route | unknown>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const impl: FetchLike = async (url, init) => {
    calls.push({ url, init });
    const found = routes[asanaJsonKey(url)];
    const route: Route =
      found === undefined
        ? { status: 404, body: '{"errors":[{"message":"Not found"}]}', type: 'application/json' }
        : typeof found === 'object' && found !== null && 'body' in found
          ? (found as Route)
          : found === 'network-error'
            ? 'network-error'
            : { body: JSON.stringify(found), type: 'application/json' };
    if (route === 'network-error') throw new TypeError('Failed to fetch');
    return new Response(route.body, { status: route.status ?? 200, headers: { 'content-type': route.type ?? 'text/plain' } });
  };
  return { impl, calls };
}
