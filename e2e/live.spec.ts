import { expect, expectNoAxeViolations, PHONE, signInWithMagicLink, test } from './fixtures';
import { createParty } from './people';

// Two members of one party, each in a browser of their own, work on the same response: each
// sees the other's saved text appear and the field the other is editing marked, without a
// reload. When the submitter submits while the other member has unsaved text, that form turns
// read-only at once and offers the text back to copy.
for (const size of [{ width: 1280, height: 800 }, PHONE]) {
  test(`working together live at ${size.width} px`, async ({ browser }) => {
    const party = await createParty({ label: 'Handicaprådet', type: 'DISABILITY_COUNCIL' });
    const url = `/responses/${party.consultationId}/${party.organisation.id}`;
    const open = async (email: string) => {
      const context = await browser.newContext({ viewport: size, permissions: ['clipboard-read', 'clipboard-write'] });
      const page = await context.newPage();
      await signInWithMagicLink(page, email);
      await page.goto(url);
      await expect(page.locator('[data-live-connected]')).toBeAttached();
      return page;
    };
    const submitter = await open(party.submitter.email);
    const member = await open(party.editor.email);

    // The submitter writes a comment: the member sees who is editing, then the saved text.
    const submitterComment = submitter.getByLabel('Kommentar (ØU01)');
    await submitterComment.fill('Rådet støtter forslaget.');
    await expect(member.locator('fieldset[data-answer="ØU01"] [data-editing-by]')).toHaveText(`${party.submitter.name} redigerer dette felt lige nu.`);
    await expect(submitter.locator('fieldset[data-answer="ØU01"] [role=status]').first()).toContainText('Gemt');
    await expect(member.getByLabel('Kommentar (ØU01)')).toHaveValue('Rådet støtter forslaget.');
    await expect(member.locator('[data-live-notices]')).toContainText(`${party.submitter.name} ændrede ØU01 for lidt siden.`);
    await expectNoAxeViolations(member);

    // And the other way: the member's comment reaches the submitter's page before the submission.
    await member.getByLabel('Kommentar (ØU03)').fill('Husk tilgængeligheden.');
    await expect(member.locator('fieldset[data-answer="ØU03"] [role=status]').first()).toContainText('Gemt');
    await expect(submitter.getByLabel('Kommentar (ØU03)')).toHaveValue('Husk tilgængeligheden.');
    await submitter.getByLabel('Kommentar (ØU01)').blur();
    await expect(member.locator('fieldset[data-answer="ØU01"] [data-editing-by]')).toHaveCount(0);

    // The member types general remarks that do not get saved (their saves fail on the way) …
    await member.route(`**${url}`, (route) => (route.request().method() === 'POST' ? route.abort() : route.continue()));
    const remarks = member.getByRole('textbox', { name: 'Generelle bemærkninger' });
    await remarks.fill('Vi mangler et afsnit om kørsel.');
    await expect(member.locator('#general-heading ~ form [role=status]').first()).toContainText('Kunne ikke gemme');

    // … when the submitter submits from the review page.
    await submitter.getByRole('link', { name: 'Gennemse og indsend' }).click();
    await submitter.locator('#confirm-submission').check();
    await submitter.getByRole('button', { name: 'Indsend høringssvar' }).click();
    await expect(submitter).toHaveURL(/\/receipt\/1$/);

    // The member's form is read-only at once, and the unsaved text is offered back to copy.
    await expect(member.locator('[data-live-locked="submitted"]')).toContainText(`${party.submitter.name} har indsendt høringssvaret.`);
    await expect(remarks).toBeDisabled();
    await expect(member.getByLabel('Kommentar (ØU01)')).toBeDisabled();
    const offered = member.locator('[data-unsaved]');
    await expect(offered).toHaveCount(1);
    await expect(offered.getByText('Din tekst blev ikke gemt: kopiér den')).toBeVisible();
    await expect(offered.getByRole('textbox', { name: 'Din tekst blev ikke gemt: kopiér den' })).toHaveValue('Vi mangler et afsnit om kørsel.');
    await offered.getByRole('button', { name: 'Kopiér teksten' }).click();
    await expect(offered.getByRole('status')).toHaveText('Kopieret.');
    expect(await member.evaluate(() => navigator.clipboard.readText())).toBe('Vi mangler et afsnit om kørsel.');
    // No field reports a failed save of its own: the form says once why it closed.
    await expect(member.locator('.text-red-800')).toHaveCount(0);
    await expectNoAxeViolations(member);
    await member.context().close();
    await submitter.context().close();
  });
}
