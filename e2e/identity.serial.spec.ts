import { expect, expectNoAxeViolations, signInAsStaff, signInWithMagicLink, test } from './fixtures';
import { createUser } from './people';

// The first journey changes the municipality's name, which every page shows; it puts it back.
test.describe.configure({ mode: 'serial' });

const DEMO_NAME = 'Demo Kommune';
const maliciousSvg = { name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>') };

test('an administrator renames the municipality in the settings, the header and the title show it, and a malicious SVG logo is refused', async ({ page }) => {
  const name = `Kommune ${Date.now().toString(36)}`;
  await signInAsStaff(page, (await createUser('ADMIN')).email);
  await page.goto('/staff');
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Indstillinger' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kommunens oplysninger');
  await expect(page).toHaveTitle(`Kommunens oplysninger – Budgethøring – ${DEMO_NAME}`);
  await expectNoAxeViolations(page);

  const save = () => page.getByRole('button', { name: 'Gem oplysningerne' }).click();
  try {
    // Wrong values are refused in Danish, with what was typed kept; so is a malicious logo.
    await page.getByLabel('Adresse på kommunens privatlivspolitik').fill('http://kommune.example/privatliv');
    await save();
    await expect(page.getByText('Skriv en hel adresse, der begynder med https://.', { exact: true })).toBeVisible();
    await expect(page.getByLabel('Adresse på kommunens privatlivspolitik')).toHaveValue('http://kommune.example/privatliv');
    await page.getByLabel('Adresse på kommunens privatlivspolitik').fill('');
    await page.getByLabel('Nyt logo (PNG eller SVG)').setInputFiles(maliciousSvg);
    await save();
    await expect(page.getByText('SVG-filen indeholder scripts, hændelser, foreignObject eller henvisninger til andre filer. Gem logoet uden dem, eller brug en PNG-fil.', { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Nyt logo (PNG eller SVG)').setInputFiles([]);

    await page.getByLabel('Kommunens navn', { exact: true }).fill(name);
    await save();
    await expect(page.getByRole('status')).toHaveText('Gemt.');
    await page.goto('/');
    await expect(page.getByRole('banner')).toContainText(name);
    // The front page has no title of its own: the default.
    await expect(page).toHaveTitle(`Budgethøring – ${name}`);
    await expect(page.getByRole('contentinfo')).toContainText(name);
    // The demo logo is still there and served as an image with its own strict policy.
    const logo = await page.request.get((await page.getByRole('banner').locator('img').getAttribute('src'))!);
    expect(logo.headers()['content-type']).toBe('image/svg+xml');
    expect(logo.headers()['content-security-policy']).toContain("default-src 'none'");
  } finally {
    await page.goto('/staff/settings');
    await page.getByLabel('Kommunens navn', { exact: true }).fill(DEMO_NAME);
    await save();
    await expect(page.getByRole('status')).toHaveText('Gemt.');
  }
});

test('every page’s footer links to the privacy page, the accessibility statement and the cookie page, which pass axe and name only cookies the app sets', async ({ page, context }) => {
  await page.goto('/');
  const footer = page.getByRole('contentinfo');
  await expect(footer.getByRole('link', { name: 'budget@demo.example' })).toHaveAttribute('href', 'mailto:budget@demo.example');

  await footer.getByRole('link', { name: 'Privatliv' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privatlivspolitik for Budgethøring');
  await expect(page).toHaveTitle(`Privatliv – Budgethøring – ${DEMO_NAME}`);
  // The data controller and the DPO come from the settings; the rights point to /account.
  await expect(page.getByRole('region', { name: 'Databeskyttelsesrådgiver' })).toContainText('dpo@demo.example');
  await expect(page.getByText('artikel 6, stk. 1, litra e')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Gå til Min konto' })).toHaveAttribute('href', '/account');
  await expectNoAxeViolations(page);

  await page.getByRole('contentinfo').getByRole('link', { name: 'Tilgængelighedserklæring' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tilgængelighedserklæring for Budgethøring');
  for (const heading of ['Overensstemmelsesstatus', 'Ikke-tilgængeligt indhold', 'Feedback og kontaktoplysninger', 'Håndhævelsesprocedure']) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'Feedback og kontaktoplysninger' })).toContainText('budget@demo.example');
  await expectNoAxeViolations(page);

  await page.getByRole('contentinfo').getByRole('link', { name: 'Cookies' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cookies i Budgethøring');
  await expectNoAxeViolations(page);
  const listed = await page.locator('[data-cookie]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-cookie')));
  // Reading without signing in sets no cookie, as the page says.
  expect(await context.cookies()).toEqual([]);

  // A language choice and a sign-in set only cookies the page lists (over https with a prefix).
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cookies in Budgethøring');
  await page.getByRole('button', { name: 'Dansk' }).click();
  // The switch is a server action setting a cookie: navigating on before it lands would cancel it.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cookies i Budgethøring');
  await signInWithMagicLink(page, (await createUser('POLITICIAN')).email);
  const set = (await context.cookies()).map((cookie) => cookie.name.replace(/^__(Secure|Host)-/, ''));
  expect(set).toContain('authjs.session-token');
  for (const name of set) expect(listed).toContain(name);
});

test('the staff consultation page counts the parties per status and filters them by a link', async ({ page }) => {
  await signInAsStaff(page, (await createUser('STAFF')).email);
  await page.goto('/staff/consultations');
  await page.getByRole('link', { name: /^Høring over Budget 2026-2029/ }).click();
  const status = page.getByRole('region', { name: 'Status pr. høringspart' });
  await expect(status.locator('[data-submitted-count]')).toHaveText(/^\d+ af 60 har indsendt$/);
  const filter = status.getByRole('navigation', { name: 'Vis høringsparter med status' });
  await expect(filter.getByRole('link', { name: 'Alle (60)' })).toHaveAttribute('aria-current', 'page');
  // 15 parties a page, with plain links to the others.
  await expect(status.locator('[data-party]')).toHaveCount(15);
  const pages = status.getByRole('navigation', { name: 'Sider med høringsparter' });
  await expect(pages).toContainText('Side 1 af 4: høringspart 1–15 af 60.');
  await expect(pages.getByRole('link', { name: 'Side 1' })).toHaveAttribute('aria-current', 'page');
  const first = await status.locator('[data-party]').first().getAttribute('data-party');
  await pages.getByRole('link', { name: 'Næste side' }).click();
  await expect(page).toHaveURL(/\?page=2#status-heading$/);
  await expect(pages).toContainText('Side 2 af 4: høringspart 16–30 af 60.');
  await expect(status.locator('[data-party]')).toHaveCount(15);
  await expect(status.locator(`[data-party="${first}"]`)).toHaveCount(0);
  const submitted = Number((await status.locator('[data-submitted-count]').textContent())!.split(' ')[0]);
  await filter.getByRole('link', { name: `Indsendt (${submitted})` }).click();
  await expect(page).toHaveURL(/\?status=SUBMITTED#status-heading$/);
  await expect(status.locator('[data-party]')).toHaveCount(Math.min(submitted, 15));
  await expect(filter.getByRole('link', { name: `Indsendt (${submitted})` })).toHaveAttribute('aria-current', 'page');
  // Publication is a section of its own, apart from closing.
  const publication = page.getByRole('region', { name: 'Offentliggørelse', exact: true });
  await expect(publication.getByRole('button', { name: 'Offentliggør høringssvarene' })).toBeVisible();
  await expect(publication.getByRole('button', { name: 'Luk høringen' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Fase', exact: true }).getByRole('button', { name: 'Luk høringen' })).toBeVisible();
  await expectNoAxeViolations(page);
});
