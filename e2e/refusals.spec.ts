import { expect, expectNoAxeViolations, signInWithMagicLink, test } from './fixtures';
import { createParty } from './people';

test('a member opening another organisation’s response gets 403 with the Danish page, not an error', async ({ page }) => {
  const [own, other] = [await createParty({ label: 'Ældrerådet', type: 'SENIOR_COUNCIL' }), await createParty({ label: 'Handicaprådet', type: 'DISABILITY_COUNCIL' })];
  await signInWithMagicLink(page, own.editor.email);
  const { consultationId, organisation: { id: organisationId } } = other;

  const response = await page.goto(`/responses/${consultationId}/${organisationId}`);
  expect(response!.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Du har ikke adgang');
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  // Next.js's route announcer is an empty live region with role alert; no other alert may show.
  await expect(page.locator('[role="alert"]:not(#__next-route-announcer__)')).toHaveCount(0);
  await expect(page.getByText('Noget gik galt')).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The member's own organisation's response opens as before.
  expect((await page.goto(`/responses/${own.consultationId}/${own.organisation.id}`))!.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(own.organisation.name);
});
