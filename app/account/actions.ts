'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/server/form-action';
import { eraseMyData } from '@/lib/server/personal-data';

export const eraseMyDataAction = formAction(z.object({ confirm: z.literal('yes', { error: 'account.eraseConfirmRequired' }) }), (_input, { actor }) => eraseMyData(actor), {
  // The sessions are gone with the data; the header (in the shared layout) must render anew.
  revalidate: () => [{ path: '/', type: 'layout' }],
  success: () => redirect('/?erased=1'),
});
