import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { expect, expectNoAxeViolations, signInAsStaff, test } from './fixtures';
import { createUser } from './people';

/** Letters only, so that names built from it still look like names. */
const letters = () => randomUUID().replace(/[^a-f]/g, '').slice(0, 8).padEnd(8, 'k');

/**
 * A closed consultation of the current budget of its own, with one organisation whose submitted
 * response consents to publication but not to names, and names people in its text. Written
 * straight to the database, as a party's submission would leave it.
 */
async function closedConsultationWithNames(tag: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const id = () => `c${randomUUID().replaceAll('-', '').slice(0, 24)}`;
    const [consultationId, organisationId, userId, responseId] = [id(), id(), id(), id()];
    const organisation = `Navnerådet ${tag}`;
    const title = `Navnehøring ${tag}`;
    const member = `Karen Østerby${tag}`;
    const { rows } = await client.query<{ budgetId: string; id: string; code: string; title: string; version: number }>(
      `SELECT p."budgetId", p.id, p.code, p.title, p.version FROM "Proposal" p
       WHERE p."budgetId" = (SELECT id FROM "Budget" ORDER BY "createdAt" DESC LIMIT 1) ORDER BY p.position LIMIT 1`,
    );
    const proposal = rows[0]!;
    await client.query('BEGIN');
    await client.query(`INSERT INTO "Organisation" (id, name, type) VALUES ($1, $2, 'SENIOR_COUNCIL')`, [organisationId, organisation]);
    await client.query(`INSERT INTO "User" (id, email, name, role) VALUES ($1, $2, $3, 'PARTY_MEMBER')`, [userId, `navne-${tag}@example.test`, member]);
    await client.query(`INSERT INTO "Membership" ("userId", "organisationId", role) VALUES ($1, $2, 'SUBMITTER')`, [userId, organisationId]);
    await client.query(`INSERT INTO "Consultation" (id, "budgetId", title, status, deadline, "openedAt", "updatedAt") VALUES ($1, $2, $3, 'CLOSED', now() - interval '1 day', now() - interval '10 days', now())`, [
      consultationId,
      proposal.budgetId,
      title,
    ]);
    await client.query(`INSERT INTO "ConsultationParty" ("consultationId", "organisationId", "notifiedAt") VALUES ($1, $2, now())`, [consultationId, organisationId]);
    const generalRemarks = `Vi er imod forslaget. Det siger formand ${member} og kasserer Poul Lyng${tag}.\n\nMed venlig hilsen\nKaren`;
    const comment = `Beboerne på Solhjem${tag} mærker det først (Hanne Holm${tag}).`;
    await client.query(
      `INSERT INTO "Response" (id, "consultationId", "organisationId", status, "generalRemarks", "publicationConsent", "namesConsent", "updatedAt") VALUES ($1, $2, $3, 'SUBMITTED', $4, true, false, now())`,
      [responseId, consultationId, organisationId, generalRemarks],
    );
    const snapshot = {
      generalRemarks,
      publicationConsent: true,
      namesConsent: false,
      answers: [{ proposalId: proposal.id, code: proposal.code, title: proposal.title, stance: 'OPPOSE', comment, confidential: false, version: 1, proposalVersion: proposal.version }],
      minorityStatements: [],
      attachments: [],
      submittedBy: member,
      channel: 'ONLINE',
    };
    await client.query(`INSERT INTO "Submission" ("responseId", version, "submittedById", snapshot) VALUES ($1, 1, $2, $3)`, [responseId, userId, JSON.stringify(snapshot)]);
    await client.query('COMMIT');
    // The surnames carry the tag, so that a search for them can only find this response.
    return { consultationId, organisation, title, names: [member, `Poul Lyng${tag}`, `Hanne Holm${tag}`], surnames: [`Østerby${tag}`, `Lyng${tag}`, `Holm${tag}`], place: `Solhjem${tag}` };
  } finally {
    await client.end();
  }
}

test('a response without name consent is reviewed for names before publication, and the public finds none of them', async ({ page, browser }) => {
  // A long journey with five axe scans and a dozen form posts.
  test.slow();
  const tag = letters();
  const data = await closedConsultationWithNames(tag);
  await signInAsStaff(page, (await createUser('STAFF')).email);

  // The publication step says what becomes public and what is withheld, and refuses until the names are reviewed.
  await page.goto(`/staff/consultations/${data.consultationId}`);
  const publication = page.getByRole('region', { name: 'Offentliggørelse' });
  await expect(publication).toContainText('1 høringssvar bliver offentligt.');
  await expect(publication).toContainText('1 af dem vises uden personnavne');
  await expect(publication).toContainText('Ingen holdes tilbage.');
  await expect(publication).toContainText('1 høringssvar mangler at blive gennemgået for personnavne.');
  await publication.getByRole('button', { name: 'Offentliggør høringssvarene' }).click();
  await expect(publication.getByText('Sæt kryds for at bekræfte offentliggørelsen.')).toBeVisible();
  const confirm = publication.getByRole('checkbox', { name: /Jeg har læst oversigten og vil offentliggøre 1 høringssvar/ });
  await expect(confirm).toHaveAttribute('aria-invalid', 'true');
  await confirm.check();
  await publication.getByRole('button', { name: 'Offentliggør høringssvarene' }).click();
  await expect(publication.getByRole('alert')).toHaveText('1 høringssvar uden samtykke til navne mangler at blive gennemgået for personnavne. Gennemgå det, før du offentliggør.');
  await expectNoAxeViolations(page);
  await expect(page.getByText('Fase: Lukket')).toBeVisible();

  // The review list marks the names; staff leave them out, and confirm the place is not a name.
  await publication.getByRole('link', { name: 'Gennemgå svarene for personnavne' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gennemgang af personnavne');
  const review = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: data.organisation }) });
  await expect(review.locator('mark')).toHaveText([`Karen Østerby${tag}`, `Poul Lyng${tag}`, 'Karen', `Solhjem${tag}`, `Hanne Holm${tag}`]);
  await expectNoAxeViolations(page);
  for (const passage of [`Karen Østerby${tag}`, `Poul Lyng${tag}`, 'Karen', `Hanne Holm${tag}`]) {
    await review.getByRole('button', { name: `Udelad «${passage}»` }).click();
    await expect(review.getByText(`«${passage}»: udelades`)).toBeVisible();
  }
  // Marking reviewed waits for the last passage.
  await review.getByRole('button', { name: `Markér svaret fra ${data.organisation} som gennemgået` }).click();
  await expect(review.getByRole('alert')).toHaveText('1 markeret passage mangler stadig at blive udeladt eller bekræftet.');
  await review.getByRole('button', { name: `Ikke et navn: «${data.place}»` }).click();
  await expect(review.getByText(`«${data.place}»: ikke et navn`)).toBeVisible();
  await review.getByRole('button', { name: `Markér svaret fra ${data.organisation} som gennemgået` }).click();
  await expect(review.getByText(/^Gennemgået af /)).toBeVisible();
  await expect(page.getByText('Alle 1 svar er gennemgået.')).toBeVisible();
  await expectNoAxeViolations(page);

  // Now publication goes through, confirmed.
  await page.getByRole('link', { name: `Tilbage til ${data.title}` }).click();
  await expect(publication).toContainText('Alle svar uden samtykke til navne er gennemgået for personnavne.');
  await publication.getByRole('checkbox', { name: /Jeg har læst oversigten/ }).check();
  await publication.getByRole('button', { name: 'Offentliggør høringssvarene' }).click();
  await expect(page.getByText('Fase: Offentliggjort')).toBeVisible();

  // The public page and the public search carry none of the names.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(`/consultations/${data.consultationId}`);
  await visitor.getByRole('link', { name: data.organisation, exact: true }).click();
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(data.organisation);
  const response = visitor.locator('main');
  await expect(response).toContainText('Det siger formand [udeladt af forvaltningen] og kasserer [udeladt af forvaltningen].');
  await expect(response).toContainText(`Beboerne på ${data.place} mærker det først ([udeladt af forvaltningen]).`);
  const publicText = await visitor.locator('main').innerText();
  for (const name of [...data.names, 'Karen']) expect(publicText).not.toContain(name);
  await expectNoAxeViolations(visitor);

  await visitor.goto(`/search?q=${encodeURIComponent(data.place)}`);
  const hits = visitor.getByRole('region', { name: /^Høringssvar/ });
  await expect(hits.getByRole('link', { name: data.organisation })).toBeVisible();
  const hitText = await hits.innerText();
  for (const name of [...data.names, 'Karen']) expect(hitText).not.toContain(name);
  for (const name of data.surnames) {
    await visitor.goto(`/search?q=${encodeURIComponent(name)}`);
    await expect(visitor.getByRole('status')).toHaveText(`Ingen forslag eller høringssvar passer til "${name}".`);
  }
  await expectNoAxeViolations(visitor);
  await visitorContext.close();

  // Staff, reading the council's full edition, still find the names: the search looks where it should.
  await page.goto(`/search?q=${encodeURIComponent(data.surnames[0]!)}`);
  await expect(page.getByRole('region', { name: /^Høringssvar/ }).getByRole('link', { name: data.organisation })).toBeVisible();
});
