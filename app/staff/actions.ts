'use server';

import { z } from 'zod';
import { recordId } from '@/lib/record-id';
import { copenhagenTime, requiredText, text } from '@/lib/form-schemas';
import { TEXT_LIMITS } from '@/lib/limits';
import { createCommittee, renameCommittee } from '@/lib/server/committees';
import { formAction } from '@/lib/server/form-action';
import { inviteUser } from '@/lib/server/invitations';
import { grantExtension } from '@/lib/server/consultation-parties';
import { changeMembership, changeUserRole, createOrganisation, updateOrganisation } from '@/lib/server/organisations';
import { MembershipRole, OrganisationType, UserRole } from '@/lib/generated/prisma/enums';

const email = z.email().max(TEXT_LIMITS.email);

const organisationForm = z.object({ name: requiredText(TEXT_LIMITS.organisationName), type: z.enum(OrganisationType) });

export const createOrganisationAction = formAction(organisationForm, (input, { actor }) => createOrganisation(actor, input), {
  revalidate: () => ['/staff'],
  success: 'forms.saved',
});

export const inviteMemberAction = formAction(
  z.object({ email, organisationId: recordId, membershipRole: z.enum(MembershipRole) }),
  (input, { actor }) => inviteUser(actor, { ...input, role: 'PARTY_MEMBER' }),
  { revalidate: () => ['/staff'], success: (_invitation, { email }) => ({ status: 'success', message: 'staff.invited', params: { email } }) },
);

export const inviteUserAction = formAction(
  z.object({ email, role: z.enum(UserRole).exclude(['PARTY_MEMBER']) }),
  (input, { actor }) => inviteUser(actor, input),
  { success: (_invitation, { email }) => ({ status: 'success', message: 'staff.invited', params: { email } }) },
);

export const changeRoleAction = formAction(
  z.object({ userId: recordId, role: z.enum(UserRole) }),
  ({ userId, role }, { actor }) => changeUserRole(actor, userId, role),
  { revalidate: () => ['/staff'], success: 'staff.roleChanged' },
);

export const grantExtensionAction = formAction(
  z.object({ consultationId: recordId, organisationId: recordId, until: copenhagenTime }),
  ({ until, ...key }, { actor }) => grantExtension(actor, key, until),
  { revalidate: ({ consultationId }) => ['/staff', { path: `/staff/consultations/${consultationId}`, type: 'layout' }], success: 'forms.saved' },
);

const committeeForm = z.object({ code: recordId.max(10), name: text(TEXT_LIMITS.committeeName) });
// A committee code as proposal codes begin: capital letters, Danish ones included (ØU, ISU, ÆSU).
const newCommitteeForm = committeeForm.extend({ code: z.string().trim().regex(new RegExp(`^[A-ZÆØÅ]{1,${TEXT_LIMITS.committeeCode}}$`), { error: 'staff.committeeCodeFormat' }) });

export const createCommitteeAction = formAction(newCommitteeForm, ({ code, name }, { actor }) => createCommittee(actor, code, name || null), {
  revalidate: () => ['/staff'],
  success: 'forms.saved',
});

export const updateOrganisationAction = formAction(
  organisationForm.extend({ organisationId: recordId }),
  ({ organisationId, ...input }, { actor }) => updateOrganisation(actor, organisationId, input),
  { revalidate: () => [{ path: '/', type: 'layout' }], success: 'forms.saved' },
);

export const changeMembershipAction = formAction(
  z.object({ userId: recordId, organisationId: recordId, role: z.union([z.enum(MembershipRole), z.literal('REMOVE')]) }),
  ({ role, ...key }, { actor }) => changeMembership(actor, { ...key, role: role === 'REMOVE' ? null : role }),
  { revalidate: () => ['/staff'], success: (_change, { role }) => ({ status: 'success', message: role === 'REMOVE' ? 'staff.memberRemoved' : 'forms.saved' }) },
);

export const renameCommitteeAction = formAction(committeeForm, ({ code, name }, { actor }) => renameCommittee(actor, code, name || null), {
  revalidate: () => [{ path: '/', type: 'layout' }],
  success: 'forms.saved',
});
