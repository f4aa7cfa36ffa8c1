// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UPWORK_SELECTORS as S, queryAllFirst } from '@/utils/sites/upwork/selectors';
import { FIXTURES, fixtureDocument } from './fixtures';

describe('Upwork selectors', () => {
  it('every entry carries a dated comment and none anchors on air3 classes', () => {
    const source = readFileSync(join(FIXTURES, '../../../utils/sites/upwork/selectors.ts'), 'utf8');
    const entries = source.split('\n').filter((line) => /^\s+'.*',/.test(line));
    expect(entries.length).toBeGreaterThan(40);
    for (const line of entries) expect(line).toMatch(/\/\/ .*20\d\d/);
    for (const list of Object.values(S)) for (const selector of list) expect(selector).not.toMatch(/air3/);
  });

  it('current and older contract pages are found through different entries', () => {
    const current = fixtureDocument('contract-milestones.html');
    const legacy = fixtureDocument('contract-milestones-legacy.html');
    expect(queryAllFirst(current, S.milestone).map((e) => e.getAttribute('data-test'))).toEqual(['milestone', 'milestone', 'milestone', 'milestone']);
    expect(queryAllFirst(legacy, S.milestone).map((e) => e.getAttribute('data-qa'))).toEqual(['milestone-row', 'milestone-row', 'milestone-row', 'milestone-row']);
    expect(queryAllFirst(current, S.milestoneDue)).toHaveLength(3);
    expect(queryAllFirst(legacy, S.milestoneDue)).toHaveLength(0); // the older due cell has no attribute: text fallback
  });
});
