import pg from 'pg';
import { expect, expectNoAxeViolations, magicLinkFor, mailTo, signInAsStaff, signInWithMagicLink, test } from './fixtures';
import { createUser } from './people';

test('a consultation party signs in with a magic link that works once, and signs out', async ({ page, browser }) => {
  const { email, name } = await createUser('PARTY_MEMBER');
  await page.goto('/');
  await page.getByRole('link', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log ind');
  await expectNoAxeViolations(page);

  await page.getByLabel('E-mailadresse').fill(email);
  await page.getByRole('button', { name: 'Send login-link' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tjek din e-mail');
  await expectNoAxeViolations(page);

  const link = await magicLinkFor(email);
  expect((await mailTo(email)).at(-1)?.subject).toBe('Log ind på Budgethøring');
  await page.goto(link);
  await expect(page.getByText(`Logget ind som ${name} · Høringspart`)).toBeVisible();
  await expectNoAxeViolations(page);

  // The same link a second time, in another browser: refused.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto(link);
  await expect(otherPage.getByRole('heading', { level: 1 })).toHaveText('Du kunne ikke logges ind');
  await expect(otherPage.getByText('Login-linket er udløbet eller allerede brugt')).toBeVisible();
  await expectNoAxeViolations(otherPage);
  await other.close();

  await page.getByRole('button', { name: 'Log ud' }).click();
  await expect(page.getByRole('link', { name: 'Log ind' })).toBeVisible();
  await page.reload();
  await expect(page.getByText(/Logget ind som/)).toHaveCount(0);
});

test('an unknown address gets the same answer and no mail', async ({ page }) => {
  const email = `ukendt-${Date.now()}@example.test`;
  await page.goto('/signin');
  await page.getByLabel('E-mailadresse').fill(email);
  await page.getByRole('button', { name: 'Send login-link' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tjek din e-mail');
  // The link is queued for every address alike; once the worker has handled it, no mail went out.
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await expect
      .poll(async () => (await client.query(`SELECT state FROM pgboss.job WHERE name = 'mail' AND data->>'to' = $1`, [email])).rows[0]?.state)
      .toBe('completed');
  } finally {
    await client.end();
  }
  expect(await mailTo(email)).toEqual([]);
});

test('an invalid address is refused in Danish and kept in the field', async ({ page }) => {
  await page.goto('/signin');
  await page.getByLabel('E-mailadresse').fill('ikke-en-adresse');
  await page.getByRole('button', { name: 'Send login-link' }).click();
  await expect(page.locator('#signin-email-error')).toHaveText('Skriv en gyldig e-mailadresse.');
  await expect(page.getByLabel('E-mailadresse')).toHaveValue('ikke-en-adresse');
  await expectNoAxeViolations(page);
});

test('staff sign in with OpenID Connect at the municipality’s identity provider', async ({ page }) => {
  const staff = await createUser('STAFF');
  await signInAsStaff(page, staff.email);
  await expect(page.getByText(`Logget ind som ${staff.name} · Budgetkontoret`)).toBeVisible();
});

test('OpenID Connect does not let a non-staff account in', async ({ page }) => {
  await page.goto('/signin');
  await page.getByRole('button', { name: 'Log ind med Test-OIDC' }).click();
  await page.locator('input[name=login]').fill((await createUser('POLITICIAN')).email);
  await page.locator('input[name=password]').fill('irrelevant');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Du kunne ikke logges ind');
  await expect(page.getByText('Din konto har ikke adgang')).toBeVisible();
  await expect(page.getByText(/Logget ind som/)).toHaveCount(0);
});

test('the session endpoint never reveals the session token', async ({ browser }) => {
  const { email } = await createUser('POLITICIAN');
  const page = await (await browser.newContext()).newPage();
  await signInWithMagicLink(page, email);
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith('authjs.session-token'));
  expect(cookie?.httpOnly).toBe(true);
  const session = await (await page.request.get('/api/auth/session')).json();
  expect(session.user).toMatchObject({ email, role: 'POLITICIAN' });
  expect(JSON.stringify(session)).not.toContain(cookie!.value);
  expect(Object.keys(session).sort()).toEqual(['expires', 'user']);
});
