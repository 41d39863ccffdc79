import { docxText, pdfText, squash } from '../test/document-text';
import { expect, expectNoAxeViolations, signInWithMagicLink, test } from './fixtures';
import { createUser } from './people';

test('a politician sees where the consultation stands: overview, filters, matrix, a proposal’s responses and charts', async ({ page }) => {
  await signInWithMagicLink(page, (await createUser('POLITICIAN')).email);
  await page.getByRole('link', { name: 'Overblik', exact: true }).click();
  await page.getByRole('link', { name: /^Høring over Budget 2026-2029/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overblik: Høring over Budget 2026-2029');
  await expect(page.getByText('Du ser alle indsendte svar, også dem der ikke offentliggøres.')).toBeVisible();
  const rows = page.locator('table[data-overview] tbody tr');
  await expect(rows).toHaveCount(31);
  // The seeded volume: 55 of the 60 parties have answered most proposals (another test may submit one more).
  await expect(page.getByText(/^5[56] svar med [\d.]+ holdninger til 31 forslag\.$/)).toBeVisible();
  await expectNoAxeViolations(page);

  // The høringsnotat for the council meeting, in full: every organisation that answered is in it.
  const download = async (name: string) => (await page.request.get((await page.getByRole('link', { name }).getAttribute('href'))!)).body();
  const pdf = await pdfText(await download('Høringsnotat (PDF)'));
  const docx = await docxText(await download('Høringsnotat (Word)'));
  for (const name of ['MED-udvalg, Skoleområdet', 'Forældrebestyrelsen, Børnehuset Solsikken', 'Integrationsforening, Gadehavegård']) {
    expect(pdf.text).toContain(squash(name));
    expect(docx).toContain(squash(name));
  }

  await page.getByLabel('Udvalg').selectOption('ØU');
  await page.getByLabel('Sortér efter').selectOption({ label: 'Største besparelse' });
  await page.getByRole('button', { name: 'Vis', exact: true }).click();
  await expect(page.getByText(/^Viser \d+ af 31 forslag$/)).toBeVisible();
  const codes = await page.locator('table[data-overview] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-proposal')));
  expect(codes.length).toBeGreaterThan(0);
  expect(codes.every((code) => code?.startsWith('ØU'))).toBe(true);
  expect(codes[0]).toBe('ØU04');

  await page.getByRole('navigation', { name: 'Visninger' }).getByRole('link', { name: 'Matrix' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Matrix: Høring over Budget 2026-2029');
  expect(await page.locator('table[data-matrix] tbody tr[data-organisation]').count()).toBeGreaterThanOrEqual(55);
  await expect(page.getByRole('rowheader', { name: /^Skolebestyrelse \(\d+\)$/ })).toBeVisible();
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
