'use server';

import { z } from 'zod';
import { text } from '@/lib/form-schemas';
import { MAX_LOGO_BYTES, TEXT_LIMITS } from '@/lib/limits';
import { formAction } from '@/lib/server/form-action';
import { updateMunicipality, type LogoChange } from '@/lib/server/municipality';

/** An optional text: empty means none. */
const optional = (max: number) => text(max).transform((value) => value || null);
const optionalEmail = z.union([z.literal(''), z.email({ error: 'forms.invalidEmail' }).max(TEXT_LIMITS.email)]).transform((value) => value || null);
const optionalPhone = text(TEXT_LIMITS.phone)
  .regex(/^(\+?[0-9][0-9 ]{5,18}[0-9])?$/, { error: 'settings.errors.phone' })
  .transform((value) => value || null);
// Only the municipality's own web pages: https, no credentials in the address.
const optionalUrl = text(TEXT_LIMITS.url)
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

const details = z.object({
  name: text(TEXT_LIMITS.municipalityName).min(1),
  contactEmail: optionalEmail,
  contactPhone: optionalPhone,
  controllerName: optional(TEXT_LIMITS.personName),
  controllerAddress: optional(TEXT_LIMITS.postalAddress),
  dpoName: optional(TEXT_LIMITS.personName),
  dpoEmail: optionalEmail,
  dpoPhone: optionalPhone,
  privacyPolicyUrl: optionalUrl,
  accessibilityStatementUrl: optionalUrl,
});

// A new logo is refused by its size before it is read; its content is checked by updateMunicipality.
const settingsForm = details.extend({
  logo: z
    .instanceof(File)
    .nullable()
    .refine((file) => !file || file.size <= MAX_LOGO_BYTES, { error: 'settings.errors.logoTooLarge' }),
  removeLogo: z.literal('on').optional(),
});

/** Administrators save the municipality's identity; a new logo is checked by its content. */
export const saveMunicipalityAction = formAction(
  settingsForm,
  async ({ logo: file, removeLogo, ...input }, { actor }) => {
    let logo: LogoChange = { kind: 'keep' };
    if (file && file.size > 0) logo = { kind: 'replace', bytes: new Uint8Array(await file.arrayBuffer()) };
    else if (removeLogo === 'on') logo = { kind: 'remove' };
    return updateMunicipality(actor, input, logo);
  },
  {
    // A field left out counts as empty.
    input: (values, formData) => ({ ...Object.fromEntries(Object.keys(details.shape).map((key) => [key, values[key] ?? ''])), logo: formData.get('logo'), removeLogo: values.removeLogo }),
    fields: { logo: 'logo' },
    // Every page shows the name, the footer and the title.
    revalidate: () => [{ path: '/', type: 'layout' }],
    success: 'forms.saved',
  },
);
