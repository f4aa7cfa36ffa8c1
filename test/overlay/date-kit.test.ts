import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { asDateKit, buildDateKit, formatWithKit, type DateKit } from '@/utils/overlay/date-kit';
import { LONG_DATE_OPTIONS, SHORT_DATE_OPTIONS } from '@/utils/overlay/date-options';
import { loadDateKit, refreshDateKit } from '@/utils/overlay/date-kit-storage';
import { longDate, shortDate, useDateKit } from '@/utils/overlay/format';

const TODAY = new Date('2026-11-29T12:00:00Z');
const kitFor = (locale: string) => buildDateKit({ language: locale, locale, today: TODAY });
const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
/** Every fifth day of 2031 and 2032: outside the three years a kit is checked on when made. */
const LATER_DAYS = Array.from({ length: 146 }, (_, i) => iso(Date.UTC(2031, 0, 1 + 5 * i)));

/** Counts the `Intl.DateTimeFormat`s made from here on (each still a real one). */
function countIntlDateFormats(): () => number {
  const Real = Intl.DateTimeFormat;
  let made = 0;
  vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(function (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
    made++;
    return new Real(...args);
  } as unknown as typeof Intl.DateTimeFormat);
  return () => made;
}

describe('the date kit: formats taken apart in the background, put together on the page', () => {
  // Word order, native digits (Arabic, Bengali), words that change with the month (Polish, Russian genitives),
  // a literal that V8's `format` and `formatToParts` write differently (Russian "2026 г.").
  const locales = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'ja-JP', 'zh-CN', 'ko-KR', 'ru-RU', 'uk-UA', 'pl-PL', 'ar-EG', 'bn-BD', 'he-IL', 'hu-HU', 'es-ES', 'pt-BR', 'tr-TR', 'vi-VN'];

  it.each(locales)('%s: both formats write every date as Intl does, also years after those checked', (locale) => {
    const kit = kitFor(locale);
    const short = new Intl.DateTimeFormat(locale, SHORT_DATE_OPTIONS);
    const long = new Intl.DateTimeFormat(locale, LONG_DATE_OPTIONS);
    expect(kit.short).not.toBeNull();
    expect(kit.long).not.toBeNull();
    for (const date of ['2026-11-29', '2027-02-28', '2028-02-29', ...LATER_DAYS]) {
      const time = Date.parse(`${date}T00:00:00Z`);
      expect(formatWithKit(kit.short!, kit.digits, date)).toBe(short.format(time));
      expect(formatWithKit(kit.long!, kit.digits, date)).toBe(long.format(time));
    }
  });

  it('leaves out a format it cannot put back together: another calendar, zero-padded numbers', () => {
    // Thai writes the Buddhist year (2569), Persian the Solar Hijri calendar, Lithuanian "11-29".
    expect(kitFor('th-TH')).toMatchObject({ long: null });
    expect(kitFor('th-TH').short).not.toBeNull();
    expect(kitFor('fa-IR')).toMatchObject({ short: null, long: null });
    expect(kitFor('lt-LT')).toMatchObject({ short: null, long: null });
  });

  it('survives a trip through storage (JSON) and reads back only in its own shape', () => {
    const kit = kitFor('de-DE');
    expect(asDateKit(JSON.parse(JSON.stringify(kit)))).toEqual(kit);
    expect(asDateKit(kitFor('fa-IR'))).toEqual(kitFor('fa-IR'));
    for (const foreign of [null, 'kit', 42, {}, { ...kit, version: 2 }, { ...kit, digits: kit.digits.slice(1) }, { ...kit, language: 7 }, { ...kit, locale: undefined },
      { ...kit, short: { ...kit.short!, months: [...kit.short!.months.slice(1), 3] } },
      { ...kit, long: { ...kit.long!, weekdays: ['Sunday'] } },
      { ...kit, long: { ...kit.long!, parts: [null] } },
      { ...kit, long: { ...kit.long!, parts: [{ type: 'literal', value: 5 }] } }]) {
      expect(asDateKit(foreign)).toBeNull();
    }
  });
});

describe('page dates with and without a kit', () => {
  afterEach(() => useDateKit(null));

  it('with a kit, formats without making an Intl.DateTimeFormat', () => {
    const kit = kitFor('en-GB');
    const made = countIntlDateFormats();
    useDateKit(kit);
    expect(shortDate('2026-12-03')).toBe('3 Dec');
    expect(longDate('2026-12-03')).toBe('Thursday, 3 December 2026');
    expect(made()).toBe(0);
  });

  it('uses Intl for a format the kit leaves out, and for everything without a kit', () => {
    const thai = kitFor('th-TH');
    useDateKit({ ...thai, short: kitFor('en-GB').short, digits: kitFor('en-GB').digits });
    expect(shortDate('2026-12-03')).toBe('3 Dec');
    expect(longDate('2026-12-03')).toBe(new Intl.DateTimeFormat(undefined, LONG_DATE_OPTIONS).format(Date.UTC(2026, 11, 3)));
    useDateKit(null);
    expect(shortDate('2026-12-03')).toBe(new Intl.DateTimeFormat(undefined, SHORT_DATE_OPTIONS).format(Date.UTC(2026, 11, 3)));
  });
});

describe('the kit in extension storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is made once per language, and a page of another language gets none', async () => {
    await refreshDateKit({ language: 'en-US', today: TODAY });
    const first = await loadDateKit('en-US');
    expect(first).toMatchObject({ language: 'en-US' });
    expect(formatWithKit(first!.short!, first!.digits, '2026-11-29')).toBe(new Intl.DateTimeFormat(undefined, SHORT_DATE_OPTIONS).format(Date.UTC(2026, 10, 29)));

    const made = countIntlDateFormats();
    await refreshDateKit({ language: 'en-US', today: TODAY });
    expect(made()).toBe(0); // a wake-up of the worker: no Intl at all
    await refreshDateKit({ language: 'en-US', today: TODAY, checkLocale: true });
    expect(made()).toBe(1); // a browser start: only to learn the browser's locale
    expect(await loadDateKit('de-DE')).toBeNull();

    await refreshDateKit({ language: 'de-DE', today: TODAY });
    expect(made()).toBe(3);
    expect(await loadDateKit('de-DE')).toMatchObject({ language: 'de-DE' });
  });

  it("is made again when the browser restarts in another locale under the same page language", async () => {
    await refreshDateKit({ language: 'en-US', today: TODAY });
    const stored = await loadDateKit('en-US');
    // As if it had been made while the browser's locale was German.
    await fakeBrowser.storage.local.set({ dateKit: { ...kitFor('de-DE'), language: 'en-US' } });
    expect((await loadDateKit('en-US'))?.locale).toBe('de-DE');
    await refreshDateKit({ language: 'en-US', today: TODAY });
    expect((await loadDateKit('en-US'))?.locale).toBe('de-DE'); // a wake-up does not look
    await refreshDateKit({ language: 'en-US', today: TODAY, checkLocale: true });
    expect(await loadDateKit('en-US')).toEqual(stored);
  });

  it('a corrupt stored kit is no kit (the page uses Intl), and the background makes it again', async () => {
    await fakeBrowser.storage.local.set({ dateKit: { version: 1, language: 'en-US', digits: 'garbage' } });
    expect(await loadDateKit('en-US')).toBeNull();
    await refreshDateKit({ language: 'en-US', today: TODAY });
    expect((await loadDateKit('en-US')) satisfies DateKit | null).not.toBeNull();
  });
});
