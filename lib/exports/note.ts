// The høringsnotat as Danish municipalities write it: title page, contents, the consultation's
// process, a summary table, then per list and committee each proposal with its answers grouped by
// stance (or, on request, by the budget office's themes), the administration's remark; general
// remarks, minority statements, the parties that did not answer. Texts arrive translated and filtered for the audience; the renderers only lay them out.

import type { Letterhead } from '../pdf-layout';
import type { NoteGrouping } from './formats';

export const STANCES = ['SUPPORT', 'OPPOSE', 'REMARKS', 'NO_REMARKS'] as const;
export type NoteStance = (typeof STANCES)[number];

export interface NoteParty {
  name: string;
  /** Translated, e.g. "Ældreråd". */
  organisationType: string;
  /**
   * The councils the municipality must consult (retssikkerhedsloven §§ 30, 37a) and the MED
   * committees of the MED agreement: their answers come first wherever answers are listed.
   */
  statutory: boolean;
}

export interface NoteResponse extends NoteParty {
  /** Null when the organisation took no stance. */
  stance: NoteStance | null;
  /** Null when moderation hid the comment from this audience. */
  comment: string | null;
  /** Only ever true in the full audience's note. */
  confidential: boolean;
  /** The names of the answer's themes; only the full audience's note has them. */
  themes?: string[];
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
  committee: string;
  lines: NoteAmountLine[];
  responses: NoteResponse[];
  /** Staff's summary of the answers (its current version); empty when none was written or it is not yet public. */
  responsesSummary: string;
  /** The administration's remark; empty when none was written. */
  remark: string;
}

export interface NoteList {
  name: string;
  committees: { name: string; proposals: NoteProposal[] }[];
}

export interface NoteLabels {
  title: string;
  /** Which audience's edition this is, e.g. "Fuld udgave til byrådet …". */
  edition: string;
  /** Title page lines, filled in: "Høringsperiode: …", "Høringsfrist: …", "Dannet …". */
  period: string | null;
  deadline: string;
  generatedAt: string;
  contents: string;
  process: string;
  /** Filled in: "Følgende 14 parter blev hørt …". */
  processText: string;
  consulted: string;
  summaryTable: string;
  proposal: string;
  committee: string;
  list: string;
  amounts: string;
  total: string;
  summary: string;
  responses: string;
  noResponses: string;
  stances: Record<NoteStance, string>;
  noStance: string;
  /** Heads the answers without a theme when the note groups by theme. */
  noTheme: string;
  /** Heads the one line that names every party without remarks. */
  foldedNoRemarks: string;
  confidential: string;
  hidden: string;
  responsesSummary: string;
  noResponsesSummary: string;
  remark: string;
  noRemark: string;
  generalRemarks: string;
  minorityStatements: string;
  minority: string;
  /** With an `{author}` placeholder. */
  minorityBy: string;
  nonResponders: string;
  allResponded: string;
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
  parties: NoteParty[];
  lists: NoteList[];
  generalRemarks: { party: NoteParty; text: string | null }[];
  minorityStatements: { party: NoteParty; author: string | null; text: string }[];
  nonResponders: NoteParty[];
  /** By stance unless asked for otherwise. */
  grouping?: NoteGrouping;
  labels: NoteLabels;
}

export const partyLine = (party: NoteParty) => `${party.name} (${party.organisationType})`;

export const minorityHeading = (statement: { author: string | null }, labels: NoteLabels) =>
  statement.author ? labels.minorityBy.replace('{author}', statement.author) : labels.minority;

export interface StanceGroup {
  heading: string;
  responses: NoteResponse[];
  /** The parties of "ingen bemærkninger" that wrote nothing: named on one line. */
  folded: NoteResponse[];
  /** Whether each answer's line names its stance: when the heading does not. */
  stanceShown?: boolean;
}

/** An answer's bold line: the party, its stance when the group's heading does not say it, and a confidential mark. */
export function responseLine(response: NoteResponse, group: StanceGroup, labels: NoteLabels): string {
  const stance = group.stanceShown ? ` – ${response.stance ? labels.stances[response.stance] : labels.noStance}` : '';
  return [`${partyLine(response)}${stance}`, response.confidential ? labels.confidential : null].filter(Boolean).join(' ');
}

const isSilent = (r: NoteResponse) => r.stance === 'NO_REMARKS' && r.comment !== null && r.comment.trim() === '';

/**
 * A proposal's answers by stance, in the order støtter, støtter ikke, bemærkninger, uden holdning,
 * ingen bemærkninger. Within each group the answers keep the caller's order, statutory bodies first.
 */
export function stanceGroups(responses: NoteResponse[], labels: NoteLabels): StanceGroup[] {
  const order: (NoteStance | null)[] = ['SUPPORT', 'OPPOSE', 'REMARKS', null, 'NO_REMARKS'];
  return order
    .map((stance) => ({
      heading: stance ? labels.stances[stance] : labels.noStance,
      responses: responses.filter((r) => r.stance === stance && !isSilent(r)),
      folded: stance === 'NO_REMARKS' ? responses.filter(isSilent) : [],
    }))
    .filter((group) => group.responses.length + group.folded.length > 0);
}

/**
 * A proposal's answers by theme, the themes in alphabetical order, then "Uden tema": an answer
 * with several themes stands under each. Each answer's line names its stance; the silent
 * "ingen bemærkninger" without a theme are folded into one line, as by stance.
 */
export function themeGroups(responses: NoteResponse[], labels: NoteLabels): StanceGroup[] {
  const themes = [...new Set(responses.flatMap((r) => r.themes ?? []))].sort((a, b) => a.localeCompare(b, 'da'));
  const untagged = responses.filter((r) => (r.themes ?? []).length === 0);
  return [
    ...themes.map((theme) => ({ heading: theme, responses: responses.filter((r) => r.themes?.includes(theme)), folded: [], stanceShown: true })),
    { heading: labels.noTheme, responses: untagged.filter((r) => !isSilent(r)), folded: untagged.filter(isSilent), stanceShown: true },
  ].filter((group) => group.responses.length + group.folded.length > 0);
}

/** The answer groups of a proposal as the note asks for them. */
export const answerGroups = (responses: NoteResponse[], note: HearingNote): StanceGroup[] =>
  note.grouping === 'theme' ? themeGroups(responses, note.labels) : stanceGroups(responses, note.labels);

export interface SummaryRow {
  proposal: NoteProposal;
  /** The net amount per year over all the proposal's lines. */
  totals: number[];
  counts: Record<NoteStance, number>;
}

export function summaryRows(note: HearingNote): SummaryRow[] {
  return note.lists.flatMap((list) =>
    list.committees.flatMap((committee) =>
      committee.proposals.map((proposal) => ({
        proposal,
        totals: note.years.map((_, i) => proposal.lines.reduce((sum, line) => sum + (line.amounts[i] ?? 0), 0)),
        counts: Object.fromEntries(STANCES.map((stance) => [stance, proposal.responses.filter((r) => r.stance === stance).length])) as Record<NoteStance, number>,
      })),
    ),
  );
}
