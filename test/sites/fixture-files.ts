/** Loads a site's saved fixtures for tests (DOM tests need the happy-dom environment for DOMParser). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

export function siteFixtures(site: 'trello' | 'asana' | 'upwork') {
  const folder = join(dirname(fileURLToPath(import.meta.url)), '../fixtures', site);
  const fixtureText = (name: string): string => readFileSync(join(folder, name), 'utf8');
  return { FIXTURES: folder, fixtureText, fixtureDocument: (name: string): Document => parseHtml(fixtureText(name)) };
}
