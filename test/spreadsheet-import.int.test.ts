// The import page's actions with an uploaded spreadsheet, as staff: the Danish problems of a refused
// file, and a preview whose confirmation writes exactly what was checked.
import { randomUUID } from 'node:crypto';
import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { confirmImportAction, previewImportAction, type ImportState } from '@/app/staff/import/actions';
import da from '@/lib/i18n/messages/da.json';
import type { Actor } from '@/lib/server/actor';
import { budgetNameFor } from '@/lib/server/budget-import';
import { budgetImportPreview } from '@/lib/server/budget-import-draft';
import { db } from '@/lib/server/db';
import { uniqueYears } from '@/test/budget-document-builder';

const session = vi.hoisted(() => ({ actor: { kind: 'anonymous' } as Actor }));
vi.mock('@/lib/server/session', () => ({ currentActor: async () => session.actor }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
// A previewed document is kept as a draft and shown on its own page: the redirect names it.
class Redirect extends Error {}
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new Redirect(url);
  },
}));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'user-agent': 'spreadsheet-test' }) }));
vi.mock('next-intl/server', () => ({ getTranslations: async () => createTranslator({ locale: 'da', messages: da }) }));

beforeAll(async () => {
  const user = await db.user.create({ data: { email: `sheet-ui-${randomUUID()}@example.test`, role: 'STAFF' } });
  session.actor = { kind: 'user', userId: user.id, role: 'STAFF' };
});
afterAll(() => db.$disconnect());

const idle: ImportState = { status: 'idle' };
const INCORPORATED = 'Indarbejdes og sendes i høring';

function upload(name: string, content: string | Uint8Array<ArrayBuffer>, text = ''): FormData {
  const data = new FormData();
  data.set('file', new File([content], name));
  data.set('text', text);
  return data;
}

function csv(years: number[], code: string, amount: string, total: number): string {
  return [
    `Liste;Kode;Titel;Resumé;Type;Art;${years.join(';')}`,
    `${INCORPORATED};${code};Titel;Resumé.;Besparelse;Service;${years.map(() => amount).join(';')}`,
    `${INCORPORATED};I alt;;;;Service;${years.map(() => total).join(';')}`,
  ].join('\r\n');
}

/** The draft a successful preview redirects to. */
async function draftOf(preview: Promise<ImportState>): Promise<string> {
  const redirect = await preview.then(
    (state) => expect.fail(`no redirect: ${JSON.stringify(state)}`),
    (error: unknown) => error,
  );
  expect(redirect).toBeInstanceOf(Redirect);
  return new URL((redirect as Redirect).message, 'http://localhost').searchParams.get('draft')!;
}

describe('uploading a spreadsheet on the import page', () => {
  it('lists every problem in Danish with row and column, keeps the pasted text and writes nothing', async () => {
    const years = uniqueYears(2);
    const state = await previewImportAction(idle, upload('forslag.csv', csv(years, 'ØU01', '-1,5', -1), 'indsat tekst'));
    expect(state).toMatchObject({ status: 'error', formError: 'spreadsheet.invalid', text: 'indsat tekst' });
    expect(state.problems).toEqual([
      `Række 2, kolonne G (${years[0]}): "-1,5" er ikke et beløb. Skriv et helt tal i 1.000 kr. uden decimaler, f.eks. -1.250.`,
      `Række 2, kolonne H (${years[1]}): "-1,5" er ikke et beløb. Skriv et helt tal i 1.000 kr. uden decimaler, f.eks. -1.250.`,
    ]);

    const mismatch = await previewImportAction(idle, upload('forslag.csv', csv(years, 'ØU01', '-1.000', -999)));
    expect(mismatch.problems?.[0]).toBe(`Række 3, kolonne G (${years[0]}): Summen for "${INCORPORATED}", Service ${years[0]}, er -1.000, men "I alt"-rækken angiver -999 (forskel -1).`);
    expect(await db.budget.count({ where: { name: budgetNameFor(years) } })).toBe(0);
  });

  it('refuses files that are too large or of another kind before reading them', async () => {
    const large = await previewImportAction(idle, upload('stor.xlsx', new Uint8Array(5 * 1024 * 1024 + 1)));
    expect(large).toMatchObject({ status: 'error', fieldErrors: { file: 'spreadsheet.tooLarge' } });
    const xls = await previewImportAction(idle, upload('gammel.xls', 'x'));
    expect(xls).toMatchObject({ status: 'error', fieldErrors: { file: 'spreadsheet.unsupportedFile' } });
  });

  it('previews a good file and imports it on confirmation', async () => {
    const years = uniqueYears(2);
    const code = `ØU${Math.floor(Math.random() * 1e6)}`;
    const draftId = await draftOf(previewImportAction(idle, upload('forslag.csv', csv(years, code, '-1.000', -1000))));
    const preview = await budgetImportPreview(session.actor, draftId);
    expect(preview).toMatchObject({ years, totalsChecked: true, ready: true, unread: [], lists: [{ heading: INCORPORATED, proposals: 1 }] });
    expect(preview.diff).toMatchObject({ budgetName: budgetNameFor(years), budgetExists: false, proposals: [{ code, status: 'new' }] });
    expect(preview.totals.filter((row) => row.kind === 'SERVICE')).toEqual(years.map((year) => ({ list: INCORPORATED, listPosition: 0, kind: 'SERVICE', year, printed: -1000, computed: -1000, difference: 0 })));
    expect(await db.budget.count({ where: { name: budgetNameFor(years) } })).toBe(0);
    const withoutTotals = csv(years, code, '-1.000', -1000).split('\r\n').slice(0, 2).join('\r\n');
    expect((await budgetImportPreview(session.actor, await draftOf(previewImportAction(idle, upload('forslag.csv', withoutTotals))))).totalsChecked).toBe(false);

    const confirm = new FormData();
    confirm.set('draftId', draftId);
    confirm.set('documentHash', preview.documentHash);
    expect(await confirmImportAction(idle, confirm)).toEqual({ status: 'idle' });
    expect((await budgetImportPreview(session.actor, draftId)).imported).toMatchObject({ budgetName: budgetNameFor(years), proposals: 1 });
    const lines = await db.budgetLine.findMany({ where: { proposal: { code, budget: { name: budgetNameFor(years) } } } });
    expect(lines.map((l) => l.amount)).toEqual([-1000, -1000]);
  });
});
