'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { fieldError, type FormState, type MessageParams } from '@/lib/form-state';

// Shared pieces of the app's forms: labelled fields that show their error, keep what was
// typed after a failed submit, and a status line for the whole form.

const inputClass = 'form-input';

function fieldState(state: FormState, name: string) {
  return { error: fieldError(state, name), value: state.status === 'error' ? state.values[name] : undefined };
}

/** DKFDS form group: label, hint, error message and control, wired together for screen readers. */
function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: { key: string; params: MessageParams }; children: React.ReactNode }) {
  const t = useTranslations();
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <label htmlFor={id} className="form-label">{label}</label>
      {hint && <p id={`${id}-hint`} className="form-hint">{hint}</p>}
      {error && <p id={`${id}-error`} className="form-error-message">{t(error.key, error.params)}</p>}
      {children}
    </div>
  );
}

const describedBy = (id: string, error?: unknown, hint?: string) => {
  const ids = [hint && `${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { ...(error ? { 'aria-invalid': true } : {}), ...(ids && { 'aria-describedby': ids }) };
};

interface SummaryEntry {
  id: string;
  text: string;
}

/** The invalid fields of a form, read from its rendered labels and error messages. */
function invalidFields(form: HTMLFormElement): SummaryEntry[] {
  return [...form.querySelectorAll<HTMLElement>('[aria-invalid="true"][id]')].map((control) => {
    const label = (control as HTMLInputElement).labels?.[0]?.textContent ?? control.getAttribute('aria-label') ?? '';
    const errorId = control.getAttribute('aria-describedby')?.split(' ').find((id) => id.endsWith('-error'));
    const message = (errorId && document.getElementById(errorId)?.textContent) || '';
    return { id: control.id, text: `${label}: ${message}` };
  });
}

/**
 * DKFDS error summary at the top of a failed form: one link per invalid field, named
 * "Label: message" so that it is told apart from the message beside the field.
 */
export function ErrorSummary({ state }: { state: FormState }) {
  const t = useTranslations('forms');
  const ref = useRef<HTMLDivElement>(null);
  const [entries, setEntries] = useState<SummaryEntry[]>([]);
  const failed = state.status === 'error' && Object.keys(state.fieldErrors).length > 0;
  useEffect(() => {
    const form = ref.current?.closest('form');
    setEntries(failed && form ? invalidFields(form) : []);
  }, [state, failed]);
  return (
    <div ref={ref} role="alert" className={entries.length ? 'alert alert-error error-summary basis-full' : 'hidden'}>
      {entries.length > 0 && (
        <>
          <p className="alert-heading">{t('errorSummaryTitle')}</p>
          <p>{t('errorSummaryIntro')}</p>
          <ul>
            {entries.map((entry) => (
              <li key={entry.id}>
                <a
                  href={`#${entry.id}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(entry.id)?.focus();
                  }}
                >
                  {entry.text}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function TextField(props: { form: string; name: string; label: string; hint?: string; state: FormState; type?: 'text' | 'email' | 'date'; maxLength?: number; autoComplete?: string; defaultValue?: string }) {
  const id = `${props.form}-${props.name}`;
  const { error, value } = fieldState(props.state, props.name);
  return (
    <Field id={id} label={props.label} hint={props.hint} error={error}>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        maxLength={props.maxLength}
        autoComplete={props.autoComplete}
        defaultValue={value ?? props.defaultValue ?? ''}
        key={value}
        {...describedBy(id, error, props.hint)}
        className={inputClass}
      />
    </Field>
  );
}

export function TextAreaField(props: { form: string; name: string; label: string; hint?: string; state: FormState; rows?: number; maxLength?: number; defaultValue?: string }) {
  const id = `${props.form}-${props.name}`;
  const { error, value } = fieldState(props.state, props.name);
  return (
    <Field id={id} label={props.label} hint={props.hint} error={error}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        maxLength={props.maxLength}
        defaultValue={value ?? props.defaultValue ?? ''}
        key={value}
        {...describedBy(id, error, props.hint)}
        className={inputClass}
      />
    </Field>
  );
}

export function SelectField(props: { form: string; name: string; label: string; hint?: string; state: FormState; options: { value: string; label: string }[]; defaultValue?: string }) {
  const id = `${props.form}-${props.name}`;
  const { error, value } = fieldState(props.state, props.name);
  return (
    <Field id={id} label={props.label} hint={props.hint} error={error}>
      <select id={id} name={props.name} defaultValue={value ?? props.defaultValue} key={value} {...describedBy(id, error, props.hint)} className="form-select">
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
    </Field>
  );
}

/** A Copenhagen wall-clock time (the server reads it in Europe/Copenhagen). */
export function DateTimeField(props: { form: string; name: string; label: string; hint?: string; state: FormState; defaultValue?: string }) {
  const id = `${props.form}-${props.name}`;
  const { error, value } = fieldState(props.state, props.name);
  return (
    <Field id={id} label={props.label} hint={props.hint} error={error}>
      <input id={id} name={props.name} type="datetime-local" defaultValue={value ?? props.defaultValue ?? ''} key={value} {...describedBy(id, error, props.hint)} className={inputClass} />
    </Field>
  );
}

export function FileField(props: { form: string; name: string; label: string; hint?: string; state: FormState; accept?: string }) {
  const id = `${props.form}-${props.name}`;
  const { error } = fieldState(props.state, props.name);
  return (
    <Field id={id} label={props.label} hint={props.hint} error={error}>
      <input id={id} name={props.name} type="file" accept={props.accept ?? 'application/pdf,.pdf'} {...describedBy(id, error, props.hint)} />
    </Field>
  );
}

export function FormStatus({ state }: { state: FormState }) {
  const t = useTranslations();
  if (state.status === 'success') return <p role="status" className="alert alert-success">{t(state.message, state.params)}</p>;
  if (state.status === 'error' && state.formError) return <p role="alert" className="alert alert-error">{t(state.formError, state.params)}</p>;
  return null;
}

/** `name` and `value` tell the action which of a form's buttons was pressed. */
export function SubmitButton({ label, pending, name, value }: { label: string; pending: boolean; name?: string; value?: string }) {
  return (
    <button type="submit" name={name} value={value} disabled={pending} className="button button-primary self-start">
      {label}
    </button>
  );
}
