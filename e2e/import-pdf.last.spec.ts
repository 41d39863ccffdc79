import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PHONE, expect, expectNoAxeViolations, signInAsStaff, test } from './fixtures';
import { createUser } from './people';

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, '../lib/budget-document/fixtures', name));
const PDF_TYPE = 'application/pdf';

test('staff import the budget document as a PDF: a wrong total and a mislabelled file are refused in Danish, the right PDF previews and imports', async ({ page }, testInfo) => {
  await signInAsStaff(page, (await createUser('ADMIN')).email);
  await page.goto('/staff/import');
  const file = page.getByLabel('Tekstfil eller regneark, PDF eller Word');
  const preview = page.getByRole('button', { name: 'Vis forhåndsvisning' });

  await file.setInputFiles({ name: 'udkast.pdf', mimeType: PDF_TYPE, buffer: fixture('htk-2026-wrong-total.pdf') });
  await preview.click();
  await expect(page.getByText('Dokumentet kan ikke indlæses. Intet er gemt:')).toBeVisible();
  await expect(page.locator('[data-problems]')).toContainText(/Side \d+, række \d+: Summen for "Indarbejdes ikke, men sendes i høring", serviceudgifter 2028, er -4\.690, men dokumentet angiver -4\.590 \(forskel -100\)\./u);
  await expectNoAxeViolations(page);

  await file.setInputFiles({ name: 'opsamling.pdf', mimeType: PDF_TYPE, buffer: fixture('vestera-2027-landscape.docx') });
  await preview.click();
  await expect(page.locator('[data-problems]')).toContainText('Filen hedder .pdf, men indholdet er et Word-dokument (DOCX).');

  await file.setInputFiles({ name: 'opsamling.pdf', mimeType: PDF_TYPE, buffer: fixture('vestera-2027-landscape.pdf') });
  await preview.click();
  await expect(page.getByRole('heading', { name: 'Forhåndsvisning: Budget 2027-2030' })).toBeVisible();
  await expect(page.getByText('Summerne stemmer med dokumentets "I alt" for alle lister og år.')).toBeVisible();
  const first = page.locator('table[data-preview-list="Forslag der indarbejdes i budgetforslaget"]');
  await expect(first.locator('caption')).toHaveText('Forslag der indarbejdes i budgetforslaget: 6 forslag');
  await expect(page.locator('table[data-totals-list="Forslag der indarbejdes i budgetforslaget"] tr[data-total=TRANSFER] td')).toHaveText(['-2.000', '-2.500', '-2.500', '-2.500']);
  await expectNoAxeViolations(page);
  for (const [size, label] of [[{ width: 1280, height: 800 }, '1280'], [PHONE, '390']] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: testInfo.outputPath(`import-pdf-preview-${label}.png`), fullPage: true });
  }

  await page.getByRole('button', { name: 'Indlæs dokumentet' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Budget 2027-2030' })).toHaveText(/Budget 2027-2030(: uændret| er indlæst: 10 forslag)/);
});
