'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { recordId } from '@/lib/record-id';
import { fieldErrors, formValues, type FormState } from '@/lib/form-state';
import { parseDanishAmount } from '@/lib/budget/vocabulary';
import type { TotalsByKind } from '@/lib/budget/totals';
import type { VersionLine } from '@/lib/budget/versions';
import { failure } from '@/lib/server/action-errors';
import { MoveConflictError, moveProposals, type MoveResult } from '@/lib/server/proposal-moves';
import { editProposal } from '@/lib/server/proposal-versions';
import { currentActor } from '@/lib/server/session';
import { ProposalType } from '@/lib/generated/prisma/enums';

/** The move's outcome, with each list's totals before and after it. */
export type MoveState = FormState & { comparison?: { list: string; before: TotalsByKind; after: TotalsByKind }[]; years?: number[] };

/** The success message: how many moved, and which chosen proposals were on the target list already. */
function movedMessage(result: MoveResult): Pick<Extract<FormState, { status: 'success' }>, 'message' | 'params'> {
  if (!result.alreadyOnList.length) return { message: 'staff.moves.moved', params: { count: result.moved } };
  return { message: 'staff.moves.movedSomeAlreadyThere', params: { count: result.moved, codes: result.alreadyOnList.join(', '), already: result.alreadyOnList.length, list: result.toList } };
}

const moveForm = z.object({
  toListId: recordId,
  reason: z.string().trim().min(1, { error: 'forms.required' }).max(2000, { error: 'forms.tooLong' }),
  // "<proposalId>:<listId it was in when the page was shown>"
  proposals: z.array(z.string().regex(/^[^:\u0000]+:[^:\u0000]+$/)).min(1, { error: 'staff.moves.noneChosen' }).max(500),
});

export async function moveProposalsAction(_previous: MoveState, formData: FormData): Promise<MoveState> {
  const values = formValues(formData);
  const parsed = moveForm.safeParse({ ...values, proposals: formData.getAll('proposal') });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { status: 'error', fieldErrors, values };
  }
  const { toListId, reason } = parsed.data;
  const proposals = parsed.data.proposals.map((entry) => {
    const [proposalId, fromListId] = entry.split(':') as [string, string];
    return { proposalId, fromListId };
  });
  let result: MoveResult;
  try {
    result = await moveProposals(await currentActor(), { proposals, toListId, reason });
  } catch (error) {
    if (error instanceof MoveConflictError) {
      return { status: 'error', formError: 'staff.moves.conflict', fieldErrors: {}, values };
    }
    return failure(error, values);
  }
  revalidatePath('/staff/proposals');
  revalidatePath('/');
  return {
    status: 'success',
    ...movedMessage(result),
    years: result.years,
    comparison: result.lists.map((list) => ({ list: list.name, before: list.before, after: list.after })),
  };
}

const editForm = z.object({
  proposalId: recordId,
  expectedVersion: z.coerce.number().int().min(1),
  title: z.string().trim().min(1, { error: 'forms.required' }).max(500, { error: 'forms.tooLong' }),
  summary: z.string().trim().min(1, { error: 'forms.required' }).max(10_000, { error: 'forms.tooLong' }),
  reason: z.string().trim().min(1, { error: 'forms.required' }).max(2000, { error: 'forms.tooLong' }),
  'type:SERVICE': z.enum(ProposalType, { error: 'forms.invalidChoice' }),
  'type:TRANSFER': z.enum(ProposalType, { error: 'forms.invalidChoice' }),
});

// The grid's fields are named "amount:<kind>:<year>"; an empty field means no line.
const AMOUNT_FIELD = /^amount:(SERVICE|TRANSFER):(\d{4})$/;

/** Saves the form as the proposal's next version, unless someone saved one since the form was shown. */
export async function editProposalAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = editForm.safeParse(values);
  const invalid = parsed.success ? null : fieldErrors(parsed.error, values);
  const errors: Record<string, string> = invalid?.status === 'error' ? { ...invalid.fieldErrors } : {};
  const amounts: Omit<VersionLine, 'type'>[] = [];
  for (const [name, value] of Object.entries(values)) {
    const match = AMOUNT_FIELD.exec(name);
    if (!match || !value.trim()) continue;
    try {
      amounts.push({ kind: match[1] as VersionLine['kind'], year: Number(match[2]), amount: parseDanishAmount(value) });
    } catch {
      errors[name] = 'proposalVersions.invalidAmount';
    }
  }
  if (!parsed.success || Object.keys(errors).length) return { status: 'error', fieldErrors: errors, values };
  if (!amounts.length) return { status: 'error', formError: 'proposalVersions.noAmounts', fieldErrors: {}, values };
  const { proposalId, expectedVersion, title, summary, reason } = parsed.data;
  let version: number;
  try {
    ({ version } = await editProposal(await currentActor(), {
      proposalId,
      expectedVersion,
      title,
      summary,
      reason,
      lines: amounts.map((line) => ({ ...line, type: parsed.data[`type:${line.kind}`] })),
    }));
  } catch (error) {
    return failure(error, values, { ProposalVersionConflictError: 'proposalVersions.conflict' });
  }
  revalidatePath('/', 'layout');
  return { status: 'success', message: 'proposalVersions.saved', params: { version } };
}
