'use server';

import { z } from 'zod';
import { recordId } from '@/lib/record-id';
import { requiredText } from '@/lib/form-schemas';
import { TEXT_LIMITS } from '@/lib/limits';
import { formAction, type Revalidation } from '@/lib/server/form-action';
import { confirmNotName, markNamesReviewed } from '@/lib/server/name-review';

const responseForm = z.object({ consultationId: recordId, organisationId: recordId });

const consultationPages = ({ consultationId }: { consultationId: string }): Revalidation[] => [{ path: `/staff/consultations/${consultationId}`, type: 'layout' }];

export const confirmNotNameAction = formAction(
  // The passage as marked: not trimmed, it must match the marked text exactly.
  responseForm.extend({ target: requiredText(TEXT_LIMITS.responseTarget), passage: z.string().min(1).max(TEXT_LIMITS.passage) }),
  ({ consultationId, organisationId, ...input }, { actor }) => confirmNotName(actor, { consultationId, organisationId }, input),
  { revalidate: consultationPages, success: 'nameReview.confirmed' },
);

export const markNamesReviewedAction = formAction(responseForm, (key, { actor }) => markNamesReviewed(actor, key), {
  revalidate: consultationPages,
  success: 'nameReview.reviewed',
});
