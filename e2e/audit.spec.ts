import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { expect, expectNoAxeViolations, signInAsStaff, test } from './fixtures';
import { createUser } from './people';

test('staff filter the audit log by person, action and period and download what they see', async ({ page }) => {
  const staff = await createUser('STAFF');
  await signInAsStaff(page, staff.email);
  await page.getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Auditlog' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Auditlog');

  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
  const filters = page.getByRole('search', { name: 'Filtrér loggen' });
  await filters.getByLabel('Person (navn eller e-mail)').fill(staff.email);
  await filters.getByLabel('Handling').selectOption({ label: 'Log ind' });
  await filters.getByLabel('Fra dato').fill(today);
  await filters.getByLabel('Til og med dato').fill(today);
  await filters.getByRole('button', { name: 'Vis' }).click();
  await expect(page).toHaveURL(new RegExp(`person=${encodeURIComponent(staff.email).replaceAll('.', '\\.')}`));

  const rows = page.locator('tbody tr[data-action="auth.sign_in"]');
  await expect(rows.first()).toContainText('Log ind');
  await expect(rows.first()).toContainText('Udført');
  await expect(rows.first()).toContainText('Budgetkontoret');
  await expect(page.locator('tbody tr:not([data-action="auth.sign_in"])')).toHaveCount(0);
  await expect(page.getByText(/\d+ hændelser?\. Side 1 af \d+\./)).toBeVisible();
  await expectNoAxeViolations(page);

  // The download carries the same filter.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^auditlog-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await file.path(), 'utf8');
  const [header, ...csvRows]: string[][] = parse(csv, { bom: true, delimiter: ';', record_delimiter: '\r\n' });
  expect(header!.slice(0, 3)).toEqual(['Tidspunkt', 'Bruger', 'E-mailadresse']);
  expect(csvRows.length).toBeGreaterThan(0);
  for (const row of csvRows) expect(row.join(';')).toContain(';Log ind;Udført;');

  // Another person's events are not in it; an empty result says so.
  await page.goto('/staff/audit?person=ingen-saadan-person-findes');
  await expect(page.getByText('Ingen hændelser passer til filteret.')).toBeVisible();
});

test('the audit log and its export are for staff only', async ({ page }) => {
  const response = await page.request.get('/staff/audit/export?format=csv');
  expect(response.status()).toBe(403);
  expect(await response.text()).toBe('Kun budgetkontoret har adgang til auditloggen.');
});
