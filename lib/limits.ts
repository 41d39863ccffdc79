// Every limit on what a form may send, in one place: the zod schemas of the server actions
// enforce them and the components show them (maxLength, the characters-left counter, "at most
// 10 MB"). The upload sizes live in upload-limits.js, because next.config.js reads them too.
export { LIMIT_MESSAGE_VALUES, MAX_PDF_BYTES, MAX_PDF_MEGABYTES, MAX_REQUEST_BYTES, MAX_SPREADSHEET_BYTES, MAX_SPREADSHEET_MEGABYTES } from './upload-limits.js';

/** A municipality's logo (PNG or SVG). */
export const MAX_LOGO_BYTES = 256 * 1024;

/** The most characters of each text field. */
export const TEXT_LIMITS = {
  /** A response's comment on one proposal: the same typed online as registered from a letter. */
  comment: 5000,
  generalRemarks: 20_000,
  minorityStatement: 5000,
  consultationTitle: 200,
  consultationDescription: 5000,
  assignmentNote: 1000,
  documentTitle: 200,
  /** A passage of a response quoted to redact it or to confirm it names no one. */
  passage: 5000,
  /** Which part of a response (general remarks, an answer): a hidden field. */
  responseTarget: 200,
  moderationReason: 1000,
  organisationName: 200,
  /** RFC 5321's longest address. */
  email: 254,
  committeeCode: 6,
  committeeName: 200,
  proposalTitle: 500,
  proposalSummary: 10_000,
  /** Why a proposal was moved or edited. */
  changeReason: 2000,
  remark: 10_000,
  /** Staff's summary of the answers to one proposal. */
  responsesSummary: 10_000,
  /** The note to the council's decision on a proposal. */
  decisionNote: 2000,
  /** A theme of the budget office's analysis: its name, description and keywords (all of them). */
  themeName: 200,
  themeDescription: 1000,
  themeKeywords: 2000,
  /** An analyst's note on an answer. */
  answerNote: 5000,
  municipalityName: 120,
  personName: 200,
  postalAddress: 300,
  phone: 30,
  url: 500,
  /** A pasted budget document, or a checked spreadsheet sent back in the CSV layout. */
  budgetDocument: 2_000_000,
  /** A datetime-local value ("2026-03-29T12:00"), with room to spare. */
  dateTime: 30,
} as const;

/** The most items a list field may carry (chosen proposals, parties). */
export const LIST_LIMITS = {
  proposals: 500,
  parties: 1000,
} as const;
