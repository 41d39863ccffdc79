'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { recordId } from '@/lib/record-id';
import { fieldErrors, formValues, type FormState } from '@/lib/form-state';
import { failure } from '@/lib/server/action-errors';
import { saveProposalRemark } from '@/lib/server/proposal-remarks';
import { currentActor } from '@/lib/server/session';

const remarkForm = z.object({
  consultationId: recordId,
  proposalId: recordId,
  text: z.string().trim().max(10_000, { error: 'forms.tooLong' }),
});

export async function saveRemarkAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = remarkForm.safeParse(values);
  if (!parsed.success) return fieldErrors(parsed.error, values);
  try {
    await saveProposalRemark(await currentActor(), parsed.data);
  } catch (error) {
    return failure(error, values, { unknownProposal: 'exports.errors.unknownProposal' });
  }
  revalidatePath(`/staff/consultations/${parsed.data.consultationId}/remarks`);
  return { status: 'success', message: 'exports.remarks.saved' };
}
