import { sampleContracts, FREELANCERS } from '../../test/fixtures/upwork/generate-contract';
import { todayIso } from '../support/extension';
import { milestonesUrl, serveUpwork } from '../support/fake-upwork';
import { expect, test } from '../support/test';

test('Upwork milestones are tasks: stable keys, submitted counts as delivered, the freelancer is badged', async ({ context }) => {
  const contracts = sampleContracts(todayIso());
  await serveUpwork(context, contracts);
  const contract = contracts[0]!;
  const page = await context.newPage();
  await page.goto(milestonesUrl(contract));
  const chips = page.locator('[data-leeway="task"]');
  await expect(chips).toHaveCount(contract.milestones.length);
  for (const m of contract.milestones) {
    const chip = page.locator(`[data-leeway="task"][data-task-key="upwork:${contract.id}:${m.id}"]`);
    await expect(chip).toHaveCount(1);
    if (['submitted', 'approved', 'paid'].includes(m.status)) await expect(chip).toHaveAttribute('data-zone', 'done');
    if (m.due) await expect(chip).toHaveAttribute('data-told-due', m.due);
    else await expect(chip).toHaveAttribute('data-zone', /^(none|done)$/);
  }
  await expect(page.locator(`[data-leeway="contractor"][data-contractor="upwork:${contract.freelancer.ciphertext}"]`).first()).toBeVisible();

  // A reload keeps the same keys.
  await page.reload();
  await expect(page.locator(`[data-task-key="upwork:${contract.id}:${contract.milestones[2]!.id}"]`)).toHaveCount(1);
});

test('a freelancer profile gets the owner’s own history badge, next to Upwork’s Job Success Score', async ({ context }) => {
  const contracts = sampleContracts(todayIso());
  await serveUpwork(context, contracts);
  const page = await context.newPage();
  await page.goto(milestonesUrl(contracts[0]!));
  await expect(page.locator('[data-leeway="task"]')).toHaveCount(contracts[0]!.milestones.length);

  await page.goto(`https://www.upwork.com/freelancers/${FREELANCERS.priya.ciphertext}`);
  const badge = page.locator(`[data-leeway="contractor"][data-contractor="upwork:${FREELANCERS.priya.ciphertext}"]`);
  await expect(badge).toHaveCount(1);
  await expect(page.getByText('100% Job Success')).toBeVisible();
  // Someone the owner never worked with gets no badge.
  await page.goto(`https://www.upwork.com/freelancers/${FREELANCERS.tomas.ciphertext}`);
  await expect(page.locator('h1, h2').first()).toBeVisible();
  await expect(page.locator('[data-leeway="contractor"]')).toHaveCount(0);
});

test('proposals from freelancers the owner has worked with carry their record; strangers carry none', async ({ context }) => {
  const contracts = sampleContracts(todayIso());
  await serveUpwork(context, contracts);
  const page = await context.newPage();
  await page.goto(milestonesUrl(contracts[0]!));
  await expect(page.locator('[data-leeway="task"]')).toHaveCount(contracts[0]!.milestones.length);

  await page.goto(`https://www.upwork.com/ab/applicants/~021234567890123456789/applicants`);
  await expect(page.getByText(FREELANCERS.tomas.name).first()).toBeVisible();
  await expect(page.locator(`[data-leeway="contractor"][data-contractor="upwork:${FREELANCERS.priya.ciphertext}"]`)).toHaveCount(1);
  await expect(page.locator('[data-leeway="contractor"]')).toHaveCount(1);
});
