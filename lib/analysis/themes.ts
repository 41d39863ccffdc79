import type { SubmissionSnapshot } from '@/lib/submission-snapshot';
import { STANCES, type StanceCounts, type StanceOrNone } from '@/lib/insight/aggregate';

// The budget office's themes on the submitted texts, pure: which text a tag is on, how a tag
// follows that text into a new submission, and the counts per theme and stance. Tested without a
// database; lib/server/themes.ts stores and guards.

export type TagTargetKind = 'ANSWER' | 'GENERAL_REMARKS' | 'MINORITY_STATEMENT';

/** What a tag is on: an answer to a proposal, the general remarks, or a minority statement. */
export interface TagTarget {
  target: TagTargetKind;
  proposalId: string | null;
  minorityStatementId: string | null;
}

/** The text of the target in a submission; null when the submission has no such text. */
export function taggedText(snapshot: SubmissionSnapshot, target: TagTarget): string | null {
  switch (target.target) {
    case 'ANSWER':
      return snapshot.answers.find((a) => a.proposalId === target.proposalId)?.comment ?? null;
    case 'GENERAL_REMARKS':
      return snapshot.generalRemarks;
    case 'MINORITY_STATEMENT':
      return snapshot.minorityStatements.find((m) => m.id === target.minorityStatementId)?.text ?? null;
  }
}

/**
 * Where a selected passage starts in the text: at `start` when it is there, else its first
 * occurrence (the browser's offsets can be off by the whitespace it renders); null when absent.
 */
export function passageStartIn(text: string, passage: string, start: number | null): number | null {
  if (start !== null && text.startsWith(passage, start)) return start;
  const found = text.indexOf(passage);
  return found < 0 ? null : found;
}

export interface FollowedTag {
  passage: string | null;
  passageStart: number | null;
  needsRecheck: boolean;
}

/**
 * A tag on the new submission's text. A whole text that is unchanged keeps its tag; a passage
 * still in the new text keeps it at its new start; anything else is flagged for staff to check
 * (the old passage is kept, so that they see what was tagged). A tag already flagged stays flagged.
 */
export function followTag(tag: FollowedTag, before: string | null, after: string | null): FollowedTag {
  if (after === null) return { ...tag, needsRecheck: true };
  if (tag.passage === null) return { ...tag, needsRecheck: tag.needsRecheck || before !== after };
  const start = passageStartIn(after, tag.passage, tag.passageStart);
  return start === null ? { ...tag, needsRecheck: true } : { ...tag, passageStart: start, needsRecheck: tag.needsRecheck };
}

/** The keywords staff typed, one per line or comma-separated, trimmed, without repeats. */
export function parseKeywords(value: string): string[] {
  const keywords = new Map<string, string>();
  for (const word of value.split(/[\n,;]+/)) {
    const keyword = word.trim().replace(/\s+/g, ' ');
    if (keyword && !keywords.has(keyword.toLowerCase())) keywords.set(keyword.toLowerCase(), keyword);
  }
  return [...keywords.values()];
}

export interface ThemeCountRow {
  themeId: string;
  counts: StanceCounts;
  total: number;
}

/**
 * Per theme, how many answers of each stance carry it: an answer counts once per theme however
 * many passages of it are tagged. `tags` are a proposal's answer tags, `stanceOf` its answers.
 */
export function themeStanceCounts(themeIds: readonly string[], tags: readonly { themeId: string; responseId: string }[], stanceOf: ReadonlyMap<string, StanceOrNone>): ThemeCountRow[] {
  return themeIds.map((themeId) => {
    const counts = { SUPPORT: 0, OPPOSE: 0, REMARKS: 0, NO_REMARKS: 0, NONE: 0 } satisfies StanceCounts;
    const answers = new Set(tags.filter((t) => t.themeId === themeId && stanceOf.has(t.responseId)).map((t) => t.responseId));
    for (const responseId of answers) counts[stanceOf.get(responseId)!]++;
    return { themeId, counts, total: answers.size };
  });
}

export const STANCES_AND_NONE: readonly StanceOrNone[] = [...STANCES, 'NONE'];
