import 'server-only';
import { createTranslator } from 'next-intl';
import { EXPENDITURE_KINDS } from '@/lib/budget/vocabulary';
import { XLSX_CONTENT_TYPE } from '@/lib/budget-spreadsheet/xlsx';
import { copenhagenWallClock, formatCopenhagen } from '@/lib/deadline';
import type { ExportFormat, NoteGrouping } from '@/lib/exports/formats';
import { STANCES, type HearingNote, type NoteList, type NoteParty, type NoteProposal, type NoteResponse, type NoteStance } from '@/lib/exports/note';
import { renderNoteDocx } from '@/lib/exports/note-docx';
import { analysisWorkbook } from '@/lib/exports/analysis';
import { writeSheetCsv, writeWorkbookXlsx, type Workbook } from '@/lib/exports/workbook';
import type { OrganisationType } from '@/lib/generated/prisma/enums';
import da from '@/lib/i18n/messages/da.json';
import { isStaff, type Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { isStatutory, TYPE_ORDER } from '@/lib/insight/status';
import { flatLines, LINES_WITH_TYPES } from '@/lib/server/budget-lines';
import { db } from '@/lib/server/db';
import { municipalityLetterhead } from '@/lib/server/municipality';
import { displayName } from '@/lib/server/personal-data';
import { renderNotePdfOffThread } from '@/lib/server/note-pdf-thread';
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

type Consultation = { title: string; deadline: Date; openedAt: Date | null; resultsPublishedAt: Date | null; budget: { id: string; name: string; years: number[] } };

const partyOf = (organisation: { name: string; type: OrganisationType }): NoteParty => ({
  name: organisation.name,
  organisationType: t(`orgTypes.${organisation.type}`),
  statutory: isStatutory(organisation),
});
const rankOf = (organisation: { name: string; type: OrganisationType }) => (isStatutory(organisation) ? 0 : 1) * TYPE_ORDER.length + TYPE_ORDER.indexOf(organisation.type);
/** The bodies that must be heard first (lib/insight/status.ts), then by type and by name. */
const byRank = <T extends { organisation: { name: string; type: OrganisationType } }>(a: T, b: T) =>
  rankOf(a.organisation) - rankOf(b.organisation) || a.organisation.name.localeCompare(b.organisation.name, 'da');

type ProposalRow = Awaited<ReturnType<typeof proposalsOf>>[number];

function proposalsOf(budgetId: string) {
  return db.proposal.findMany({
    where: { budgetId },
    orderBy: [{ list: { position: 'asc' } }, { position: 'asc' }],
    select: { id: true, code: true, title: true, summary: true, list: { select: { id: true, name: true } }, committee: { select: { code: true, name: true } }, ...LINES_WITH_TYPES },
  });
}

/**
 * The consulted parties, those that must be heard first at the top, each with whether it answered.
 * Whether a party answered at all is a fact of the consultation, not of what this reader may
 * read: a submitted response the public may not see is not "no answer".
 */
async function consultedPartiesOf(consultationId: string) {
  const parties = await db.consultationParty.findMany({
    where: { consultationId },
    select: { organisation: { select: { name: true, type: true, responses: { where: { consultationId, status: 'SUBMITTED' }, select: { id: true } } } } },
  });
  return parties.sort(byRank).map(({ organisation }) => ({ organisation, responded: organisation.responses.length > 0 }));
}

/** A proposal's lines of one kind as amounts per year of the budget, with the kind's type. */
function linesOf(p: ProposalRow, kind: (typeof EXPENDITURE_KINDS)[number], years: number[]) {
  const lines = flatLines(p).filter((line) => line.kind === kind);
  return { type: lines[0]?.type ?? null, amounts: years.map((year) => lines.find((line) => line.year === year)?.amount ?? 0) };
}

const answerKey = (responseId: string, proposalId: string) => `${responseId}:${proposalId}`;

/**
 * The budget office's work on each answer, by answerKey: its themes' names for the full audience
 * (staff and politicians), its analysts' notes for staff. Empty for anyone else.
 */
async function analysisOfAnswers(actor: Actor, consultationId: string) {
  const [tags, notes] = await Promise.all([
    audienceOf(actor) === 'full' ? db.themeTag.findMany({ where: { target: 'ANSWER', theme: { consultationId } }, select: { responseId: true, proposalId: true, theme: { select: { name: true } } } }) : [],
    isStaff(actor)
      ? db.answerNote.findMany({ where: { response: { consultationId } }, orderBy: { createdAt: 'asc' }, select: { responseId: true, proposalId: true, text: true, author: { select: { name: true, email: true, erasedAt: true } } } })
      : [],
  ]);
  const themes = new Map<string, Set<string>>();
  for (const tag of tags) {
    const key = answerKey(tag.responseId, tag.proposalId!);
    themes.set(key, (themes.get(key) ?? new Set()).add(tag.theme.name));
  }
  const notesOf = new Map<string, string[]>();
  for (const note of notes) {
    const key = answerKey(note.responseId, note.proposalId);
    const author = displayName(note.author);
    notesOf.set(key, [...(notesOf.get(key) ?? []), author ? `${author}: ${note.text}` : note.text]);
  }
  return {
    themesOf: (responseId: string, proposalId: string) => [...(themes.get(answerKey(responseId, proposalId)) ?? [])].sort((a, b) => a.localeCompare(b, 'da')),
    notesOf: (responseId: string, proposalId: string) => notesOf.get(answerKey(responseId, proposalId)) ?? [],
  };
}

async function noteOf(actor: Actor, consultationId: string, consultation: Consultation, responses: VisibleResponse[], grouping: NoteGrouping): Promise<HearingNote> {
  // The public edition carries the summaries only once the results are published, and never themes.
  const full = audienceOf(actor) === 'full';
  const summariesShown = full || consultation.resultsPublishedAt !== null;
  const [proposals, remarks, consulted, summaries, { themesOf }] = await Promise.all([
    proposalsOf(consultation.budget.id),
    db.proposalRemark.findMany({ where: { consultationId }, select: { proposalId: true, text: true } }),
    consultedPartiesOf(consultationId),
    summariesShown ? db.proposalSummary.findMany({ where: { consultationId }, orderBy: { version: 'desc' }, distinct: ['proposalId'], select: { proposalId: true, text: true } }) : [],
    analysisOfAnswers(actor, consultationId),
  ]);
  const summaryOf = new Map(summaries.map((s) => [s.proposalId, s.text]));
  const ranked = [...responses].sort(byRank);
  const remarkOf = new Map(remarks.map((r) => [r.proposalId, r.text]));
  const answersOf = new Map<string, NoteResponse[]>();
  for (const response of ranked) {
    for (const answer of response.answers) {
      const list = answersOf.get(answer.proposalId) ?? [];
      list.push({ ...partyOf(response.organisation), stance: answer.stance, comment: answer.comment, confidential: answer.confidential, themes: themesOf(response.responseId, answer.proposalId) });
      answersOf.set(answer.proposalId, list);
    }
  }
  const { years } = consultation.budget;
  const lists: NoteList[] = [];
  for (const p of proposals) {
    const proposal: NoteProposal = {
      code: p.code,
      title: p.title,
      summary: p.summary,
      list: p.list.name,
      committee: p.committee.name ?? p.committee.code,
      lines: EXPENDITURE_KINDS.flatMap((kind) => {
        const { type, amounts } = linesOf(p, kind, years);
        return type ? [{ kind: t(`kinds.${kind}`), type: t(`types.${type}`), amounts }] : [];
      }),
      responses: answersOf.get(p.id) ?? [],
      responsesSummary: summaryOf.get(p.id) ?? '',
      remark: remarkOf.get(p.id) ?? '',
    };
    // Proposals arrive in list order; within a list, committees in the order they first appear.
    let list = lists.at(-1);
    if (list?.name !== p.list.name) lists.push((list = { name: p.list.name, committees: [] }));
    let committee = list.committees.find((c) => c.name === proposal.committee);
    if (!committee) list.committees.push((committee = { name: proposal.committee, proposals: [] }));
    committee.proposals.push(proposal);
  }
  const nonResponders = consulted.filter((party) => !party.responded).map((party) => partyOf(party.organisation));
  const date = (instant: Date) => formatCopenhagen(instant, 'da');
  return {
    letterhead: await municipalityLetterhead(),
    consultationTitle: consultation.title,
    budgetName: consultation.budget.name,
    years,
    parties: consulted.map((party) => partyOf(party.organisation)),
    lists,
    generalRemarks: ranked.filter((r) => r.generalRemarks === null || r.generalRemarks.trim() !== '').map((r) => ({ party: partyOf(r.organisation), text: r.generalRemarks })),
    minorityStatements: ranked.flatMap((r) => r.minorityStatements.map((statement) => ({ party: partyOf(r.organisation), ...statement }))),
    nonResponders,
    grouping: full ? grouping : 'stance',
    labels: {
      title: tNote('title'),
      edition: tNote(audienceOf(actor) === 'full' ? 'editionFull' : 'editionPublic'),
      period: consultation.openedAt ? tNote('period', { from: date(consultation.openedAt), to: date(consultation.deadline) }) : null,
      deadline: tNote('deadline', { date: date(consultation.deadline) }),
      generatedAt: tNote('generatedAt', { date: date(new Date()) }),
      contents: tNote('contents'),
      process: tNote('process'),
      processText: tNote('processText', { parties: consulted.length, responses: responses.length, nonResponders: nonResponders.length, deadline: date(consultation.deadline) }),
      consulted: tNote('consulted'),
      summaryTable: tNote('summaryTable'),
      proposal: tNote('proposal'),
      committee: tNote('committee'),
      list: tNote('list'),
      amounts: tNote('amounts'),
      total: tNote('total'),
      summary: tNote('summary'),
      responses: tNote('responses'),
      noResponses: tNote('noResponses'),
      stances: Object.fromEntries(STANCES.map((stance) => [stance, t(`responses.stances.${stance}`)])) as Record<NoteStance, string>,
      noStance: tNote('noStance'),
      noTheme: tNote('noTheme'),
      foldedNoRemarks: tNote('foldedNoRemarks'),
      confidential: tNote('confidential'),
      hidden: tNote('hidden'),
      responsesSummary: tNote('responsesSummary'),
      noResponsesSummary: tNote('noResponsesSummary'),
      remark: tNote('remark'),
      noRemark: tNote('noRemark'),
      generalRemarks: tNote('generalRemarks'),
      minorityStatements: tNote('minorityStatements'),
      minority: tNote('minority'),
      // Templates for the renderers, which fill in the placeholders themselves: formatted with the
      // placeholders as their own values, since the build precompiles the messages (no raw text).
      minorityBy: tNote('minorityBy', { author: '{author}' }),
      nonResponders: tNote('nonResponders'),
      allResponded: tNote('allResponded'),
      none: tNote('none'),
      page: tNote('page', { page: '{page}', pages: '{pages}' }),
    },
  };
}

async function analysisOf(actor: Actor, consultation: Consultation & { id: string }, responses: VisibleResponse[]): Promise<Workbook> {
  const { years } = consultation.budget;
  const [proposals, consulted, { themesOf, notesOf }] = await Promise.all([proposalsOf(consultation.budget.id), consultedPartiesOf(consultation.id), analysisOfAnswers(actor, consultation.id)]);
  const full = audienceOf(actor) === 'full';
  return analysisWorkbook({
    issuer: (await municipalityLetterhead()).name,
    full,
    themes: full,
    notes: isStaff(actor),
    years,
    proposals: proposals.map((p) => {
      const [service, transfers] = [linesOf(p, 'SERVICE', years), linesOf(p, 'TRANSFER', years)];
      const type = service.type ?? transfers.type;
      return { id: p.id, code: p.code, title: p.title, list: p.list.name, committee: p.committee.name ?? p.committee.code, type: type ? t(`types.${type}`) : '', service: service.amounts, transfers: transfers.amounts };
    }),
    responses: [...responses].sort(byRank).map((response) => ({
      party: partyOf(response.organisation),
      submittedAt: copenhagenWallClock(response.submittedAt),
      receiptNumber: response.receiptNumber,
      generalRemarks: response.generalRemarks,
      minorityStatements: response.minorityStatements,
      answers: response.answers.map((answer) => ({ ...answer, themes: themesOf(response.responseId, answer.proposalId), notes: notesOf(response.responseId, answer.proposalId) })),
    })),
    nonResponders: consulted.filter((party) => !party.responded).map((party) => partyOf(party.organisation)),
    label: (key, params) => (key === 'hidden' ? tNote('hidden') : tTable(key, params)),
    stanceLabel: (stance) => t(`responses.stances.${stance}`),
  });
}

const slug = (title: string) => title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');

/**
 * A consultation's material as the actor may read it: staff and politicians get every submitted
 * response whole, everyone else only a published consultation's published responses. Null for an
 * unknown consultation. The builders yield between proposals, so other requests go on meanwhile.
 * `grouping` groups the note's answers by theme for the full audience; the public's is by stance.
 */
export async function exportConsultation(actor: Actor, consultationId: string, format: ExportFormat, grouping: NoteGrouping = 'stance'): Promise<ExportFile | null> {
  const consultation = await db.consultation.findUnique({ where: { id: consultationId }, select: { id: true, title: true, status: true, deadline: true, openedAt: true, resultsPublishedAt: true, budget: { select: { id: true, name: true, years: true } } } });
  if (!consultation) return null;
  await authorize(actor, 'consultation.export', { consultation, object: { type: 'Consultation', id: consultationId } });
  const visible = await visibleResponses(actor, consultationId, t('publicConsultations.redactedMarker'));
  if (!visible) return null;

  const note = format === 'pdf' || format === 'docx';
  const baseName = `${note ? tNote('fileName') : tTable('fileName')}-${slug(consultation.title)}`;
  let bytes: Uint8Array;
  if (format === 'pdf') bytes = await renderNotePdfOffThread(await noteOf(actor, consultationId, consultation, visible.responses, grouping));
  else if (format === 'docx') bytes = await renderNoteDocx(await noteOf(actor, consultationId, consultation, visible.responses, grouping));
  else {
    const workbook = await analysisOf(actor, consultation, visible.responses);
    // The CSV holds the first sheet, every answer with the same columns as in the workbook.
    bytes = format === 'xlsx' ? await writeWorkbookXlsx(workbook) : new TextEncoder().encode(await writeSheetCsv(workbook.sheets[0]!));
  }

  await audit(actor, { action: 'consultation.export', objectType: 'Consultation', objectId: consultationId, details: { format, audience: visible.audience, responses: visible.responses.length, ...(note && grouping !== 'stance' && { grouping }) } });
  return { fileName: `${baseName}.${format}`, contentType: CONTENT_TYPES[format], bytes };
}
