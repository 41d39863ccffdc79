import { expect, expectNoAxeViolations, signInAsStaff, test } from './fixtures';

const INCORPORATED = 'Indarbejdes og sendes i høring';
const NOT_INCORPORATED = 'Indarbejdes ikke, men sendes i høring';

const serviceTotals = (page: import('@playwright/test').Page, list: string) =>
  page.getByRole('region', { name: list, exact: true }).locator('tfoot tr[data-total=SERVICE] td').allTextContents();

test('staff move ØU04 to "Indarbejdes ikke" with a reason, both lists’ totals change by its amounts, and move it back', async ({ page }) => {
  await signInAsStaff(page, 'budget@demo.example');
  await page.goto('/staff/proposals');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Flyt forslag mellem listerne');
  await expectNoAxeViolations(page);

  const move = async (toList: string, reason: string) => {
    await page.getByLabel('Vælg ØU04').check();
    await page.getByLabel('Flyt til').selectOption({ label: toList });
    await page.getByLabel('Begrundelse').fill(reason);
    await page.getByRole('button', { name: 'Flyt valgte forslag' }).click();
    await expect(page.getByRole('status')).toHaveText('1 forslag er flyttet.');
  };

  // A reason is required; nothing moves without one.
  await page.getByLabel('Vælg ØU04').check();
  await page.getByLabel('Flyt til').selectOption({ label: NOT_INCORPORATED });
  await page.getByRole('button', { name: 'Flyt valgte forslag' }).click();
  await expect(page.getByText('Skal udfyldes.')).toBeVisible();

  await move(NOT_INCORPORATED, 'Besparelsen udskydes til næste år');
  // Before and after, service / transfers, 2026-2029: ØU04 is -5.099 -3.167 -1.914 -1.260 (service).
  const comparison = page.locator('table[data-comparison]');
  await expect(comparison.getByRole('row', { name: `${INCORPORATED}: Før` })).toContainText('-9.082 / -600');
  await expect(comparison.getByRole('row', { name: `${INCORPORATED}: Efter` })).toContainText('-3.983 / -600');
  await expect(comparison.getByRole('row', { name: `${NOT_INCORPORATED}: Efter` })).toContainText('-13.798 / 39');
  await expectNoAxeViolations(page);

  await page.goto('/');
  expect(await serviceTotals(page, INCORPORATED)).toEqual(['-3.983', '-5.303', '-5.853', '-6.403']);
  expect(await serviceTotals(page, NOT_INCORPORATED)).toEqual(['-13.798', '-14.465', '-14.890', '-15.514']);
  await page.getByRole('region', { name: NOT_INCORPORATED, exact: true }).getByRole('link', { name: 'Bedre AV og IT-understøttelse på skolerne' }).click();
  await expect(page.locator('[data-moves]')).toContainText(`fra "${INCORPORATED}" til "${NOT_INCORPORATED}". Begrundelse: Besparelsen udskydes til næste år`);

  await page.goto('/staff/proposals');
  await move(INCORPORATED, 'Tilbage efter forhandling');
  await page.goto('/');
  expect(await serviceTotals(page, INCORPORATED)).toEqual(['-9.082', '-8.470', '-7.767', '-7.663']);
  expect(await serviceTotals(page, NOT_INCORPORATED)).toEqual(['-8.699', '-11.298', '-12.976', '-14.254']);
});
