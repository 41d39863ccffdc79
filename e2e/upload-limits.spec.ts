import { MAX_PDF_BYTES } from '../lib/upload-limits.js';
import { pdfOfSize } from '../test/pdf-fixtures';
import { expect, signInWithMagicLink, test } from './fixtures';
import { createParty } from './people';

test('a PDF of exactly the limit is accepted, one byte more gets the Danish message, never a server error', async ({ page }) => {
  // Two 10 MB uploads, each parsed and followed by a new rendering of the page.
  test.setTimeout(300_000);
  const serverErrors: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 500) serverErrors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  // A consultation of this test's own: the demo consultation's parties are counted elsewhere.
  const party = await createParty({ label: 'Uploadrådet' });
  await signInWithMagicLink(page, party.editor.email);
  await page.goto(`/responses/${party.consultationId}/${party.organisation.id}`);
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
