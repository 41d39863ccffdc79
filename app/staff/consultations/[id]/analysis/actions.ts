'use server';

import { z } from 'zod';
import { recordId } from '@/lib/record-id';
import { requiredText, text } from '@/lib/form-schemas';
import { TEXT_LIMITS } from '@/lib/limits';
import { formAction } from '@/lib/server/form-action';
import { assignAnalyst } from '@/lib/server/analysis-progress';
import { saveProposalDecision, saveProposalSummary } from '@/lib/server/proposal-analysis';
import { publishResults, resultsPath } from '@/lib/server/results';
import { DecisionOutcome } from '@/lib/generated/prisma/enums';

const proposalPages = ({ consultationId, proposalId }: { consultationId: string; proposalId: string }) => [
  `/staff/consultations/${consultationId}/analysis`,
  `/staff/consultations/${consultationId}/analysis/${proposalId}`,
  `/insight/${consultationId}/proposals/${proposalId}`,
  resultsPath(consultationId),
];

export const saveSummaryAction = formAction(
  z.object({
    consultationId: recordId,
    proposalId: recordId,
    text: requiredText(TEXT_LIMITS.responsesSummary),
    responseIds: z.array(recordId),
    expectedVersion: z.coerce.number().int().min(0),
  }),
  (input, { actor }) => saveProposalSummary(actor, input),
  {
    input: (values, formData) => ({ ...values, responseIds: formData.getAll('responseIds') }),
    revalidate: proposalPages,
    success: (version) => ({ status: 'success', message: 'analysis.summarySaved', params: { version } }),
  },
);

// A calendar day from <input type="date">; stored as that day at midnight UTC.
const day = z.iso.date({ error: 'analysis.errors.date' }).transform((value) => new Date(`${value}T00:00:00Z`));

export const saveDecisionAction = formAction(
  z.object({
    consultationId: recordId,
    proposalId: recordId,
    outcome: z.enum(DecisionOutcome, { error: 'analysis.errors.outcome' }),
    decidedOn: day,
    note: text(TEXT_LIMITS.decisionNote),
  }),
  (input, { actor }) => saveProposalDecision(actor, input),
  { revalidate: proposalPages, success: 'analysis.decisionSaved' },
);

export const publishResultsAction = formAction(
  z.object({ consultationId: recordId }),
  (input, { actor }) => publishResults(actor, input.consultationId),
  {
    invalid: 'forms.invalid',
    revalidate: ({ consultationId }) => [`/staff/consultations/${consultationId}/analysis`, resultsPath(consultationId), `/consultations/${consultationId}`],
    success: ({ notified }) => ({ status: 'success', message: 'analysis.publishedNow', params: { count: notified.length } }),
  },
);

// "" in the analyst field takes the proposals from whoever has them.
export const assignAnalystAction = formAction(
  z.object({ consultationId: recordId, proposalIds: z.array(recordId).min(1), userId: z.union([recordId, z.literal('').transform(() => null)]) }),
  (input, { actor }) => assignAnalyst(actor, input),
  {
    input: (values, formData) => ({ ...values, proposalIds: formData.getAll('proposalIds') }),
    // Every field is a choice: one message says what to choose.
    invalid: 'analysisProgress.errors.choose',
    revalidate: ({ consultationId }) => [`/staff/consultations/${consultationId}/analysis`, `/staff/consultations/${consultationId}`],
    success: (changed) => ({ status: 'success', message: 'analysisProgress.assigned', params: { count: changed } }),
  },
);
