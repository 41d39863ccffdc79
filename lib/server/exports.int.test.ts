import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import da from '@/lib/i18n/messages/da.json';
import { answerTarget } from '@/lib/moderation';
import { anonymous, system, type Actor } from '@/lib/server/actor';
import { db } from '@/lib/server/db';
import { seedResponseVolume } from '@/lib/server/demo-volume';
import { exportConsultation } from '@/lib/server/exports';
import { addModeration } from '@/lib/server/moderation';
import { listProposalRemarks, saveProposalRemark } from '@/lib/server/proposal-remarks';
import { visibleResponses } from '@/lib/server/response-views';
import type { SubmissionSnapshot } from '@/lib/submission-snapshot';
import { docxText, pdfText, squash } from '@/test/document-text';

afterAll(() => db.$disconnect());

const MARKER = da.publicConsultations.redactedMarker;
const suffix = randomUUID().slice(0, 8);
const secret = `Fortroligt svar ${suffix}`;
const passage = `Jens Hansen ${suffix}`;
const remark = `Forvaltningen følger ventetiden ${suffix}`;
let staff: Actor;
let politician: Actor;
let consultationId: string;
let proposalIds: string[];
let eldersResponseId: string;

beforeAll(async () => {
  const user = (role: 'STAFF' | 'POLITICIAN') => db.user.create({ data: { email: `${role.toLowerCase()}-${suffix}@example.test`, role } });
  const [staffUser, politicianUser] = [await user('STAFF'), await user('POLITICIAN')];
  staff = { kind: 'user', userId: staffUser.id, role: 'STAFF' };
  politician = { kind: 'user', userId: politicianUser.id, role: 'POLITICIAN' };
  const budget = await db.budget.create({ data: { name: `Eksport ${suffix}`, years: [2027, 2028] } });
  const list = await db.budgetList.create({ data: { budgetId: budget.id, name: 'Indarbejdes og sendes i høring', position: 0, incorporated: true } });
  await db.committee.createMany({ data: [{ code: 'SU' }], skipDuplicates: true });
  proposalIds = [];
  for (let i = 0; i < 6; i++) {
    const proposal = await db.proposal.create({
      data: {
        budgetId: budget.id, listId: list.id, committeeCode: 'SU', code: `SU0${i + 1}`, title: `Plejecenter ${i + 1}`, summary: `Resumé af forslag ${i + 1}`, position: i,
        kinds: { create: [{ kind: 'SERVICE', type: 'SAVING' }] },
        lines: { create: [{ kind: 'SERVICE', year: 2027, amount: -1250 * (i + 1) }, { kind: 'SERVICE', year: 2028, amount: -2500 }] },
      },
    });
    proposalIds.push(proposal.id);
  }
  const consultation = await db.consultation.create({ data: { budgetId: budget.id, title: `Eksporthøring ${suffix}`, status: 'CLOSED', deadline: new Date(Date.now() - 86_400_000) } });
  consultationId = consultation.id;
  await seedResponseVolume(system, { consultationId, organisations: 20, prefix: `Eksport ${suffix} ` });

  // One response that consents to publication but holds a confidential answer and a redacted passage.
  const organisation = await db.organisation.create({ data: { name: `Eksport ${suffix} Ældrerådet`, type: 'SENIOR_COUNCIL' } });
  const key = { consultationId, organisationId: organisation.id };
  await db.consultationParty.create({ data: key });
  const response = await db.response.create({ data: { ...key, status: 'SUBMITTED', publicationConsent: true } });
  eldersResponseId = response.id;
  const answer = (index: number, comment: string, confidential: boolean) => ({ proposalId: proposalIds[index]!, code: `SU0${index + 1}`, title: `Plejecenter ${index + 1}`, stance: 'OPPOSE' as const, comment, confidential, version: 1, proposalVersion: 1 });
  const snapshot: SubmissionSnapshot = {
    generalRemarks: 'Ældrerådet takker for høringen.',
    publicationConsent: true,
    namesConsent: false,
    answers: [answer(0, `Ring til ${passage} om plejecentret.`, false), answer(1, secret, true)],
    minorityStatements: [{ id: 'm1', author: null, text: `Et mindretal i Ældrerådet ${suffix} er uenigt.` }],
    attachments: [],
    submittedBy: null,
    channel: 'ONLINE',
  };
  await db.submission.create({ data: { responseId: response.id, version: 1, snapshot } });
  await addModeration(staff, key, { target: answerTarget(proposalIds[0]!), kind: 'REDACT', passage, reason: 'Personoplysning' });
  await saveProposalRemark(staff, { consultationId, proposalId: proposalIds[0]!, text: remark });
  const silent = await db.organisation.create({ data: { name: `Eksport ${suffix} Handicaprådet`, type: 'DISABILITY_COUNCIL' } });
  await db.consultationParty.create({ data: { consultationId, organisationId: silent.id } });
  await db.consultation.update({ where: { id: consultationId }, data: { status: 'PUBLISHED', publishedAt: new Date() } });
});

/** Each visible response's organisation is named and each of its comments is there; a silent "ingen bemærkninger" is only named. */
async function expectEveryResponse(actor: Actor, text: string) {
  const visible = (await visibleResponses(actor, consultationId, MARKER))!;
  expect(visible.responses.length).toBeGreaterThan(15);
  for (const response of visible.responses) {
    expect(text, response.organisation.name).toContain(squash(`${response.organisation.name} (${da.orgTypes[response.organisation.type]})`));
    for (const answer of response.answers) if (answer.comment?.trim()) expect(text).toContain(squash(answer.comment));
  }
}

/** The parties listed after the heading of those that did not answer, up to the end of the note. */
const nonResponders = (text: string) => text.slice(text.lastIndexOf(squash(da.exports.note.nonResponders)));

const texts = async (actor: Actor) => {
  const [pdf, docx] = [(await exportConsultation(actor, consultationId, 'pdf'))!, (await exportConsultation(actor, consultationId, 'docx'))!];
  expect(pdf.fileName).toBe(`høringsnotat-eksporthøring-${suffix}.pdf`);
  return { pdf: (await pdfText(pdf.bytes)).text, docx: await docxText(docx.bytes) };
};

describe('høringsnotat', () => {
  it('gives staff and politicians every response whole, with the remark', async () => {
    for (const actor of [staff, politician]) {
      const { pdf, docx } = await texts(actor);
      for (const text of [pdf, docx]) {
        await expectEveryResponse(actor, text);
        for (const phrase of [secret, passage, remark, 'SU01 Plejecenter 1', '-7.500', `Et mindretal i Ældrerådet ${suffix} er uenigt.`, da.exports.note.editionFull, da.exports.note.summaryTable]) expect(text).toContain(squash(phrase));
        expect(nonResponders(text)).toContain(squash(`Eksport ${suffix} Handicaprådet (Handicapråd)`));
      }
    }
  });

  it('gives the public only what was published: no confidential answer, no redacted passage', async () => {
    const { pdf, docx } = await texts(anonymous);
    for (const text of [pdf, docx]) {
      await expectEveryResponse(anonymous, text);
      expect(text).not.toContain(squash(secret));
      expect(text).not.toContain(squash(passage));
      expect(text).toContain(squash(`Ring til ${MARKER} om plejecentret.`));
      expect(text).toContain(squash(remark));
      expect(text).toContain(squash(da.exports.note.editionPublic));
      // A response the public may not read was still given: its party is not listed as silent.
      const unpublished = await db.response.findMany({ where: { consultationId, status: 'SUBMITTED', publicationConsent: false }, select: { organisation: { select: { name: true } } } });
      expect(unpublished.length).toBeGreaterThan(0);
      const silent = nonResponders(text);
      expect(silent).toContain(squash(`Eksport ${suffix} Handicaprådet`));
      for (const { organisation } of unpublished) expect(silent).not.toContain(squash(organisation.name));
    }
  });

  it('is refused to the public until the responses are published, and audited when given', async () => {
    await db.consultation.update({ where: { id: consultationId }, data: { status: 'CLOSED' } });
    try {
      await expect(exportConsultation(anonymous, consultationId, 'csv')).rejects.toMatchObject({ code: 'forbidden' });
      const before = new Date();
      await exportConsultation(politician, consultationId, 'csv');
      const events = await db.auditEvent.findMany({ where: { action: 'consultation.export', objectId: consultationId, at: { gte: before } } });
      expect(events).toMatchObject([{ outcome: 'SUCCESS', details: { format: 'csv', audience: 'full', responses: 21 } }]);
    } finally {
      await db.consultation.update({ where: { id: consultationId }, data: { status: 'PUBLISHED' } });
    }
  });
});

describe('answer tables', () => {
  it('has one row per organisation and answered proposal, confidential rows for the full audience only', async () => {
    const full = (await visibleResponses(staff, consultationId, MARKER))!.responses;
    const published = (await visibleResponses(anonymous, consultationId, MARKER))!.responses;
    const count = (responses: typeof full) => responses.reduce((sum, r) => sum + r.answers.length, 0);

    const csv = (actor: Actor) => exportConsultation(actor, consultationId, 'csv').then((file) => parse(new TextDecoder().decode(file!.bytes), { bom: true, delimiter: ';' }) as string[][]);
    const [staffRows, publicRows] = [await csv(staff), await csv(anonymous)];
    expect(staffRows).toHaveLength(count(full) + 1);
    expect(publicRows).toHaveLength(count(published) + 1);
    const column = (name: string) => staffRows[0]!.indexOf(name);
    expect(staffRows.find((row) => row[column('Bemærkning')] === secret)?.[column('Ikke til offentliggørelse')]).toBe('Ja');
    expect(staffRows.every((row, i) => i === 0 || /^BH-/.test(row[column('Kvitteringsnummer')]!))).toBe(true);
    expect(publicRows[0]).not.toContain('Kvitteringsnummer');
    expect(publicRows.flat().join('\n')).not.toContain(secret);
    expect(publicRows.flat().join('\n')).not.toContain(passage);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportConsultation(anonymous, consultationId, 'xlsx'))!.bytes as unknown as ExcelJS.Buffer);
    const answers = workbook.worksheets[0]!;
    expect(answers.rowCount).toBe(count(published) + 1);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Høringssvar', 'Forslag', 'Generelle bemærkninger', 'Mindretalsudtalelser', 'Ikke svaret']);
  });

  it('gives amounts as numbers, times as dates, and the stance counts per proposal', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportConsultation(staff, consultationId, 'xlsx'))!.bytes as unknown as ExcelJS.Buffer);
    const answers = workbook.getWorksheet('Høringssvar')!;
    const header = (answers.getRow(1).values as unknown[]).slice(1);
    const cell = (row: number, name: string) => answers.getRow(row).getCell(header.indexOf(name) + 1);
    const su03 = answers.getRows(2, answers.rowCount - 1)!.find((row) => row.getCell(header.indexOf('Forslag') + 1).value === 'SU03')!;
    expect(su03.getCell(header.indexOf('Service 2027 (1.000 kr.)') + 1).value).toBe(-3750);
    expect(su03.getCell(header.indexOf('Service 2028 (1.000 kr.)') + 1).value).toBe(-2500);
    expect(su03.getCell(header.indexOf('Liste') + 1).value).toBe('Indarbejdes og sendes i høring');
    expect(cell(2, 'Indsendt').type).toBe(ExcelJS.ValueType.Date);
    expect(cell(2, 'Lovpligtig høringspart').value).toMatch(/^(Ja|Nej)$/);

    const full = (await visibleResponses(staff, consultationId, MARKER))!.responses;
    const opposing = full.filter((r) => r.answers.some((a) => a.proposalId === proposalIds[0] && a.stance === 'OPPOSE')).length;
    const proposals = workbook.getWorksheet('Forslag')!;
    const proposalHeader = (proposals.getRow(1).values as unknown[]).slice(1);
    expect(proposals.getRow(2).getCell(proposalHeader.indexOf('Støtter ikke') + 1).value).toBe(opposing);
  });
});

describe('themes and notes in the exports', () => {
  const [fees, elders] = [`Brugerbetaling ${suffix}`, `Konsekvenser for ældre ${suffix}`];
  const note = `Ring til Ældrerådet før byrådsmødet ${suffix}`;
  const eldersLine = `Eksport ${suffix} Ældrerådet (Ældreråd) – ${da.responses.stances.OPPOSE}`;
  beforeAll(async () => {
    const theme = (name: string) => db.theme.create({ data: { consultationId, name } });
    const [feesTheme, eldersTheme] = [await theme(fees), await theme(elders)];
    const tag = (themeId: string, passage?: string) => db.themeTag.create({ data: { themeId, responseId: eldersResponseId, proposalId: proposalIds[0]!, target: 'ANSWER', submissionVersion: 1, passage } });
    // Two tags of one theme (the whole answer and a passage of it) name the theme once.
    await tag(eldersTheme.id);
    await tag(eldersTheme.id, 'plejecentret');
    await tag(feesTheme.id);
    await db.answerNote.create({ data: { responseId: eldersResponseId, proposalId: proposalIds[0]!, authorId: staff.kind === 'user' ? staff.userId : null, text: note } });
  });

  const answerSheet = async (actor: Actor) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportConsultation(actor, consultationId, 'xlsx'))!.bytes as unknown as ExcelJS.Buffer);
    const answers = workbook.getWorksheet('Høringssvar')!;
    const header = (answers.getRow(1).values as unknown[]).slice(1) as string[];
    const rows = answers.getRows(2, answers.rowCount - 1)!.map((row) => Object.fromEntries(header.map((name, i) => [name, row.getCell(i + 1).value])));
    return { header, rows };
  };

  it("gives the XLSX the answers' themes to staff and politicians, and the notes to staff only", async () => {
    const tagged = (rows: Record<string, unknown>[]) => rows.find((row) => row['Organisation'] === `Eksport ${suffix} Ældrerådet` && row['Forslag'] === 'SU01')!;
    const forStaff = await answerSheet(staff);
    expect(tagged(forStaff.rows)['Temaer']).toBe(`${fees}; ${elders}`);
    // The note names its author (displayName: the address of a user without a name).
    expect(tagged(forStaff.rows)['Analytikernes noter']).toBe(`staff-${suffix}@example.test: ${note}`);
    expect(forStaff.rows.filter((row) => row['Temaer']).length).toBe(1);
    const forPolitician = await answerSheet(politician);
    expect(tagged(forPolitician.rows)['Temaer']).toBe(`${fees}; ${elders}`);
    expect(forPolitician.header).not.toContain('Analytikernes noter');
    const forPublic = await answerSheet(anonymous);
    expect(forPublic.header).not.toContain('Temaer');
    expect(forPublic.header).not.toContain('Analytikernes noter');
  });

  it('groups the høringsnotat by theme on request, with "Uden tema" for the rest, and by stance by default', async () => {
    for (const format of ['pdf', 'docx'] as const) {
      const text = async (actor: Actor, grouping: 'stance' | 'theme') => {
        const file = (await exportConsultation(actor, consultationId, format, grouping))!;
        return format === 'pdf' ? (await pdfText(file.bytes)).text : docxText(file.bytes);
      };
      const byTheme = await text(staff, 'theme');
      // Each theme heads the answers tagged with it, each answer naming its stance.
      expect(byTheme).toContain(squash(`${fees} ${eldersLine}`));
      expect(byTheme).toContain(squash(`${elders} ${eldersLine}`));
      expect(byTheme).toContain(squash(da.exports.note.noTheme));
      await expectEveryResponse(staff, byTheme);
      const byStance = await text(staff, 'stance');
      expect(byStance).not.toContain(squash(da.exports.note.noTheme));
      expect(byStance).not.toContain(squash(fees));
      // The public's note is by stance, whatever is asked, and names no theme.
      const forPublic = await text(anonymous, 'theme');
      expect(forPublic).not.toContain(squash(da.exports.note.noTheme));
      expect(forPublic).not.toContain(squash(elders));
    }
  });
});

describe('proposal remarks', () => {
  it('are written by staff only, audited with before and after, and removed by an empty text', async () => {
    const proposalId = proposalIds[2]!;
    await saveProposalRemark(staff, { consultationId, proposalId, text: 'Første udgave' });
    await saveProposalRemark(staff, { consultationId, proposalId, text: 'Anden udgave' });
    const events = await db.auditEvent.findMany({ where: { action: 'proposalRemark.save', objectId: proposalId }, orderBy: { at: 'asc' } });
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [{ consultationId, text: '' }, { consultationId, text: 'Første udgave' }],
      [{ consultationId, text: 'Første udgave' }, { consultationId, text: 'Anden udgave' }],
    ]);
    expect((await listProposalRemarks(staff, consultationId))!.proposals.find((p) => p.id === proposalId)?.remark).toBe('Anden udgave');

    await saveProposalRemark(staff, { consultationId, proposalId, text: '' });
    expect(await db.proposalRemark.findUnique({ where: { consultationId_proposalId: { consultationId, proposalId } } })).toBeNull();

    await expect(saveProposalRemark(politician, { consultationId, proposalId, text: 'Nej' })).rejects.toMatchObject({ code: 'forbidden' });
    const otherBudget = await db.budget.create({ data: { name: `Andet budget ${suffix}`, years: [2027], lists: { create: { name: 'Liste', position: 0, incorporated: true } } }, include: { lists: true } });
    const foreign = await db.proposal.create({ data: { budgetId: otherBudget.id, listId: otherBudget.lists[0]!.id, committeeCode: 'SU', code: 'SU01', title: 'Andet', summary: '', position: 0 } });
    await expect(saveProposalRemark(staff, { consultationId, proposalId: foreign.id, text: 'Forkert' })).rejects.toMatchObject({ code: 'remark.unknownProposal' });
  });
});
