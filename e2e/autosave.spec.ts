import { expect, expectNoAxeViolations, signInWithMagicLink, test } from './fixtures';
import { createParty } from './people';

test('autosave keeps the text while the connection is down, says so, and saves when it is back; comments stop at their limit', async ({ page }) => {
  const party = await createParty({ label: 'Ældrerådet', type: 'SENIOR_COUNCIL' });
  await signInWithMagicLink(page, party.editor.email);
  await page.goto('/responses');
  await page.getByRole('link', { name: party.consultationTitle }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Høringssvar: ${party.organisation.name}`);
  const remarks = page.getByRole('textbox', { name: 'Generelle bemærkninger' });
  const status = page.locator('#general-heading ~ form [role=status]');

  await page.context().setOffline(true);
  await remarks.fill('Skrevet uden forbindelse.');
  await expect(status).toHaveText('Kunne ikke gemme – forbindelsen svigter. Vi prøver igen automatisk; din tekst er bevaret.');
  await expect(remarks).toHaveValue('Skrevet uden forbindelse.');

  await page.context().setOffline(false);
  await expect(status).toContainText('Gemt', { timeout: 20_000 });
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Generelle bemærkninger' })).toHaveValue('Skrevet uden forbindelse.');
  await expectNoAxeViolations(page);

  // The count says the limit and what happens there; typing stops at it.
  const comment = page.getByLabel('Kommentar (ØU01)');
  const count = page.locator('#answer-ØU01-comment-count');
  await comment.fill('x'.repeat(4990));
  await expect(count).toHaveText('4.990 af 5.000 tegn. Ved 5.000 tegn kan du ikke skrive mere.');
  await comment.pressSequentially('y'.repeat(15));
  await expect(comment).toHaveValue(`${'x'.repeat(4990)}${'y'.repeat(10)}`);
  await expect(count).toHaveText('5.000 af 5.000 tegn. Grænsen er nået, så du kan ikke skrive mere.');

  // A paste that does not fit is refused with a message, not cut: the text in the field stays as it was.
  await comment.fill('x'.repeat(4990));
  await comment.evaluate((field) => {
    const data = new DataTransfer();
    data.setData('text/plain', 'z'.repeat(25));
    field.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.locator('fieldset[data-answer="ØU01"] [role=alert]')).toHaveText(
    'Teksten blev ikke sat ind: den er på 25 tegn, men der er kun plads til 10 mere. Forkort den, og prøv igen.',
  );
  await expect(comment).toHaveValue('x'.repeat(4990));
});

test('consent saves itself when it is ticked, with no button to press', async ({ page }) => {
  const party = await createParty({ label: 'Skolebestyrelsen', type: 'SCHOOL_BOARD' });
  await signInWithMagicLink(page, party.editor.email);
  await page.goto(`/responses/${party.consultationId}/${party.organisation.id}`);
  const consent = page.getByRole('region', { name: 'Offentliggørelse' });
  await expect(consent.getByRole('button')).toHaveCount(0);
  await consent.getByLabel('Høringssvaret må offentliggøres').check();
  await expect(consent.getByText('Gemt.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Offentliggørelse' }).getByLabel('Høringssvaret må offentliggøres')).toBeChecked();
  await expect(page.getByRole('region', { name: 'Offentliggørelse' }).getByLabel('Personnavne i høringssvaret må vises offentligt')).not.toBeChecked();
});
