'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { TEXT_LIMITS } from '@/lib/limits';
import { editProposalAction } from '@/app/staff/proposals/actions';
import { idle, type FormState } from '@/lib/form-state';
import type { VersionLine } from '@/lib/budget/versions';
import { AmountGrid } from './amount-grid';
import { ErrorSummary, FormStatus, SubmitButton, TextAreaField, TextField } from './form-fields';

interface EditableProposal {
  id: string;
  code: string;
  title: string;
  summary: string;
  version: number;
  years: number[];
  lines: VersionLine[];
}

/** Title, summary, a type per expenditure kind and a kind × year grid of amounts, saved with a reason as the next version. */
export function EditProposalForm({ proposal }: { proposal: EditableProposal }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<FormState, FormData>(editProposalAction, idle);
  const amountOf = (kind: string, year: number) => proposal.lines.find((line) => line.kind === kind && line.year === year)?.amount;
  const typeOf = (kind: string) => proposal.lines.find((line) => line.kind === kind)?.type ?? proposal.lines[0]?.type ?? 'SAVING';

  return (
    // Remounted on a new version, so that the fields show what was saved.
    <form key={proposal.version} action={action} noValidate className="flex flex-col gap-4">
      <ErrorSummary state={state} />
      <input type="hidden" name="proposalId" value={proposal.id} />
      <input type="hidden" name="expectedVersion" value={proposal.version} />
      <TextField form="edit" name="title" label={t('proposalVersions.title')} state={state} maxLength={TEXT_LIMITS.proposalTitle} defaultValue={proposal.title} />
      <TextAreaField form="edit" name="summary" label={t('proposalVersions.summary')} state={state} rows={6} maxLength={TEXT_LIMITS.proposalSummary} defaultValue={proposal.summary} />

      <AmountGrid form="edit" years={proposal.years} state={state} typeOf={typeOf} amountOf={amountOf} />

      <TextAreaField form="edit" name="reason" label={t('proposalVersions.reason')} state={state} rows={2} maxLength={TEXT_LIMITS.changeReason} />
      <SubmitButton label={t('proposalVersions.save')} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}
