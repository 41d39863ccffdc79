import { expect, expectNoAxeViolations, signInAsStaff, test } from './fixtures';
import { createUser } from './people';

const INCORPORATED = 'Indarbejdes og sendes i høring';
const NOT_INCORPORATED = 'Indarbejdes ikke, men sendes i høring';

// Both journeys change ØU04 and put it back; one at a time.
test.describe.configure({ mode: 'serial' });

const serviceTotals = (page: import('@playwright/test').Page, list: string) =>
  page.getByRole('region', { name: list, exact: true }).locator('tfoot tr[data-total=SERVICE] td').allTextContents();

test('staff move ØU04 to "Indarbejdes ikke" with a reason, both lists’ totals change by its amounts, and move it back', async ({ page }) => {
  await signInAsStaff(page, (await createUser('STAFF')).email);
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
  await expect(page.getByText('Skal udfyldes.', { exact: true })).toBeVisible();

  await move(NOT_INCORPORATED, 'Besparelsen udskydes til næste år');
  // Before and after, each list's service and transfer totals in cells of their own, 2026-2029:
  // ØU04 is -5.099 -3.167 -1.914 -1.260 (service).
  const comparison = page.locator('table[data-comparison]');
  const cells = (name: string) => comparison.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) }).getByRole('cell').allTextContents();
  expect(await cells(`${INCORPORATED}, Før: Service`)).toEqual(['-9.082', '-8.470', '-7.767', '-7.663']);
  expect((await cells(`${INCORPORATED}, Før: Overførsler`))[0]).toBe('-600');
  expect((await cells(`${INCORPORATED}, Efter: Service`))[0]).toBe('-3.983');
  expect((await cells(`${INCORPORATED}, Efter: Overførsler`))[0]).toBe('-600');
  expect((await cells(`${NOT_INCORPORATED}, Efter: Service`))[0]).toBe('-13.798');
  expect((await cells(`${NOT_INCORPORATED}, Efter: Overførsler`))[0]).toBe('39');
  await expectNoAxeViolations(page);

  await page.goto('/');
  expect(await serviceTotals(page, INCORPORATED)).toEqual(['-3.983', '-5.303', '-5.853', '-6.403']);
  expect(await serviceTotals(page, NOT_INCORPORATED)).toEqual(['-13.798', '-14.465', '-14.890', '-15.514']);
  await page.getByRole('region', { name: NOT_INCORPORATED, exact: true }).getByRole('link', { name: 'Bedre AV og IT-understøttelse på skolerne' }).click();
  await expect(page.locator('[data-moves]')).toContainText(`fra "${INCORPORATED}" til "${NOT_INCORPORATED}". Begrundelse: Besparelsen udskydes til næste år`);
  // The demo consultation is open, so the move is announced on the proposal's public page.
  await expect(page.getByRole('region', { name: 'Forslaget er flyttet under høringen' })).toContainText(`Flyttet til «${NOT_INCORPORATED}»`);

  // The form shows each proposal's amounts: ØU04 is now in the other list's table.
  await page.goto('/staff/proposals');
  const row = page.locator(`fieldset[data-list="${NOT_INCORPORATED}"] tbody[data-proposal="ØU04"] tr`).first();
  await expect(row.getByRole('cell')).toHaveText(['', 'Service', '-5.099', '-3.167', '-1.914', '-1.260', 'Redigér']);

  // Choosing ØU04 and a proposal already on the target list moves ØU04 and says so of the other.
  const other = await page.locator(`fieldset[data-list="${INCORPORATED}"] tbody[data-proposal]`).first().getAttribute('data-proposal');
  await page.getByLabel(`Vælg ${other}`).check();
  await page.getByLabel('Vælg ØU04').check();
  await page.getByLabel('Flyt til').selectOption({ label: INCORPORATED });
  await page.getByLabel('Begrundelse').fill('Tilbage efter forhandling');
  await page.getByRole('button', { name: 'Flyt valgte forslag' }).click();
  await expect(page.getByRole('status')).toHaveText(`1 forslag er flyttet. Forslaget ${other} var allerede på «${INCORPORATED}» og er ikke flyttet.`);
  await page.goto('/');
  expect(await serviceTotals(page, INCORPORATED)).toEqual(['-9.082', '-8.470', '-7.767', '-7.663']);
  expect(await serviceTotals(page, NOT_INCORPORATED)).toEqual(['-8.699', '-11.298', '-12.976', '-14.254']);
});

test('staff edit ØU04 as a new version: the list total follows, the public page shows the versions, and the edit is undone', async ({ page }) => {
  await signInAsStaff(page, (await createUser('STAFF')).email);
  await page.goto('/staff/proposals');
  await page.getByRole('link', { name: 'Redigér ØU04' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Redigér forslag ØU04');
  await expectNoAxeViolations(page);

  const edit = async (amount: string, reason: string) => {
    await page.getByLabel('Service 2026').fill(amount);
    await page.getByLabel('Begrundelse for ændringen').fill(reason);
    await page.getByRole('button', { name: 'Gem ny version' }).click();
  };
  // A decimal amount is refused and what was typed stays.
  await edit('-5.099,5', 'Ny beregning');
  await expect(page.getByText('Skriv et helt antal tusinder, fx -1.250.').first()).toBeVisible();
  await expect(page.getByLabel('Service 2026')).toHaveValue('-5.099,5');
  await edit('-5.100', 'Ny beregning fra fagområdet');
  await expect(page.getByRole('status')).toHaveText(/^Gemt som version \d+\.$/);

  await page.goto('/');
  expect((await serviceTotals(page, INCORPORATED))[0]).toBe('-9.083');
  await page.getByRole('region', { name: INCORPORATED, exact: true }).getByRole('link', { name: 'Bedre AV og IT-understøttelse på skolerne' }).click();
  await expect(page.locator('[data-versions]')).toContainText('Begrundelse: Ny beregning fra fagområdet');
  await expect(page.locator('[data-versions]')).toContainText('-5.099 → -5.100');
  await expectNoAxeViolations(page);

  await page.goto('/staff/proposals');
  await page.getByRole('link', { name: 'Redigér ØU04' }).click();
  await edit('-5.099', 'Tilbage til dokumentets beløb');
  await expect(page.getByRole('status')).toHaveText(/^Gemt som version \d+\.$/);
  await page.goto('/');
  expect(await serviceTotals(page, INCORPORATED)).toEqual(['-9.082', '-8.470', '-7.767', '-7.663']);
});
