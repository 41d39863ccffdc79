import { expect, expectNoAxeViolations, test } from './fixtures';

// The demo data is the seminar document, so the figures below are the document's own.
const INCORPORATED = 'Indarbejdes og sendes i høring';
const NOT_INCORPORATED = 'Indarbejdes ikke, men sendes i høring';

function listSection(page: import('@playwright/test').Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

test('the catalogue shows both lists with the document’s totals', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Forslag til Budget 2026-2029');

  const incorporated = listSection(page, INCORPORATED);
  const notIncorporated = listSection(page, NOT_INCORPORATED);
  await expect(incorporated.locator('th[scope=rowgroup]')).toHaveCount(10);
  await expect(notIncorporated.locator('th[scope=rowgroup]')).toHaveCount(21);

  const totals = (section: ReturnType<typeof listSection>, kind: string) =>
    section.locator(`tfoot tr[data-total=${kind}] td`).allTextContents();
  expect(await totals(incorporated, 'SERVICE')).toEqual(['-9.082', '-8.470', '-7.767', '-7.663']);
  expect(await totals(incorporated, 'TRANSFER')).toEqual(['-600', '-600', '-600', '-600']);
  expect(await totals(notIncorporated, 'SERVICE')).toEqual(['-8.699', '-11.298', '-12.976', '-14.254']);
  expect(await totals(notIncorporated, 'TRANSFER')).toEqual(['39', '78', '117', '156']);

  // ISU05: a service line (Effektivisering) and a transfer line (Merudgift).
  const isu05 = notIncorporated.locator('tr[data-proposal=ISU05]');
  await expect(isu05).toHaveCount(2);
  await expect(isu05.nth(1)).toContainText('Overførsler');
  await expect(isu05.nth(1)).toContainText('Merudgift');
  await expect(isu05.nth(1).locator('td').last()).toHaveText('156');

  await expectNoAxeViolations(page);
});

test('filters by committee and type, and searches code and title', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Udvalg').selectOption('ISU');
  await page.getByLabel('Type').selectOption({ label: 'Besparelse' });
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(page).toHaveURL(/committee=ISU/);
  const codes = await page.locator('th[scope=rowgroup]').allTextContents();
  expect(codes.sort()).toEqual(['ISU09', 'ISU10', 'ISU15']);
  // The list totals stay those of the whole list.
  await expect(listSection(page, NOT_INCORPORATED).locator('tfoot tr[data-total=SERVICE] td').first()).toHaveText('-8.699');
  await expectNoAxeViolations(page);

  await page.goto('/?q=tu04a');
  await expect(page.locator('th[scope=rowgroup]')).toHaveText(['TU04a']);
  await page.goto('/?q=rengøring');
  await expect(page.locator('th[scope=rowgroup]')).toHaveText(['ØU13']);
});

test('a proposal page shows the full summary and its lines', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Bedre AV og IT-understøttelse på skolerne' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('ØU04');
  await expect(page.getByText('ved fuld indfasning (forventeligt 2032)')).toBeVisible();
  await expect(page.locator('tr[data-kind=SERVICE] td')).toHaveText(['Effektivisering', '-5.099', '-3.167', '-1.914', '-1.260']);
  await expectNoAxeViolations(page);
});

test('an unknown proposal gives a Danish not-found page', async ({ page }) => {
  const response = await page.goto('/proposals/does-not-exist');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Siden findes ikke');
  await expectNoAxeViolations(page);
});

test('the interface switches to English and back', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Proposals for Budget 2026-2029');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Dansk' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Forslag til Budget 2026-2029');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('reading and filtering work', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Søg i nummer og titel').fill('ØU09');
    await page.getByRole('button', { name: 'Vis' }).click();
    await expect(page.locator('tr[data-proposal=ØU09]')).toHaveCount(2);
  });
});
