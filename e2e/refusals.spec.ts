import pg from 'pg';
import { expect, expectNoAxeViolations, signInWithMagicLink, test } from './fixtures';

/** The ids of the demo consultation and of an organisation consulted in it. */
async function responseOf(organisationName: string): Promise<{ consultationId: string; organisationId: string }> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ consultationId: string; organisationId: string }>(
      `SELECT p."consultationId", p."organisationId" FROM "ConsultationParty" p JOIN "Organisation" o ON o.id = p."organisationId"
       JOIN "Consultation" c ON c.id = p."consultationId" WHERE o.name = $1 AND c.status = 'OPEN' ORDER BY c."createdAt" LIMIT 1`,
      [organisationName],
    );
    return rows[0]!;
  } finally {
    await client.end();
  }
}

test('a member opening another organisation’s response gets 403 with the Danish page, not an error', async ({ page }) => {
  await signInWithMagicLink(page, 'medlem@aeldreraadet.demo.example');
  const { consultationId, organisationId } = await responseOf('Handicaprådet');

  const response = await page.goto(`/responses/${consultationId}/${organisationId}`);
  expect(response!.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Du har ikke adgang');
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  // Next.js's route announcer is an empty live region with role alert; no other alert may show.
  await expect(page.locator('[role="alert"]:not(#__next-route-announcer__)')).toHaveCount(0);
  await expect(page.getByText('Noget gik galt')).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The member's own organisation's response opens as before.
  const own = await responseOf('Ældrerådet');
  expect((await page.goto(`/responses/${own.consultationId}/${own.organisationId}`))!.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Ældrerådet');
});
