'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { recordId } from '@/lib/record-id';
import { issueMessage, issueParams, type MessageParams } from '@/lib/form-state';
import { chosenFile, requiredText } from '@/lib/form-schemas';
import { withoutControlCharacters } from '@/lib/input';
import { TEXT_LIMITS } from '@/lib/limits';
import { failure } from '@/lib/server/action-errors';
import { addAttachment } from '@/lib/server/attachments';
import type { Actor } from '@/lib/server/actor';
import { DomainError } from '@/lib/server/errors';
import { formAction, type Revalidation } from '@/lib/server/form-action';
import { addMinorityStatement, deleteMinorityStatement, editMinorityStatement, saveAnswer, saveConsent, saveGeneralRemarks, type SaveResult } from '@/lib/server/responses/drafts';
import { reopenResponse, submitResponse } from '@/lib/server/responses/submission';
import { consumeLimit } from '@/lib/server/rate-limit';
import { requestContext } from '@/lib/server/request-context';
import { currentActor } from '@/lib/server/session';
import { Stance } from '@/lib/generated/prisma/enums';

const id = recordId;
const key = { consultationId: id, organisationId: id };
const version = z.number().int().min(0);

/** What the autosave hook gets back: the save's result, or a translation key (with its figures) saying why not. */
export type AutosaveResult = SaveResult | { ok: false; error: string; params?: MessageParams };

/** Autosave calls these with plain objects; they are still public endpoints, so every field is parsed (texts as formValues cleans them). */
async function autosave<Schema extends z.ZodType>(schema: Schema, input: unknown, run: (data: z.output<Schema>, actor: Actor) => Promise<SaveResult>): Promise<AutosaveResult> {
  const parsed = schema.safeParse(input, { error: issueMessage });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const params = issueParams(issue);
    return { ok: false, error: issue.message, ...(params && { params }) };
  }
  try {
    return await run(parsed.data, await currentActor());
  } catch (error) {
    const state = failure(error, {});
    return state.status === 'error' ? { ok: false, error: state.formError ?? 'forms.unexpected', ...(state.params && { params: state.params }) } : { ok: false, error: 'forms.unexpected' };
  }
}

const generalRemarksInput = z.object({ ...key, text: z.string().max(TEXT_LIMITS.generalRemarks).transform(withoutControlCharacters), expectedVersion: version });

export async function saveGeneralRemarksAction(input: unknown): Promise<AutosaveResult> {
  return autosave(generalRemarksInput, input, ({ text, expectedVersion, ...ids }, actor) => saveGeneralRemarks(actor, ids, { text, expectedVersion }));
}

const answerInput = z.object({
  ...key,
  proposalId: id,
  stance: z.enum(Stance).nullable(),
  comment: z.string().max(TEXT_LIMITS.comment).transform(withoutControlCharacters),
  confidential: z.boolean(),
  expectedVersion: version,
});

export async function saveAnswerAction(input: unknown): Promise<AutosaveResult> {
  return autosave(answerInput, input, ({ consultationId, organisationId, ...answer }, actor) => saveAnswer(actor, { consultationId, organisationId }, answer));
}

const keyForm = z.object(key);
const responsePage = (ids: { consultationId: string; organisationId: string }): Revalidation[] => [`/responses/${ids.consultationId}/${ids.organisationId}`];

export const saveConsentAction = formAction(
  keyForm.extend({ publicationConsent: z.literal('on').optional(), namesConsent: z.literal('on').optional() }),
  ({ publicationConsent, namesConsent, ...ids }, { actor }) => saveConsent(actor, ids, { publicationConsent: publicationConsent === 'on', namesConsent: namesConsent === 'on' }),
  { revalidate: responsePage, success: 'forms.saved' },
);

const minorityText = requiredText(TEXT_LIMITS.minorityStatement);

export const addMinorityStatementAction = formAction(
  keyForm.extend({ text: minorityText }),
  ({ text, ...ids }, { actor }) => addMinorityStatement(actor, ids, text),
  { revalidate: responsePage, success: 'forms.saved' },
);

export const editMinorityStatementAction = formAction(
  keyForm.extend({ statementId: id, text: minorityText }),
  ({ text, statementId, ...ids }, { actor }) => editMinorityStatement(actor, ids, statementId, text),
  { revalidate: responsePage, success: 'forms.saved' },
);

export const deleteMinorityStatementAction = formAction(
  keyForm.extend({ statementId: id }),
  ({ statementId, ...ids }, { actor }) => deleteMinorityStatement(actor, ids, statementId),
  { revalidate: responsePage, success: 'responses.minorityDeleted' },
);

// Submitted from the review page, behind an explicit confirmation; then the receipt page.
export const submitResponseAction = formAction(
  keyForm.extend({ confirm: z.literal('on', { error: 'responses.review.confirmRequired' }) }),
  async ({ consultationId, organisationId }, { actor }) => {
    // In the run: the limiter's counters are in PostgreSQL, so it fails as the database does.
    const { ip } = await requestContext();
    if (!(await consumeLimit('submissionPerIp', ip ?? 'unknown')).allowed) throw new DomainError('rateLimited');
    return submitResponse(actor, { consultationId, organisationId });
  },
  {
    revalidate: (ids) => [...responsePage(ids), '/responses'],
    success: (receipt, ids) => redirect(`/responses/${ids.consultationId}/${ids.organisationId}/receipt/${receipt.version}`),
  },
);

export const reopenResponseAction = formAction(keyForm, (ids, { actor }) => reopenResponse(actor, ids), { revalidate: responsePage, success: 'responses.reopened' });

export const uploadAttachmentAction = formAction(
  keyForm.extend({ file: chosenFile('responses.noFile') }),
  async ({ file, ...ids }, { actor }) => addAttachment(actor, ids, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }),
  { input: (values, formData) => ({ ...values, file: formData.get('file') }), fields: { pdf: 'file' }, revalidate: responsePage, success: 'forms.saved' },
);
