import type { Day, Month } from 'date-fns';
import { de, enUS, es, fr, pt } from 'date-fns/locale';
import { describe, expect, it } from 'vitest';
import { LOCALE_NAMES } from '@/utils/sites/dates/locale-names';

describe('locale names', () => {
  it('are exactly date-fns’ month and weekday names (copied to keep whole locales out of the content script)', () => {
    const locales = { enUS, es, fr, de, pt };
    for (const [name, locale] of Object.entries(locales)) {
      const table = LOCALE_NAMES[name as keyof typeof LOCALE_NAMES];
      for (const width of ['wide', 'abbreviated'] as const) {
        expect(table.months[width], `${name} months ${width}`).toEqual(Array.from({ length: 12 }, (_, i) => locale.localize.month(i as Month, { width })));
      }
      for (const width of ['wide', 'abbreviated', 'short'] as const) {
        expect(table.days[width], `${name} days ${width}`).toEqual(Array.from({ length: 7 }, (_, i) => locale.localize.day(i as Day, { width })));
      }
    }
  });
});
