'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { fieldErrors, formValues, type FormState } from '@/lib/form-state';
import { failure } from '@/lib/server/action-errors';
import { copenhagenLocalToInstant } from '@/lib/deadline';
import { renameCommittee } from '@/lib/server/committees';
import { inviteUser } from '@/lib/server/invitations';
import { grantExtension } from '@/lib/server/responses';
import { changeUserRole, createOrganisation } from '@/lib/server/organisations';
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
  organisationId: z.string().min(1, { error: 'forms.invalidChoice' }).max(100),
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

const roleForm = z.object({ userId: z.string().min(1).max(100), role: z.enum(UserRole, invalidChoice) });

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

const extensionForm = z.object({ consultationId: z.string().min(1).max(100), organisationId: z.string().min(1).max(100), until: z.string().min(1, { error: 'forms.required' }).max(30) });

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

const committeeForm = z.object({ code: z.string().min(1).max(10), name: z.string().trim().max(200, { error: 'forms.tooLong' }) });

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
