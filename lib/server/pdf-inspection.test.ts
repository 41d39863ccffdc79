import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { damaged, PDF, pdfOfSize, POLYGLOT, withDocumentJavaScript, withEmbeddedFile, withLaunchAnnotation, withOpenActionJavaScript, withPageJavaScript } from '@/test/pdf-fixtures';
import { inspectPdf } from './pdf-inspection';

describe('inspectPdf', () => {
  it('accepts plain PDFs, written by hand or by a PDF library, with compressed object streams too', async () => {
    expect(await inspectPdf(PDF)).toBeNull();
    const document = await PDFDocument.create();
    document.addPage();
    document.setTitle('Høringssvar');
    expect(await inspectPdf(await document.save({ useObjectStreams: true }))).toBeNull();
    expect(await inspectPdf(pdfOfSize(100_000))).toBeNull();
  });

  it('refuses JavaScript wherever it is: on opening, at document level, in a page action', async () => {
    expect(await inspectPdf(await withOpenActionJavaScript())).toBe('pdfJavaScript');
    expect(await inspectPdf(await withDocumentJavaScript())).toBe('pdfJavaScript');
    expect(await inspectPdf(await withPageJavaScript())).toBe('pdfJavaScript');
  });

  it('refuses launch actions and embedded files', async () => {
    expect(await inspectPdf(await withLaunchAnnotation())).toBe('pdfLaunch');
    expect(await inspectPdf(await withEmbeddedFile())).toBe('pdfEmbeddedFile');
  });

  it('refuses what is not a PDF from its first byte, and PDFs that do not parse', async () => {
    expect(await inspectPdf(POLYGLOT)).toBe('notPdf');
    expect(await inspectPdf(Buffer.from('<html>%PDF-1.4</html>'))).toBe('notPdf');
    expect(await inspectPdf(Buffer.from('%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n'))).toBe('pdfDamaged');
    expect(await inspectPdf(Buffer.from('%PDF-1.4\n%%EOF\n'))).toBe('pdfDamaged');
    expect(await inspectPdf(await damaged())).toBe('pdfDamaged');
  });

  it('refuses encrypted PDFs, which cannot be checked', async () => {
    const encrypted = Buffer.from(PDF.toString('latin1').replace('/Root 1 0 R', '/Root 1 0 R /Encrypt << /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -4 >>'), 'latin1');
    expect(await inspectPdf(encrypted)).toBe('pdfEncrypted');
  });
});
