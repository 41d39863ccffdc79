import { docxText, pdfText, squash } from '../test/document-text';
import { expect, expectNoAxeViolations, signInWithMagicLink, test } from './fixtures';
import { createUser } from './people';

test('a politician sees where the consultation stands: overview, filters, matrix, a proposal’s responses and charts', async ({ page }) => {
  await signInWithMagicLink(page, (await createUser('POLITICIAN')).email);
  // The staff pages refuse a politician in Danish, instead of sending them round sign-in for ever.
  const refused = await page.goto('/staff/consultations');
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Du har ikke adgang');
  await page.goto('/');
  await page.getByRole('link', { name: 'Overblik', exact: true }).click();
  await page.getByRole('link', { name: /^Høring over Budget 2026-2029/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overblik: Høring over Budget 2026-2029');
  await expect(page.getByText('Du ser alle indsendte svar, også dem der ikke offentliggøres.')).toBeVisible();
  const rows = page.locator('table[data-overview] tbody tr');
  await expect(rows).toHaveCount(31);
  // The seeded volume: 55 of the 60 parties have answered most proposals (another test may submit one more).
  await expect(page.getByText(/^5[56] svar med [\d.]+ holdninger til 31 forslag\.$/)).toBeVisible();
  // Who has not responded: the count of all parties, and the missing ones per type, statutory bodies first.
  const status = page.locator('[data-response-status]');
  await expect(status.locator('[data-responded-count]')).toHaveText(/^5[56] af 60 høringsparter har svaret$/);
  await expect(status.locator('[data-statutory-missing]')).toContainText('Hoved-MED');
  await expect(status.locator('[data-missing-party="Hoved-MED"]')).toHaveText('Hoved-MED (lovpligtig)');
  await expect(status.locator('[data-missing-party="Integrationsrådet"]')).toBeVisible();
  expect(await status.locator('tr[data-status-type]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status-type')).slice(0, 3))).toEqual(['SENIOR_COUNCIL', 'DISABILITY_COUNCIL', 'MED_COMMITTEE']);
  await expect(page.locator('table[data-list-totals]')).toBeVisible();
  await expectNoAxeViolations(page);

  // The høringsnotat for the council meeting, in full: every organisation that answered is in it.
  const download = async (name: string) => (await page.request.get((await page.getByRole('link', { name }).getAttribute('href'))!)).body();
  const pdf = await pdfText(await download('Høringsnotat (PDF)'));
  const docx = await docxText(await download('Høringsnotat (Word)'));
  for (const name of ['MED-udvalg, Skoleområdet', 'Forældrebestyrelsen, Børnehuset Solsikken', 'Integrationsforening, Gadehavegård']) {
    expect(pdf.text).toContain(squash(name));
    expect(docx).toContain(squash(name));
  }

  await expect(page.getByLabel('Sortér efter').locator('option', { hasText: 'Andel imod (støtter ikke), størst først' })).toHaveCount(1);
  await page.getByLabel('Udvalg').selectOption('ØU');
  await page.getByLabel('Beløb for').selectOption('2026');
  await page.getByLabel('Beløbet er').selectOption({ label: 'Besparelse' });
  await page.getByLabel('Mindst (1.000 kr.)').fill('500');
  await page.getByLabel('Sortér efter').selectOption({ label: 'Største besparelse først' });
  await page.getByRole('button', { name: 'Vis', exact: true }).click();
  await expect(page.getByText(/^Viser \d+ af 31 forslag$/)).toBeVisible();
  const shownRows = async () =>
    page.locator('table[data-overview] tbody tr').evaluateAll((trs) => trs.map((tr) => ({ code: tr.getAttribute('data-proposal')!, amount: Number(tr.getAttribute('data-amount')) })));
  const savings = await shownRows();
  expect(savings.length).toBeGreaterThan(0);
  expect(savings.every(({ code }) => code.startsWith('ØU'))).toBe(true);
  expect(savings[0]!.code).toBe('ØU04');
  // ØU10 adds 500 in 2026: it is no saving of at least 500.
  expect(savings.every(({ amount }) => amount <= -500)).toBe(true);
  expect(savings.map(({ code }) => code)).not.toContain('ØU10');
  // Beside each list's totals, the sum of the proposals shown.
  const shownTotal = async () =>
    (await page.locator('table[data-list-totals] td[data-shown="total"]').allTextContents()).reduce((sum, text) => sum + Number(text.replaceAll('.', '')), 0);
  expect(await shownTotal()).toBe(savings.reduce((sum, { amount }) => sum + amount, 0));
  await expect(page.locator('table[data-list-totals] thead')).toContainText('De viste forslag');
  await expectNoAxeViolations(page);

  await page.getByLabel('Beløbet er').selectOption({ label: 'Merudgift' });
  await page.getByLabel('Sortér efter').selectOption({ label: 'Største merudgift først' });
  await page.getByRole('button', { name: 'Vis', exact: true }).click();
  await expect(page).toHaveURL(/direction=cost/);
  await expect(page.getByRole('columnheader', { name: 'Beløb 2026' })).toBeVisible();
  const costs = await shownRows();
  expect(costs.map(({ code }) => code)).toContain('ØU10');
  expect(costs.every(({ amount }) => amount >= 500)).toBe(true);

  // The four years together: ØU10 adds 500 + 400 - 150 - 700.
  await page.getByLabel('Beløb for').selectOption({ label: '2026-2029 i alt' });
  await page.getByLabel('Beløbet er').selectOption({ label: 'Besparelse eller merudgift' });
  await page.getByLabel('Mindst (1.000 kr.)').fill('');
  await page.getByRole('button', { name: 'Vis', exact: true }).click();
  await expect(page).toHaveURL(/period=sum/);
  await expect(page.getByRole('columnheader', { name: 'Beløb 2026-2029 i alt' })).toBeVisible();
  const fourYears = await shownRows();
  expect(fourYears.find(({ code }) => code === 'ØU10')?.amount).toBe(50);
  expect(await shownTotal()).toBe(fourYears.reduce((sum, { amount }) => sum + amount, 0));

  await page.getByRole('navigation', { name: 'Visninger' }).getByRole('link', { name: 'Matrix' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Matrix: Høring over Budget 2026-2029');
  expect(await page.locator('table[data-matrix] tbody tr[data-organisation]').count()).toBeGreaterThanOrEqual(55);
  await expect(page.getByRole('rowheader', { name: /^Skolebestyrelse \(\d+\)$/ })).toBeVisible();
  // The parties that have not responded are rows too.
  await expect(page.locator('table[data-matrix] tr[data-not-responded="Hoved-MED"]')).toContainText('Har ikke svaret');
  await expectNoAxeViolations(page);

  await page.locator('table[data-matrix] thead').getByRole('link', { name: 'SU01', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('SU01');
  await expect(page.getByRole('heading', { name: 'Holdninger pr. organisationstype' })).toBeVisible();
  await expect(page.locator('[data-stance=OPPOSE] li').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.locator('[data-stance=OPPOSE] li a').first().click();
  await expect(page.locator('#general-remarks')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(page.url().replace(/\/responses\/.*$/, '/charts'));
  await expect(page.getByRole('figure', { name: 'Budgetvirkning pr. år og liste' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Budgetvirkning pr. år og liste' }).getByRole('row', { name: /^2026 / })).toContainText('-9.082');
  await expect(page.getByRole('figure', { name: 'Holdninger pr. udvalg' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the public sees no responses before publication', async ({ page }) => {
  await page.goto('/consultations');
  await expect(page.getByRole('link', { name: /^Høring over Budget 2026-2029/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/insight');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: /^Høring over Budget 2026-2029/ }).click();
  await expect(page.getByText('Svarene vises her, når de er offentliggjort.')).toBeVisible();
  await expect(page.getByText(/^Ingen svar med 0 holdninger til 31 forslag\.$/)).toBeVisible();
});

test('search finds inflected Danish words in proposals and, for a politician, in responses', async ({ page }) => {
  await page.goto('/search?q=plejehjem');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Søg i forslag og høringssvar');
  await expect(page.locator('mark').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Høringssvar (0)' })).toBeVisible();
  await expectNoAxeViolations(page);

  await signInWithMagicLink(page, (await createUser('POLITICIAN')).email);
  await page.goto('/search');
  await page.getByLabel('Søgeord').fill('plejehjem');
  await page.getByRole('button', { name: 'Søg', exact: true }).click();
  await expect(page.getByRole('heading', { name: /^Høringssvar \(\d+\)$/ })).not.toHaveText('Høringssvar (0)');
  await expect(page.locator('mark', { hasText: /^plejehjemmet$/i }).first()).toBeVisible();
  await expectNoAxeViolations(page);
});
