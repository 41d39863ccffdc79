'use server';

import { z } from 'zod';
import { recordId } from '@/lib/record-id';
import { requiredText } from '@/lib/form-schemas';
import { LIST_LIMITS, TEXT_LIMITS } from '@/lib/limits';
import type { FormState } from '@/lib/form-state';
import { amountsOf, checkAmounts } from '@/lib/amount-grid';
import type { TotalsByKind } from '@/lib/budget/totals';
import { formAction, type Saved } from '@/lib/server/form-action';
import { moveProposals, type MoveResult } from '@/lib/server/proposal-moves';
import { editProposal } from '@/lib/server/proposal-versions';
import { ProposalType } from '@/lib/generated/prisma/enums';

type Comparison = { list: string; before: TotalsByKind; after: TotalsByKind }[];

/** The move's outcome, with each list's totals before and after it. */
export type MoveState = FormState & { comparison?: Comparison; years?: number[] };

/** The success message: how many moved, and which chosen proposals were on the target list already. */
function movedMessage(result: MoveResult): Pick<Saved, 'message' | 'params'> {
  if (!result.alreadyOnList.length) return { message: 'staff.moves.moved', params: { count: result.moved } };
  return { message: 'staff.moves.movedSomeAlreadyThere', params: { count: result.moved, codes: result.alreadyOnList.join(', '), already: result.alreadyOnList.length, list: result.toList } };
}

const moveForm = z.object({
  toListId: recordId,
  reason: requiredText(TEXT_LIMITS.changeReason),
  // "<proposalId>:<listId it was in when the page was shown>"
  proposals: z
    .array(z.string().regex(/^[^:\u0000]+:[^:\u0000]+$/))
    .min(1, { error: 'staff.moves.noneChosen' })
    .max(LIST_LIMITS.proposals),
});

export const moveProposalsAction = formAction(
  moveForm,
  ({ toListId, reason, proposals }, { actor }) =>
    moveProposals(actor, {
      toListId,
      reason,
      proposals: proposals.map((entry) => {
        const [proposalId, fromListId] = entry.split(':') as [string, string];
        return { proposalId, fromListId };
      }),
    }),
  {
    input: (values, formData) => ({ ...values, proposals: formData.getAll('proposal') }),
    revalidate: () => ['/staff/proposals', '/'],
    success: (result): Saved & { comparison: Comparison; years: number[] } => ({
      status: 'success',
      ...movedMessage(result),
      years: result.years,
      comparison: result.lists.map((list) => ({ list: list.name, before: list.before, after: list.after })),
    }),
  },
);

const editForm = z
  .looseObject({
    proposalId: recordId,
    expectedVersion: z.coerce.number().int().min(1),
    title: requiredText(TEXT_LIMITS.proposalTitle),
    summary: requiredText(TEXT_LIMITS.proposalSummary),
    reason: requiredText(TEXT_LIMITS.changeReason),
    'type:SERVICE': z.enum(ProposalType),
    'type:TRANSFER': z.enum(ProposalType),
  })
  .superRefine(checkAmounts)
  .transform((form) => ({ ...form, lines: amountsOf(form).amounts.map((line) => ({ ...line, type: form[`type:${line.kind}`] })) }));

/** Saves the form as the proposal's next version, unless someone saved one since the form was shown. */
export const editProposalAction = formAction(
  editForm,
  ({ proposalId, expectedVersion, title, summary, reason, lines }, { actor }) => editProposal(actor, { proposalId, expectedVersion, title, summary, reason, lines }),
  { revalidate: () => [{ path: '/', type: 'layout' }], success: ({ version }) => ({ status: 'success', message: 'proposalVersions.saved', params: { version } }) },
);
