import { answerTarget, minorityTarget, type ModerationRule } from '@/lib/moderation';
import { markNames, type NameMark } from '@/lib/name-marking';
import type { SubmissionSnapshot } from '@/lib/submission-snapshot';

// What staff check in a submission without name consent before it is published: each text the
// public would read, with the passages that look like names, each redacted (by a moderation
// rule), confirmed not to be a name, or still open.

export type MarkDecision = 'pending' | 'redacted' | 'confirmed';

export interface ReviewedMark extends NameMark {
  decision: MarkDecision;
}

export interface ReviewItem {
  target: string;
  part: 'generalRemarks' | 'answer' | 'minority';
  /** The proposal of an answer. */
  proposal: { code: string; title: string } | null;
  text: string;
  /** Hidden whole by moderation: nothing of it is published. */
  hidden: boolean;
  marks: ReviewedMark[];
}

export interface NameReviewInput {
  snapshot: SubmissionSnapshot;
  moderations: readonly ModerationRule[];
  confirmations: readonly { target: string; passage: string }[];
  /** The organisation's members' names. */
  memberNames: readonly string[];
  /** The consulted organisations' names, which are not personal names. */
  organisationNames: readonly string[];
}

/** Whether the published response is shown without personal names: the case staff review. */
export const needsNameReview = (snapshot: SubmissionSnapshot) => snapshot.publicationConsent && !snapshot.namesConsent;

function covered(text: string, rules: readonly ModerationRule[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const rule of rules) {
    if (rule.kind !== 'REDACT' || !rule.passage) continue;
    for (let at = text.indexOf(rule.passage); at !== -1; at = text.indexOf(rule.passage, at + 1)) ranges.push([at, at + rule.passage.length]);
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** Whether [start, end) of `text` lies within the union of the ranges; spaces between two redactions count as covered. */
function within(text: string, ranges: [number, number][], start: number, end: number): boolean {
  let reached = start;
  for (const [from, to] of ranges) {
    if (from > reached && (reached === start || text.slice(reached, from).trim())) break;
    reached = Math.max(reached, to);
    if (reached >= end) return true;
  }
  return false;
}

/** The texts the public would read, each with its marks and their decisions. */
export function nameReviewItems(input: NameReviewInput): ReviewItem[] {
  const { snapshot } = input;
  const knownNames = [...input.memberNames, ...(snapshot.submittedBy ? [snapshot.submittedBy] : []), ...snapshot.minorityStatements.flatMap((m) => (m.author ? [m.author] : []))];
  const items: Omit<ReviewItem, 'hidden' | 'marks'>[] = [
    { target: 'generalRemarks', part: 'generalRemarks', proposal: null, text: snapshot.generalRemarks },
    ...snapshot.answers.filter((a) => !a.confidential).map((a) => ({ target: answerTarget(a.proposalId), part: 'answer' as const, proposal: { code: a.code, title: a.title }, text: a.comment })),
    ...snapshot.minorityStatements.map((m, index) => ({ target: minorityTarget(index, m.id), part: 'minority' as const, proposal: null, text: m.text })),
  ];
  return items
    .filter((item) => item.text.trim())
    .map((item) => {
      const rules = input.moderations.filter((rule) => rule.target === item.target);
      const hidden = rules.some((rule) => rule.kind === 'HIDE');
      const redacted = covered(item.text, rules);
      const marks = markNames(item.text, { knownNames, notNames: input.organisationNames }).map((mark): ReviewedMark => ({
        ...mark,
        decision:
          hidden || within(item.text, redacted, mark.start, mark.end) ? 'redacted'
          : input.confirmations.some((c) => c.target === item.target && c.passage === mark.text) ? 'confirmed'
          : 'pending',
      }));
      return { ...item, hidden, marks };
    });
}

export const pendingMarks = (items: readonly ReviewItem[]) => items.reduce((sum, item) => sum + item.marks.filter((m) => m.decision === 'pending').length, 0);
