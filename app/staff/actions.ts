'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { recordId } from '@/lib/record-id';
import { fieldErrors, formValues, type FormState } from '@/lib/form-state';
import { failure } from '@/lib/server/action-errors';
import { copenhagenLocalToInstant } from '@/lib/deadline';
import { createCommittee, renameCommittee } from '@/lib/server/committees';
import { inviteUser } from '@/lib/server/invitations';
import { grantExtension } from '@/lib/server/responses';
import { changeMembership, changeUserRole, createOrganisation, updateOrganisation } from '@/lib/server/organisations';
import { currentActor } from '@/lib/server/session';
import { MembershipRole, OrganisationType, UserRole } from '@/lib/generated/prisma/enums';

const email = z.email({ error: 'forms.invalidEmail' }).max(254, { error: 'forms.tooLong' });
const invalidChoice = { error: 'forms.invalidChoice' };

const organisationForm = z.object({
  name: z.string().trim().min(1, { error: 'forms.required' }).max(200, { error: 'forms.tooLong' }),
  type: z.enum(OrganisationType, invalidChoice),
});

export async function createOrganisationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = organisationForm.safeParse(values);
  if (!parsed.success) return fieldErrors(parsed.error, values);
  try {
    await createOrganisation(await currentActor(), parsed.data);
  } catch (error) {
    return failure(error, values, { DuplicateOrganisationError: 'staff.duplicateOrganisation' });
  }
  revalidatePath('/staff');
  return { status: 'success', message: 'forms.saved' };
}

const memberInvitationForm = z.object({
  email,
  organisationId: recordId,
  membershipRole: z.enum(MembershipRole, invalidChoice),
});

export async function inviteMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = memberInvitationForm.safeParse(values);
  if (!parsed.success) return fieldErrors(parsed.error, values);
  try {
    await inviteUser(await currentActor(), { ...parsed.data, role: 'PARTY_MEMBER' });
  } catch (error) {
    return failure(error, values, { unknownOrganisation: 'staff.unknownOrganisation' });
  }
  revalidatePath('/staff');
  return { status: 'success', message: 'staff.invited', params: { email: parsed.data.email } };
}

const userInvitationForm = z.object({ email, role: z.enum(UserRole, invalidChoice).exclude(['PARTY_MEMBER']) });

export async function inviteUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = userInvitationForm.safeParse(values);
  if (!parsed.success) return fieldErrors(parsed.error, values);
  try {
    await inviteUser(await currentActor(), parsed.data);
  } catch (error) {
    return failure(error, values);
  }
  return { status: 'success', message: 'staff.invited', params: { email: parsed.data.email } };
}

const roleForm = z.object({ userId: recordId, role: z.enum(UserRole, invalidChoice) });

export async function changeRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = roleForm.safeParse(values);
  if (!parsed.success) return fieldErrors(parsed.error, values);
  try {
    await changeUserRole(await currentActor(), parsed.data.userId, parsed.data.role);
  } catch (error) {
    return failure(error, values);
  }
  revalidatePath('/staff');
  return { status: 'success', message: 'staff.roleChanged' };
}

const extensionForm = z.object({ consultationId: recordId, organisationId: recordId, until: z.string().min(1, { error: 'forms.required' }).max(30) });

export async function grantExtensionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = extensionForm.safeParse(values);
  if (!parsed.success) return fieldErrors(parsed.error, values);
  let until: Date;
  try {
    until = copenhagenLocalToInstant(parsed.data.until);
  } catch {
    return { status: 'error', fieldErrors: { until: 'staff.invalidTime' }, values };
  }
  try {
    await grantExtension(await currentActor(), { consultationId: parsed.data.consultationId, organisationId: parsed.data.organisationId }, until);
  } catch (error) {
    return failure(error, values);
  }
  revalidatePath('/staff');
  return { status: 'success', message: 'forms.saved' };
}

const committeeForm = z.object({ code: recordId.max(10), name: z.string().trim().max(200, { error: 'forms.tooLong' }) });
// A committee code as proposal codes begin: capital letters, Danish ones included (ØU, ISU, ÆSU).
const newCommitteeForm = committeeForm.extend({ code: z.string().trim().regex(/^[A-ZÆØÅ]{1,6}$/, { error: 'staff.committeeCodeFormat' }) });

export async function createCommitteeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = newCommitteeForm.safeParse(values);
  if (!parsed.success) return fieldErrors(parsed.error, values);
  try {
    await createCommittee(await currentActor(), parsed.data.code, parsed.data.name || null);
  } catch (error) {
    return failure(error, values, { DuplicateCommitteeError: 'staff.duplicateCommittee' });
  }
  revalidatePath('/staff');
  return { status: 'success', message: 'forms.saved' };
}

export async function updateOrganisationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = organisationForm.extend({ organisationId: recordId }).safeParse(values);
  if (!parsed.success) return fieldErrors(parsed.error, values);
  const { organisationId, ...input } = parsed.data;
  try {
    await updateOrganisation(await currentActor(), organisationId, input);
  } catch (error) {
    return failure(error, values, { DuplicateOrganisationError: 'staff.duplicateOrganisation' });
  }
  revalidatePath('/', 'layout');
  return { status: 'success', message: 'forms.saved' };
}

const membershipForm = z.object({
  userId: recordId,
  organisationId: recordId,
  role: z.union([z.enum(MembershipRole), z.literal('REMOVE')], invalidChoice),
});

export async function changeMembershipAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = membershipForm.safeParse(values);
  if (!parsed.success) return fieldErrors(parsed.error, values);
  const { role, ...key } = parsed.data;
  try {
    await changeMembership(await currentActor(), { ...key, role: role === 'REMOVE' ? null : role });
  } catch (error) {
    return failure(error, values);
  }
  revalidatePath('/staff');
  return { status: 'success', message: role === 'REMOVE' ? 'staff.memberRemoved' : 'forms.saved' };
}

export async function renameCommitteeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = committeeForm.safeParse(values);
  if (!parsed.success) return fieldErrors(parsed.error, values);
  try {
    await renameCommittee(await currentActor(), parsed.data.code, parsed.data.name || null);
  } catch (error) {
    return failure(error, values);
  }
  revalidatePath('/', 'layout');
  return { status: 'success', message: 'forms.saved' };
}
