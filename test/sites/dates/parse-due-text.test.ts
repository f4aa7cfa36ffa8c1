import { describe, expect, it } from 'vitest';
import { parseDueText } from '@/utils/sites/dates/parse-due-text';

type Row = [text: string, today: string, start: string | null, due: string];

const TODAY = '2026-11-28';

describe('parseDueText', () => {
  const english: Row[] = [
    ['Jun 20', TODAY, null, '2026-06-20'],
    ['Dec 10', TODAY, null, '2026-12-10'],
    ['Mar 5, 2027', TODAY, null, '2027-03-05'],
    ['Mar 5, 5:00 PM', '2027-02-01', null, '2027-03-05'],
    ['Mar 5 at 5:00 PM', '2027-02-01', null, '2027-03-05'],
    ['March 5th', '2027-02-01', null, '2027-03-05'],
    ['Thu, Mar 5', '2027-02-01', null, '2027-03-05'],
    ['  Mar   5  ', '2027-02-01', null, '2027-03-05'],
    ['Sept 9', '2027-08-01', null, '2027-09-09'],
  ];
  const ranges: Row[] = [
    ['Mar 4 - Mar 5', '2027-02-01', '2027-03-04', '2027-03-05'],
    ['Mar 4 – Mar 5', '2027-02-01', '2027-03-04', '2027-03-05'],
    ['Mar 4–Apr 2', '2027-02-01', '2027-03-04', '2027-04-02'],
    ['Mar 4 — Apr 2', '2027-02-01', '2027-03-04', '2027-04-02'],
    ['Mar 4 - 5', '2027-02-01', '2027-03-04', '2027-03-05'],
    ['10 oct - 11 nov', '2026-10-20', '2026-10-10', '2026-11-11'],
    ['Dec 28 - Jan 4', '2026-12-20', '2026-12-28', '2027-01-04'],
    ['Dec 28 - Jan 4, 2027', '2026-12-01', '2026-12-28', '2027-01-04'],
    ['Dec 30, 2026 - Jan 2', '2026-12-01', '2026-12-30', '2027-01-02'],
    ['2027-03-04 - 2027-03-05', TODAY, '2027-03-04', '2027-03-05'],
  ];
  const otherLanguages: Row[] = [
    // Spanish
    ['5 mar', '2027-02-01', null, '2027-03-05'],
    ['5 de mar.', '2027-02-01', null, '2027-03-05'],
    ['5 ene', '2026-12-20', null, '2027-01-05'],
    ['5 de septiembre', '2027-08-01', null, '2027-09-05'],
    ['5 dic. a las 17:00', '2026-12-01', null, '2026-12-05'],
    // French
    ['5 mars', '2027-02-01', null, '2027-03-05'],
    ['5 févr.', '2027-01-15', null, '2027-02-05'],
    ['5 fevr', '2027-01-15', null, '2027-02-05'],
    ['1er juil.', '2027-06-01', null, '2027-07-01'],
    ['5 juin', '2027-06-01', null, '2027-06-05'],
    ['le 5 déc. à 17:00', '2026-12-01', null, '2026-12-05'],
    // German
    ['5. März', '2027-02-01', null, '2027-03-05'],
    ['5. Marz', '2027-02-01', null, '2027-03-05'],
    ['5. Mrz.', '2027-02-01', null, '2027-03-05'],
    ['5. Okt.', '2026-10-01', null, '2026-10-05'],
    ['5. Dezember 2027', TODAY, null, '2027-12-05'],
    ['5. März um 17:00 Uhr', '2027-02-01', null, '2027-03-05'],
    // Portuguese
    ['5 de mar.', '2027-02-01', null, '2027-03-05'],
    ['5 de março', '2027-02-01', null, '2027-03-05'],
    ['5 de marco', '2027-02-01', null, '2027-03-05'],
    ['5 out', '2026-10-01', null, '2026-10-05'],
    ['5 de fev. de 2027', TODAY, null, '2027-02-05'],
    ['5 set', '2026-09-01', null, '2026-09-05'],
  ];
  const numeric: Row[] = [
    ['2027-03-05', TODAY, null, '2027-03-05'],
    ['05.03.2027', TODAY, null, '2027-03-05'],
    ['13/03/2027', TODAY, null, '2027-03-13'],
    ['03/13/2027', TODAY, null, '2027-03-13'],
  ];
  // Year inference: without a year, today's year unless that is more than six months away.
  const yearInference: Row[] = [
    ['Jan 5', '2026-11-28', null, '2027-01-05'],
    ['Mar 5', '2026-11-28', null, '2027-03-05'],
    ['Jun 20', '2026-11-28', null, '2026-06-20'],
    ['May 27', '2026-11-28', null, '2027-05-27'],
    ['May 29', '2026-11-28', null, '2026-05-29'],
    ['Dec 30', '2027-01-03', null, '2026-12-30'],
    ['Jan 2', '2026-12-31', null, '2027-01-02'],
    ['Dec 31', '2026-12-31', null, '2026-12-31'],
    ['Jul 1', '2027-01-02', null, '2027-07-01'],
    ['Jul 3', '2027-01-02', null, '2026-07-03'],
    ['Feb 29', '2027-12-01', null, '2028-02-29'],
  ];

  describe.each([
    ['English', english],
    ['ranges', ranges],
    ['Spanish, French, German, Portuguese', otherLanguages],
    ['numeric', numeric],
    ['year inference', yearInference],
  ])('%s', (_name, rows) => {
    it.each(rows)('%s (today %s)', (text, today, start, due) => {
      expect(parseDueText(text, today)).toEqual({ start, due });
    });
  });

  it.each([
    'Someday',
    'tomorrow',
    '',
    '   ',
    'Mar',
    '5',
    'Mar 5 6',
    'Feb 30',
    'Feb 29, 2027',
    '31 abr',
    '05/03/2027', // d/m or m/d: ambiguous
    '2027-13-01',
    'Mar 5 - Someday',
    'Mar 5 - Mar 6 - Mar 7',
    'Apr 5, 2027 - Mar 1, 2027', // end before start
    '5 jui', // juin or juillet
    'x'.repeat(500),
  ])('returns null for %j', (text) => {
    expect(parseDueText(text, TODAY)).toBeNull();
  });

  it('returns null for an invalid today instead of an Invalid Date', () => {
    expect(parseDueText('Mar 5', 'not-a-date')).toBeNull();
  });

  it('never throws on odd input', () => {
    const odd = ['\u0000', '(((', '-', '–', ' - ', '5 de de de', '𝟓 mar', 'mar\u0301 5', undefined as unknown as string, 42 as unknown as string];
    for (const text of odd) expect(() => parseDueText(text, TODAY)).not.toThrow();
  });
});
