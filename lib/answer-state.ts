// The state of one answer in the response form's contents and progress, shared by the server
// (which filters "?unanswered=1" without JavaScript) and the browser (which follows the saves).

export type AnswerState = 'unanswered' | 'stance' | 'comment' | 'conflict';

export function answerState(answer: { stance: string | null; comment: string }): Exclude<AnswerState, 'conflict'> {
  if (answer.comment.trim() !== '') return 'comment';
  return answer.stance ? 'stance' : 'unanswered';
}

/** A conflict means another member saved this answer, so it counts as answered. */
export const isAnswered = (state: AnswerState) => state !== 'unanswered';

/** Danish genitive: "Karens", but "Lars'" after s, x or z; English "Karen's", "Lars'". */
export function genitive(name: string, locale: string): string {
  const sibilant = /[sxz]$/i.test(name);
  if (locale === 'en') return sibilant ? `${name}'` : `${name}'s`;
  return sibilant ? `${name}'` : `${name}s`;
}
