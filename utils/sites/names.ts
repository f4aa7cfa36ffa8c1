import type { SiteId } from '../model/observation';

/** How each site is named to the owner; hand-tracked tasks and people live in Leeway itself. */
export const SITE_NAMES: Record<SiteId, string> = { trello: 'Trello', asana: 'Asana', upwork: 'Upwork', manual: 'Leeway' };

/** A site's name for text that may hold any string (rows read back from storage). */
export function siteName(site: string): string {
  return (SITE_NAMES as Record<string, string>)[site] ?? site;
}
