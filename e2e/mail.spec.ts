import { expect, expectNoAxeViolations, signInAsStaff, test } from './fixtures';
import { createUser } from './people';

// `npm test`'s mail catcher refuses recipients at refused.invalid, and the e2e app retries once
// after a second (MAIL_RETRY_LIMIT, MAIL_RETRY_DELAY_SECONDS), so such a mail fails within seconds.
test('staff see a mail the SMTP server refused, with its error and attempts, and send it again', async ({ page }) => {
  // It waits for the retries, besides two axe scans' worth of pages.
  const email = `afvist-${Date.now().toString(36)}@refused.invalid`;
  await signInAsStaff(page, (await createUser('STAFF')).email);
  await page.goto('/staff');
  const invite = page.getByRole('form', { name: 'Inviter politiker eller medarbejder' });
  await invite.getByLabel('E-mailadresse').fill(email);
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(invite.getByRole('status')).toHaveText(`Invitationen er sendt til ${email}.`);

  await page.getByRole('link', { name: 'Fejlede e-mails' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('E-mails der ikke kunne sendes');
  const row = page.locator(`tr[data-recipient="${email}"]`);
  await expect(async () => {
    await page.reload();
    await expect(row).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(row.getByRole('cell').nth(1)).toHaveText('Invitation til budgethøringen');
  await expect(row.getByRole('cell').nth(2)).toContainText('451');
  await expect(row.getByRole('cell').nth(3)).toHaveText('2');
  await expectNoAxeViolations(page);

  await row.getByRole('button', { name: `Prøv igen: "Invitation til budgethøringen" til ${email}` }).click();
  await expect(row.getByRole('status')).toHaveText('E-mailen er lagt i kø igen.');
});
