import { randomUUID } from 'node:crypto';
import type { Page, TestInfo } from '@playwright/test';
import pg from 'pg';
import { PHONE, expect, expectAxeClean, expectNoHorizontalOverflow, linkInMail, signInAsStaff, signInWithMagicLink, test } from './fixtures';
import { createUser, unique, type Person } from './people';

// After the deadline: staff summarise a proposal's answers and record the council's decision,
// the politician reads both with links to the answers, staff publish the results, and the public
// page "Vi spurgte – I svarede – byrådet besluttede" shows them.

interface World {
  consultationId: string;
  proposal: { id: string; code: string; title: string };
  parties: { name: string; member: Person; comment: string }[];
}

/** A closed consultation on the demo budget in which two parties answered its first proposal. */
async function closedConsultation(): Promise<World> {
  const tag = unique();
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows: [proposal] } = await client.query<{ id: string; code: string; title: string; budgetId: string }>(
      `SELECT p.id, p.code, p.title, p."budgetId" FROM "Proposal" p JOIN "BudgetList" l ON l.id = p."listId"
       WHERE p."budgetId" = (SELECT "budgetId" FROM "Consultation" WHERE title = 'Høring over Budget 2026-2029') ORDER BY l.position, p.position LIMIT 1`,
    );
    if (!proposal) throw new Error('The demo budget is missing: run the e2e tests through `npm test`.');
    const consultationId = `e2e-${randomUUID()}`;
    await client.query(`INSERT INTO "Consultation" (id, "budgetId", title, status, deadline, "openedAt", "updatedAt") VALUES ($1, $2, $3, 'CLOSED', now() - interval '1 day', now() - interval '15 days', now())`, [
      consultationId,
      proposal.budgetId,
      `E2E-resultater ${tag}`,
    ]);
    const parties: World['parties'] = [];
    for (const [label, stance, comment] of [['Ældrerådet', 'OPPOSE', 'Ventetiden bliver for lang for de ældste.'], ['Skolebestyrelsen', 'SUPPORT', 'Forslaget er fornuftigt.']] as const) {
      const organisationId = `e2e-${randomUUID()}`;
      const name = `${label} ${tag}`;
      await client.query('INSERT INTO "Organisation" (id, name, type) VALUES ($1, $2, \'OTHER\')', [organisationId, name]);
      await client.query('INSERT INTO "ConsultationParty" ("consultationId", "organisationId", "notifiedAt") VALUES ($1, $2, now())', [consultationId, organisationId]);
      const member = await createUser('PARTY_MEMBER', `Formand ${tag}`);
      await client.query('INSERT INTO "Membership" ("userId", "organisationId", role) VALUES ($1, $2, \'SUBMITTER\')', [member.id, organisationId]);
      const responseId = `e2e-${randomUUID()}`;
      await client.query(`INSERT INTO "Response" (id, "consultationId", "organisationId", status, "updatedAt") VALUES ($1, $2, $3, 'SUBMITTED', now())`, [responseId, consultationId, organisationId]);
      const snapshot = {
        generalRemarks: '',
        publicationConsent: true,
        answers: [{ proposalId: proposal.id, code: proposal.code, title: proposal.title, stance, comment, confidential: false, version: 1 }],
        minorityStatements: [],
        attachments: [],
        submittedBy: member.name,
      };
      await client.query('INSERT INTO "Submission" ("responseId", version, "submittedById", snapshot) VALUES ($1, 1, $2, $3)', [responseId, member.id, JSON.stringify(snapshot)]);
      parties.push({ name, member, comment });
    }
    return { consultationId, proposal, parties };
  } finally {
    await client.end();
  }
}

/** Axe and reflow at 1280 and 390 px, with a screenshot of each width as a test artifact. */
async function look(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const [size, label] of [[{ width: 1280, height: 800 }, '1280'], [PHONE, '390']] as const) {
    await page.setViewportSize(size);
    const file = testInfo.outputPath(`${name}-${label}.png`);
    await page.screenshot({ path: file, fullPage: true });
    await testInfo.attach(`${name}-${label}`, { path: file, contentType: 'image/png' });
    await expectNoHorizontalOverflow(page);
  }
  await expectAxeClean(page);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('staff summarise and decide, the politician follows the references, the public reads the published results', async ({ browser }, testInfo) => {
  const world = await closedConsultation();
  const [elders, school] = world.parties as [World['parties'][number], World['parties'][number]];
  const summary = `Ældrerådet frygter længere ventetid, skolebestyrelsen støtter forslaget. ${unique()}`;

  const staffPage = await (await browser.newContext()).newPage();
  await signInAsStaff(staffPage, (await createUser('STAFF')).email);
  await staffPage.goto(`/staff/consultations/${world.consultationId}`);
  await staffPage.getByRole('link', { name: 'Sammenfatning af høringssvarene og byrådets beslutning' }).click();
  await expect(staffPage.getByRole('heading', { level: 1 })).toHaveText('Sammenfatning og beslutning');
  await staffPage.getByRole('link', { name: `${world.proposal.code} ${world.proposal.title}` }).click();
  await expect(staffPage.getByRole('heading', { level: 1 })).toHaveText(`${world.proposal.code} ${world.proposal.title}`);

  await staffPage.getByLabel('Sammenfatning', { exact: true }).fill(summary);
  await staffPage.getByRole('checkbox', { name: new RegExp(elders.name) }).check();
  await staffPage.getByRole('checkbox', { name: new RegExp(school.name) }).check();
  await staffPage.getByRole('button', { name: 'Gem som ny version' }).click();
  await expect(staffPage.getByRole('status')).toHaveText('Sammenfatningen er gemt som version 1.');
  await staffPage.reload();
  await expect(staffPage.getByRole('region', { name: 'Versioner' })).toContainText('Version 1');

  await staffPage.getByLabel('Beslutning', { exact: true }).selectOption({ label: 'Vedtaget med ændringer' });
  await staffPage.getByLabel('Dato for beslutningen').fill('2026-10-08');
  await staffPage.getByLabel('Bemærkning til beslutningen').fill('Indfases over to år.');
  await staffPage.getByRole('button', { name: 'Gem beslutning' }).click();
  await expect(staffPage.getByRole('status')).toHaveText('Beslutningen er gemt.');
  // The form shows what was saved, also after React resets it.
  await expect(staffPage.getByLabel('Beslutning', { exact: true })).toHaveValue('ADOPTED_WITH_CHANGES');
  await look(staffPage, testInfo, 'staff-proposal-analysis');

  // Before publication the public page does not exist.
  const publicPage = await (await browser.newContext()).newPage();
  expect((await publicPage.goto(`/consultations/${world.consultationId}/results`))?.status()).toBe(404);

  const politicianPage = await (await browser.newContext()).newPage();
  await signInWithMagicLink(politicianPage, (await createUser('POLITICIAN')).email);
  await politicianPage.goto(`/insight/${world.consultationId}/proposals/${world.proposal.id}`);
  const summarySection = politicianPage.getByRole('region', { name: 'Sammenfatning af høringssvarene' });
  await expect(summarySection).toContainText(summary);
  await expect(summarySection).toContainText(/Skrevet af .*\(version 1\)/);
  await expect(politicianPage.getByRole('region', { name: 'Byrådets beslutning' })).toContainText('Vedtaget med ændringer den 8. oktober 2026.');
  await summarySection.getByRole('link', { name: elders.name }).click();
  await expect(politicianPage).toHaveURL(/#answer-e2e-/);
  const target = politicianPage.locator(':target');
  await expect(target).toContainText(elders.comment);
  await expect(target).toBeInViewport();
  await look(politicianPage, testInfo, 'insight-proposal-analysis');

  await staffPage.goto(`/staff/consultations/${world.consultationId}/analysis`);
  await staffPage.getByRole('button', { name: 'Offentliggør resultaterne' }).click();
  await expect(staffPage.getByRole('status')).toHaveText('Resultaterne er offentliggjort. 2 parter har fået en e-mail.');
  await look(staffPage, testInfo, 'staff-analysis');

  const link = await linkInMail(elders.member.email, `/consultations/${world.consultationId}/results`);
  await publicPage.goto(`/consultations/${world.consultationId}`);
  await publicPage.getByRole('link', { name: /^Vi spurgte – I svarede – byrådet besluttede/ }).click();
  await expect(publicPage).toHaveURL(new URL(link).pathname);
  await expect(publicPage.getByRole('heading', { level: 1 })).toHaveText('Vi spurgte – I svarede – byrådet besluttede');
  const proposal = publicPage.locator(`[data-proposal="${world.proposal.code}"]`);
  for (const [stance, count] of [['SUPPORT', 1], ['OPPOSE', 1], ['REMARKS', 0], ['NO_REMARKS', 0], ['NONE', 0]] as const) {
    await expect(proposal.locator(`[data-counts] [data-stance="${stance}"]`)).toHaveText(new RegExp(`\\s${count}$`));
  }
  await expect(proposal).toContainText(summary);
  await expect(proposal).toContainText('Vedtaget med ændringer den 8. oktober 2026.');
  await expect(proposal).toContainText('Indfases over to år.');
  await look(publicPage, testInfo, 'public-results');
});
