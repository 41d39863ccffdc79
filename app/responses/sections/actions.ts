'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formValues, type FormState } from '@/lib/form-state';
import { TEXT_LIMITS } from '@/lib/limits';
import { recordId } from '@/lib/record-id';
import { formAction } from '@/lib/server/form-action';
import { saveAnswer, saveGeneralRemarks, type SaveResult } from '@/lib/server/responses/drafts';
import { Stance } from '@/lib/generated/prisma/enums';

// The response form's sections as plain forms, for browsers without JavaScript: the same domain
// functions and version checks as autosave. A save goes back to its section with "Gemt"
// (?saved=<anchor>#<anchor>); a conflict comes back with both texts and what the member typed.

/** Another member saved the section first: their text and version, beside the typed values. */
export type SectionConflict = Extract<FormState, { status: 'error' }> & { conflict: { text: string; version: number; editedBy: string | null } };
export type SectionState = FormState | SectionConflict;

const section = z.object({
  consultationId: recordId,
  organisationId: recordId,
  expectedVersion: z.coerce.number().int().min(0),
  /** The section's anchor (`general`, `proposal-ØU01`), to return to. */
  section: z.string().regex(/^[\p{L}\p{N}-]{1,60}$/u),
  /** The conflict panel's choice: "theirs" only goes back to the saved text. */
  intent: z.enum(['save', 'mine', 'theirs']).optional(),
});
// Browsers send a textarea's line breaks as CRLF; autosave sends LF, and the limit counts LF.
const text = (max: number) => z.string().transform((value) => value.replace(/\r\n/g, '\n')).pipe(z.string().max(max));

type Section = z.output<typeof section>;
type Outcome = { saved: SaveResult | null; values: Record<string, string> };

function backToSection(input: Section, saved: boolean): never {
  const anchor = encodeURIComponent(input.section);
  redirect(`/responses/${input.consultationId}/${input.organisationId}${saved ? `?saved=${anchor}` : ''}#${anchor}`);
}

function outcome({ saved, values }: Outcome, input: Section): SectionState {
  if (!saved) backToSection(input, false);
  if (saved.ok) backToSection(input, true);
  return { status: 'error', fieldErrors: {}, values, conflict: saved.conflict };
}

const revalidate = (input: Section) => [`/responses/${input.consultationId}/${input.organisationId}`];

export const saveGeneralRemarksFormAction = formAction(
  section.extend({ text: text(TEXT_LIMITS.generalRemarks) }),
  async ({ consultationId, organisationId, text, expectedVersion, intent }, { actor, formData }) => ({
    saved: intent === 'theirs' ? null : await saveGeneralRemarks(actor, { consultationId, organisationId }, { text, expectedVersion }),
    values: formValues(formData),
  }),
  { revalidate, success: outcome },
);

export const saveAnswerFormAction = formAction(
  section.extend({
    proposalId: recordId,
    stance: z.enum(Stance).optional(),
    comment: text(TEXT_LIMITS.comment),
    confidential: z.literal('on').optional(),
  }),
  async ({ consultationId, organisationId, proposalId, stance, comment, confidential, expectedVersion, intent }, { actor, formData }) => ({
    saved:
      intent === 'theirs'
        ? null
        : await saveAnswer(actor, { consultationId, organisationId }, { proposalId, stance: stance ?? null, comment, confidential: confidential === 'on', expectedVersion }),
    values: formValues(formData),
  }),
  { revalidate, success: outcome },
);
