import { storage } from '#imports';
import { asDateKit, buildDateKit, DATE_KIT_VERSION, type DateKit } from './date-kit';
import { SHORT_DATE_OPTIONS } from './date-options';

/** The background's date kit for the pages (see `date-kit.ts`), in extension storage: pages read it with the settings. */
const dateKitItem = storage.defineItem<unknown>('local:dateKit', { fallback: null });

/**
 * Background: makes the kit again when there is none yet, or it was made for another language or kit version, and,
 * with `checkLocale`, for another locale. Pages only compare `navigator.language`, which needs no `Intl`; the
 * browser's locale, which `Intl` formats in, can change without it, but only when the browser restarts, so it is
 * checked then (learning it makes an `Intl.DateTimeFormat`: 15–25 ms the first time in a process, which every wake-up
 * of the worker would otherwise pay).
 */
export async function refreshDateKit(options: { language: string; today: Date; checkLocale?: boolean }): Promise<void> {
  const stored = asDateKit(await dateKitItem.getValue());
  const current = stored && stored.language === options.language && stored.version === DATE_KIT_VERSION;
  if (current && !options.checkLocale) return;
  if (current && stored.locale === new Intl.DateTimeFormat(undefined, SHORT_DATE_OPTIONS).resolvedOptions().locale) return;
  await dateKitItem.setValue(buildDateKit(options));
}

/** Pages: the kit, if there is one for the page's language (otherwise dates are formatted with `Intl`). */
export async function loadDateKit(language: string): Promise<DateKit | null> {
  const kit = asDateKit(await dateKitItem.getValue().catch(() => null));
  return kit && kit.language === language ? kit : null;
}
