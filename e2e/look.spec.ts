import type { Page, TestInfo } from '@playwright/test';
import { PHONE, expect, expectAxeClean, expectNoHorizontalOverflow, signInAsStaff, signInWithMagicLink, test } from './fixtures';

// The main pages at a desktop's 1280 px and a phone's 390 px: a screenshot of each as a test
// artifact, no sideways scrolling and no axe violations on the phone, and not one request to
// another host (fonts, icons and scripts all come from the app).

const DESKTOP = { width: 1280, height: 800 };

/** Records every request for another host than the app's while `page` is open. */
function watchForeignRequests(page: Page, baseURL: string): string[] {
  const appHost = new URL(baseURL).host;
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if ((url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:') && url.host !== appHost) foreign.push(request.url());
  });
  return foreign;
}

async function look(page: Page, testInfo: TestInfo, name: string, path: string): Promise<void> {
  await test.step(`${name} (${path})`, async () => {
    await page.setViewportSize(DESKTOP);
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    await page.evaluate(() => document.fonts.ready);
    for (const [size, label] of [[DESKTOP, '1280'], [PHONE, '390']] as const) {
      await page.setViewportSize(size);
      const file = testInfo.outputPath(`${name}-${label}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(`${name}-${label}`, { path: file, contentType: 'image/png' });
    }
    await expectNoHorizontalOverflow(page);
    await expectAxeClean(page);
  });
}

async function firstHref(page: Page, selector: string): Promise<string> {
  const href = await page.locator(selector).first().getAttribute('href');
  expect(href, selector).toBeTruthy();
  return href!;
}

test('public pages', async ({ page, baseURL }, testInfo) => {
  const foreign = watchForeignRequests(page, baseURL!);
  await look(page, testInfo, 'catalogue', '/');
  const proposal = await firstHref(page, 'a[href^="/proposals/"]');
  await look(page, testInfo, 'proposal', proposal);
  await look(page, testInfo, 'consultations', '/consultations');
  await look(page, testInfo, 'search', '/search?q=skole');
  await look(page, testInfo, 'signin', '/signin');
  await look(page, testInfo, 'privacy', '/privatliv');
  await look(page, testInfo, 'accessibility', '/tilgaengelighed');
  await look(page, testInfo, 'cookies', '/cookies');
  expect(foreign, 'requests to other hosts').toEqual([]);
});

test('the header collapses into a menu on a phone', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto('/');
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('navigation', { name: 'Hovedmenu' })).toBeHidden();
  const box = await menu.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  await menu.click();
  await expect(page.getByRole('button', { name: 'Luk menu' })).toHaveAttribute('aria-expanded', 'true');
  const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
  await expect(nav.getByRole('link', { name: 'Høringer' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(nav).toBeHidden();
});

test('staff pages', async ({ page, baseURL }, testInfo) => {
  await signInAsStaff(page, 'budget@demo.example');
  const foreign = watchForeignRequests(page, baseURL!);
  await look(page, testInfo, 'staff', '/staff');
  await look(page, testInfo, 'staff-consultations', '/staff/consultations');
  const consultation = await firstHref(page, 'main a[href^="/staff/consultations/c"]');
  await look(page, testInfo, 'staff-consultation', consultation);
  await look(page, testInfo, 'staff-proposals', '/staff/proposals');
  await look(page, testInfo, 'staff-audit', '/staff/audit');
  await look(page, testInfo, 'staff-mail', '/staff/mail');
  await look(page, testInfo, 'staff-settings', '/staff/settings');
  await look(page, testInfo, 'staff-import', '/staff/import');
  expect(foreign, 'requests to other hosts').toEqual([]);
});

test('politician pages', async ({ page, baseURL }, testInfo) => {
  await signInWithMagicLink(page, 'politiker@demo.example');
  const foreign = watchForeignRequests(page, baseURL!);
  await look(page, testInfo, 'insight', '/insight');
  const overview = await firstHref(page, 'main a[href^="/insight/"]');
  await look(page, testInfo, 'insight-overview', overview);
  const proposal = await firstHref(page, 'table[data-overview] a[href*="/proposals/"]');
  await look(page, testInfo, 'insight-proposal', proposal);
  await look(page, testInfo, 'insight-matrix', `${overview}/matrix`);
  await look(page, testInfo, 'insight-charts', `${overview}/charts`);
  expect(foreign, 'requests to other hosts').toEqual([]);
});

test('consultation party pages', async ({ page, baseURL }, testInfo) => {
  await signInWithMagicLink(page, 'medlem@aeldreraadet.demo.example');
  const foreign = watchForeignRequests(page, baseURL!);
  await look(page, testInfo, 'responses', '/responses');
  const workspace = await firstHref(page, 'main a[href^="/responses/"]');
  await look(page, testInfo, 'response', workspace);
  await look(page, testInfo, 'account', '/account');
  expect(foreign, 'requests to other hosts').toEqual([]);
});
