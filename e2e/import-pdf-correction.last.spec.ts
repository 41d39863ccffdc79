import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { formatAmount } from '../lib/format';
import { FIXTURE_DOCUMENTS, type FixtureDocument } from '../scripts/fixtures/budget-document-data';
import { documentHtml, expectedDocument, printPdf } from '../scripts/fixtures/budget-documents';
import { PHONE, expect, expectNoAxeViolations, signInAsStaff, test } from './fixtures';
import { createUser } from './people';

// Years of this test's own, above every other test's (3000–9000): its budget is the newest, which
// the catalogue shows (hence a .last spec). The PDFs are printed by Chromium from the fixture
// generator's HTML at run time, so that their years are these.
const first = 9100 + Math.floor(Math.random() * 800);
const years = [first, first + 1, first + 2, first + 3];
const budget = `Budget ${years[0]}-${years[3]}`;
const misread = FIXTURE_DOCUMENTS.find((d) => d.misread)!;
const [accepted, rejected] = [misread.lists[0]!, misread.lists[1]!];
const allRejected = FIXTURE_DOCUMENTS[0]!.lists[1]!.proposals;

// The first version: ISU02 as later, ØU04 with other amounts, no ØU01, two rejected proposals.
const [isu02, , ou04] = accepted.proposals;
const firstVersion: FixtureDocument = {
  ...misread, years, misread: undefined,
  lists: [{ ...accepted, proposals: [isu02!, { ...ou04!, lines: [{ ...ou04!.lines[0]!, amounts: [-5000, -3167, -1914, -1260] }] }] }, rejected],
};
// The second: ØU01's -500 misread as "-5OO", ØU04 changed back, and SSU07 new.
const secondVersion: FixtureDocument = { ...misread, years, lists: [accepted, { ...rejected, proposals: allRejected.slice(0, 3) }] };

function pdf(doc: FixtureDocument): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'import-pdf-correction-'));
  try {
    printPdf(documentHtml(doc), path.join(dir, 'document.pdf'));
    return readFileSync(path.join(dir, 'document.pdf'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function preview(page: Page, name: string, doc: FixtureDocument) {
  await page.goto('/staff/import');
  await page.getByLabel('Tekstfil eller regneark, PDF eller Word').setInputFiles({ name, mimeType: 'application/pdf', buffer: pdf(doc) });
  await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
  await expect(page.getByRole('heading', { name: `Forhåndsvisning: ${budget}` })).toBeVisible();
}

test('staff upload a PDF with an unreadable row, see new, changed and unchanged, correct the row, confirm, and the catalogue shows the document\'s totals', async ({ page }, testInfo) => {
  await signInAsStaff(page, (await createUser('STAFF')).email);
  await preview(page, 'seminar-1.pdf', firstVersion);
  await page.getByRole('button', { name: 'Indlæs dokumentet' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${budget} er indlæst: 4 forslag` })).toBeVisible();

  await preview(page, 'seminar-2.pdf', secondVersion);
  await expect(page.locator('[data-counts]')).toHaveText('Nye forslag: 1. Ændrede: 1. Uændrede: 3.');
  const table = page.locator(`table[data-preview-list="${accepted.heading}"]`);
  await expect(table.locator('tr[data-proposal=ISU02] [data-status]')).toHaveText('Uændret');
  await expect(table.locator('tr[data-proposal=ØU04] [data-status]')).toHaveText('Ændret');
  await expect(table.locator('tr[data-proposal=ØU04] [data-changes]')).toHaveText(`Service ${years[0]}: -5.000 → -5.099`);
  await expect(page.locator(`table[data-preview-list="${rejected.heading}"] tr[data-proposal=SSU07] [data-status]`)).toHaveText('Ny');
  await expect(page.locator('[data-totals-status]')).toContainText('Summerne stemmer ikke');
  const confirm = page.getByRole('button', { name: 'Indlæs dokumentet' });
  await expect(confirm).toBeDisabled();

  const row = page.getByRole('form', { name: `Side 1, række 2 i listen «${accepted.heading}»` });
  await expect(row.locator('[data-raw]')).toContainText('ØU01 Mindre nyindkøb, mere genbrug');
  await expect(row.locator('[data-raw]')).toContainText('-500 -5OO -500 -500 Effektivisering');
  await expect(row.getByLabel('Forslagsnummer')).toHaveValue('ØU01');
  await expectNoAxeViolations(page);
  for (const [size, label] of [[{ width: 1280, height: 800 }, '1280'], [PHONE, '390']] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: testInfo.outputPath(`import-pdf-correction-${label}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  await row.getByLabel('Titel').fill('Mindre nyindkøb, mere genbrug');
  await row.getByLabel('Resumé').fill('Institutionerne genbruger inventar i stedet for at købe nyt.');
  for (const year of years) await row.getByLabel(`Service ${year}`).fill('-500');
  await row.getByRole('button', { name: 'Gem rettelsen' }).click();

  await expect(page.locator('[data-corrected=ØU01]')).toHaveText('Rettet: ØU01 Mindre nyindkøb, mere genbrug');
  await expect(page.locator('[data-totals-status]')).toHaveText('Summerne stemmer med dokumentets "I alt" for alle lister og år.');
  await expect(table.locator('tr[data-proposal=ØU01] [data-status]')).toHaveText('Ny');
  await expectNoAxeViolations(page);
  await confirm.click();
  await expect(page.getByRole('status').filter({ hasText: `${budget} er indlæst: 6 forslag` })).toBeVisible();

  const printed = (list: number) => expectedDocument(secondVersion).lists[list]!.printedTotals.filter((t) => t.kind === 'SERVICE').map((t) => formatAmount(t.amount));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Forslag til ${budget}`);
  await expect(page.locator(`[data-list-totals="${accepted.heading}"] tr[data-total=SERVICE] td`)).toHaveText(printed(0));
  await expect(page.locator(`[data-list-totals="${rejected.heading}"] tr[data-total=SERVICE] td`)).toHaveText(printed(1));
});
