import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, signInAsStaff, test } from './fixtures';
import { createUser } from './people';

// Years of this test's own: its budget is new, and so becomes the one the catalogue shows
// (hence a .last spec, run after every journey that reads the demo budget).
const first = 3000 + Math.floor(Math.random() * 6000);
const years = [first, first + 1];
const budget = `Budget ${years[0]}-${years[1]}`;
const LIST = 'Forslag der indarbejdes';

interface Row { code: string; title: string; summary: string; amounts: string }
function document(rows: Row[], totals: string): string {
  return [
    'Referat af budgetseminar',
    '',
    LIST,
    ` Nr.  Titel Resume ${years.join(' ')} Type `,
    '',
    ...rows.flatMap((row) => [`${row.code} ${row.title}`, row.summary, `${row.amounts} Besparelse`, '']),
    `  I alt, serviceudgifter   ${totals}   `,
    '  I alt, overførselsudgifter   0 0   ',
  ].join('\n');
}
const opening: Row = { code: 'ØU01', title: 'Kortere åbningstid', summary: 'Borgerservice holder lukket om fredagen, og de ansatte flyttes til telefonen.', amounts: '-100 -200' };
const copiers: Row = { code: 'ØU02', title: 'Færre kopimaskiner', summary: 'Kommunens kopimaskiner samles i to printrum, og de øvrige maskiner sælges.', amounts: '-50 -60' };
const library: Row = { code: 'ØU03', title: 'Kortere bibliotekstid', summary: 'Bibliotekerne holder åbent uden personale om aftenen, som i nabokommunerne.', amounts: '-10 -10' };
// An O for a zero, as text extraction sometimes reads one: the row cannot be read.
const cleaning: Row = { code: 'ØU04', title: 'Mindre rengøring', summary: 'Kontorerne gøres rent hver anden dag i stedet for hver dag, undtagen køkkenerne.', amounts: '-5 -5O' };

async function preview(page: Page, name: string, text: string) {
  await page.getByLabel('Tekstfil eller regneark').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
  await expect(page.getByRole('heading', { name: `Forhåndsvisning: ${budget}` })).toBeVisible();
}

test('staff see what a new version of the document changes, correct an unreadable row, confirm, and the catalogue shows the document\'s totals', async ({ page }) => {
  await signInAsStaff(page, (await createUser('STAFF')).email);
  await page.goto('/staff/import');
  await preview(page, 'seminar-1.txt', document([opening, copiers], '-150 -260'));
  await expect(page.getByText(`${budget} er ikke indlæst før, så alle forslag er nye.`)).toBeVisible();
  await page.getByRole('button', { name: 'Indlæs dokumentet' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${budget} er indlæst: 2 forslag` })).toBeVisible();

  // The second version: one proposal as before, one with a new amount, one new, and one unreadable.
  await page.goto('/staff/import');
  await preview(page, 'seminar-2.txt', document([opening, { ...copiers, amounts: '-50 -70' }, library, cleaning], '-165 -330'));
  await expect(page.locator('[data-counts]')).toHaveText('Nye forslag: 1. Ændrede: 1. Uændrede: 1.');
  const table = page.locator(`table[data-preview-list="${LIST}"]`);
  await expect(table.locator('tr[data-proposal=ØU01] [data-status]')).toHaveText('Uændret');
  await expect(table.locator('tr[data-proposal=ØU02] [data-status]')).toHaveText('Ændret');
  await expect(table.locator('tr[data-proposal=ØU02] [data-changes]')).toHaveText(`Service ${years[1]}: -60 → -70`);
  await expect(table.locator('tr[data-proposal=ØU03] [data-status]')).toHaveText('Ny');
  await expect(page.locator('[data-totals-status]')).toContainText('Summerne stemmer ikke');
  const totals = page.locator(`table[data-totals-list="${LIST}"]`);
  await expect(totals.locator('tr[data-difference=SERVICE] td')).toHaveText(['5', '50']);
  const confirm = page.getByRole('button', { name: 'Indlæs dokumentet' });
  await expect(confirm).toBeDisabled();

  const row = page.locator('form[data-unread-row]');
  await expect(row.locator('[data-raw]')).toContainText('-5 -5O Besparelse');
  await expectNoAxeViolations(page);
  await expect(row.getByLabel('Forslagsnummer')).toHaveValue('ØU04');
  await row.getByLabel('Titel').fill(cleaning.title);
  await row.getByLabel('Resumé').fill(cleaning.summary);
  await row.getByLabel(`Service ${years[0]}`).fill('-5');
  await row.getByLabel(`Service ${years[1]}`).fill('abc');
  await row.getByRole('button', { name: 'Gem rettelsen' }).click();
  await expect(row.getByText('Skriv et helt antal tusinder, fx -1.250.').first()).toBeVisible();
  await row.getByLabel(`Service ${years[1]}`).fill('-50');
  await row.getByRole('button', { name: 'Gem rettelsen' }).click();

  await expect(page.locator('[data-corrected=ØU04]')).toHaveText(`Rettet: ØU04 ${cleaning.title}`);
  await expect(page.locator('[data-totals-status]')).toHaveText('Summerne stemmer med dokumentets "I alt" for alle lister og år.');
  await expect(totals.locator('tr[data-total=SERVICE] td')).toHaveText(['-165', '-330']);
  await expect(table.locator('tr[data-proposal=ØU04] [data-status]')).toHaveText('Ny');
  await expectNoAxeViolations(page);
  await confirm.click();
  await expect(page.getByRole('status').filter({ hasText: `${budget} er indlæst: 4 forslag` })).toBeVisible();

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Forslag til ${budget}`);
  await expect(page.locator(`[data-list-totals="${LIST}"] tr[data-total=SERVICE] td`)).toHaveText(['-165', '-330']);
  await expect(page.locator('th[scope=rowgroup]')).toHaveText(['ØU01', 'ØU02', 'ØU03', 'ØU04']);
});
