import 'server-only';
import { createTranslator } from 'next-intl';
import { EXPENDITURE_KINDS } from '@/lib/budget/vocabulary';
import { XLSX_CONTENT_TYPE } from '@/lib/budget-spreadsheet/xlsx';
import { formatCopenhagen } from '@/lib/deadline';
import type { ExportFormat } from '@/lib/exports/formats';
import type { HearingNote, NoteOrganisation, NoteProposal, NoteResponse } from '@/lib/exports/note';
import { renderNoteDocx } from '@/lib/exports/note-docx';
import { renderNotePdf } from '@/lib/exports/note-pdf';
import { writeResponsesCsv, writeResponsesXlsx, type ResponseTable } from '@/lib/exports/responses-table';
import da from '@/lib/i18n/messages/da.json';
import type { Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { flatLines, LINES_WITH_TYPES } from '@/lib/server/budget-lines';
import { db } from '@/lib/server/db';
import { municipalityLetterhead } from '@/lib/server/municipality';
import { authorize } from '@/lib/server/policy';
import { audienceOf, visibleResponses, type VisibleResponse } from '@/lib/server/response-views';

// The council's reading material, in Danish: the høringsnotat (PDF, DOCX) and every answer as a
// table (XLSX, CSV). What each reader sees is decided by visibleResponses, nowhere else.

export interface ExportFile {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

const t = createTranslator({ locale: 'da', messages: da });
const tNote = createTranslator({ locale: 'da', messages: da, namespace: 'exports.note' });
const tTable = createTranslator({ locale: 'da', messages: da, namespace: 'exports.table' });

const CONTENT_TYPES: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: XLSX_CONTENT_TYPE,
  csv: 'text/csv; charset=utf-8',
};

type Consultation = { title: string; budget: { id: string; name: string; years: number[] } };

async function noteOf(actor: Actor, consultationId: string, consultation: Consultation, responses: VisibleResponse[]): Promise<HearingNote> {
  const [proposals, remarks] = await Promise.all([
    db.proposal.findMany({
      where: { budgetId: consultation.budget.id },
      orderBy: [{ list: { position: 'asc' } }, { position: 'asc' }],
      select: { id: true, code: true, title: true, summary: true, list: { select: { name: true } }, ...LINES_WITH_TYPES },
    }),
    db.proposalRemark.findMany({ where: { consultationId }, select: { proposalId: true, text: true } }),
  ]);
  const remarkOf = new Map(remarks.map((r) => [r.proposalId, r.text]));
  const answersOf = new Map<string, NoteResponse[]>();
  for (const response of responses) {
    for (const answer of response.answers) {
      const list = answersOf.get(answer.proposalId) ?? [];
      list.push({
        organisation: response.organisation.name,
        organisationType: t(`orgTypes.${response.organisation.type}`),
        stance: answer.stance ? t(`responses.stances.${answer.stance}`) : null,
        comment: answer.comment,
        confidential: answer.confidential,
      });
      answersOf.set(answer.proposalId, list);
    }
  }
  const { years } = consultation.budget;
  const notes = proposals.map(
    (p): NoteProposal => ({
      code: p.code,
      title: p.title,
      summary: p.summary,
      list: p.list.name,
      lines: EXPENDITURE_KINDS.flatMap((kind) => {
        const lines = flatLines(p).filter((line) => line.kind === kind);
        if (!lines.length) return [];
        return [{ kind: t(`kinds.${kind}`), type: t(`types.${lines[0]!.type}`), amounts: years.map((year) => lines.find((line) => line.year === year)?.amount ?? 0) }];
      }),
      responses: answersOf.get(p.id) ?? [],
      remark: remarkOf.get(p.id) ?? '',
    }),
  );
  const organisations = responses.map(
    (r): NoteOrganisation => ({ name: r.organisation.name, organisationType: t(`orgTypes.${r.organisation.type}`), generalRemarks: r.generalRemarks, minorityStatements: r.minorityStatements }),
  );
  return {
    letterhead: await municipalityLetterhead(),
    consultationTitle: consultation.title,
    budgetName: consultation.budget.name,
    years,
    proposals: notes,
    organisations,
    labels: {
      title: tNote('title'),
      edition: tNote(audienceOf(actor) === 'full' ? 'editionFull' : 'editionPublic'),
      generatedAt: tNote('generatedAt', { date: formatCopenhagen(new Date(), 'da') }),
      list: tNote('list'),
      amounts: tNote('amounts'),
      responses: tNote('responses'),
      noResponses: tNote('noResponses'),
      stance: tNote('stance'),
      comment: tNote('comment'),
      confidential: tNote('confidential'),
      hidden: tNote('hidden'),
      remark: tNote('remark'),
      noRemark: tNote('noRemark'),
      organisations: tNote('organisations'),
      generalRemarks: tNote('generalRemarks'),
      minority: tNote('minority'),
      // The renderers fill in these placeholders themselves.
      minorityBy: tNote.raw('minorityBy') as string,
      none: tNote('none'),
      page: tNote.raw('page') as string,
    },
  };
}

async function tableOf(actor: Actor, responses: VisibleResponse[]): Promise<ResponseTable> {
  return {
    issuer: (await municipalityLetterhead()).name,
    full: audienceOf(actor) === 'full',
    rows: responses.flatMap((response) => {
      const submittedAt = formatCopenhagen(response.submittedAt, 'da');
      return response.answers.map((answer) => ({
        organisation: response.organisation.name,
        organisationType: t(`orgTypes.${response.organisation.type}`),
        code: answer.code,
        title: answer.title,
        stance: answer.stance ? t(`responses.stances.${answer.stance}`) : '',
        comment: answer.comment,
        confidential: answer.confidential,
        submittedAt,
        receiptNumber: response.receiptNumber,
      }));
    }),
    labels: {
      organisation: tTable('organisation'),
      type: tTable('type'),
      code: tTable('code'),
      title: tTable('title'),
      stance: tTable('stance'),
      comment: tTable('comment'),
      confidential: tTable('confidential'),
      submittedAt: tTable('submittedAt'),
      receiptNumber: tTable('receiptNumber'),
      yes: tTable('yes'),
      no: tTable('no'),
      hidden: tNote('hidden'),
    },
  };
}

const slug = (title: string) => title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');

/**
 * A consultation's material as the actor may read it: staff and politicians get every submitted
 * response whole, everyone else only a published consultation's published responses. Null for an
 * unknown consultation. The builders yield between proposals, so other requests go on meanwhile.
 */
export async function exportConsultation(actor: Actor, consultationId: string, format: ExportFormat): Promise<ExportFile | null> {
  const consultation = await db.consultation.findUnique({ where: { id: consultationId }, select: { title: true, status: true, budget: { select: { id: true, name: true, years: true } } } });
  if (!consultation) return null;
  await authorize(actor, 'consultation.export', { consultation, object: { type: 'Consultation', id: consultationId } });
  const visible = await visibleResponses(actor, consultationId, t('publicConsultations.redactedMarker'));
  if (!visible) return null;

  const note = format === 'pdf' || format === 'docx';
  const baseName = `${note ? tNote('fileName') : tTable('fileName')}-${slug(consultation.title)}`;
  let bytes: Uint8Array;
  if (format === 'pdf') bytes = await renderNotePdf(await noteOf(actor, consultationId, consultation, visible.responses));
  else if (format === 'docx') bytes = await renderNoteDocx(await noteOf(actor, consultationId, consultation, visible.responses));
  else if (format === 'xlsx') bytes = await writeResponsesXlsx(await tableOf(actor, visible.responses), tTable('sheet'));
  else bytes = new TextEncoder().encode(await writeResponsesCsv(await tableOf(actor, visible.responses)));

  await audit(actor, { action: 'consultation.export', objectType: 'Consultation', objectId: consultationId, details: { format, audience: visible.audience, responses: visible.responses.length } });
  return { fileName: `${baseName}.${format}`, contentType: CONTENT_TYPES[format], bytes };
}
