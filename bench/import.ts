// npm run bench:import: times reading a 40-page budget document as the import does it: a PDF in the
// seed's table layout, printed by Chromium from generated proposals (scripts/fixtures), parsed by
// parseBudgetFile and turned into the preview's CSV, a few times after a warm-up.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseBudgetFile } from '@/lib/budget-document/file';
import { writeBudgetCsv } from '@/lib/budget-spreadsheet/csv';
import { FIXTURE_DOCUMENTS, type FixtureDocument } from '../scripts/fixtures/budget-document-data';
import { documentHtml, printPdf } from '../scripts/fixtures/budget-documents';

const TARGET_PAGES = 40;
const RUNS = 5;

/** The portrait fixture with its proposals repeated under new codes until it fills `copies` times the rows. */
function longDocument(copies: number): FixtureDocument {
  const base = FIXTURE_DOCUMENTS[0]!;
  return {
    ...base,
    name: 'bench',
    lists: base.lists.map((list) => ({
      ...list,
      // ØU04 becomes ØU0104, ØU0204, …: the copy's number before the original's, so codes stay unique.
      proposals: Array.from({ length: copies }, (_, c) => list.proposals.map((p) => ({ ...p, code: p.code.replace(/^(\p{Lu}+)/u, `$1${String(c + 1).padStart(2, '0')}`) }))).flat(),
    })),
  };
}

const dir = mkdtempSync(path.join(tmpdir(), 'bench-import-'));
try {
  const file = path.join(dir, 'budget.pdf');
  // Thirteen copies of the portrait fixture's 13 proposals print on 27 pages, so 20 copies fill 40.
  printPdf(documentHtml(longDocument(20)), file);
  const bytes = new Uint8Array(readFileSync(file));
  const once = async () => {
    const start = performance.now();
    const { document } = await parseBudgetFile({ name: 'budget.pdf', bytes });
    writeBudgetCsv(document);
    return { ms: performance.now() - start, document };
  };
  const { document } = await once(); // warm-up: loads pdf.js
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pages = (await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise).numPages;
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push((await once()).ms);
  times.sort((a, b) => a - b);
  const proposals = document.lists.reduce((n, l) => n + l.proposals.length, 0);
  console.log(`PDF: ${pages} pages (target ${TARGET_PAGES}), ${(bytes.length / 1024).toFixed(0)} KB, ${proposals} proposals`);
  console.log(`parse + preview CSV, ${RUNS} runs: median ${times[Math.floor(RUNS / 2)]!.toFixed(0)} ms, min ${times[0]!.toFixed(0)} ms, max ${times[RUNS - 1]!.toFixed(0)} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
