import { z } from 'zod';

// What a submission froze. Stored as JSON, so it is parsed on the way out; submissions made
// before a field existed read with its default.
const answer = z.object({
  proposalId: z.string(),
  code: z.string(),
  title: z.string(),
  stance: z.enum(['SUPPORT', 'OPPOSE', 'REMARKS', 'NO_REMARKS']).nullable(),
  comment: z.string(),
  confidential: z.boolean(),
  version: z.number().int(),
  /** The proposal's version the answer was given to; absent in submissions made before versions existed. */
  proposalVersion: z.number().int().nullable().default(null),
});

export const submissionSnapshot = z.object({
  generalRemarks: z.string(),
  publicationConsent: z.boolean(),
  namesConsent: z.boolean().default(false),
  answers: z.array(answer),
  /** authorId: the author's user id, absent in submissions made before it was kept. */
  minorityStatements: z.array(z.object({ id: z.string().optional(), authorId: z.string().nullable().optional(), author: z.string().nullable(), text: z.string() })),
  attachments: z.array(z.string()),
  submittedBy: z.string().nullable(),
  channel: z.enum(['ONLINE', 'EMAIL', 'LETTER']).default('ONLINE'),
});

export type SubmissionSnapshot = z.infer<typeof submissionSnapshot>;
export type SnapshotAnswer = z.infer<typeof answer>;

export function parseSnapshot(json: unknown): SubmissionSnapshot {
  return submissionSnapshot.parse(json);
}
