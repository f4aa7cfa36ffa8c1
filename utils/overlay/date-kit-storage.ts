import { storage } from '#imports';
import { asDateKit, buildDateKit, DATE_KIT_VERSION, SHORT_DATE_OPTIONS, type DateKit } from './date-kit';

/** The background's date kit for the pages (see `date-kit.ts`), in extension storage: pages read it with the settings. */
const dateKitItem = storage.defineItem<unknown>('local:dateKit', { fallback: null });

/**
 * Background: makes the kit again when there is none yet, or it was made for another language, locale or kit version.
 * (Pages only compare `navigator.language`, which needs no `Intl`; the browser's locale, which `Intl` formats in,
 * can change without it, and is checked here, where `Intl` costs the page nothing.)
 */
export async function refreshDateKit(options: { language: string; today: Date }): Promise<void> {
  const stored = asDateKit(await dateKitItem.getValue());
  const locale = new Intl.DateTimeFormat(undefined, SHORT_DATE_OPTIONS).resolvedOptions().locale;
  if (stored && stored.language === options.language && stored.locale === locale && stored.version === DATE_KIT_VERSION) return;
  await dateKitItem.setValue(buildDateKit(options));
}

/** Pages: the kit, if there is one for the page's language (otherwise dates are formatted with `Intl`). */
export async function loadDateKit(language: string): Promise<DateKit | null> {
  const kit = asDateKit(await dateKitItem.getValue().catch(() => null));
  return kit && kit.language === language ? kit : null;
}
