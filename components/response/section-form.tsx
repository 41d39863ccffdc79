'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { SectionState } from '@/app/responses/sections/actions';
import { idle } from '@/lib/form-state';
import { useHydrated } from './response-orientation';
import { useAutosave, type AutosaveStatus, type Save } from './use-autosave';

type SectionAction = (state: SectionState, data: FormData) => Promise<SectionState>;

/**
 * One section of the response form (an answer, the general remarks), autosaved in the browser and
 * a plain form without JavaScript. After a post without JavaScript the page renders afresh, so
 * the field starts from the action's result: a conflict (their text, and mine kept), a refusal
 * (mine kept, with the message), or "Gemt" when the save came back to this section.
 */
export function useSectionAutosave<T>(options: {
  action: SectionAction;
  saved: T;
  version: number;
  /** The typed value, from the form's fields as the action got them. */
  read: (values: Record<string, string>) => T;
  justSaved: boolean;
  save: Save<T>;
}) {
  const [state, formAction] = useActionState<SectionState, FormData>(options.action, idle);
  const start = startOf(state, options);
  const field = useAutosave(start.value, start.version, options.save, start.status);
  return { ...field, formAction, version: start.version };
}

function startOf<T>(state: SectionState, { saved, version, read, justSaved }: { saved: T; version: number; read: (values: Record<string, string>) => T; justSaved: boolean }) {
  if (state.status !== 'error') return { value: saved, version, status: (justSaved ? { kind: 'saved', editedBy: null } : { kind: 'idle' }) as AutosaveStatus };
  const value = read(state.values);
  if ('conflict' in state) {
    const { text, version: theirVersion, editedBy } = state.conflict;
    return { value, version: theirVersion, status: { kind: 'conflict', theirs: text, version: theirVersion, editedBy } as AutosaveStatus };
  }
  const [field] = Object.keys(state.fieldErrors);
  const message = field ? state.fieldErrors[field]! : (state.formError ?? 'forms.unexpected');
  return { value, version, status: { kind: 'error', message, params: field ? state.fieldParams?.[field] : state.params } as AutosaveStatus };
}

/**
 * The section's form: the keys, the version the member saw and the anchor to return to. With
 * JavaScript the fields save themselves, so the form is never sent and the button is not shown.
 */
export function SectionForm(props: {
  action: (data: FormData) => void;
  keys: { consultationId: string; organisationId: string };
  anchor: string;
  version: number;
  disabled: boolean;
  /** A conflict is shown: its own buttons choose, so the form's button is not offered beside them. */
  choosing: boolean;
  fields?: Record<string, string>;
  children: React.ReactNode;
}) {
  const t = useTranslations('responses');
  const hydrated = useHydrated();
  const hidden = { consultationId: props.keys.consultationId, organisationId: props.keys.organisationId, section: props.anchor, expectedVersion: String(props.version), ...props.fields };
  return (
    <form action={props.action} onSubmit={hydrated ? (event) => event.preventDefault() : undefined} noValidate>
      {Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      {props.children}
      {!hydrated && !props.disabled && !props.choosing && (
        <button type="submit" name="intent" value="save" className="button button-secondary button-small mt-2">{t('saveSection')}</button>
      )}
    </form>
  );
}
