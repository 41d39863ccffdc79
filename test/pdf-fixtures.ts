// PDFs for tests of uploads: a small valid one, and the kinds the upload check refuses, built
// with pdf-lib the way a hostile file would be written.
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';

/** A valid one-page PDF, written out by hand (with a correct cross-reference table) so that it can be a constant. */
export const PDF: Buffer = (() => {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
  let text = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const offset = text.length;
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(text, 'latin1');
})();

async function onePage(change: (document: PDFDocument) => void | Promise<void>): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.addPage();
  await change(document);
  return document.save();
}

/** JavaScript run when the file is opened (the catalog's /OpenAction). */
export const withOpenActionJavaScript = () =>
  onePage((document) => {
    document.catalog.set(PDFName.of('OpenAction'), document.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert("hej")') }));
  });

/** A document-level script in the catalog's /Names /JavaScript tree. */
export const withDocumentJavaScript = () =>
  onePage((document) => {
    const action = document.context.register(document.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }));
    const tree = document.context.obj({ Names: [PDFString.of('x'), action] });
    document.catalog.set(PDFName.of('Names'), document.context.obj({ JavaScript: document.context.register(tree) }));
  });

/** A page whose additional action (/AA, on opening the page) runs JavaScript, the name hidden by a #-escape. */
export async function withPageJavaScript(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.addPage().node.set(PDFName.of('AA'), document.context.obj({ O: { S: 'JavaScript', JS: PDFString.of('app.alert(1)') } }));
  const text = Buffer.from(await document.save({ useObjectStreams: false })).toString('latin1');
  if (!text.includes('/S /JavaScript')) throw new Error('pdf-lib wrote the action differently');
  return Buffer.from(text.replace('/S /JavaScript', '/S /J#61vaScript'), 'latin1');
}

/** A link annotation that launches a program. */
export const withLaunchAnnotation = () =>
  onePage((document) => {
    const annotation = document.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 200, 200], A: { S: 'Launch', F: PDFString.of('C:\\Windows\\System32\\calc.exe') } });
    document.getPage(0).node.set(PDFName.of('Annots'), document.context.obj([document.context.register(annotation)]));
  });

/** An embedded file (the catalog's /Names /EmbeddedFiles tree). */
export const withEmbeddedFile = () =>
  onePage(async (document) => {
    await document.attach(Buffer.from('MZ not really a program'), 'opdatering.exe', { mimeType: 'application/octet-stream' });
  });

/** An HTML page that carries a PDF inside it, which browsers would render as HTML. */
export const POLYGLOT = Buffer.concat([Buffer.from('<html><body><script>alert(document.cookie)</script>\n'), PDF, Buffer.from('</body></html>\n')]);

/** A valid PDF cut off halfway. */
export const damaged = async () => {
  const bytes = await onePage(() => {});
  return bytes.subarray(0, Math.floor(bytes.length / 2));
};

/** A PDF of exactly `size` bytes: the valid one padded with a comment before its end. */
export function pdfOfSize(size: number): Buffer {
  const end = Buffer.from('%%EOF\n');
  const body = PDF.subarray(0, PDF.length - end.length);
  const padding = size - body.length - end.length - 2;
  if (padding < 0) throw new Error(`A PDF cannot be as small as ${size} bytes`);
  return Buffer.concat([body, Buffer.from('%'), Buffer.alloc(padding, 'x'), Buffer.from('\n'), end]);
}
