import type { CellValue, Column, ColumnKind, Sheet, Workbook } from './workbook';

// The analysis workbook's sheets, built from what the reader may see: every answer with its
// proposal's list, committee and amounts; the stance counts per proposal; general remarks;
// minority statements; and the parties that did not respond. Confidential marks and receipt
// numbers are columns for the full audience only, and so are the budget office's themes; its
// analysts' notes are for staff.

export const ANALYSIS_STANCES = ['SUPPORT', 'OPPOSE', 'REMARKS', 'NO_REMARKS'] as const;
export type AnalysisStance = (typeof ANALYSIS_STANCES)[number];

export interface AnalysisParty {
  name: string;
  /** Translated, e.g. "Ældreråd". */
  organisationType: string;
  statutory: boolean;
}

export interface AnalysisProposal {
  id: string;
  code: string;
  title: string;
  list: string;
  committee: string;
  /** Translated, e.g. "Besparelse". */
  type: string;
  /** Per year of the budget, in thousands of DKK. */
  service: number[];
  transfers: number[];
}

export interface AnalysisResponse {
  party: AnalysisParty;
  /** A wall-clock time (copenhagenWallClock). */
  submittedAt: Date;
  receiptNumber: string | null;
  generalRemarks: string | null;
  minorityStatements: { author: string | null; text: string }[];
  answers: AnalysisAnswer[];
}

export interface AnalysisAnswer {
  proposalId: string;
  stance: AnalysisStance | null;
  comment: string | null;
  confidential: boolean;
  /** The names of the answer's themes, for the themes column. */
  themes?: string[];
  /** The analysts' notes on the answer, for the notes column. */
  notes?: string[];
}

export type AnalysisLabel =
  | 'answersSheet' | 'proposalsSheet' | 'generalRemarksSheet' | 'minoritySheet' | 'nonRespondersSheet'
  | 'organisation' | 'organisationType' | 'statutory' | 'list' | 'committee' | 'code' | 'title' | 'proposalType'
  | 'service' | 'transfers' | 'stance' | 'comment' | 'confidential' | 'submittedAt' | 'receiptNumber'
  | 'generalRemarks' | 'minorityAuthor' | 'minorityText' | 'noStance' | 'yes' | 'no' | 'hidden' | 'themes' | 'notes';

export interface AnalysisInput {
  issuer: string;
  full: boolean;
  /** Columns for the answers' themes and the analysts' notes. */
  themes?: boolean;
  notes?: boolean;
  years: number[];
  proposals: AnalysisProposal[];
  responses: AnalysisResponse[];
  nonResponders: AnalysisParty[];
  label: (key: AnalysisLabel, params?: { year: number }) => string;
  stanceLabel: (stance: AnalysisStance) => string;
}

const column = (header: string, kind: ColumnKind = 'text'): Column => ({ header, kind });

export function analysisWorkbook(input: AnalysisInput): Workbook {
  const { full, years, label, stanceLabel } = input;
  const yesNo = (value: boolean) => label(value ? 'yes' : 'no');
  const partyColumns = [column(label('organisation')), column(label('organisationType')), column(label('statutory'))];
  const partyCells = (party: AnalysisParty): CellValue[] => [party.name, party.organisationType, yesNo(party.statutory)];
  const proposalColumns = [
    column(label('list')), column(label('committee')), column(label('code')), column(label('title'), 'longText'), column(label('proposalType')),
    ...years.map((year) => column(label('service', { year }), 'amount')),
    ...years.map((year) => column(label('transfers', { year }), 'amount')),
  ];
  const proposalCells = (p: AnalysisProposal): CellValue[] => [p.list, p.committee, p.code, p.title, p.type, ...p.service, ...p.transfers];
  const proposalOf = new Map(input.proposals.map((p) => [p.id, p]));
  const position = new Map(input.proposals.map((p, index) => [p.id, index]));

  const answers: Sheet = {
    name: label('answersSheet'),
    columns: [
      ...partyColumns, ...proposalColumns, column(label('stance')), column(label('comment'), 'longText'),
      ...(input.themes ? [column(label('themes'))] : []), ...(input.notes ? [column(label('notes'), 'longText')] : []),
      ...(full ? [column(label('confidential'))] : []), column(label('submittedAt'), 'dateTime'), ...(full ? [column(label('receiptNumber'))] : []),
    ],
    rows: input.responses.flatMap((response) =>
      response.answers
        .filter((answer) => proposalOf.has(answer.proposalId))
        .sort((a, b) => position.get(a.proposalId)! - position.get(b.proposalId)!)
        .map((answer) => [
          ...partyCells(response.party), ...proposalCells(proposalOf.get(answer.proposalId)!),
          answer.stance ? stanceLabel(answer.stance) : label('noStance'), answer.comment ?? label('hidden'),
          ...(input.themes ? [(answer.themes ?? []).join('; ')] : []), ...(input.notes ? [(answer.notes ?? []).join('\n\n')] : []),
          ...(full ? [yesNo(answer.confidential)] : []), response.submittedAt, ...(full ? [response.receiptNumber ?? ''] : []),
        ]),
    ),
  };

  const counts = new Map(input.proposals.map((p) => [p.id, { SUPPORT: 0, OPPOSE: 0, REMARKS: 0, NO_REMARKS: 0, none: 0 }]));
  for (const response of input.responses) {
    for (const answer of response.answers) {
      const count = counts.get(answer.proposalId);
      if (count) count[answer.stance ?? 'none']++;
    }
  }
  const proposals: Sheet = {
    name: label('proposalsSheet'),
    columns: [...proposalColumns, ...ANALYSIS_STANCES.map((stance) => column(stanceLabel(stance), 'count')), column(label('noStance'), 'count')],
    rows: input.proposals.map((p) => {
      const count = counts.get(p.id)!;
      return [...proposalCells(p), ...ANALYSIS_STANCES.map((stance) => count[stance]), count.none];
    }),
  };

  const generalRemarks: Sheet = {
    name: label('generalRemarksSheet'),
    columns: [...partyColumns, column(label('generalRemarks'), 'longText'), column(label('submittedAt'), 'dateTime')],
    rows: input.responses
      .filter((response) => response.generalRemarks === null || response.generalRemarks.trim() !== '')
      .map((response) => [...partyCells(response.party), response.generalRemarks ?? label('hidden'), response.submittedAt]),
  };

  const minority: Sheet = {
    name: label('minoritySheet'),
    columns: [...partyColumns, column(label('minorityAuthor')), column(label('minorityText'), 'longText'), column(label('submittedAt'), 'dateTime')],
    rows: input.responses.flatMap((response) =>
      response.minorityStatements.map((statement) => [...partyCells(response.party), statement.author ?? '', statement.text, response.submittedAt]),
    ),
  };

  const nonResponders: Sheet = { name: label('nonRespondersSheet'), columns: partyColumns, rows: input.nonResponders.map(partyCells) };

  return { issuer: input.issuer, sheets: [answers, proposals, generalRemarks, minority, nonResponders] };
}
