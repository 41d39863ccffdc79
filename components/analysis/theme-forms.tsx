'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { deleteThemeAction, saveThemeAction, suggestionsAction } from '@/app/staff/consultations/[id]/analysis/themes/actions';
import { HighlightedText } from '@/components/highlighted-text';
import { StanceMark } from '@/components/insight/stance';
import { idle, type FormState } from '@/lib/form-state';
import { TEXT_LIMITS } from '@/lib/limits';
import type { Stance } from '@/lib/insight/aggregate';
import { ErrorSummary, FormStatus, SubmitButton, TextAreaField, TextField } from '../form-fields';

// Staff's forms for a consultation's themes and a theme's suggested tags.

interface ThemeFormProps {
  consultationId: string;
  /** Absent for a new theme. */
  theme?: { id: string; name: string; description: string; keywords: string[] };
}

export function ThemeForm({ consultationId, theme }: ThemeFormProps) {
  const t = useTranslations('themes');
  const [state, action, pending] = useActionState<FormState, FormData>(saveThemeAction, idle);
  const form = `theme-${theme?.id ?? 'new'}`;
  return (
    <form action={action} className="flex max-w-3xl flex-col gap-2">
      <ErrorSummary state={state} />
      <input type="hidden" name="consultationId" value={consultationId} />
      <input type="hidden" name="themeId" value={theme?.id ?? ''} />
      <TextField form={form} name="name" label={t('name')} state={state} maxLength={TEXT_LIMITS.themeName} defaultValue={theme?.name} />
      <TextAreaField form={form} name="description" label={t('description')} state={state} rows={2} maxLength={TEXT_LIMITS.themeDescription} defaultValue={theme?.description} />
      <TextAreaField form={form} name="keywords" label={t('keywords')} hint={t('keywordsHint')} state={state} rows={3} maxLength={TEXT_LIMITS.themeKeywords} defaultValue={theme?.keywords.join('\n')} />
      <SubmitButton label={theme ? t('save') : t('create')} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}

export function DeleteThemeForm({ consultationId, themeId }: { consultationId: string; themeId: string }) {
  const t = useTranslations('themes');
  const [state, action, pending] = useActionState<FormState, FormData>(deleteThemeAction, idle);
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="consultationId" value={consultationId} />
      <input type="hidden" name="themeId" value={themeId} />
      <p className="text-sm text-slate-700">{t('deleteHint')}</p>
      <button type="submit" disabled={pending} className="button button-secondary self-start">{t('delete')}</button>
      <FormStatus state={state} />
    </form>
  );
}

export interface SuggestionRow {
  key: string;
  organisation: string;
  proposal: { code: string; title: string } | null;
  stance: Stance | null;
  excerpt: string;
}

/** The suggestions with a checkbox each: confirm one, confirm the ticked ones, or dismiss them. */
export function SuggestionsForm({ consultationId, themeId, suggestions }: { consultationId: string; themeId: string; suggestions: SuggestionRow[] }) {
  const t = useTranslations('themes');
  const [state, action, pending] = useActionState<FormState, FormData>(suggestionsAction, idle);
  return (
    <form action={action} className="flex max-w-4xl flex-col gap-3">
      <FormStatus state={state} />
      <input type="hidden" name="consultationId" value={consultationId} />
      <input type="hidden" name="themeId" value={themeId} />
      <ul className="flex flex-col gap-3">
        {suggestions.map((s) => (
          <li key={s.key} className="flex items-start gap-3 border-l-4 border-slate-300 pl-3">
            <input id={`suggestion-${s.key}`} type="checkbox" name="items" value={s.key} className="mt-1 h-5 w-5" aria-label={t('selectSuggestion', { organisation: s.organisation })} />
            <div className="min-w-0 flex-1">
              <p className="text-sm">
                <span className="font-semibold">{s.organisation}</span> · {s.proposal ? <><span className="font-mono">{s.proposal.code}</span> {s.proposal.title}</> : t('generalRemarks')}
                {s.proposal && <> · <StanceMark stance={s.stance ?? 'NONE'} /></>}
              </p>
              <p className="whitespace-pre-wrap"><HighlightedText headline={s.excerpt} /></p>
            </div>
            <button type="submit" name="one" value={s.key} disabled={pending} className="button button-secondary" aria-label={t('confirmOneLabel', { organisation: s.organisation })}>
              {t('confirmOne')}
            </button>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <SubmitButton label={t('confirmSelected')} pending={pending} name="intent" value="confirm" />
        <button type="submit" name="intent" value="dismiss" disabled={pending} className="button button-secondary">{t('dismissSelected')}</button>
      </div>
    </form>
  );
}
