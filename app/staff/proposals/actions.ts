'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formValues, type FormState } from '@/lib/form-state';
import type { TotalsByKind } from '@/lib/budget/totals';
import { failure } from '@/lib/server/action-errors';
import { getCatalogue } from '@/lib/server/catalogue';
import { MoveConflictError, moveProposals } from '@/lib/server/proposal-moves';
import { currentActor } from '@/lib/server/session';

/** The move's outcome, with each list's totals before and after it. */
export type MoveState = FormState & { comparison?: { list: string; before: TotalsByKind; after: TotalsByKind }[]; years?: number[] };

const moveForm = z.object({
  budgetId: z.string().min(1).max(100),
  toListId: z.string().min(1, { error: 'forms.invalidChoice' }).max(100),
  reason: z.string().trim().min(1, { error: 'forms.required' }).max(2000, { error: 'forms.tooLong' }),
  // "<proposalId>:<listId it was in when the page was shown>"
  proposals: z.array(z.string().regex(/^[^:]+:[^:]+$/)).min(1, { error: 'staff.moves.noneChosen' }).max(500),
});

export async function moveProposalsAction(_previous: MoveState, formData: FormData): Promise<MoveState> {
  const values = formValues(formData);
  const parsed = moveForm.safeParse({ ...values, proposals: formData.getAll('proposal') });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { status: 'error', fieldErrors, values };
  }
  const { budgetId, toListId, reason } = parsed.data;
  const proposals = parsed.data.proposals.map((entry) => {
    const [proposalId, fromListId] = entry.split(':') as [string, string];
    return { proposalId, fromListId };
  }).filter((p) => p.fromListId !== toListId);
  const before = await getCatalogue(budgetId);
  try {
    await moveProposals(await currentActor(), { proposals, toListId, reason });
  } catch (error) {
    if (error instanceof MoveConflictError) {
      return { status: 'error', formError: 'staff.moves.conflict', fieldErrors: {}, values };
    }
    return failure(error, values);
  }
  const after = await getCatalogue(budgetId);
  revalidatePath('/staff/proposals');
  revalidatePath('/');
  return {
    status: 'success',
    message: 'staff.moves.moved',
    params: { count: proposals.length },
    years: after?.budget.years,
    comparison: after?.lists.map((list) => ({ list: list.name, before: before!.lists.find((l) => l.id === list.id)!.totals, after: list.totals })),
  };
}
