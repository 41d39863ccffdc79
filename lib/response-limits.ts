/** Maximum lengths of a response's texts, shown while typing and enforced on the server. */
export const ANSWER_LIMITS = {
  comment: 5000,
  generalRemarks: 20000,
  minorityStatement: 5000,
} as const;
