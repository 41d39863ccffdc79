import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/** Fails with the list of violations when axe finds any WCAG 2.1 A/AA problem on the page. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, 'axe violations').toEqual([]);
}

export const test = base;
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
