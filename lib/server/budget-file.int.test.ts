import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BudgetDocumentError } from '@/lib/budget-document/parse';
import { anonymous, system } from '@/lib/server/actor';
import { previewBudgetFile } from '@/lib/server/budget-import';
import { db } from '@/lib/server/db';
import { withOpenActionJavaScript } from '@/test/pdf-fixtures';

afterAll(() => db.$disconnect());

const fixture = (name: string) => new Uint8Array(readFileSync(path.resolve(import.meta.dirname, '../budget-document/fixtures', name)));

async function refusal(file: { name: string; bytes: Uint8Array }) {
  const error = await previewBudgetFile(system, file).then(() => undefined, (e: unknown) => e);
  if (!(error instanceof BudgetDocumentError)) throw new Error(`expected a BudgetDocumentError, got ${String(error)}`);
  return error.issues.map((issue) => issue.code);
}

describe('previewBudgetFile', () => {
  it('reads an uploaded PDF and DOCX into the same document', async () => {
    const pdf = await previewBudgetFile(system, { name: 'opsamling.pdf', bytes: fixture('vestera-2027-landscape.pdf') });
    const docx = await previewBudgetFile(system, { name: 'opsamling.docx', bytes: fixture('vestera-2027-landscape.docx') });
    expect(pdf.format).toBe('pdf');
    expect(docx.document).toEqual(pdf.document);
  });

  it('puts an uploaded PDF through the upload safety check before reading it', async () => {
    expect(await refusal({ name: 'opsamling.pdf', bytes: await withOpenActionJavaScript() })).toEqual(['PDF_UNSAFE']);
    expect(await refusal({ name: 'opsamling.pdf', bytes: fixture('htk-2026-encrypted.pdf') })).toEqual(['PDF_ENCRYPTED']);
  });

  it('is for staff who may import', async () => {
    await expect(previewBudgetFile(anonymous, { name: 'opsamling.pdf', bytes: fixture('vestera-2027-landscape.pdf') })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
