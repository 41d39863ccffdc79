import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';

// The text of generated documents, for tests to look for what must (not) be in them. Whitespace
// is removed: wrapped lines may be joined with or without a space.

export const squash = (text: string) => text.replace(/\s+/g, '');

export async function pdfText(bytes: Uint8Array): Promise<{ totalPages: number; text: string }> {
  // unpdf transfers the buffer to its worker, so hand it a copy.
  const { totalPages, text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return { totalPages, text: squash(text) };
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

/** The text runs of word/document.xml in order, tags removed and entities decoded. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return squash(xml.replace(/<[^>]+>/g, '').replace(/&(amp|lt|gt|quot|apos);/g, (entity) => ENTITIES[entity]!));
}
