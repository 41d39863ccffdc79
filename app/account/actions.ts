'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formValues, type FormState } from '@/lib/form-state';
import { failure } from '@/lib/server/action-errors';
import { eraseMyData } from '@/lib/server/personal-data';
import { currentActor } from '@/lib/server/session';

export async function eraseMyDataAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  if (values.confirm !== 'yes') return { status: 'error', fieldErrors: { confirm: 'account.eraseConfirmRequired' }, values };
  try {
    await eraseMyData(await currentActor());
  } catch (error) {
    return failure(error, values);
  }
  // The sessions are gone with the data; the header (in the shared layout) must render anew.
  revalidatePath('/', 'layout');
  redirect('/?erased=1');
}
