import { pdfText, squash } from '../test/document-text';
import { PDF as VALID_PDF } from '../test/pdf-fixtures';
import { expect, expectNoAxeViolations, linkInMail, mailTo, signInAsStaff, test } from './fixtures';
import { createUser } from './people';

const PDF = { mimeType: 'application/pdf', buffer: VALID_PDF };

test('staff run a consultation: create, invite, open, register a letter, moderate and publish', async ({ page, browser }) => {
  test.slow();
  const unique = Date.now().toString(36);
  const organisation = `Seniorrådet ${unique}`;
  const memberEmail = `formand-${unique}@example.test`;
  const title = `Budgethøring E2E ${unique}`;

  await signInAsStaff(page, (await createUser('STAFF')).email);

  // A new party with a member, who accepts the invitation in their own browser.
  await page.goto('/staff');
  const create = page.getByRole('region', { name: 'Opret høringspart' });
  await create.getByLabel('Navn').fill(organisation);
  await create.getByLabel('Type').selectOption({ label: 'Ældreråd' });
  await create.getByRole('button', { name: 'Opret' }).click();
  await expect(create.getByRole('status')).toHaveText('Gemt.');
  const invite = page.getByRole('region', { name: 'Inviter medlem' });
  await invite.getByLabel('E-mailadresse').fill(memberEmail);
  await invite.getByLabel('Høringspart', { exact: true }).selectOption({ label: organisation });
  await invite.getByLabel('Rolle i høringsparten').selectOption({ label: 'Indsender' });
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(invite.getByRole('status')).toContainText(memberEmail);
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await member.goto(await linkInMail(memberEmail, '/invitation/'));
  await member.getByRole('button', { name: 'Tag imod invitationen' }).click();
  await expect(member.getByRole('heading', { level: 1 })).toHaveText('Tjek din e-mail');
  await memberContext.close();

  // Create the consultation; a wrong deadline is refused with what was typed kept.
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Høringer' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Høringer');
  const form = page.getByRole('region', { name: 'Opret høring' });
  await form.getByLabel('Titel').fill(title);
  await form.getByLabel('Beskrivelse').fill('Kommunens budgetforslag i høring.');
  await form.getByLabel('Frist (dansk tid)').fill('2001-01-01T12:00');
  await form.getByRole('button', { name: 'Opret høring' }).click();
  await expect(form.getByRole('alert')).toHaveText('Fristen skal ligge i fremtiden.');
  await expect(form.getByLabel('Titel')).toHaveValue(title);
  await expectNoAxeViolations(page);
  await form.getByLabel('Frist (dansk tid)').fill('2099-06-30T12:00');
  await form.getByRole('button', { name: 'Opret høring' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByText('Fase: Kladde')).toBeVisible();

  // A document, the party and the opening with invitation mail.
  const documents = page.getByRole('region', { name: 'Dokumenter' });
  await documents.getByLabel('Dokumentets titel').fill('Budgetnotat');
  await documents.getByLabel('PDF-fil (højst 10 MB)').setInputFiles({ name: 'notat.pdf', ...PDF });
  await documents.getByRole('button', { name: 'Tilføj dokument (PDF)' }).click();
  await expect(documents.getByRole('link', { name: 'Budgetnotat' })).toBeVisible();

  const parties = page.getByRole('region', { name: 'Høringsparter' });
  await parties.getByRole('checkbox', { name: new RegExp(organisation) }).check();
  await parties.getByRole('button', { name: 'Gem høringsparter' }).click();
  await expect(parties.getByRole('status')).toHaveText('Gemt: 1 tilføjet, 0 fjernet, 0 fik besked.');

  await page.getByRole('button', { name: 'Åbn høringen og send invitationer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Høringen er åben' })).toHaveText('Høringen er åben. 1 høringspart fik e-mail. Uden medlemmer: –.');
  await expect.poll(async () => (await mailTo(memberEmail)).some((mail) => mail.subject === `Høring: ${title}`)).toBe(true);
  await expectNoAxeViolations(page);

  // The party's own page: staff point it to a proposal and give it a later deadline.
  const party = page.locator(`[data-party="${organisation}"]`);
  await expect(party).toContainText('Ikke påbegyndt');
  await party.getByRole('link', { name: `Frist og udvalgte forslag for ${organisation} (0 udvalgt)` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(organisation);
  const assignment = page.getByRole('region', { name: 'Udvalgte forslag' });
  await assignment.getByRole('checkbox', { name: 'ØU04' }).check();
  await assignment.getByLabel('Note til parten (hvorfor)').fill('Rammer de ældre.');
  await assignment.getByRole('button', { name: 'Gem udvalgte forslag' }).click();
  await expect(assignment.getByRole('status')).toHaveText('Gemt.');
  const extension = page.getByRole('region', { name: 'Frist', exact: true });
  await extension.getByLabel(`Ny frist for ${organisation} (dansk tid)`).fill('2099-07-15T12:00');
  await extension.getByRole('button', { name: 'Forlæng frist' }).click();
  await expect(extension.getByRole('status')).toHaveText('Gemt.');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: `Tilbage til ${title}` }).click();
  await expect(party).toContainText('(forlænget)');
  await expect(party.getByRole('link', { name: `Frist og udvalgte forslag for ${organisation} (1 udvalgt)` })).toBeVisible();

  // The organisation answered by letter: staff register it with the original.
  await party.getByRole('link', { name: `Registrér svar for ${organisation}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Registrér høringssvar for ${organisation}`);
  await page.getByLabel('Modtaget som').selectOption({ label: 'Brev' });
  await page.getByLabel('Generelle bemærkninger').fill('Vi er bekymrede. Kontakt Jens Hansen på 12345678.');
  await page.getByLabel('Holdning til ØU04').selectOption({ label: 'Støtter ikke' });
  await page.getByLabel('Kommentar til ØU04').fill('Rammer de ældre.');
  await page.getByLabel('Organisationen har givet samtykke til offentliggørelse').check();
  await page.getByRole('button', { name: 'Registrér og indsend svaret' }).click();
  await expect(page.getByText('Vedhæft originalen som PDF.', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Originalen (PDF)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Kommentar til ØU04')).toHaveValue('Rammer de ældre.');
  await page.getByLabel('Originalen (PDF)').setInputFiles({ name: 'brev.pdf', ...PDF });
  await page.getByRole('button', { name: 'Registrér og indsend svaret' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Svaret er registreret med kvitteringsnummer BH-\d{6}\.$/);
  await expectNoAxeViolations(page);

  // Close, hide the personal data, publish.
  await page.getByRole('link', { name: `Tilbage til ${title}` }).click();
  await page.getByRole('button', { name: 'Luk høringen' }).click();
  await expect(page.getByText('Fase: Lukket')).toBeVisible();
  await page.locator(`[data-party="${organisation}"]`).getByRole('link', { name: `Læs og moderér svaret fra ${organisation}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Høringssvar fra ${organisation}`);
  const remarks = page.getByRole('form', { name: 'Moderér: Generelle bemærkninger' });
  await remarks.getByLabel('Passage der skal erstattes (præcis som i teksten)').fill('Jens Hansen på 12345678');
  await remarks.getByLabel('Begrundelse').fill('Personoplysninger');
  await remarks.getByRole('button', { name: 'Gem moderation' }).click();
  await expect(remarks.getByRole('status')).toHaveText('Passagen erstattes i det offentliggjorte.');
  const preview = page.getByRole('region', { name: 'Sådan bliver svaret offentliggjort' });
  await expect(preview).toContainText('Vi er bekymrede. Kontakt [udeladt af forvaltningen].');
  await expect(page.getByText('Vi er bekymrede. Kontakt Jens Hansen på 12345678.')).toBeVisible();
  await expectNoAxeViolations(page);

  // The administration's remark for the høringsnotat.
  await page.getByRole('link', { name: `Tilbage til ${title}` }).click();
  await page.getByRole('link', { name: 'Skriv administrationens bemærkninger til høringsnotatet' }).click();
  await page.getByLabel('Bemærkning til ØU04').fill(`Forvaltningen fastholder forslaget ${unique}.`);
  const remark = page.locator('form').filter({ has: page.getByLabel('Bemærkning til ØU04') });
  await remark.getByRole('button', { name: 'Gem bemærkning' }).click();
  await expect(remark.getByRole('status')).toHaveText('Bemærkningen er gemt.');
  await expectNoAxeViolations(page);

  // The letter gave no consent to names: its review finds the contact's name already redacted.
  await page.getByRole('link', { name: 'Tilbage til høringen' }).click();
  await page.getByRole('link', { name: 'Gennemgå svarene for personnavne' }).click();
  await expect(page.getByText('«Jens Hansen»: udelades')).toBeVisible();
  await page.getByRole('button', { name: `Markér svaret fra ${organisation} som gennemgået` }).click();
  await expect(page.getByText('Alle 1 svar er gennemgået.')).toBeVisible();
  await page.getByRole('link', { name: `Tilbage til ${title}` }).click();
  const publication = page.getByRole('region', { name: 'Offentliggørelse' });
  await publication.getByRole('checkbox', { name: /Jeg har læst oversigten og vil offentliggøre 1 høringssvar/ }).check();
  await publication.getByRole('button', { name: 'Offentliggør høringssvarene' }).click();
  await expect(page.getByText('Fase: Offentliggjort')).toBeVisible();

  // The public reads the consented, moderated response without signing in.
  const publicContext = await browser.newContext();
  const visitor = await publicContext.newPage();
  await visitor.goto('/consultations');
  await visitor.getByRole('link', { name: title }).click();
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(title);
  const publicPage = visitor.url();
  // The index of responses links to each response's own page.
  await visitor.getByRole('link', { name: organisation, exact: true }).click();
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(organisation);
  const response = visitor.locator('main');
  await expect(response).toContainText('Vi er bekymrede. Kontakt [udeladt af forvaltningen].');
  await expect(response).toContainText('Rammer de ældre.');
  await expect(response).toContainText('Brev');
  await expect(visitor.getByText('12345678')).toHaveCount(0);
  await expectNoAxeViolations(visitor);
  const responsePage = visitor.url();
  await visitor.goto(publicPage);
  const download = await visitor.request.get((await visitor.getByRole('link', { name: 'Budgetnotat' }).getAttribute('href'))!);
  expect(download.headers()['content-type']).toBe('application/pdf');
  // The public edition of the høringsnotat: the moderated response and the administration's remark.
  const note = await pdfText(await (await visitor.request.get((await visitor.getByRole('link', { name: 'Høringsnotat (PDF)' }).getAttribute('href'))!)).body());
  expect(note.text).toContain(squash(organisation));
  expect(note.text).toContain(squash(`Forvaltningen fastholder forslaget ${unique}.`));
  expect(note.text).toContain(squash('Kontakt [udeladt af forvaltningen]'));
  expect(note.text).not.toContain('12345678');
  await expectNoAxeViolations(visitor);
  await publicContext.close();

  // And without JavaScript: from the index to the response.
  const plainContext = await browser.newContext({ javaScriptEnabled: false });
  const plain = await plainContext.newPage();
  await plain.goto(publicPage);
  await plain.getByRole('link', { name: organisation, exact: true }).click();
  await expect(plain).toHaveURL(responsePage);
  await expect(plain.locator('main')).toContainText('Vi er bekymrede. Kontakt [udeladt af forvaltningen].');
  await plainContext.close();
});
