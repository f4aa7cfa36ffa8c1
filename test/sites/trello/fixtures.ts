/** Loads the static Trello fixtures for DOM tests (needs the happy-dom environment for DOMParser). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/trello');

export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

export function fixtureDocument(name: string): Document {
  return parseHtml(fixtureText(name));
}

/** The day the static fixtures were "rendered" (see static-board.ts). */
export const FIXTURE_TODAY = '2026-12-01';
export const BOARD_URL = 'https://trello.com/b/Kx7pQ2mN/client-site-launch';
export const DIALOG_URL = 'https://trello.com/c/AbC123xy/14-homepage-hero';
