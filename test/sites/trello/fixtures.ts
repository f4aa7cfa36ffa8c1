/** Loads the static Trello fixtures for DOM tests (needs the happy-dom environment for DOMParser). */
import { parseHtml, siteFixtures } from '../fixture-files';

export { parseHtml };
export const { FIXTURES, fixtureText, fixtureDocument } = siteFixtures('trello');

/** The day the static fixtures were "rendered" (see static-board.ts). */
export const FIXTURE_TODAY = '2026-12-01';
export const BOARD_URL = 'https://trello.com/b/Kx7pQ2mN/client-site-launch';
export const DIALOG_URL = 'https://trello.com/c/AbC123xy/14-homepage-hero';
