'use server';

import { z } from 'zod';
import { parseKeywords } from '@/lib/analysis/themes';
import { recordId } from '@/lib/record-id';
import { requiredText, text } from '@/lib/form-schemas';
import { TEXT_LIMITS } from '@/lib/limits';
import { addAnswerNote, markAnswerRead } from '@/lib/server/analysis-view';
import { formAction } from '@/lib/server/form-action';
import { confirmSuggestions, confirmTag, deleteTheme, dismissSuggestions, saveTheme, tagText, untag } from '@/lib/server/themes';
import { TagTarget } from '@/lib/generated/prisma/enums';

// The budget office's themes, tags, suggested tags, read marks and notes (lib/server/themes.ts,
// lib/server/analysis-view.ts). Every change shows on the analysis pages and the politicians'.

const analysisPages = ({ consultationId }: { consultationId: string }) => [
  `/staff/consultations/${consultationId}/analysis/themes`,
  { path: `/staff/consultations/${consultationId}/analysis`, type: 'layout' as const },
  { path: `/insight/${consultationId}/proposals`, type: 'layout' as const },
];

const optionalId = z.preprocess((value) => (value === '' ? undefined : value), recordId.optional());

export const saveThemeAction = formAction(
  z.object({
    consultationId: recordId,
    themeId: optionalId,
    name: requiredText(TEXT_LIMITS.themeName),
    description: text(TEXT_LIMITS.themeDescription),
    keywords: text(TEXT_LIMITS.themeKeywords).transform(parseKeywords),
  }),
  (input, { actor }) => saveTheme(actor, input),
  { revalidate: analysisPages, success: 'themes.saved' },
);

export const deleteThemeAction = formAction(z.object({ consultationId: recordId, themeId: recordId }), (input, { actor }) => deleteTheme(actor, input), {
  invalid: 'forms.invalid',
  revalidate: analysisPages,
  success: 'themes.deleted',
});

export const tagAction = formAction(
  z.object({
    consultationId: recordId,
    themeId: z.string().min(1, { error: 'themes.errors.chooseTheme' }).pipe(recordId),
    responseId: recordId,
    target: z.enum(TagTarget),
    proposalId: optionalId,
    minorityStatementId: optionalId,
    passage: text(TEXT_LIMITS.passage).optional(),
    passageStart: z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().int().min(0).optional()),
  }),
  (input, { actor }) =>
    tagText(actor, { ...input, proposalId: input.proposalId ?? null, minorityStatementId: input.minorityStatementId ?? null, passage: input.passage || null, passageStart: input.passageStart ?? null }),
  { revalidate: analysisPages, success: (tag) => ({ status: 'success', message: tag.created ? 'themes.tagged' : 'themes.alreadyTagged' }) },
);

export const untagAction = formAction(z.object({ consultationId: recordId, tagId: recordId }), (input, { actor }) => untag(actor, input), {
  invalid: 'forms.invalid',
  revalidate: analysisPages,
  success: 'themes.untagged',
});

export const confirmTagAction = formAction(z.object({ consultationId: recordId, tagId: recordId }), (input, { actor }) => confirmTag(actor, input), {
  invalid: 'forms.invalid',
  revalidate: analysisPages,
  success: 'themes.confirmed',
});

// A suggestion's key in the form: "responseId:proposalId", the proposal empty for general remarks.
const suggestionKey = z.string().transform((value, context) => {
  const [responseId, proposalId = ''] = value.split(':');
  if (!recordId.safeParse(responseId).success || (proposalId && !recordId.safeParse(proposalId).success)) {
    context.addIssue({ code: 'custom', message: 'forms.invalidChoice' });
    return z.NEVER;
  }
  return { responseId: responseId!, proposalId: proposalId || null };
});

export const suggestionsAction = formAction(
  z.object({
    consultationId: recordId,
    themeId: recordId,
    intent: z.enum(['confirm', 'dismiss']),
    items: z.array(suggestionKey).min(1),
  }),
  async (input, { actor }) => ({ intent: input.intent, count: await (input.intent === 'confirm' ? confirmSuggestions : dismissSuggestions)(actor, input) }),
  {
    invalid: 'themes.errors.chooseSuggestion',
    // "Confirm" beside one suggestion sends only that one (the button's value), else the ticked ones.
    input: (values, formData) => {
      const one = values.one;
      return { ...values, intent: one ? 'confirm' : values.intent, items: one ? [one] : formData.getAll('items') };
    },
    revalidate: analysisPages,
    success: ({ intent, count }) => ({ status: 'success', message: intent === 'confirm' ? 'themes.suggestionsConfirmed' : 'themes.suggestionsDismissed', params: { count } }),
  },
);

const answerKey = { consultationId: recordId, proposalId: recordId, responseId: recordId };

export const markReadAction = formAction(
  z.object({ ...answerKey, read: z.enum(['true', 'false']).transform((value) => value === 'true') }),
  (input, { actor }) => markAnswerRead(actor, input),
  { invalid: 'forms.invalid', revalidate: analysisPages, success: (_result, input) => ({ status: 'success', message: input.read ? 'themes.markedRead' : 'themes.markedUnread' }) },
);

export const addNoteAction = formAction(z.object({ ...answerKey, text: requiredText(TEXT_LIMITS.answerNote) }), (input, { actor }) => addAnswerNote(actor, input), {
  revalidate: analysisPages,
  success: 'themes.noteAdded',
});
