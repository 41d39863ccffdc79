import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { PHONE, expect, expectAxeClean, expectNoHorizontalOverflow, signInAsStaff, test } from './fixtures';
import { createUser, unique, type Person } from './people';

// Sharing out the reading after the deadline: staff give a proposal to an analyst, the progress
// follows the analyst's read marks and the theme tags, campaign answers are shown once with their
// count, and the XLSX carries the answers' themes.

const CAMPAIGN = 'Luk ikke klubben: de unge i området mister det eneste sted, hvor de kan mødes om aftenen.';

interface World {
  consultationId: string;
  title: string;
  proposal: { id: string; code: string };
  theme: string;
  responseIds: string[];
  organisations: string[];
}

/**
 * A closed consultation on the demo budget whose first proposal four parties answered: three with
 * the campaign's text (one with a typo), one with a text of its own, which carries a theme.
 */
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
    const title = `E2E-analyse ${tag}`;
    await client.query(`INSERT INTO "Consultation" (id, "budgetId", title, status, deadline, "openedAt", "updatedAt") VALUES ($1, $2, $3, 'CLOSED', now() - interval '1 day', now() - interval '15 days', now())`, [consultationId, proposal.budgetId, title]);
    const answers = [
      ['Klub Nord', CAMPAIGN],
      ['Klub Syd', CAMPAIGN],
      ['Klub Øst', CAMPAIGN.replace('eneste', 'enste')],
      ['Skolebestyrelsen', 'Vi forstår besparelsen, men beder om, at klubbens aktiviteter flytter til skolen.'],
    ] as const;
    const responseIds: string[] = [];
    const organisations: string[] = [];
    for (const [label, comment] of answers) {
      const organisationId = `e2e-${randomUUID()}`;
      const name = `${label} ${tag}`;
      await client.query('INSERT INTO "Organisation" (id, name, type) VALUES ($1, $2, \'OTHER\')', [organisationId, name]);
      await client.query('INSERT INTO "ConsultationParty" ("consultationId", "organisationId", "notifiedAt") VALUES ($1, $2, now())', [consultationId, organisationId]);
      const responseId = `e2e-${randomUUID()}`;
      await client.query(`INSERT INTO "Response" (id, "consultationId", "organisationId", status, "publicationConsent", "updatedAt") VALUES ($1, $2, $3, 'SUBMITTED', true, now())`, [responseId, consultationId, organisationId]);
      const snapshot = { generalRemarks: '', publicationConsent: true, answers: [{ proposalId: proposal.id, code: proposal.code, title: proposal.title, stance: 'OPPOSE', comment, confidential: false, version: 1 }], minorityStatements: [], attachments: [], submittedBy: null };
      await client.query('INSERT INTO "Submission" ("responseId", version, snapshot) VALUES ($1, 1, $2)', [responseId, JSON.stringify(snapshot)]);
      responseIds.push(responseId);
      organisations.push(name);
    }
    // The theme tagging is another page's; here the tag is written directly.
    const theme = `Klubbens fremtid ${tag}`;
    const themeId = `e2e-${randomUUID()}`;
    await client.query('INSERT INTO "Theme" (id, "consultationId", name, keywords) VALUES ($1, $2, $3, \'{}\')', [themeId, consultationId, theme]);
    await client.query(`INSERT INTO "ThemeTag" (id, "themeId", "responseId", target, "proposalId", "submissionVersion") VALUES ($1, $2, $3, 'ANSWER', $4, 1)`, [`e2e-${randomUUID()}`, themeId, responseIds[3], proposal.id]);
    return { consultationId, title, proposal, theme, responseIds, organisations };
  } finally {
    await client.end();
  }
}

/** The analyst's read marks, as the per-proposal view (another page's) would write them. */
async function markRead(analyst: Person, world: World, responseIds: string[]) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    for (const responseId of responseIds) await client.query('INSERT INTO "AnswerRead" ("responseId", "proposalId", "userId") VALUES ($1, $2, $3)', [responseId, world.proposal.id, analyst.id]);
  } finally {
    await client.end();
  }
}

/** Axe and reflow at 1280 and at 390 px. */
async function look(page: Page): Promise<void> {
  for (const size of [{ width: 1280, height: 800 }, PHONE]) {
    await page.setViewportSize(size);
    await expectNoHorizontalOverflow(page);
    await expectAxeClean(page);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('staff give a proposal to an analyst, follow the progress, see the campaign answers once and the themes in the XLSX', async ({ page }) => {
  const world = await closedConsultation();
  const analyst = await createUser('STAFF', `Analytiker ${unique()}`);
  await signInAsStaff(page, (await createUser('STAFF')).email);

  await page.goto(`/staff/consultations/${world.consultationId}/analysis`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sammenfatning og beslutning');
  const row = page.locator(`tr[data-proposal="${world.proposal.code}"]`);
  await expect(row.locator('[data-analyst]')).toHaveText('Ingen analytiker');
  await look(page);

  await page.getByRole('checkbox', { name: `Vælg ${world.proposal.code}` }).check();
  await page.getByLabel('Giv de valgte forslag til').selectOption({ label: analyst.name });
  await page.getByRole('button', { name: 'Tildel' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 forslag har fået ny analytiker.' })).toBeVisible();
  await expect(row.locator('[data-analyst]')).toHaveText(analyst.name);
  await expect(row.locator('[data-read-by-analyst]')).toHaveText('0');
  await expect(row.locator('[data-tagged]')).toHaveText('1');

  await markRead(analyst, world, world.responseIds.slice(0, 2));
  await page.reload();
  await expect(row.locator('[data-read-by-analyst]')).toHaveText('2');
  await expect(row.locator('[data-read]')).toHaveText('2');
  await expect(page.locator('table[data-analysts]').getByRole('row', { name: new RegExp(analyst.name) })).toContainText('2');
  await look(page);

  await page.goto(`/staff/consultations/${world.consultationId}`);
  await expect(page.locator('[data-analysis-progress-summary]')).toContainText('Analyse: 2 af 4 svar læst, 1 tagget.');

  await page.goto(`/staff/consultations/${world.consultationId}/analysis`);
  await page.getByRole('link', { name: 'Enslydende svar og kampagnesvar' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enslydende svar');
  const group = page.locator('[data-duplicate-group]');
  await expect(group).toHaveCount(1);
  await expect(group.locator('[data-duplicate-count]')).toHaveText('3 enslydende svar');
  await expect(group.getByRole('listitem')).toHaveText(world.organisations.slice(0, 3).sort((a, b) => a.localeCompare(b, 'da')));
  await expect(group.locator('blockquote')).toHaveText(CAMPAIGN);
  await look(page);

  await page.goto(`/staff/consultations/${world.consultationId}`);
  const xlsx = await page.request.get((await page.getByRole('link', { name: 'Alle svar (Excel)' }).getAttribute('href'))!);
  expect(xlsx.ok()).toBe(true);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await xlsx.body()) as unknown as ExcelJS.Buffer);
  const answers = workbook.getWorksheet('Høringssvar')!;
  const header = (answers.getRow(1).values as unknown[]).slice(1);
  const [organisation, themes] = [header.indexOf('Organisation') + 1, header.indexOf('Temaer') + 1];
  expect(themes).toBeGreaterThan(0);
  const tagged = answers.getRows(2, answers.rowCount - 1)!.find((r) => r.getCell(organisation).value === world.organisations[3])!;
  expect(tagged.getCell(themes).value).toBe(world.theme);
  await expect(page.getByRole('link', { name: 'Høringsnotat efter tema (PDF)' })).toHaveAttribute('href', /group=theme/);
});
