import AxeBuilder from '@axe-core/playwright';
import { randomBytes } from 'node:crypto';
import { test as base, expect, type Page } from '@playwright/test';

/** Fails with the list of violations when axe finds any WCAG 2.1 A/AA problem on the page. */
export async function expectAxeClean(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, 'axe violations').toEqual([]);
}

export const PHONE = { width: 390, height: 844 };

/**
 * Fails when the page scrolls sideways at the current viewport (WCAG 1.4.10 reflow), naming
 * the elements that stick out past the right edge.
 */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    const wide = [...document.body.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 1)
      .filter((element) => !element.parentElement || element.parentElement.getBoundingClientRect().right <= root.clientWidth + 1)
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')} (${Math.round(element.getBoundingClientRect().right)} px)`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
  });
  expect(overflow, `the page is wider than ${page.viewportSize()?.width} px`).toBeNull();
}

/**
 * Axe at the current size, then no horizontal overflow at a phone's 390 × 844 (the size is put
 * back afterwards), so every page the suite checks is also checked on a phone.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await expectAxeClean(page);
  const size = page.viewportSize() ?? { width: 1280, height: 720 };
  if (size.width === PHONE.width && size.height === PHONE.height) return expectNoHorizontalOverflow(page);
  await page.setViewportSize(PHONE);
  try {
    await expectNoHorizontalOverflow(page);
  } finally {
    await page.setViewportSize(size);
  }
}

/**
 * Each test is a client of its own address (the e2e server trusts loopback as its proxy, see
 * scripts/test.ts), as each person signing in is: the sign-in limits per address are then those of
 * one journey, not of the whole suite sharing 127.0.0.1.
 */
export const test = base.extend({
  extraHTTPHeaders: async ({ extraHTTPHeaders }, provide) => {
    await provide({ ...extraHTTPHeaders, 'X-Forwarded-For': `2001:db8:e2e:${randomBytes(6).toString('hex').match(/.{4}/g)!.join(':')}::1` });
  },
});
export { expect };

interface CaughtMail {
  to: string[];
  subject: string;
  text: string;
}

/** Mail the app sent to `address`, read from the local mail catcher that `npm test` starts. */
export async function mailTo(address: string): Promise<CaughtMail[]> {
  const catcher = process.env.MAIL_CATCHER_URL;
  if (!catcher) throw new Error('MAIL_CATCHER_URL is not set; run the e2e tests through `npm test`.');
  const response = await fetch(`${catcher}/messages.json?to=${encodeURIComponent(address)}`);
  return (await response.json()) as CaughtMail[];
}

/** The sign-in link of the newest magic-link mail to `address`. */
export function magicLinkFor(address: string, after = 0): Promise<string> {
  return linkInMail(address, '/api/auth/callback/email?', after);
}

/** Signs in at the local OpenID provider that stands in for the municipality's Entra ID. */
export async function signInAsStaff(page: Page, email: string): Promise<void> {
  await page.goto('/signin');
  await page.getByRole('button', { name: 'Log ind med Test-OIDC' }).click();
  await page.locator('input[name=login]').fill(email);
  await page.locator('input[name=password]').fill('irrelevant');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await expect(page.getByText(/^Logget ind som/)).toBeVisible();
}

/**
 * The newest link in mail to `address` whose path starts with `pathPrefix`, waiting for mail number
 * `after + 1` at least: mail is sent from a queue, so right after a request the newest mail may still
 * be an earlier one.
 */
export async function linkInMail(address: string, pathPrefix: string, after = 0): Promise<string> {
  const pattern = new RegExp(`https?://\\S+${pathPrefix.replaceAll('/', '\\/')}\\S*`);
  let link: string | undefined;
  await expect
    .poll(async () => {
      const mails = await mailTo(address);
      link = mails.length > after ? mails.map((mail) => mail.text.match(pattern)?.[0]).filter(Boolean).at(-1) : undefined;
      return link;
    })
    .toBeTruthy();
  return link!;
}

/** Signs in with a magic link from the mail catcher, as a consultation party or politician does. */
export async function signInWithMagicLink(page: Page, email: string): Promise<void> {
  const earlier = (await mailTo(email)).length;
  await page.goto('/signin');
  await page.getByLabel('E-mailadresse').fill(email);
  await page.getByRole('button', { name: 'Send login-link' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tjek din e-mail');
  await page.goto(await magicLinkFor(email, earlier));
  await expect(page.getByText(/^Logget ind som/)).toBeVisible();
}
