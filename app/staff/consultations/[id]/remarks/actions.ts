'use server';

import { z } from 'zod';
import { recordId } from '@/lib/record-id';
import { text } from '@/lib/form-schemas';
import { TEXT_LIMITS } from '@/lib/limits';
import { formAction } from '@/lib/server/form-action';
import { saveProposalRemark } from '@/lib/server/proposal-remarks';

export const saveRemarkAction = formAction(
  z.object({ consultationId: recordId, proposalId: recordId, text: text(TEXT_LIMITS.remark) }),
  (input, { actor }) => saveProposalRemark(actor, input),
  { revalidate: ({ consultationId }) => [`/staff/consultations/${consultationId}/remarks`], success: 'exports.remarks.saved' },
);
