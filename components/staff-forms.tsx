'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { TEXT_LIMITS } from '@/lib/limits';
import { changeMembershipAction, changeRoleAction, createCommitteeAction, createOrganisationAction, grantExtensionAction, inviteMemberAction, inviteUserAction, renameCommitteeAction, updateOrganisationAction } from '@/app/staff/actions';
import { idle, type FormState } from '@/lib/form-state';
import { DateTimeField, ErrorSummary, FormStatus, SelectField, SubmitButton, TextField } from './form-fields';

type Option = { value: string; label: string };

function useForm(action: (state: FormState, data: FormData) => Promise<FormState>) {
  return useActionState<FormState, FormData>(action, idle);
}

export function CreateOrganisationForm({ types }: { types: Option[] }) {
  const t = useTranslations('staff');
  const [state, action, pending] = useForm(createOrganisationAction);
  return (
    <form action={action} noValidate className="flex flex-col gap-3" aria-labelledby="create-organisation-heading">
      <ErrorSummary state={state} />
      <TextField form="org" name="name" label={t('organisationName')} state={state} maxLength={TEXT_LIMITS.organisationName} />
      <SelectField form="org" name="type" label={t('organisationType')} state={state} options={types} />
      <SubmitButton label={t('create')} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}

export function InviteMemberForm({ organisations, roles }: { organisations: Option[]; roles: Option[] }) {
  const t = useTranslations('staff');
  const [state, action, pending] = useForm(inviteMemberAction);
  return (
    <form action={action} noValidate className="flex flex-col gap-3" aria-labelledby="invite-member-heading">
      <ErrorSummary state={state} />
      <TextField form="member" name="email" type="email" autoComplete="off" label={t('email')} state={state} maxLength={TEXT_LIMITS.email} />
      <SelectField form="member" name="organisationId" label={t('organisation')} state={state} options={organisations} />
      <SelectField form="member" name="membershipRole" label={t('membershipRole')} state={state} options={roles} />
      <SubmitButton label={t('invite')} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}

export function InviteUserForm({ roles }: { roles: Option[] }) {
  const t = useTranslations('staff');
  const [state, action, pending] = useForm(inviteUserAction);
  return (
    <form action={action} noValidate className="flex flex-col gap-3" aria-labelledby="invite-user-heading">
      <ErrorSummary state={state} />
      <TextField form="user" name="email" type="email" autoComplete="off" label={t('email')} state={state} maxLength={TEXT_LIMITS.email} />
      <SelectField form="user" name="role" label={t('role')} state={state} options={roles} />
      <SubmitButton label={t('invite')} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}

export function ChangeRoleForm({ userId, email, role, roles }: { userId: string; email: string; role: string; roles: Option[] }) {
  const t = useTranslations('staff');
  const [state, action, pending] = useForm(changeRoleAction);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <ErrorSummary state={state} />
      <input type="hidden" name="userId" value={userId} />
      <SelectField form={`role-${userId}`} name="role" label={t('userRoleFor', { email })} state={state} options={roles} defaultValue={role} />
      <SubmitButton label={t('changeRole')} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}

export function ExtensionForm({ consultationId, organisationId, organisation, current }: { consultationId: string; organisationId: string; organisation: string; current: string }) {
  const t = useTranslations('staff');
  const [state, action, pending] = useForm(grantExtensionAction);
  return (
    <form action={action} noValidate className="flex flex-wrap items-end gap-2">
      <ErrorSummary state={state} />
      <input type="hidden" name="consultationId" value={consultationId} />
      <input type="hidden" name="organisationId" value={organisationId} />
      <DateTimeField form={`extension-${organisationId}-${consultationId}`} name="until" label={t('newDeadline', { organisation })} state={state} defaultValue={current} />
      <SubmitButton label={t('extend')} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}

export function CommitteeNameForm({ code, name }: { code: string; name: string | null }) {
  const t = useTranslations('staff');
  const [state, action, pending] = useForm(renameCommitteeAction);
  return (
    <form action={action} noValidate className="flex flex-wrap items-end gap-2">
      <ErrorSummary state={state} />
      <input type="hidden" name="code" value={code} />
      <TextField form={`committee-${code}`} name="name" label={t('committeeName', { code })} state={state} defaultValue={name ?? ''} maxLength={TEXT_LIMITS.committeeName} />
      <SubmitButton label={t('saveCommittee')} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}

export function CreateCommitteeForm() {
  const t = useTranslations('staff');
  const [state, action, pending] = useForm(createCommitteeAction);
  return (
    <form action={action} noValidate className="flex flex-wrap items-end gap-2" aria-labelledby="new-committee-heading">
      <ErrorSummary state={state} />
      <TextField form="new-committee" name="code" label={t('committeeCode')} state={state} maxLength={TEXT_LIMITS.committeeCode} />
      <TextField form="new-committee" name="name" label={t('committeeNameNew')} state={state} maxLength={TEXT_LIMITS.committeeName} />
      <SubmitButton label={t('createCommittee')} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}

export function EditOrganisationForm({ organisation, types }: { organisation: { id: string; name: string; type: string }; types: Option[] }) {
  const t = useTranslations('staff');
  const [state, action, pending] = useForm(updateOrganisationAction);
  const form = `org-${organisation.id}`;
  return (
    <form action={action} noValidate className="flex flex-col gap-2">
      <ErrorSummary state={state} />
      <input type="hidden" name="organisationId" value={organisation.id} />
      <TextField form={form} name="name" label={t('organisationName')} state={state} maxLength={TEXT_LIMITS.organisationName} defaultValue={organisation.name} />
      <SelectField form={form} name="type" label={t('organisationType')} state={state} options={types} defaultValue={organisation.type} />
      <SubmitButton label={t('saveOrganisation')} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}

export function MembershipForm({ organisationId, userId, member, role, roles }: { organisationId: string; userId: string; member: string; role: string; roles: Option[] }) {
  const t = useTranslations('staff');
  const [state, action, pending] = useForm(changeMembershipAction);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <ErrorSummary state={state} />
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="userId" value={userId} />
      <SelectField form={`membership-${organisationId}-${userId}`} name="role" label={t('memberRoleFor', { member })} state={state} options={[...roles, { value: 'REMOVE', label: t('removeMember') }]} defaultValue={role} />
      <SubmitButton label={t('saveMember')} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}
