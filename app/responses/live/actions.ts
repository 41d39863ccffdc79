'use server';

import { z } from 'zod';
import { recordId } from '@/lib/record-id';
import { failure } from '@/lib/server/action-errors';
import { announceEditing } from '@/lib/server/live/stream';
import { currentActor } from '@/lib/server/session';

const editingInput = z.object({ consultationId: recordId, organisationId: recordId, field: recordId, editing: z.boolean() });

/** "I am editing this field" (or no longer), to the other members; the form ignores a refusal, as it is only a hint. */
export async function announceEditingAction(input: unknown): Promise<{ ok: true } | { ok: false; error: string }> {
  const parsed = editingInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'forms.invalid' };
  const { field, editing, ...key } = parsed.data;
  try {
    await announceEditing(await currentActor(), key, field, editing);
    return { ok: true };
  } catch (error) {
    const state = failure(error, {});
    return { ok: false, error: (state.status === 'error' && state.formError) || 'forms.unexpected' };
  }
}
