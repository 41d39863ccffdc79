import { expect, expectNoAxeViolations, signInWithMagicLink, test } from './fixtures';
import { createParty } from './people';

// The response form in a browser without JavaScript: each section is a form of its own with a
// "Gem" button, the page says that saving is manual, and the review and submission are plain forms.
test('without JavaScript a member saves sections, meets a conflict without losing text, and submits through the review', async ({ browser }) => {
  const party = await createParty({ label: 'MED-udvalget', type: 'MED_COMMITTEE' });
  // Signing in is the same with or without JavaScript; the session is carried over.
  const withScript = await browser.newContext();
  const editor = await withScript.newPage();
  await signInWithMagicLink(editor, party.editor.email);
  const signingIn = await browser.newContext();
  await signInWithMagicLink(await signingIn.newPage(), party.submitter.email);
  const session = await signingIn.storageState();
  await signingIn.close();
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: session });
  const page = await context.newPage();
  const form = `/responses/${party.consultationId}/${party.organisation.id}`;

  await page.goto(form);
  // getByText skips <noscript>, whose content a browser without JavaScript shows as any other.
  await expect(page.locator('noscript p')).toBeVisible();
  await expect(page.locator('noscript p')).toContainText('JavaScript er slået fra i din browser, så intet gemmes af sig selv.');
  await expect(page.locator('#answer-ØU01-comment-count')).toHaveText('Højst 5.000 tegn. Er teksten længere, gemmes den ikke, og du får besked.');

  // Axe needs scripts to run, so it checks the page as the server sends it with the app's own
  // scripts blocked: nothing hydrates, and the sections keep their "Gem" buttons.
  const axeContext = await browser.newContext({ storageState: session });
  const unhydrated = await axeContext.newPage();
  await unhydrated.route(/\/_next\/static\/.+\.js$/, (route) => route.abort());
  await unhydrated.goto(form);
  await expect(unhydrated.locator('#general').getByRole('button', { name: 'Gem' })).toBeVisible();
  await expectNoAxeViolations(unhydrated);
  await axeContext.close();

  // One proposal: stance and comment, saved with the card's own button, back at the card with "Gemt".
  const card = page.locator('fieldset[data-answer="ØU01"]');
  await card.getByLabel('Støtter ikke').check();
  await card.getByLabel('Kommentar (ØU01)').fill('Udvalget kan ikke støtte forslaget uden en plan for medarbejderne.');
  await card.getByRole('button', { name: 'Gem' }).click();
  await expect(page).toHaveURL(/\?saved=proposal-%C3%98U01#proposal-%C3%98U01$/);
  await expect(card.getByRole('status')).toHaveText('Gemt');

  // The general remarks the same way.
  const general = page.locator('#general');
  await general.getByRole('textbox', { name: 'Generelle bemærkninger' }).fill('Udvalget har drøftet budgettet på to møder.');
  await general.getByRole('button', { name: 'Gem' }).click();
  await expect(page).toHaveURL(/\?saved=general#general$/);
  await expect(general.getByRole('status')).toContainText('Gemt');

  // Reloaded, both are there.
  await page.goto(form);
  await expect(card.getByLabel('Støtter ikke')).toBeChecked();
  await expect(card.getByLabel('Kommentar (ØU01)')).toHaveValue('Udvalget kan ikke støtte forslaget uden en plan for medarbejderne.');
  await expect(general.getByRole('textbox', { name: 'Generelle bemærkninger' })).toHaveValue('Udvalget har drøftet budgettet på to møder.');

  // A text over the limit is refused and given back whole, not cut by the browser.
  const comment = card.getByLabel('Kommentar (ØU01)');
  await comment.fill('x'.repeat(5001));
  await card.getByRole('button', { name: 'Gem' }).click();
  await expect(card.getByRole('status')).toHaveText('Teksten er for lang: højst 5.000 tegn.');
  await expect(comment).toHaveValue('x'.repeat(5001));
  await expect(page.locator('#answer-ØU01-comment-count')).toHaveText('5.001 af 5.000 tegn: 1 for mange. Teksten gemmes ikke, før du har forkortet den.');

  // The editor (with JavaScript) changes the general remarks meanwhile: the member's save is a
  // conflict that shows both texts, nothing lost; keeping one's own text saves it knowingly.
  await page.goto(form);
  await editor.goto(form);
  await editor.getByRole('textbox', { name: 'Generelle bemærkninger' }).fill('Redaktørens udgave.');
  await expect(editor.locator('#general-heading ~ form [role=status]')).toContainText('Gemt');
  await general.getByRole('textbox', { name: 'Generelle bemærkninger' }).fill('Indsenderens udgave.');
  await general.getByRole('button', { name: 'Gem' }).click();
  const conflict = general.getByRole('alert');
  await expect(conflict).toContainText(`${party.editor.name} har ændret dette felt`);
  await expect(conflict.locator('[data-conflict=theirs]')).toHaveText('Redaktørens udgave.');
  await expect(conflict.locator('[data-conflict=mine]')).toHaveText('Indsenderens udgave.');
  await expect(general.getByRole('textbox', { name: 'Generelle bemærkninger' })).toHaveValue('Indsenderens udgave.');
  // The panel's two buttons are the choice; a plain "Gem" beside them would be a third, unclear one.
  await expect(general.getByRole('button', { name: 'Gem', exact: true })).toHaveCount(0);
  await conflict.getByRole('button', { name: 'Behold din tekst' }).click();
  await expect(general.getByRole('status')).toContainText('Gemt');
  await page.goto(form);
  await expect(general.getByRole('textbox', { name: 'Generelle bemærkninger' })).toHaveValue('Indsenderens udgave.');
  await withScript.close();

  // Review and submission: the confirmation is required, then the receipt page.
  await page.getByRole('link', { name: 'Gennemse og indsend' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Gennemse og indsend: ${party.organisation.name}`);
  await page.getByRole('button', { name: 'Indsend høringssvar' }).click();
  await expect(page.getByText('Sæt kryds for at bekræfte, at I vil indsende.').first()).toBeVisible();
  await page.getByRole('checkbox', { name: /Jeg har gennemset svaret/ }).check();
  await page.getByRole('button', { name: 'Indsend høringssvar' }).click();
  await expect(page).toHaveURL(/\/receipt\/1$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Høringssvaret er indsendt');
  await expect(page.getByText(/Indsendt som version 1 med kvitteringsnummer BH-\d{6}/)).toBeVisible();
  await context.close();
});
