import type { SnapshotAnswer, SubmissionSnapshot } from '@/lib/submission-snapshot';

export type ModerationTarget = 'generalRemarks' | `answer:${string}` | `minority:${string}`;

export interface ModerationRule {
  target: string;
  kind: 'HIDE' | 'REDACT';
  passage: string | null;
}

export const answerTarget = (proposalId: string): ModerationTarget => `answer:${proposalId}`;
export const minorityTarget = (index: number, id?: string): ModerationTarget => `minority:${id ?? index}`;

/** The text of a moderation target in a snapshot, or null when the snapshot has no such item. */
export function targetText(snapshot: SubmissionSnapshot, target: string): string | null {
  if (target === 'generalRemarks') return snapshot.generalRemarks;
  if (target.startsWith('answer:')) return snapshot.answers.find((a) => answerTarget(a.proposalId) === target)?.comment ?? null;
  if (target.startsWith('minority:')) return snapshot.minorityStatements.find((m, i) => minorityTarget(i, m.id) === target)?.text ?? null;
  return null;
}

function moderate(text: string, target: string, rules: readonly ModerationRule[], marker: string): string | null {
  const own = rules.filter((rule) => rule.target === target);
  if (own.some((rule) => rule.kind === 'HIDE')) return null;
  return own.reduce((result, rule) => (rule.passage ? result.replaceAll(rule.passage, marker) : result), text);
}

export interface PublishedResponse {
  generalRemarks: string | null;
  answers: (Omit<SnapshotAnswer, 'confidential' | 'comment'> & { comment: string | null })[];
  minorityStatements: { author: string | null; text: string }[];
  submittedBy: string | null;
}

/**
 * What the public may read of a submission: nothing without publication consent; no answers
 * marked not for publication; hidden items left out and redacted passages replaced by `marker`;
 * personal names only with consent.
 */
export function publishedView(snapshot: SubmissionSnapshot, rules: readonly ModerationRule[], marker: string): PublishedResponse | null {
  if (!snapshot.publicationConsent) return null;
  const names = snapshot.namesConsent;
  return {
    generalRemarks: moderate(snapshot.generalRemarks, 'generalRemarks', rules, marker),
    answers: snapshot.answers
      .filter((answer) => !answer.confidential)
      .map((answer) => ({
        proposalId: answer.proposalId,
        code: answer.code,
        title: answer.title,
        stance: answer.stance,
        version: answer.version,
        proposalVersion: answer.proposalVersion,
        comment: moderate(answer.comment, answerTarget(answer.proposalId), rules, marker),
      })),
    minorityStatements: snapshot.minorityStatements.flatMap((statement, index) => {
      const text = moderate(statement.text, minorityTarget(index, statement.id), rules, marker);
      return text === null ? [] : [{ author: names ? statement.author : null, text }];
    }),
    submittedBy: names ? snapshot.submittedBy : null,
  };
}
