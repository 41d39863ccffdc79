'use server';

import { z } from 'zod';
import { recordId } from '@/lib/record-id';
import { announceEditing } from '@/lib/server/live/stream';
import { currentActor } from '@/lib/server/session';

const editingInput = z.object({ consultationId: recordId, organisationId: recordId, field: recordId, editing: z.boolean() });

/** "I am editing this field" (or no longer): a hint to the other members, so failing it is silent. */
export async function announceEditingAction(input: unknown): Promise<void> {
  const parsed = editingInput.safeParse(input);
  if (!parsed.success) return;
  const { field, editing, ...key } = parsed.data;
  try {
    await announceEditing(await currentActor(), key, field, editing);
  } catch {
    // Refused or the database is away: the form works on without the hint.
  }
}
