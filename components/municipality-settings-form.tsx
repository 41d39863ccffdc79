'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { TEXT_LIMITS } from '@/lib/limits';
import { saveMunicipalityAction } from '@/app/staff/settings/actions';
import { idle, type FormState } from '@/lib/form-state';
import { ErrorSummary, FileField, FormStatus, SubmitButton, TextField } from './form-fields';

type Settings = Record<'name' | 'contactEmail' | 'contactPhone' | 'controllerName' | 'controllerAddress' | 'dpoName' | 'dpoEmail' | 'dpoPhone' | 'privacyPolicyUrl' | 'accessibilityStatementUrl', string>;

const FORM = 'municipality';

/** The municipality's identity, in three groups: who it is, whom to contact, and its own pages. */
export function MunicipalitySettingsForm({ settings, logoUrl }: { settings: Settings; logoUrl: string | null }) {
  const t = useTranslations('settings');
  const [state, action, pending] = useActionState<FormState, FormData>(saveMunicipalityAction, idle);
  const field = (name: keyof Settings, type: 'text' | 'email' = 'text', maxLength: number = TEXT_LIMITS.personName, autoComplete?: string) => (
    <TextField form={FORM} name={name} label={t(`fields.${name}`)} state={state} type={type} maxLength={maxLength} autoComplete={autoComplete} defaultValue={settings[name]} />
  );
  return (
    <form action={action} noValidate className="flex max-w-2xl flex-col gap-6">
      <ErrorSummary state={state} />
      <fieldset className="flex flex-col gap-3">
        <legend className="text-lg font-semibold">{t('identity')}</legend>
        {field('name', 'text', TEXT_LIMITS.municipalityName, 'organization')}
        {logoUrl ? (
          <div className="flex flex-col gap-2">
            <p className="text-sm font-medium">{t('currentLogo')}</p>
            {/* eslint-disable-next-line @next/next/no-img-element -- a small stored logo, served as it was uploaded */}
            <img src={logoUrl} alt={t('currentLogoAlt', { name: settings.name })} className="h-16 w-auto self-start border border-slate-300 p-1" />
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="removeLogo" />
              {t('removeLogo')}
            </label>
          </div>
        ) : (
          <p className="text-sm">{t('noLogo')}</p>
        )}
        <FileField form={FORM} name="logo" label={t('fields.logo')} state={state} accept="image/png,image/svg+xml,.png,.svg" />
        <p className="text-sm text-slate-700">{t('logoHelp')}</p>
      </fieldset>
      <fieldset className="flex flex-col gap-3">
        <legend className="text-lg font-semibold">{t('contact')}</legend>
        {field('contactEmail', 'email', TEXT_LIMITS.email, 'email')}
        {field('contactPhone', 'text', TEXT_LIMITS.phone, 'tel')}
      </fieldset>
      <fieldset className="flex flex-col gap-3">
        <legend className="text-lg font-semibold">{t('privacy')}</legend>
        {field('controllerName')}
        {field('controllerAddress', 'text', TEXT_LIMITS.postalAddress)}
        {field('dpoName')}
        {field('dpoEmail', 'email', TEXT_LIMITS.email)}
        {field('dpoPhone', 'text', TEXT_LIMITS.phone)}
      </fieldset>
      <fieldset className="flex flex-col gap-3">
        <legend className="text-lg font-semibold">{t('pages')}</legend>
        <p className="text-sm text-slate-700">{t('pagesHelp')}</p>
        {field('privacyPolicyUrl', 'text', TEXT_LIMITS.url, 'url')}
        {field('accessibilityStatementUrl', 'text', TEXT_LIMITS.url, 'url')}
      </fieldset>
      <SubmitButton label={t('save')} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}
