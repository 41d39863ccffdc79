import type { Browser, Page } from '@playwright/test';
import { PDF } from '../test/pdf-fixtures';
import { expect, expectNoAxeViolations, mailTo, PHONE, signInWithMagicLink, test } from './fixtures';
import { createParty, moveDeadlineIntoThePast } from './people';

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInWithMagicLink(page, email);
  return page;
}

const answer = (page: Page, code: string) => page.locator(`fieldset[data-answer="${code}"]`);

/** From the response page through the review, confirmed, to the receipt page. */
async function submitThroughReview(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Gennemse og indsend' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Gennemse og indsend');
  await page.getByRole('checkbox', { name: /Jeg har gennemset svaret/ }).check();
  await page.getByRole('button', { name: 'Indsend høringssvar' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Høringssvaret er indsendt');
}

test('two members draft together, a conflict is resolved, the submitter submits and resubmits, and the deadline closes the form', async ({ browser }) => {
  test.slow(); // two members in their own browsers, a conflict, two submissions and a passed deadline
  const party = await createParty({ label: 'Handicaprådet', type: 'DISABILITY_COUNCIL', assigned: { codes: ['SU01', 'SU05', 'SU10', 'ISU05'], note: 'Berører borgere med handicap' } });
  const editor = await signedIn(browser, party.editor.email);
  await editor.getByRole('link', { name: 'Mine høringer' }).click();
  await expect(editor.locator('li[data-status]')).toContainText('Ikke påbegyndt');
  await expectNoAxeViolations(editor);
  await editor.getByRole('link', { name: party.consultationTitle }).click();
  await expect(editor.getByRole('heading', { level: 1 })).toContainText('Handicaprådet');

  // The proposals staff selected for the council come first.
  await expect(editor.locator('fieldset[data-answer]').first()).toContainText('Udvalgt til jer');

  await editor.getByRole('textbox', { name: 'Generelle bemærkninger' }).fill('Rådet ønsker at fremhæve konsekvenserne for borgere med handicap.');
  await expect(editor.locator('#general-heading ~ form [role=status]')).toContainText('Gemt');
  await answer(editor, 'SU01').getByLabel('Støtter ikke').check();
  await answer(editor, 'SU01').getByLabel('Kommentar (SU01)').fill('Borgere under 50 år må ikke få ringere tilbud.');
  await expect(answer(editor, 'SU01').getByRole('status')).toContainText('Gemt');
  await expectNoAxeViolations(editor);

  // The submitter opens the same response and changes the comment.
  const submitter = await signedIn(browser, party.submitter.email);
  await submitter.goto(editor.url());
  await expect(answer(submitter, 'SU01').getByLabel('Kommentar (SU01)')).toHaveValue('Borgere under 50 år må ikke få ringere tilbud.');
  await expect(answer(submitter, 'SU01')).toContainText(`Senest ændret af ${party.editor.name}`);

  // The editor types too, and the text is not saved yet (its saves fail on the way) when the
  // submitter's save reaches the editor's open form: a conflict, never a silent overwrite.
  const editorForm = `**${new URL(editor.url()).pathname}`;
  await editor.route(editorForm, (route) => (route.request().method() === 'POST' ? route.abort() : route.continue()));
  await answer(editor, 'SU01').getByLabel('Kommentar (SU01)').fill('Borgere under 50 år må ikke få ringere tilbud. Vi foreslår en overgangsordning.');
  await expect(answer(editor, 'SU01').getByRole('status')).toContainText('Kunne ikke gemme');
  await answer(submitter, 'SU01').getByLabel('Kommentar (SU01)').fill('Rådet kan ikke støtte forslaget.');
  await expect(answer(submitter, 'SU01').getByRole('status')).toContainText('Gemt');
  await editor.unroute(editorForm);
  const conflict = answer(editor, 'SU01').getByRole('alert');
  await expect(conflict).toContainText(`${party.submitter.name} har ændret dette felt`);
  await expect(conflict.locator('[data-conflict=theirs]')).toHaveText('Rådet kan ikke støtte forslaget.');
  await expect(conflict.locator('[data-conflict=mine]')).toHaveText('Borgere under 50 år må ikke få ringere tilbud. Vi foreslår en overgangsordning.');
  // The other member's text is named after them, in the genitive: not "deres", which reads as the formal "your".
  await expect(conflict).toContainText(`${party.submitter.name}s tekst (gemt)`);
  await expect(conflict).toContainText('Din tekst (ikke gemt)');
  await expect(conflict.getByRole('button', { name: `Brug ${party.submitter.name}s tekst` })).toBeVisible();
  await expectNoAxeViolations(editor);
  await conflict.getByRole('button', { name: 'Behold din tekst' }).click();
  await expect(answer(editor, 'SU01').getByRole('status')).toContainText('Gemt');

  // Attachments: a PDF by its content, not by its name.
  const upload = editor.getByRole('region', { name: 'Bilag' });
  await upload.getByLabel('Vælg PDF-fil').setInputFiles({ name: 'falsk.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>ikke en pdf</html>') });
  await upload.getByRole('button', { name: 'Upload bilag' }).click();
  await expect(upload.getByText('Filen er ikke en PDF.')).toBeVisible();
  await upload.getByLabel('Vælg PDF-fil').setInputFiles({ name: 'Rådets notat.pdf', mimeType: 'application/pdf', buffer: PDF });
  await upload.getByRole('button', { name: 'Upload bilag' }).click();
  await expect(upload.getByRole('link', { name: 'Rådets notat.pdf' })).toBeVisible();
  const download = await editor.request.get((await upload.getByRole('link', { name: 'Rådets notat.pdf' }).getAttribute('href'))!);
  expect(download.headers()['content-disposition']).toMatch(/^attachment; filename=".*"; filename\*=UTF-8''R%C3%A5dets%20notat\.pdf$/);
  expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // The submitter sees the resolved text and submits.
  await submitter.reload();
  await expect(answer(submitter, 'SU01').getByLabel('Kommentar (SU01)')).toHaveValue('Borgere under 50 år må ikke få ringere tilbud. Vi foreslår en overgangsordning.');
  await submitThroughReview(submitter);
  await expect(submitter.getByText(/Indsendt som version 1 med kvitteringsnummer BH-\d{6}/).first()).toBeVisible();
  const receipt = (await submitter.getByText(/Indsendt som version 1/).first().textContent())!.match(/BH-\d{6}/)![0];
  await submitter.getByRole('link', { name: 'Gå til høringssvaret' }).click();
  await expect(answer(submitter, 'SU01').getByLabel('Kommentar (SU01)')).toBeDisabled();

  // Both members get the receipt with the PDF copy.
  for (const address of [party.submitter.email, party.editor.email]) {
    await expect.poll(async () => (await mailTo(address)).some((mail) => mail.subject === `Kvittering for høringssvar ${receipt}`)).toBe(true);
  }
  const receiptMail = (await mailTo(party.editor.email)).find((mail) => mail.subject.includes(receipt)) as unknown as { attachments: { filename: string; contentType: string; size: number }[] };
  expect(receiptMail.attachments).toEqual([{ filename: `kvittering-${receipt}.pdf`, contentType: 'application/pdf', size: expect.any(Number) }]);
  expect(receiptMail.attachments[0]!.size).toBeGreaterThan(1000);

  // Reopened and submitted again: version 2.
  await submitter.getByRole('button', { name: 'Genåbn høringssvaret' }).click();
  await expect(submitter.getByText('Høringssvaret er genåbnet')).toBeVisible();
  await submitThroughReview(submitter);
  await expect(submitter.getByText(/Indsendt som version 2/).first()).toBeVisible();
  await submitter.getByRole('link', { name: 'Gå til høringssvaret' }).click();
  await expect(submitter.getByText(/^Version 1 · BH-/)).toBeVisible();
  await expectNoAxeViolations(submitter);

  // After the deadline: the form is closed, and the server refuses what an open page still sends.
  await submitter.getByRole('button', { name: 'Genåbn høringssvaret' }).click();
  await expect(submitter.getByText('Høringssvaret er genåbnet')).toBeVisible();
  await moveDeadlineIntoThePast(party);
  await answer(submitter, 'SU05').getByLabel('Kommentar (SU05)').fill('For sent.');
  // The refusal closes the whole open form at once, and the text is offered back.
  await expect(submitter.locator('[data-live-locked="deadline"]')).toContainText('Fristen er overskredet. Formularen kan ikke længere ændres.');
  await expect(answer(submitter, 'SU05').getByLabel('Kommentar (SU05)')).toBeDisabled();
  await expect(answer(submitter, 'SU05').locator('[data-unsaved] textarea')).toHaveValue('For sent.');
  await submitter.reload();
  await expect(submitter.getByText('Fristen er overskredet. Høringssvaret kan ikke længere ændres.')).toBeVisible();
  await expect(answer(submitter, 'SU05').getByLabel('Kommentar (SU05)')).toBeDisabled();
  await expect(answer(submitter, 'SU05').getByLabel('Kommentar (SU05)')).toHaveValue('');
});

test('each proposal shows its context; the progress, the contents and "Vis kun ubesvarede" orient the member', async ({ page }, testInfo) => {
  const party = await createParty({ label: 'Ældrerådet', type: 'SENIOR_COUNCIL', assigned: { codes: ['SU05'], note: 'Berører ældre borgere' } });
  await signInWithMagicLink(page, party.editor.email);
  const form = `/responses/${party.consultationId}/${party.organisation.id}`;
  await page.goto(form);
  const total = await page.locator('fieldset[data-answer]').count();
  expect(total).toBeGreaterThan(10);

  // The proposal staff asked about comes first, with their note; the version is not repeated on every card.
  await expect(page.locator('fieldset[data-answer]').first()).toHaveAttribute('data-answer', 'SU05');
  await expect(answer(page, 'SU05')).toContainText('Udvalgt til jer: Berører ældre borgere');
  await expect(page.getByText(/Du svarer på version/)).toHaveCount(0);

  // The context: list, committee, summary and amounts per year, and a link to the proposal's public page.
  const card = answer(page, 'SU01');
  const context = card.locator('[data-proposal-context]');
  await expect(context.locator('dt')).toHaveText(['Liste', 'Udvalg']);
  await expect(context.locator('dd').first()).not.toBeEmpty();
  const summary = (await context.locator('#summary-SU01').textContent())!.trim();
  expect(summary.length).toBeGreaterThan(20);
  const amounts = context.getByRole('table', { name: 'Beløb i 1.000 kr.' });
  await expect(amounts.locator('thead th')).toContainText(['Udgiftsart', 'Type', /^20\d\d$/]);
  await expect(amounts.locator('tbody tr').first()).toBeVisible();
  const title = card.getByRole('heading', { level: 3 }).getByRole('link');
  const proposalTitle = (await title.textContent())!;
  await title.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`SU01 ${proposalTitle}`);
  await expect(page.getByText(summary, { exact: false })).toBeVisible();
  await page.goBack();

  // The progress follows the answers.
  const progress = page.locator('[data-progress]');
  await expect(progress).toContainText(`0 af ${total} besvaret`);
  await answer(page, 'SU01').getByLabel('Støtter', { exact: true }).check();
  await expect(answer(page, 'SU01').getByRole('status')).toContainText('Gemt');
  await expect(progress).toContainText(`1 af ${total} besvaret`);
  await answer(page, 'SU10').getByLabel('Kommentar (SU10)').fill('En kommentar.');
  await expect(answer(page, 'SU10').getByRole('status')).toContainText('Gemt');
  await expect(progress).toContainText(`2 af ${total} besvaret`);

  // The contents: a link per proposal, with its state, and the form's other sections.
  const contents = page.getByRole('navigation', { name: 'Indhold' });
  await expect(contents.locator('[data-contents-entry]')).toHaveCount(total);
  await expect(contents.locator('[data-contents-entry=SU01]')).toContainText('Kun holdning');
  await expect(contents.locator('[data-contents-entry=SU10]')).toContainText('Med kommentar');
  await expect(contents.locator('[data-contents-entry=SU05]')).toContainText('Ikke besvaret');
  for (const section of ['Generelle bemærkninger', 'Offentliggørelse', 'Bilag', 'Mindretalsudtalelser', 'Indsend']) {
    await expect(contents.getByRole('link', { name: section, exact: true })).toBeVisible();
  }
  const last = page.locator('fieldset[data-answer]').last();
  const lastCode = (await last.getAttribute('data-answer'))!;
  await contents.locator(`[data-contents-entry="${lastCode}"] a`).click();
  await expect(page).toHaveURL(new RegExp(`#proposal-${encodeURIComponent(lastCode)}$`));
  await expect(last).toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath('form-1280.png') });
  await testInfo.attach('form-1280', { path: testInfo.outputPath('form-1280.png'), contentType: 'image/png' });

  // Only the unanswered ones: answered cards and their contents entries are hidden, and come back.
  await page.getByRole('button', { name: 'Vis kun ubesvarede' }).click();
  await expect(answer(page, 'SU01')).toBeHidden();
  await expect(answer(page, 'SU10')).toBeHidden();
  await expect(answer(page, 'SU05')).toBeVisible();
  await expect(contents.locator('[data-contents-entry]')).toHaveCount(total - 2);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Vis kun ubesvarede' }).click();
  await expect(answer(page, 'SU01')).toBeVisible();

  // Without JavaScript it is a link, which the server honours.
  await page.goto(`${form}?unanswered=1`);
  await expect(page.locator('fieldset[data-answer]')).toHaveCount(total - 2);
  await expect(answer(page, 'SU01')).toHaveCount(0);
  await expect(page.locator('[data-progress]')).toContainText(`2 af ${total} besvaret`);
  await page.getByRole('link', { name: 'Vis alle forslag' }).click();
  await expect(page.locator('fieldset[data-answer]')).toHaveCount(total);

  // On a phone the contents are folded above the form and the progress stays in view.
  await page.setViewportSize(PHONE);
  await page.reload();
  await expect(contents.locator('[data-contents-entry]').first()).toBeHidden();
  await contents.getByText('Indhold').click();
  await contents.locator('[data-contents-entry=SU10] a').click();
  await expect(answer(page, 'SU10')).toBeInViewport();
  await expect(page.locator('[data-progress]')).toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath('form-390.png') });
  await testInfo.attach('form-390', { path: testInfo.outputPath('form-390.png'), contentType: 'image/png' });
  await expectNoAxeViolations(page);
});
