import { expect, expectNoAxeViolations, PHONE, signInWithMagicLink, test } from './fixtures';
import { createParty } from './people';

// A member lands on their consultations after signing in; the submitter reviews the response, is
// warned about what is unanswered, confirms, and gets the receipt page with its PDF.
for (const size of [{ width: 1280, height: 800 }, PHONE]) {
  test(`landing, review and receipt at ${size.width} px`, async ({ browser }) => {
    const party = await createParty({ label: 'Ældrerådet', type: 'SENIOR_COUNCIL', deadlineInDays: 10 });

    // The editor may read the review, but only the submitter may submit.
    const editorContext = await browser.newContext();
    const editor = await editorContext.newPage();
    await signInWithMagicLink(editor, party.editor.email);
    await editor.setViewportSize(size);
    await expect(editor).toHaveURL(/\/responses$/);

    const context = await browser.newContext();
    const page = await context.newPage();
    await signInWithMagicLink(page, party.submitter.email);
    await page.setViewportSize(size);

    // Landing: the consultation with its deadline, days left and progress.
    await expect(page).toHaveURL(/\/responses$/);
    const entry = page.locator('li[data-status]', { hasText: party.consultationTitle });
    await expect(entry).toContainText(party.organisation.name);
    await expect(entry).toContainText('Ikke påbegyndt');
    await expect(entry.locator('[data-deadline]')).toContainText(/\d{4} kl\. \d{2}\.\d{2}/);
    await expect(entry.locator('[data-days-left]')).toHaveText('10 dage tilbage');
    await expect(entry.locator('[data-progress]')).toHaveText(/^0 af \d+ besvaret$/);
    const total = Number((await entry.locator('[data-progress]').textContent())!.match(/af (\d+)/)![1]);
    await expectNoAxeViolations(page);

    // One answer, then back to the landing: progress and who worked on it.
    await entry.getByRole('link', { name: /Fortsæt/ }).click();
    const su01 = page.locator('fieldset[data-answer="SU01"]');
    await su01.getByLabel('Støtter ikke').check();
    await expect(su01.getByRole('status')).toContainText('Gemt');
    const responseUrl = page.url();
    await page.goto('/responses');
    await expect(entry.locator('[data-progress]')).toHaveText(`1 af ${total} besvaret`);
    await expect(entry).toContainText(party.submitter.name);

    // The editor sees the review but is told that only the submitter submits.
    await editor.goto(`${responseUrl}/review`);
    await expect(editor.getByRole('heading', { level: 1 })).toContainText('Gennemse og indsend');
    await expect(editor.locator('[data-only-submitter]')).toBeVisible();
    await expect(editor.getByRole('button', { name: 'Indsend høringssvar' })).toHaveCount(0);
    await editorContext.close();

    // The review: the heading has the focus, and the unanswered proposals are named with links back.
    await page.goto(responseUrl);
    await page.getByRole('link', { name: 'Gennemse og indsend' }).click();
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(`Gennemse og indsend: ${party.organisation.name}`);
    await expect(heading).toBeFocused();
    const warning = page.locator('[data-unanswered]');
    await expect(warning).toContainText(`${total - 1} forslag af ${total} er ikke besvaret.`);
    await expect(warning.getByRole('link').first()).toHaveAttribute('href', /#answer-.+-comment$/);
    await expect(page.getByRole('table')).toContainText('Støtter ikke');
    await expectNoAxeViolations(page);

    // Without the confirmation nothing is submitted.
    await page.getByRole('button', { name: 'Indsend høringssvar' }).click();
    await expect(page.getByText('Sæt kryds for at bekræfte, at I vil indsende.').first()).toBeVisible();
    await page.getByRole('checkbox', { name: /Jeg har gennemset svaret/ }).check();
    await page.getByRole('button', { name: 'Indsend høringssvar' }).click();

    // The receipt page.
    await expect(page).toHaveURL(/\/receipt\/1$/);
    await expect(heading).toHaveText('Høringssvaret er indsendt');
    await expect(heading).toBeFocused();
    await expect(page.getByText(/Indsendt som version 1 med kvitteringsnummer BH-\d{6}/)).toBeVisible();
    const receipt = (await page.locator('[data-receipt]').getAttribute('data-receipt'))!;
    expect(receipt).toMatch(/^BH-\d{6}$/);
    await expect(page.getByText(party.submitter.name, { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Hvad sker der nu?' })).toBeVisible();
    await expect(page.getByText(/I kan genåbne og ændre svaret indtil fristen/)).toBeVisible();
    await expectNoAxeViolations(page);

    const download = page.getByRole('link', { name: `Hent kvitteringen som PDF (${receipt})` });
    const pdf = await page.request.get((await download.getAttribute('href'))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-disposition']).toBe(`attachment; filename="kvittering-${receipt}.pdf"; filename*=UTF-8''kvittering-${receipt}.pdf`);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    await page.getByRole('link', { name: 'Gå til dine høringer' }).click();
    await expect(entry).toContainText('Indsendt');
    await context.close();
  });
}
