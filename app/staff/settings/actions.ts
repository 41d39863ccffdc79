'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { fieldErrors, formValues, type FormState } from '@/lib/form-state';
import { MAX_LOGO_BYTES } from '@/lib/logo';
import { failure } from '@/lib/server/action-errors';
import { LogoRejectedError, updateMunicipality, type LogoChange } from '@/lib/server/municipality';
import { currentActor } from '@/lib/server/session';

const tooLong = { error: 'forms.tooLong' };
/** An optional text: empty means none. */
const optional = (max: number) => z.string().trim().max(max, tooLong).transform((value) => value || null);
const optionalEmail = z.union([z.literal(''), z.email({ error: 'forms.invalidEmail' }).max(254, tooLong)]).transform((value) => value || null);
const optionalPhone = z
  .string()
  .trim()
  .regex(/^(\+?[0-9][0-9 ]{5,18}[0-9])?$/, { error: 'settings.errors.phone' })
  .transform((value) => value || null);
// Only the municipality's own web pages: https, no credentials in the address.
const optionalUrl = z
  .string()
  .trim()
  .max(500, tooLong)
  .refine((value) => {
    if (!value) return true;
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && !url.username && !url.password;
    } catch {
      return false;
    }
  }, { error: 'settings.errors.url' })
  .transform((value) => value || null);

const settingsForm = z.object({
  name: z.string().trim().min(1, { error: 'forms.required' }).max(120, tooLong),
  contactEmail: optionalEmail,
  contactPhone: optionalPhone,
  controllerName: optional(200),
  controllerAddress: optional(300),
  dpoName: optional(200),
  dpoEmail: optionalEmail,
  dpoPhone: optionalPhone,
  privacyPolicyUrl: optionalUrl,
  accessibilityStatementUrl: optionalUrl,
});

const LOGO_ERRORS: Record<string, string> = {
  empty: 'settings.errors.logoInvalid',
  tooLarge: 'settings.errors.logoTooLarge',
  notImage: 'settings.errors.logoType',
  badDimensions: 'settings.errors.logoDimensions',
  invalidSvg: 'settings.errors.logoInvalid',
  unsafeSvg: 'settings.errors.logoUnsafe',
};

/** Administrators save the municipality's identity; a new logo is checked by its content. */
export async function saveMunicipalityAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = settingsForm.safeParse(Object.fromEntries(Object.keys(settingsForm.shape).map((key) => [key, values[key] ?? ''])));
  if (!parsed.success) return fieldErrors(parsed.error, values);
  const file = formData.get('logo');
  let logo: LogoChange = { kind: 'keep' };
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_LOGO_BYTES) return { status: 'error', fieldErrors: { logo: 'settings.errors.logoTooLarge' }, values };
    logo = { kind: 'replace', bytes: new Uint8Array(await file.arrayBuffer()) };
  } else if (values.removeLogo === 'on') logo = { kind: 'remove' };
  try {
    await updateMunicipality(await currentActor(), parsed.data, logo);
  } catch (error) {
    if (error instanceof LogoRejectedError) {
      // The detail (which element or attribute) is for the log, not the page.
      console.warn(error.message);
      return { status: 'error', fieldErrors: { logo: LOGO_ERRORS[error.problem]! }, values };
    }
    return failure(error, values);
  }
  // Every page shows the name, the footer and the title.
  revalidatePath('/', 'layout');
  return { status: 'success', message: 'forms.saved' };
}
