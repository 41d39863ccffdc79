import 'server-only';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream, type PDFObject } from 'pdf-lib';

// What an uploaded PDF may not contain, found by parsing it (see docs/decisions/0002-pdf-parsing.md):
// pdf-lib reads every object of the file, those inside compressed object streams and those of
// earlier revisions included, so nothing a viewer could run is missed by looking only where a
// viewer usually looks (the catalog's OpenAction, AA and Names, the pages' annotations).

export type PdfRefusal = 'notPdf' | 'pdfDamaged' | 'pdfEncrypted' | 'pdfJavaScript' | 'pdfLaunch' | 'pdfEmbeddedFile';

const name = (value: string) => PDFName.of(value);
/**
 * Values that refuse a dictionary by its kind: actions (/S) that run code or programs
 * (RichMediaExecute runs script inside a media player, GoToE opens an embedded file), and
 * embedded file streams and file attachment annotations.
 */
const VALUES = new Map<PDFName, Map<PDFName, PdfRefusal>>([
  [name('S'), new Map([[name('JavaScript'), 'pdfJavaScript'], [name('RichMediaExecute'), 'pdfJavaScript'], [name('Launch'), 'pdfLaunch'], [name('GoToE'), 'pdfEmbeddedFile']])],
  [name('Type'), new Map([[name('EmbeddedFile'), 'pdfEmbeddedFile']])],
  [name('Subtype'), new Map([[name('FileAttachment'), 'pdfEmbeddedFile']])],
]);
/**
 * Keys that carry script or files wherever they stand: /JS (the script of an action), /JavaScript
 * (the document's script name tree), /XFA (XFA forms bring their own scripts), /EmbeddedFiles
 * (the attachments name tree) and /EF (a file specification's embedded file).
 */
const KEYS = new Map<PDFName, PdfRefusal>([
  [name('JS'), 'pdfJavaScript'],
  [name('JavaScript'), 'pdfJavaScript'],
  [name('XFA'), 'pdfJavaScript'],
  [name('EmbeddedFiles'), 'pdfEmbeddedFile'],
  [name('EF'), 'pdfEmbeddedFile'],
]);

function refusalIn(object: PDFObject | undefined): PdfRefusal | null {
  if (object instanceof PDFStream) return refusalIn(object.dict);
  if (object instanceof PDFArray) {
    for (const item of object.asArray()) {
      const found = refusalIn(item);
      if (found) return found;
    }
    return null;
  }
  if (!(object instanceof PDFDict)) return null;
  for (const [key, value] of object.entries()) {
    const found = KEYS.get(key) ?? (value instanceof PDFName ? VALUES.get(key)?.get(value) : refusalIn(value));
    if (found) return found;
  }
  return null;
}

/**
 * Null when the bytes are a PDF that parses, has pages, and holds no JavaScript, launch action
 * or embedded file; otherwise why not. The file must begin with the PDF header, so that an HTML
 * (or other) file with a PDF inside it is not taken for one. Encrypted files are refused: their
 * objects cannot be read without the key, so they cannot be checked.
 */
export async function inspectPdf(bytes: Uint8Array): Promise<PdfRefusal | null> {
  if (new TextDecoder('latin1').decode(bytes.subarray(0, 5)) !== '%PDF-') return 'notPdf';
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, { ignoreEncryption: true, throwOnInvalidObject: true, updateMetadata: false });
    if (document.getPageCount() === 0) return 'pdfDamaged';
  } catch {
    return 'pdfDamaged';
  }
  if (document.isEncrypted) return 'pdfEncrypted';
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    const found = refusalIn(object);
    if (found) return found;
  }
  return null;
}
