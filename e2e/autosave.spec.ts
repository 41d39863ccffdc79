import { expect, expectNoAxeViolations, signInWithMagicLink, test } from './fixtures';
import { createParty } from './people';

test('autosave keeps the text while the connection is down, says so, and saves when it is back; comments stop at their limit', async ({ page }) => {
  const party = await createParty({ label: 'Ældrerådet', type: 'SENIOR_COUNCIL' });
  await signInWithMagicLink(page, party.editor.email);
  await page.goto('/responses');
  await page.getByRole('link', { name: party.consultationTitle }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Høringssvar: ${party.organisation.name}`);
  const remarks = page.getByRole('textbox', { name: 'Generelle bemærkninger' });
  const status = page.locator('#general-heading ~ div [role=status]');

  await page.context().setOffline(true);
  await remarks.fill('Skrevet uden forbindelse.');
  await expect(status).toHaveText('Kunne ikke gemme – forbindelsen svigter. Vi prøver igen automatisk; din tekst er bevaret.');
  await expect(remarks).toHaveValue('Skrevet uden forbindelse.');

  await page.context().setOffline(false);
  await expect(status).toContainText('Gemt', { timeout: 20_000 });
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Generelle bemærkninger' })).toHaveValue('Skrevet uden forbindelse.');
  await expectNoAxeViolations(page);

  // A comment longer than the limit cannot be typed, and the count shows what is left.
  const comment = page.getByLabel('Kommentar (ØU01)');
  await comment.fill('x'.repeat(4990));
  await expect(page.locator('#answer-ØU01-comment-count')).toHaveText('10 tegn tilbage');
  await comment.pressSequentially('y'.repeat(15));
  await expect(comment).toHaveValue(`${'x'.repeat(4990)}${'y'.repeat(10)}`);
  await expect(page.locator('#answer-ØU01-comment-count')).toHaveText('0 tegn tilbage');
});
