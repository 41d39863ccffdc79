// The høringsnotat: per proposal its facts, every response to it and the administration's remark.
// Texts arrive translated and filtered for the audience; the renderers only lay them out.

import type { Letterhead } from '../pdf-layout';

export interface NoteResponse {
  organisation: string;
  /** Translated, e.g. "Ældreråd". */
  organisationType: string;
  /** Translated, e.g. "Støtter ikke"; null when the organisation took no stance. */
  stance: string | null;
  /** Null when moderation hid the comment from this audience. */
  comment: string | null;
  /** Only ever true in the full audience's note. */
  confidential: boolean;
}

export interface NoteAmountLine {
  /** Translated expenditure kind and type, e.g. "Service" and "Besparelse". */
  kind: string;
  type: string;
  /** Integer thousands of DKK, one per year of the note, in the same order. */
  amounts: number[];
}

export interface NoteProposal {
  code: string;
  title: string;
  summary: string;
  list: string;
  lines: NoteAmountLine[];
  responses: NoteResponse[];
  /** The administration's remark; empty when none was written. */
  remark: string;
}

export interface NoteOrganisation {
  name: string;
  organisationType: string;
  generalRemarks: string | null;
  minorityStatements: { author: string | null; text: string }[];
}

export interface NoteLabels {
  title: string;
  /** Which audience's edition this is, e.g. "Fuld udgave til byrådet …". */
  edition: string;
  generatedAt: string;
  list: string;
  amounts: string;
  responses: string;
  noResponses: string;
  stance: string;
  comment: string;
  confidential: string;
  hidden: string;
  remark: string;
  noRemark: string;
  organisations: string;
  generalRemarks: string;
  minority: string;
  /** With an `{author}` placeholder. */
  minorityBy: string;
  none: string;
  /** With `{page}` and `{pages}` placeholders. */
  page: string;
}

export interface HearingNote {
  /** The municipality that issues the note. */
  letterhead: Letterhead;
  consultationTitle: string;
  budgetName: string;
  years: number[];
  proposals: NoteProposal[];
  organisations: NoteOrganisation[];
  labels: NoteLabels;
}

export const stanceLine = (response: NoteResponse, labels: NoteLabels) =>
  [`${response.organisation} (${response.organisationType})`, response.stance, response.confidential ? labels.confidential : null].filter(Boolean).join(' – ');

export const minorityHeading = (statement: { author: string | null }, labels: NoteLabels) =>
  statement.author ? labels.minorityBy.replace('{author}', statement.author) : labels.minority;
