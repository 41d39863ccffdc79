import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { MAX_PDF_BYTES } from '../lib/upload-limits.js';
import { pdfOfSize } from '../test/pdf-fixtures';
import { expect, signInWithMagicLink, test } from './fixtures';

/** A council of this test's own, invited to the open demo consultation, with one editor. */
async function ownCouncil(unique: string): Promise<{ email: string; path: string }> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM "Consultation" WHERE status = 'OPEN' ORDER BY "createdAt" LIMIT 1`);
    const consultationId = rows[0]!.id;
    const [organisationId, userId] = [`c${randomUUID().replaceAll('-', '').slice(0, 24)}`, `c${randomUUID().replaceAll('-', '').slice(0, 24)}`];
    const email = `upload-${unique}@example.test`;
    await client.query(`INSERT INTO "Organisation" (id, name, type) VALUES ($1, $2, 'OTHER')`, [organisationId, `Uploadrådet ${unique}`]);
    await client.query(`INSERT INTO "User" (id, email, name, role) VALUES ($1, $2, 'Upload Tester', 'PARTY_MEMBER')`, [userId, email]);
    await client.query(`INSERT INTO "Membership" ("userId", "organisationId", role) VALUES ($1, $2, 'EDITOR')`, [userId, organisationId]);
    await client.query(`INSERT INTO "ConsultationParty" ("consultationId", "organisationId") VALUES ($1, $2)`, [consultationId, organisationId]);
    return { email, path: `/responses/${consultationId}/${organisationId}` };
  } finally {
    await client.end();
  }
}

test('a PDF of exactly the limit is accepted, one byte more gets the Danish message, never a server error', async ({ page }) => {
  // Two 10 MB uploads, each parsed and followed by a new rendering of the page.
  test.setTimeout(300_000);
  const serverErrors: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 500) serverErrors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  const { email, path } = await ownCouncil(Date.now().toString(36));
  await signInWithMagicLink(page, email);
  await page.goto(path);
  const upload = page.getByRole('region', { name: 'Bilag' });
  await expect(upload.getByText('PDF-filer på højst 10 MB.')).toBeVisible();

  await upload.getByLabel('Vælg PDF-fil').setInputFiles({ name: 'præcis-grænsen.pdf', mimeType: 'application/pdf', buffer: pdfOfSize(MAX_PDF_BYTES) });
  await upload.getByRole('button', { name: 'Upload bilag' }).click();
  // 10 MB over loopback, then parsed: slower than the default wait on a loaded machine.
  await expect(upload.getByRole('status')).toHaveText('Gemt.', { timeout: 120_000 });
  await expect(page.getByRole('link', { name: 'præcis-grænsen.pdf' })).toBeVisible();

  await upload.getByLabel('Vælg PDF-fil').setInputFiles({ name: 'en-byte-for-meget.pdf', mimeType: 'application/pdf', buffer: pdfOfSize(MAX_PDF_BYTES + 1) });
  await upload.getByRole('button', { name: 'Upload bilag' }).click();
  await expect(upload.getByText('Filen er større end 10 MB.')).toBeVisible({ timeout: 120_000 });
  await expect(upload.getByLabel('Vælg PDF-fil')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('link', { name: 'en-byte-for-meget.pdf' })).toHaveCount(0);
  expect(serverErrors).toEqual([]);
});
