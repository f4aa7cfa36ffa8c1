import { localDateOf } from '../../utils/model/dates';
import { formatWithKit, type DateKit } from '../../utils/overlay/date-kit';
import { LONG_DATE_OPTIONS, SHORT_DATE_OPTIONS } from '../../utils/overlay/date-options';
import { installSettled, storeDateKit, storedDateKit } from '../support/extension';
import { boardUrl, chipsOfCard, expect, test } from '../support/test';

test('chips write dates from the date kit the background made: as Intl writes them, with no Intl on the page', async ({ context, launched, trello }) => {
  await installSettled(launched.serviceWorker);
  const kit = (await storedDateKit(launched.serviceWorker)) as DateKit;
  expect(kit.short).not.toBeNull();
  expect(kit.long).not.toBeNull();

  const card = trello.board.cards.find((c) => c.due && !c.dueComplete)!;
  const told = localDateOf(card.due!);
  const page = await context.newPage();
  await page.goto(boardUrl(trello));
  const chip = chipsOfCard(page, card.shortLink).getByRole('button');
  const [short, long] = await page.evaluate(
    ([date, s, l]) => [s, l].map((options) => new Intl.DateTimeFormat(undefined, options).format(new Date(`${date}T00:00:00Z`))),
    [told, SHORT_DATE_OPTIONS, LONG_DATE_OPTIONS] as const,
  );
  await expect(chip).toContainText(short!);
  await expect(chip).toHaveAttribute('aria-label', new RegExp(`told due ${long!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));

  // The dates come from the kit: one with other month words shows them.
  const marked: DateKit = { ...kit, short: { ...kit.short!, months: kit.short!.months.map((_, i) => `M${i + 1}`) } };
  await storeDateKit(launched.serviceWorker, marked);
  await page.reload();
  await expect(chip).toContainText(formatWithKit(marked.short!, marked.digits, told));

  // A kit made for another language is not used: the page formats with Intl.
  await storeDateKit(launched.serviceWorker, { ...marked, language: 'xx-XX' });
  await page.reload();
  await expect(chip).toContainText(short!);
});
