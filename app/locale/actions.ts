'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { env } from '@/lib/env';
import { LOCALE_COOKIE, locales } from '@/lib/i18n/config';

const localeForm = z.object({ locale: z.enum(locales) });

/** Stores the chosen interface language; an unknown value leaves the choice unchanged. */
export async function setLocale(formData: FormData): Promise<void> {
  const parsed = localeForm.safeParse({ locale: formData.get('locale') });
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, {
    path: '/',
    sameSite: 'lax',
    maxAge: 60 * 60 * 24 * 365,
    secure: env().NODE_ENV === 'production' && env().APP_URL.startsWith('https:'),
  });
}
