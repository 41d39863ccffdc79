import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, expectNoAxeViolations, signInAsStaff, test } from './fixtures';
import { createUser } from './people';

const seed = readFileSync(path.resolve(import.meta.dirname, '../prisma/seed-data/budget-seminar-2025-08-29.txt'), 'utf8');

test('staff import the budget document through the UI: preview with the totals check, then confirm; a wrong total is refused in Danish', async ({ page }) => {
  await signInAsStaff(page, (await createUser('ADMIN')).email);
  await page.goto('/staff/import');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Indlæs budgetdokument');
  await expectNoAxeViolations(page);

  // A printed total that does not match its lines: nothing is written, the text is kept.
  await page.getByLabel('Tekstfil').setInputFiles({ name: 'forkert.txt', mimeType: 'text/plain', buffer: Buffer.from(seed.replace('-9.082', '-9.083')) });
  await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
  await expect(page.getByText('Dokumentet kan ikke indlæses. Intet er gemt:')).toBeVisible();
  await expect(page.locator('[data-problems]')).toContainText('Summen for "Indarbejdes og sendes i høring", serviceudgifter 2026, er -9.082, men dokumentet angiver -9.083 (forskel 1).');
  await expect(page.getByLabel('Dokumentets tekst')).toHaveValue(/Indarbejdes og sendes i høring/);
  await expectNoAxeViolations(page);

  await page.getByLabel('Tekstfil').setInputFiles({ name: 'budgetseminar.txt', mimeType: 'text/plain', buffer: Buffer.from(seed) });
  await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
  await expect(page.getByRole('heading', { name: 'Forhåndsvisning: Budget 2026-2029' })).toBeVisible();
  await expect(page.getByText('Summerne stemmer med dokumentets "I alt" for alle lister og år.')).toBeVisible();
  const first = page.locator('table[data-preview-list="Indarbejdes og sendes i høring"]');
  await expect(first.locator('caption')).toHaveText('Indarbejdes og sendes i høring: 10 forslag');
  await expect(page.locator('table[data-totals-list="Indarbejdes og sendes i høring"] tr[data-total=SERVICE] td')).toHaveText(['-9.082', '-8.470', '-7.767', '-7.663']);
  await expect(page.locator('table[data-totals-list="Indarbejdes ikke, men sendes i høring"] tr[data-total=TRANSFER] td')).toHaveText(['39', '78', '117', '156']);
  await expectNoAxeViolations(page);

  // The demo data came from this very document, so confirming changes no proposal.
  await page.getByRole('button', { name: 'Indlæs dokumentet' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Budget 2026-2029' })).toHaveText(/Budget 2026-2029(: uændret| er indlæst: 31 forslag)/);
});

test('staff export the proposals as a spreadsheet and read it back through the same preview', async ({ page }) => {
  await signInAsStaff(page, (await createUser('ADMIN')).email);
  await page.goto('/staff/proposals');
  const exported = await page.request.get((await page.getByRole('link', { name: 'Hent forslagene som Excel (.xlsx)' }).getAttribute('href'))!);
  expect(exported.headers()['content-type']).toContain('spreadsheetml');
  expect(exported.headers()['content-disposition']).toMatch(/^attachment; filename=".+\.xlsx"/);

  await page.goto('/staff/import');
  await expect(page.getByRole('link', { name: 'Hent skabelon (Excel)' })).toBeVisible();
  // Preview only: confirming would race the text import's test, which confirms the same budget.
  await page.getByLabel('Tekstfil eller regneark').setInputFiles({ name: 'forslag.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await exported.body() });
  await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
  await expect(page.getByRole('heading', { name: 'Forhåndsvisning: Budget 2026-2029' })).toBeVisible();
  await expect(page.getByText('Summerne stemmer med dokumentets "I alt" for alle lister og år.')).toBeVisible();
  await expect(page.locator('table[data-preview-list="Indarbejdes og sendes i høring"] caption')).toHaveText('Indarbejdes og sendes i høring: 10 forslag');
  await expectNoAxeViolations(page);

  // A spreadsheet with a decimal amount is refused with the row and column named.
  const bad = 'Liste;Kode;Titel;Resumé;Type;Art;2026\r\n1;ØU99;Prøve;Et resumé;Besparelse;Service;-1,5\r\n';
  await page.getByLabel('Tekstfil eller regneark').setInputFiles({ name: 'forkert.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
  await expect(page.getByText('Regnearket kan ikke indlæses. Intet er gemt:')).toBeVisible();
  await expect(page.locator('[data-problems]')).toContainText('Række 2');
  await expectNoAxeViolations(page);
});
