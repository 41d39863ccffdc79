'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { TEXT_LIMITS } from '@/lib/limits';
import { saveRemarkAction } from '@/app/staff/consultations/[id]/remarks/actions';
import { idle, type FormState } from '@/lib/form-state';
import { ErrorSummary, FormStatus, SubmitButton, TextAreaField } from './form-fields';

export function RemarkForm({ consultationId, proposal }: { consultationId: string; proposal: { id: string; code: string; remark: string } }) {
  const t = useTranslations('exports.remarks');
  const [state, action, pending] = useActionState<FormState, FormData>(saveRemarkAction, idle);
  return (
    <form action={action} className="flex max-w-3xl flex-col gap-2">
      <ErrorSummary state={state} />
      <input type="hidden" name="consultationId" value={consultationId} />
      <input type="hidden" name="proposalId" value={proposal.id} />
      <TextAreaField form={`remark-${proposal.id}`} name="text" label={t('field', { code: proposal.code })} state={state} maxLength={TEXT_LIMITS.remark} defaultValue={proposal.remark} />
      <SubmitButton label={t('save')} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}
