import { randomUUID } from 'node:crypto';
import type { Page, TestInfo } from '@playwright/test';
import pg from 'pg';
import { docxText, squash } from '../test/document-text';
import { PHONE, expect, expectAxeClean, expectNoHorizontalOverflow, signInAsStaff, signInWithMagicLink, test } from './fixtures';
import { createUser, unique } from './people';

// The budget office's analysis of a closed consultation: staff define themes, confirm a
// suggested tag, tag a passage by hand and by shortcut, write the summary and record the
// decision; the politician sees the theme counts and the summary; the public the published
// decision; the høringsnotat carries the summary.

const PASSAGE = 'ventetiden på plejehjem bliver for lang';

/** A closed consultation on the demo budget in which the elders and a school board answered its first proposal. */
async function closedConsultation() {
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
      `E2E-analyse ${tag}`,
    ]);
    const parties = [];
    for (const [label, stance, comment] of [
      ['Ældrerådet', 'OPPOSE', `Brugerbetalingen stiger, og ${PASSAGE} for de ældste.`],
      ['Skolebestyrelsen', 'SUPPORT', 'Forslaget er fornuftigt, men skolevejen bliver længere.'],
    ] as const) {
      const organisationId = `e2e-${randomUUID()}`;
      const name = `${label} ${tag}`;
      await client.query('INSERT INTO "Organisation" (id, name, type) VALUES ($1, $2, \'OTHER\')', [organisationId, name]);
      await client.query('INSERT INTO "ConsultationParty" ("consultationId", "organisationId", "notifiedAt") VALUES ($1, $2, now())', [consultationId, organisationId]);
      const responseId = `e2e-${randomUUID()}`;
      await client.query(`INSERT INTO "Response" (id, "consultationId", "organisationId", status, "updatedAt") VALUES ($1, $2, $3, 'SUBMITTED', now())`, [responseId, consultationId, organisationId]);
      const snapshot = {
        generalRemarks: '',
        publicationConsent: true,
        answers: [{ proposalId: proposal.id, code: proposal.code, title: proposal.title, stance, comment, confidential: false, version: 1 }],
        minorityStatements: [],
        attachments: [],
        submittedBy: null,
      };
      await client.query('INSERT INTO "Submission" ("responseId", version, snapshot) VALUES ($1, 1, $2)', [responseId, JSON.stringify(snapshot)]);
      parties.push({ name, comment });
    }
    return { consultationId, proposal, tag, elders: parties[0]!, school: parties[1]! };
  } finally {
    await client.end();
  }
}

/** Axe, and reflow at 1280 and 390 px. */
async function look(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const [size, label] of [[{ width: 1280, height: 800 }, '1280'], [PHONE, '390']] as const) {
    await page.setViewportSize(size);
    const file = testInfo.outputPath(`${name}-${label}.png`);
    await page.screenshot({ path: file, fullPage: true });
    await testInfo.attach(`${name}-${label}`, { path: file, contentType: 'image/png' });
    await expectNoHorizontalOverflow(page);
    await expectAxeClean(page);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('staff theme and tag the answers, summarise and decide; the politician sees the themes; the public the decision', async ({ browser }, testInfo) => {
  test.slow(); // three roles, two widths, axe on each page and the notat: over two minutes on 2 cores
  const world = await closedConsultation();
  const { elders, school } = world;
  const charges = `Brugerbetaling ${world.tag}`;
  const waiting = `Ventetid ${world.tag}`;
  const summary = `Ældrerådet frygter højere brugerbetaling og længere ventetid. ${unique()}`;

  const staffPage = await (await browser.newContext()).newPage();
  await signInAsStaff(staffPage, (await createUser('STAFF')).email);
  await staffPage.goto(`/staff/consultations/${world.consultationId}/analysis`);
  await staffPage.getByRole('link', { name: 'Temaer og forslag til tags' }).click();
  await expect(staffPage.getByRole('heading', { level: 1 })).toHaveText('Temaer');

  // Two themes: the first with keywords, for suggestions.
  const newTheme = staffPage.getByRole('region', { name: 'Nyt tema' });
  for (const [name, keywords] of [[charges, 'brugerbetaling, takst'], [waiting, '']] as const) {
    await newTheme.getByLabel('Navn').fill(name);
    await newTheme.getByLabel('Kort beskrivelse').fill('Til høringsnotatet.');
    await newTheme.getByLabel('Nøgleord').fill(keywords);
    await newTheme.getByRole('button', { name: 'Opret tema' }).click();
    await expect(staffPage.getByRole('heading', { level: 2, name: new RegExp(name) })).toBeVisible();
  }
  await look(staffPage, testInfo, 'themes');

  // The elders' "Brugerbetalingen" is suggested for the theme; confirming it tags the answer.
  await staffPage.getByRole('link', { name: `Forslag til tags for »${charges}«` }).click();
  await expect(staffPage.getByRole('heading', { level: 1 })).toHaveText(`Forslag til tags: ${charges}`);
  await expect(staffPage.getByRole('listitem').filter({ hasText: elders.name })).toContainText('Brugerbetalingen');
  await expect(staffPage.getByText(school.name)).toHaveCount(0);
  await look(staffPage, testInfo, 'theme-suggestions');
  await staffPage.getByRole('button', { name: `Bekræft forslaget fra ${elders.name}` }).click();
  await expect(staffPage.getByText('Ingen forslag: ingen svar uden temaet indeholder nøgleordene.')).toBeVisible();

  // The analysis view: tag a passage of the elders' answer by selecting it.
  await staffPage.goto(`/staff/consultations/${world.consultationId}/analysis/${world.proposal.id}`);
  await staffPage.getByRole('link', { name: 'Læs og tag svarene' }).click();
  await expect(staffPage.getByRole('heading', { level: 1 })).toHaveText(`Svarene på ${world.proposal.code}`);
  const eldersAnswer = staffPage.getByRole('article', { name: `Svar fra ${elders.name}` });
  await expect(eldersAnswer.getByRole('list', { name: 'Temaer' })).toContainText(charges);
  await eldersAnswer.getByRole('combobox', { name: /^Tema/ }).selectOption({ label: `2: ${waiting}` });
  await eldersAnswer.locator('[data-taggable="ANSWER"]').evaluate((element, passage) => {
    const text = element.firstChild!;
    const start = text.textContent!.indexOf(passage);
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + passage.length);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
  }, PASSAGE);
  await eldersAnswer.getByRole('button', { name: 'Tag markeret tekst' }).click();
  await expect(eldersAnswer.locator(`[data-tag="${waiting}"]`)).toContainText(PASSAGE);

  // Keyboard: the buttons move between the answers as j and k do, and a digit tags the answer in focus.
  const schoolAnswer = staffPage.getByRole('article', { name: `Svar fra ${school.name}` });
  await schoolAnswer.focus();
  await staffPage.keyboard.press('2');
  await expect(schoolAnswer.locator(`[data-tag="${waiting}"]`)).toContainText('hele teksten');
  const articles = staffPage.locator('article[data-answer]');
  await articles.first().focus();
  await staffPage.keyboard.press('j');
  await expect(articles.nth(1)).toBeFocused();
  await staffPage.keyboard.press('k');
  await expect(articles.first()).toBeFocused();

  // Counts per theme and stance, and the filters as a plain GET form.
  const counts = staffPage.getByTestId('theme-counts');
  await expect(counts.getByRole('row', { name: new RegExp(charges) })).toHaveText(new RegExp(`${charges}\\s*0\\s*1\\s*0\\s*0\\s*0\\s*1`));
  await expect(counts.getByRole('row', { name: new RegExp(waiting) })).toHaveText(new RegExp(`${waiting}\\s*1\\s*1\\s*0\\s*0\\s*0\\s*2`));
  await eldersAnswer.getByRole('button', { name: 'Markér som læst' }).click();
  await expect(eldersAnswer.getByRole('button', { name: 'Markér som ulæst' })).toBeVisible();
  await staffPage.getByLabel('Kun dem, jeg ikke har læst').check();
  await staffPage.getByRole('button', { name: 'Vis svar' }).click();
  await expect(staffPage).toHaveURL(/unread=1/);
  await expect(staffPage.getByText('1 af 2 svar vises.')).toBeVisible();
  await expect(staffPage.getByRole('article', { name: `Svar fra ${elders.name}` })).toHaveCount(0);
  await look(staffPage, testInfo, 'analysis-view');

  // The summary and the decision.
  await staffPage.goto(`/staff/consultations/${world.consultationId}/analysis/${world.proposal.id}`);
  await staffPage.getByLabel('Sammenfatning', { exact: true }).fill(summary);
  await staffPage.getByRole('checkbox', { name: new RegExp(elders.name) }).check();
  await staffPage.getByRole('button', { name: 'Gem som ny version' }).click();
  await expect(staffPage.getByRole('status')).toHaveText('Sammenfatningen er gemt som version 1.');
  await staffPage.getByLabel('Beslutning', { exact: true }).selectOption({ label: 'Forkastet' });
  await staffPage.getByLabel('Dato for beslutningen').fill('2026-10-08');
  await staffPage.getByRole('button', { name: 'Gem beslutning' }).click();
  await expect(staffPage.getByRole('status').filter({ hasText: 'Beslutningen er gemt.' })).toBeVisible();

  // The politician: the theme counts with their chart's table, and the summary.
  const politicianPage = await (await browser.newContext()).newPage();
  await signInWithMagicLink(politicianPage, (await createUser('POLITICIAN')).email);
  await politicianPage.goto(`/insight/${world.consultationId}/proposals/${world.proposal.id}`);
  const themes = politicianPage.getByRole('region', { name: 'Temaer' });
  await expect(themes).toContainText(`${charges}: 1 svar`);
  await expect(themes).toContainText(`${waiting}: 2 svar`);
  await expect(themes.getByRole('table').getByRole('row', { name: new RegExp(waiting) })).toHaveText(new RegExp(`${waiting}\\s*1\\s*1\\s*0\\s*0`));
  await expect(politicianPage.getByRole('region', { name: 'Sammenfatning af høringssvarene' })).toContainText(summary);
  await expect(politicianPage.getByRole('button', { name: /Tag|Opret tema/ })).toHaveCount(0);
  await look(politicianPage, testInfo, 'insight-proposal-themes');

  // The høringsnotat carries the summary.
  const note = await staffPage.request.get(`/api/consultations/${world.consultationId}/export?format=docx`);
  expect(note.status()).toBe(200);
  expect(await docxText(await note.body())).toContain(squash(summary));

  // Published: the public reads the decision.
  await staffPage.goto(`/staff/consultations/${world.consultationId}/analysis`);
  await staffPage.getByRole('button', { name: 'Offentliggør resultaterne' }).click();
  await expect(staffPage.getByRole('status').filter({ hasText: 'Resultaterne er offentliggjort.' })).toBeVisible();
  const publicPage = await (await browser.newContext()).newPage();
  await publicPage.goto(`/consultations/${world.consultationId}/results`);
  const proposal = publicPage.locator(`[data-proposal="${world.proposal.code}"]`);
  await expect(proposal).toContainText(summary);
  await expect(proposal).toContainText('Forkastet den 8. oktober 2026.');
  await look(publicPage, testInfo, 'public-results');
});
