import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import { squash } from '../test/document-text';
import { expect, expectNoAxeViolations, PHONE, signInWithMagicLink, test } from './fixtures';
import { createPublishedConsultation, createUser } from './people';

/** Screenshots at a desktop's and a phone's width, for a person to look at. */
async function shoot(page: Page, testInfo: TestInfo, name: string) {
  const size = page.viewportSize() ?? { width: 1280, height: 720 };
  await page.screenshot({ path: testInfo.outputPath(`${name}-1280.png`), fullPage: false });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: testInfo.outputPath(`${name}-390.png`), fullPage: false });
  await page.setViewportSize(size);
}

const search = async (page: Page, query: string, kind = 'Alle') => {
  await page.getByLabel('Søgeord').fill(query);
  await page.getByRole('combobox', { name: 'Vis' }).selectOption({ label: kind });
  await page.getByRole('button', { name: 'Søg', exact: true }).click();
};

test('a politician searches by code, organisation and word part, and pages through the hits', async ({ page }, testInfo) => {
  await signInWithMagicLink(page, (await createUser('POLITICIAN')).email);
  await page.goto('/search');

  await search(page, 'isu 20');
  const proposals = page.getByRole('region', { name: /^Forslag \(\d+\)$/ });
  await expect(proposals.getByRole('listitem').first()).toContainText('ISU20');
  await expectNoAxeViolations(page);

  await search(page, 'ældrerådet');
  const parties = page.getByRole('region', { name: /^Høringsparter \(\d+\)$/ });
  await expect(parties.locator('mark', { hasText: /^Ældrerådet$/ }).first()).toBeVisible();
  // The seeded Ældrerådet has not responded: its hit leads to the consultation, which names it a party
  // (or to its response, should another journey have submitted one meanwhile).
  await expect(parties.getByRole('link', { name: 'Ældrerådet', exact: true }).first()).toHaveAttribute('href', /^\/(consultations\/[^/]+|insight\/[^/]+\/responses\/[^/]+)$/);
  await expectNoAxeViolations(page);

  await search(page, 'skole', 'Forslag');
  await expect(page.locator('mark', { hasText: /^privatskoler$/i }).first()).toBeVisible();
  await expect(page.getByRole('region', { name: /^Høringssvar/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await shoot(page, testInfo, 'search');

  // Paging: a politician reads every response, so "skole" finds more than a page of them.
  await search(page, 'skole', 'Høringssvar');
  await expect(page.getByText(/^Side 1 af \d+$/)).toBeVisible();
  const pages = Number((await page.getByText(/^Side 1 af \d+$/).textContent())!.match(/af (\d+)/)![1]);
  expect(pages).toBeGreaterThanOrEqual(2);
  await expect(page.locator('a[rel=prev]')).toHaveCount(0);
  const firstPage = await page.getByRole('region', { name: /^Høringssvar/ }).getByRole('listitem').allInnerTexts();
  expect(firstPage).toHaveLength(25);
  await page.locator('a[rel=next]').click();
  await expect(page.getByText(`Side 2 af ${pages}`)).toBeVisible();
  await expect(page).toHaveURL(/kind=responses&page=2/);
  const secondPage = await page.getByRole('region', { name: /^Høringssvar/ }).getByRole('listitem').allInnerTexts();
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.some((hit) => firstPage.includes(hit))).toBe(false);
  await expect(page.locator('a[rel=prev]')).toHaveAttribute('href', /kind=responses/);
  await expectNoAxeViolations(page);
});

test('the matrix keeps its header and names in view, counts the answers and prints every organisation', async ({ page }, testInfo) => {
  await signInWithMagicLink(page, (await createUser('POLITICIAN')).email);
  await page.goto('/');
  await page.getByRole('link', { name: 'Overblik', exact: true }).click();
  await page.getByRole('link', { name: /^Høring over Budget 2026-2029/ }).click();
  await page.getByRole('link', { name: 'Matrix', exact: true }).click();
  const matrix = page.locator('table[data-matrix]');
  await expect(matrix).toBeVisible();

  const codes = await matrix.locator('thead th a').allInnerTexts();
  expect(codes).toHaveLength(31);
  const names = [
    ...(await matrix.locator('tr[data-organisation]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-organisation')!))),
    ...(await matrix.locator('tr[data-not-responded]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-not-responded')!))),
  ];
  expect(names.length).toBeGreaterThanOrEqual(60);
  // Sticky: the header cells and the names stay put while the region scrolls.
  const stuck = await matrix.evaluate((table) => [table.querySelector('thead th')!, table.querySelector('tbody th[scope=row]')!].map((cell) => getComputedStyle(cell).position));
  expect(stuck).toEqual(['sticky', 'sticky']);
  // A long name cut short is whole in its title, and shows whole when focused.
  const responded = await matrix.locator('tr[data-organisation]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-organisation')!));
  const longest = [...responded].sort((a, b) => b.length - a.length)[0]!;
  const nameLink = matrix.locator(`tr[data-organisation="${longest}"] th a`);
  await expect(nameLink).toHaveAttribute('title', longest);
  await nameLink.focus();
  expect(await nameLink.evaluate((link) => getComputedStyle(link.parentElement!).overflow)).toBe('visible');
  // Counts per organisation (last column) and per proposal (last row).
  const firstRow = matrix.locator('tr[data-organisation]').first();
  const answered = await firstRow.locator('td').evaluateAll((cells) => cells.slice(0, -1).filter((cell) => cell.querySelector('[title]')).length);
  await expect(firstRow.locator('td').last()).toHaveText(String(answered));
  await expect(matrix.locator('tfoot td')).toHaveCount(32);
  expect(Number(await matrix.locator('tfoot td').first().innerText())).toBeGreaterThan(0);
  await expectNoAxeViolations(page);
  await shoot(page, testInfo, 'matrix');

  // Print: A3 landscape from the page's own CSS; every organisation and every proposal is on paper.
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const file = testInfo.outputPath('matrix.pdf');
  writeFileSync(file, pdf);
  const text = squash(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
  const missing = [...names, ...codes].filter((name) => !text.includes(squash(name)));
  expect(missing).toEqual([]);
  const size = execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/Page size:\s+([\d.]+) x ([\d.]+)/)!;
  // A3 landscape is 1191 × 842 points.
  expect([Math.round(Number(size[1])), Math.round(Number(size[2]))]).toEqual([1191, 842]);
});

test('the public reads an index of the published responses and each response on its own page', async ({ browser }, testInfo) => {
  const consultation = await createPublishedConsultation();
  expect(consultation.responses).toBeGreaterThanOrEqual(60);
  const context = await browser.newContext();
  const page = await context.newPage();
  const answer = await page.request.get(`/consultations/${consultation.id}`);
  const html = await answer.text();
  const figure = `${Buffer.byteLength(html)} bytes of HTML for ${consultation.responses} responses`;
  testInfo.annotations.push({ type: 'index size', description: figure });
  console.log(`Public response index: ${figure}`);
  expect(Buffer.byteLength(html)).toBeLessThan(250_000);

  await page.goto(`/consultations/${consultation.id}`);
  const rows = page.locator('main table tbody tr');
  await expect(rows).toHaveCount(consultation.responses);
  await expect(page.getByRole('heading', { name: /^Ældreråd \(\d+\)$/ })).toBeVisible();
  // Each row: the organisation, the date, and how many answers gave each stance.
  const first = rows.first();
  const organisation = await first.getByRole('rowheader').innerText();
  await expect(first.getByRole('cell')).toHaveCount(6);
  for (const count of await first.getByRole('cell').allInnerTexts().then((cells) => cells.slice(1))) expect(count).toMatch(/^\d+$/);
  await expectNoAxeViolations(page);
  await shoot(page, testInfo, 'public-index');

  await first.getByRole('link', { name: organisation, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(organisation);
  await expect(page.getByText(`Høringssvar til ${consultation.title}`)).toBeVisible();
  await expect(page.locator('main dl dt').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await shoot(page, testInfo, 'public-response');
  await page.getByRole('link', { name: `Tilbage til høringssvarene i ${consultation.title}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(consultation.title);
  await context.close();
});
