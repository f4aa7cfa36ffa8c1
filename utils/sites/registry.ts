import type { SiteAdapter } from './adapter';
import { asanaAdapter } from './asana/adapter';
import { trelloAdapter } from './trello/adapter';
import { upworkAdapter } from './upwork/adapter';

/** Every site Leeway reads. Adding a site is its folder plus one line here. */
export const SITE_ADAPTERS: readonly SiteAdapter[] = [trelloAdapter, asanaAdapter, upworkAdapter];

export function adapterForUrl(url: string): SiteAdapter | null {
  const host = new URL(url).origin;
  return SITE_ADAPTERS.find((a) => a.matches.some((m) => m.startsWith(`${host}/`))) ?? null;
}
