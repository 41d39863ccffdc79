import type { SnapshotAnswer, SubmissionSnapshot } from '@/lib/submission-snapshot';

export type ModerationTarget = 'generalRemarks' | `answer:${string}` | `minority:${string}`;

export interface ModerationRule {
  target: string;
  kind: 'HIDE' | 'REDACT';
  passage: string | null;
}

export const answerTarget = (proposalId: string): ModerationTarget => `answer:${proposalId}`;
export const minorityTarget = (index: number, id?: string): ModerationTarget => `minority:${id ?? index}`;

/** How a moderation row stores its target: foreign keys, neither of them for the general remarks. */
export interface TargetColumns {
  proposalId: string | null;
  minorityStatementId: string | null;
}

const TARGET_COLUMNS = { proposalId: true, minorityStatementId: true } as const;

export const targetOf = (row: TargetColumns): ModerationTarget =>
  row.proposalId ? answerTarget(row.proposalId) : row.minorityStatementId ? `minority:${row.minorityStatementId}` : 'generalRemarks';

/** What a published view needs of a moderation row. */
export const RULE_COLUMNS = { ...TARGET_COLUMNS, kind: true, passage: true } as const;

export const ruleOf = (row: TargetColumns & Omit<ModerationRule, 'target'>): ModerationRule => ({ target: targetOf(row), kind: row.kind, passage: row.passage });

/**
 * The columns for a target key, or null for a key no row can store. A statement of a submission
 * made before statement ids were kept is named by its position only, which no row refers to.
 */
export function targetColumns(target: string): TargetColumns | null {
  if (target === 'generalRemarks') return { proposalId: null, minorityStatementId: null };
  if (target.startsWith('answer:')) return { proposalId: target.slice('answer:'.length), minorityStatementId: null };
  if (target.startsWith('minority:') && !/^\d+$/.test(target.slice('minority:'.length))) return { proposalId: null, minorityStatementId: target.slice('minority:'.length) };
  return null;
}

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
