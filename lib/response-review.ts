// The review before a submission: what is answered, what is not, and the stances given without
// a comment when the party otherwise explains its stances.

export interface ReviewedProposal {
  id: string;
  code: string;
  title: string;
  stance: string | null;
  comment: string;
}

const answered = (p: ReviewedProposal) => p.stance !== null || p.comment.trim() !== '';

export function reviewSummary<P extends ReviewedProposal>(proposals: P[]) {
  const withStance = proposals.filter((p) => p.stance !== null);
  const commented = withStance.filter((p) => p.comment.trim() !== '');
  // "Usually": at least two stances explained, and at least half of them.
  const usuallyComments = commented.length >= 2 && commented.length * 2 >= withStance.length;
  return {
    answered: proposals.filter(answered),
    unanswered: proposals.filter((p) => !answered(p)),
    withoutComment: usuallyComments ? withStance.filter((p) => p.comment.trim() === '') : [],
  };
}
