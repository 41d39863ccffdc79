import { randomBytes } from 'node:crypto';
import { request as playwrightRequest, type APIRequestContext, type Browser } from '@playwright/test';
import { expect, expectNoAxeViolations, mailTo, magicLinkFor, signInWithMagicLink, test } from './fixtures';
import { createUser } from './people';

// The e2e app trusts loopback as its proxy (TRUSTED_PROXIES in scripts/test.ts), so each test here
// is a client of its own address and the rate limits of the other journeys stay untouched.
// Auth.js answers a direct request with its own "check your e-mail" route, which leads to the app's page.
const CHECK_EMAIL = /\/(signin\/check-email|api\/auth\/verify-request)\?/;

// An address of the IPv6 documentation range no other test or worker picks.
const clientAddress = () => `2001:db8:${randomBytes(6).toString('hex').match(/.{4}/g)!.join(':')}::1`;

const browserAs = (browser: Browser, address = clientAddress()) => browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': address } });

test('a signed-in user is never sent to another site by /signin?callbackUrl=', async ({ browser, baseURL }) => {
  test.slow(); // a sign-in and ten page loads
  const context = await browserAs(browser);
  const page = await context.newPage();
  await signInWithMagicLink(page, (await createUser('PARTY_MEMBER')).email);
  const origin = new URL(baseURL!).origin;
  for (const callbackUrl of ['%2F%5Cevil.example', '%2F%09%2Fevil.example', '%2F%2Fevil.example', '%2F%252F%252Fevil.example', '%2F%255Cevil.example', 'https%3A%2F%2Fevil.example', '%2F%5C%5Cevil.example%2Fx', '%5C%5Cevil.example']) {
    // A redirect off the site fails here (evil.example does not resolve) or in the origin check.
    await page.goto(`/signin?callbackUrl=${callbackUrl}`);
    expect(new URL(page.url()).origin, callbackUrl).toBe(origin);
    await expect(page.getByText(/^Logget ind som/)).toBeVisible();
  }
  // A local path with its query string is kept.
  await page.goto(`/signin?callbackUrl=${encodeURIComponent('/search?q=plejehjem')}`);
  expect(page.url()).toBe(`${origin}/search?q=plejehjem`);
  await context.close();
});

test('a sign-in link asked for with a foreign callbackUrl leads to this site', async ({ browser, baseURL }) => {
  const { email } = await createUser('PARTY_MEMBER');
  const api = await directClient(baseURL!);
  expect(await requestLinkDirectly(api, email, '/\\evil.example')).toMatch(CHECK_EMAIL);
  const context = await browserAs(browser);
  const page = await context.newPage();
  await page.goto(await magicLinkFor(email));
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  await expect(page.getByText(/^Logget ind som/)).toBeVisible();
  await context.close();
});

/** An HTTP client with an address of its own, speaking to Auth.js's routes directly. */
function directClient(baseURL: string, address = clientAddress()) {
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-For': address } });
}

/** POSTs to Auth.js's e-mail route as a script would, with its CSRF token; the Location it answers with. */
async function requestLinkDirectly(api: APIRequestContext, email: string, callbackUrl = '/', forwardedFor?: string): Promise<string> {
  const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await api.post('/api/auth/signin/email', {
    form: { email, csrfToken, callbackUrl },
    maxRedirects: 0,
    headers: forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {},
  });
  expect(response.status()).toBe(302);
  return response.headers()['location'] ?? '';
}

test('posting to Auth.js’s e-mail route directly is limited to five links per address, like the form', async ({ browser, baseURL }) => {
  test.slow();
  const email = `limit-${Date.now()}@example.test`;
  // Each request from another client address: only the per-address limit can stop the sixth.
  for (let i = 0; i < 5; i++) {
    const api = await directClient(baseURL!);
    expect(await requestLinkDirectly(api, email)).toMatch(CHECK_EMAIL);
    await api.dispose();
  }
  const api = await directClient(baseURL!);
  const over = await requestLinkDirectly(api, email);
  expect(over).toMatch(/\/signin\?tooManyRequests=1[45]$/);
  await api.dispose();

  // The direct route's answer is the sign-in page with the Danish message.
  const context = await browserAs(browser);
  const page = await context.newPage();
  await page.goto(over);
  await expect(page.locator('#signin-email-error')).toHaveText(/^For mange forsøg\. Vent 1[45] minutter og prøv igen\.$/);
  await expectNoAxeViolations(page);

  // The form counts against the same limit once, and says the same.
  await page.goto('/signin');
  await page.getByLabel('E-mailadresse').fill(email);
  await page.getByRole('button', { name: 'Send login-link' }).click();
  await expect(page.locator('#signin-email-error')).toHaveText(/^For mange forsøg\. Vent 1[45] minutter og prøv igen\.$/);
  await expect(page.getByLabel('E-mailadresse')).toHaveValue(email);
  await context.close();
});

test('a client cannot escape the per-client limit with a forged X-Forwarded-For', async ({ baseURL }) => {
  const address = clientAddress();
  const api = await directClient(baseURL!, address);
  const answers: string[] = [];
  for (let i = 0; i < 21; i++) {
    // What the client writes itself ends up left of the address the (loopback) proxy appends.
    answers.push(await requestLinkDirectly(api, `client-${Date.now()}-${i}@example.test`, '/', `10.${i}.${i}.${i}, ${'x'.repeat(i * 500)}, ${address}`));
  }
  expect(answers.slice(0, 20).filter((location) => !CHECK_EMAIL.test(location))).toEqual([]);
  expect(answers[20]).toMatch(/\/signin\?tooManyRequests=\d+$/);
  await api.dispose();
});

test('staff asking for an e-mail link get the same answer, and mail that points to the identity provider', async ({ browser }) => {
  const { email } = await createUser('STAFF');
  const before = (await mailTo(email)).length;
  const context = await browserAs(browser);
  const page = await context.newPage();
  await page.goto('/signin');
  await page.getByLabel('E-mailadresse').fill(email);
  await page.getByRole('button', { name: 'Send login-link' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tjek din e-mail');
  await expect.poll(async () => (await mailTo(email)).length).toBe(before + 1);
  const mail = (await mailTo(email)).at(-1)!;
  expect(mail.subject).toBe('Log ind på Budgethøring med din arbejdskonto');
  expect(mail.text).toContain('Log ind med Test-OIDC');
  expect(mail.text).not.toContain('/api/auth/callback/email');
  await context.close();
});

test('a stale session cookie does not break signing in, and is replaced', async ({ browser, baseURL }) => {
  const context = await browserAs(browser);
  const stale = `stale-${Date.now()}`;
  await context.addCookies([{ name: 'authjs.session-token', value: stale, url: baseURL!, httpOnly: true, sameSite: 'Lax' }]);
  const page = await context.newPage();
  const member = await createUser('PARTY_MEMBER');
  await signInWithMagicLink(page, member.email);
  await expect(page.getByText(`Logget ind som ${member.name} · Høringspart`)).toBeVisible();
  const cookie = (await context.cookies()).find((c) => c.name === 'authjs.session-token');
  expect(cookie?.value).toBeTruthy();
  expect(cookie?.value).not.toBe(stale);
  await page.reload();
  await expect(page.getByText(/^Logget ind som/)).toBeVisible();
  await context.close();
});
