import { expect, expectNoAxeViolations, linkInMail, magicLinkFor, signInAsStaff, test } from './fixtures';
import { createUser } from './people';

test('staff create a consultation party and invite a member, who accepts, signs in, downloads and erases their data', async ({ page, browser }) => {
  const unique = Date.now().toString(36);
  const organisation = `Testrådet ${unique}`;
  const memberEmail = `medlem-${unique}@example.test`;

  await signInAsStaff(page, (await createUser('ADMIN')).email);
  await page.getByRole('link', { name: 'Administration' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Budgetkontoret');
  await expectNoAxeViolations(page);

  const create = page.getByRole('region', { name: 'Opret høringspart' });
  await create.getByRole('button', { name: 'Opret' }).click();
  await expect(create.getByText('Skal udfyldes.', { exact: true })).toBeVisible();
  // The error summary at the top of the form links to the field it names.
  const summary = create.getByRole('alert').filter({ hasText: 'Der er fejl i formularen' });
  await summary.getByRole('link', { name: 'Navn: Skal udfyldes.' }).click();
  await expect(create.getByLabel('Navn')).toBeFocused();
  await expectNoAxeViolations(page);
  await create.getByLabel('Navn').fill(organisation);
  await create.getByLabel('Type').selectOption({ label: 'Handicapråd' });
  await create.getByRole('button', { name: 'Opret' }).click();
  await expect(create.getByRole('status')).toHaveText('Gemt.');
  await expect(page.locator(`[data-organisation="${organisation}"]`)).toContainText('Handicapråd');

  const invite = page.getByRole('region', { name: 'Inviter medlem' });
  await invite.getByLabel('E-mailadresse').fill('ikke en adresse');
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(invite.getByText('Skriv en gyldig e-mailadresse.', { exact: true })).toBeVisible();
  await expect(invite.getByLabel('E-mailadresse')).toHaveValue('ikke en adresse');
  await invite.getByLabel('E-mailadresse').fill(memberEmail);
  await invite.getByLabel('Høringspart', { exact: true }).selectOption({ label: organisation });
  await invite.getByLabel('Rolle i høringsparten').selectOption({ label: 'Indsender' });
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(invite.getByRole('status')).toHaveText(`Invitationen er sendt til ${memberEmail}.`);
  await expectNoAxeViolations(page);

  // The invited member, in their own browser.
  const invitationLink = await linkInMail(memberEmail, '/invitation/');
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await member.goto(invitationLink);
  await expect(member.getByRole('heading', { level: 1 })).toHaveText('Invitation til budgethøringen');
  await expect(member.getByText(`Du bliver indsender for ${organisation}.`)).toBeVisible();
  await expectNoAxeViolations(member);
  await member.getByRole('button', { name: 'Tag imod invitationen' }).click();
  await expect(member.getByRole('heading', { level: 1 })).toHaveText('Tjek din e-mail');

  await member.goto(await magicLinkFor(memberEmail));
  await expect(member.getByRole('heading', { level: 1 })).toHaveText('Min konto');
  await expect(member.getByText(`${organisation} · Indsender`)).toBeVisible();
  await expectNoAxeViolations(member);

  // The link works once.
  await member.goto(invitationLink);
  await expect(member.getByText('Invitationen er allerede brugt')).toBeVisible();

  const exported = await member.request.get('/api/account/export');
  expect(exported.headers()['content-disposition']).toContain('attachment');
  const data = await exported.json();
  expect(data.user.email).toBe(memberEmail);
  expect(data.memberships).toEqual([{ organisation, organisationType: 'DISABILITY_COUNCIL', role: 'SUBMITTER' }]);

  await member.goto('/account');
  await member.getByRole('button', { name: 'Slet mine personoplysninger' }).click();
  await expect(member.getByText('Bekræft, at du vil slette dine personoplysninger.')).toBeVisible();
  await member.getByLabel('Jeg forstår, at det ikke kan fortrydes').check();
  await member.getByRole('button', { name: 'Slet mine personoplysninger' }).click();
  await expect(member.getByRole('status')).toHaveText('Dine personoplysninger er slettet, og du er logget ud.');
  await expect(member.getByRole('link', { name: 'Log ind' })).toBeVisible();
  expect((await member.request.get('/api/account/export')).status()).toBe(401);
  await memberContext.close();

  // Staff see it all in the audit log.
  // Staff see it all in the audit log, by name: the invitation, and its acceptance by the member,
  // who is shown as erased now.
  await page.goto('/staff/audit');
  const filters = page.getByRole('search', { name: 'Filtrér loggen' });
  await filters.getByLabel('Høringspart', { exact: true }).selectOption({ label: organisation });
  await filters.getByRole('button', { name: 'Vis' }).click();
  const invited = page.locator('tr[data-action="invitation.create"]');
  await expect(invited).toHaveCount(1);
  await expect(invited).toContainText('Send invitation');
  // Erasure removed the invitation itself; the audit row keeps what was sent, as the security record.
  await expect(invited).toContainText(memberEmail);
  await expect(invited).toContainText(organisation);
  await expect(invited).toContainText('Høringspart');
  const accepted = page.locator('tr[data-action="invitation.accept"]');
  await expect(accepted).toContainText('Tag imod invitation');
  await expect(accepted).toContainText('Slettet bruger (pseudonymiseret)');
  await expect(page.getByText(/^cm[a-z0-9]{20,}$/)).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.goto('/staff');
  await expect(page.locator(`[data-organisation="${organisation}"]`)).toContainText('Ingen medlemmer endnu.');
});

test('an anonymous visitor is sent to sign-in from the staff pages', async ({ page }) => {
  await page.goto('/staff');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fstaff|\/signin\?callbackUrl=\/staff/);
});
