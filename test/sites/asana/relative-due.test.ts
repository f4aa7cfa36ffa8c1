import { describe, expect, it } from 'vitest';
import { resolveAsanaDueText } from '@/utils/sites/asana/relative-due';

// 2026-12-01 is a Tuesday; 2026-12-31 a Thursday; 2027-01-03 a Sunday.
describe('resolveAsanaDueText', () => {
  it.each([
    ['Today', '2026-12-01', '2026-12-01'],
    ['today', '2026-12-01', '2026-12-01'],
    ['Tomorrow', '2026-12-01', '2026-12-02'],
    ['Yesterday', '2026-12-01', '2026-11-30'],
    ['Tomorrow', '2026-12-31', '2027-01-01'],
    ['Yesterday', '2027-01-01', '2026-12-31'],
    ['Today at 5pm', '2026-12-01', '2026-12-01'],
    ['Tomorrow, 17:00', '2026-12-01', '2026-12-02'],
  ])('%s on %s → %s', (text, today, expected) => expect(resolveAsanaDueText(text, today)).toBe(expected));

  it.each([
    ['Thursday', '2026-12-01', '2026-12-03'],
    ['Monday', '2026-12-01', '2026-12-07'], // across the week boundary
    ['Tuesday', '2026-12-01', '2026-12-08'], // today's weekday would read "Today": a bare name is next week's
    ['Saturday', '2026-12-31', '2027-01-02'], // across the year boundary
    ['Friday 9:30 AM', '2026-12-01', '2026-12-04'],
    ['Thu', '2026-12-01', '2026-12-03'],
    ['Last Thursday', '2026-12-01', '2026-11-26'],
    ['Last Tuesday', '2026-12-01', '2026-11-24'],
    ['Last Monday', '2027-01-03', '2026-12-28'],
    ['Next Wednesday', '2026-12-01', '2026-12-02'],
  ])('weekday %s on %s → %s', (text, today, expected) => expect(resolveAsanaDueText(text, today)).toBe(expected));

  it.each([
    ['Feb 22', '2026-12-01', '2027-02-22'], // more than six months back → next year
    ['Nov 22', '2026-12-01', '2026-11-22'],
    ['Jan 8, 2027', '2026-12-01', '2027-01-08'],
    ['Dec 30', '2027-01-03', '2026-12-30'], // year inference looking back across New Year
    ['Feb 20 – 22', '2026-12-01', '2027-02-22'],
    ['Today – Friday', '2026-12-01', '2026-12-04'],
    ['Yesterday – Dec 3', '2026-12-01', '2026-12-03'],
  ])('absolute %s on %s → %s', (text, today, expected) => expect(resolveAsanaDueText(text, today)).toBe(expected));

  it.each(['', '   ', 'Prochainement', 'Someday', 'Last', 'Last week', 'Donnerstag', 'x'.repeat(500), 'Mon – Tue – Wed'])(
    'refuses %j',
    (text) => expect(resolveAsanaDueText(text, '2026-12-01')).toBeNull(),
  );

  it('refuses a bad today and non-strings without throwing', () => {
    expect(resolveAsanaDueText('Today', 'yesterday')).toBeNull();
    expect(resolveAsanaDueText(42 as unknown as string, '2026-12-01')).toBeNull();
  });
});
