'use client';

import { useTranslations } from 'next-intl';
import { fieldError, type FormState, type MessageParams } from '@/lib/form-state';

// Shared pieces of the app's forms: labelled fields that show their error, keep what was
// typed after a failed submit, and a status line for the whole form.

const inputClass = 'rounded border border-slate-500 bg-white px-2 py-1';

function fieldState(state: FormState, name: string) {
  return { error: fieldError(state, name), value: state.status === 'error' ? state.values[name] : undefined };
}

/** Label, control and error message, wired together for screen readers. */
function Field({ id, label, error, children }: { id: string; label: string; error?: { key: string; params: MessageParams }; children: React.ReactNode }) {
  const t = useTranslations();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
      {children}
      {error && <p id={`${id}-error`} className="text-sm text-red-800">{t(error.key, error.params)}</p>}
    </div>
  );
}

const describedBy = (id: string, error?: unknown) => (error ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {});

export function TextField(props: { form: string; name: string; label: string; state: FormState; type?: 'text' | 'email'; maxLength?: number; autoComplete?: string; defaultValue?: string }) {
  const id = `${props.form}-${props.name}`;
  const { error, value } = fieldState(props.state, props.name);
  return (
    <Field id={id} label={props.label} error={error}>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        maxLength={props.maxLength}
        autoComplete={props.autoComplete}
        defaultValue={value ?? props.defaultValue ?? ''}
        key={value}
        {...describedBy(id, error)}
        className={inputClass}
      />
    </Field>
  );
}

export function TextAreaField(props: { form: string; name: string; label: string; state: FormState; rows?: number; maxLength?: number; defaultValue?: string }) {
  const id = `${props.form}-${props.name}`;
  const { error, value } = fieldState(props.state, props.name);
  return (
    <Field id={id} label={props.label} error={error}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        maxLength={props.maxLength}
        defaultValue={value ?? props.defaultValue ?? ''}
        key={value}
        {...describedBy(id, error)}
        className={`${inputClass} p-2`}
      />
    </Field>
  );
}

export function SelectField(props: { form: string; name: string; label: string; state: FormState; options: { value: string; label: string }[]; defaultValue?: string }) {
  const id = `${props.form}-${props.name}`;
  const { error, value } = fieldState(props.state, props.name);
  return (
    <Field id={id} label={props.label} error={error}>
      <select id={id} name={props.name} defaultValue={value ?? props.defaultValue} key={value} {...describedBy(id, error)} className={inputClass}>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
    </Field>
  );
}

/** A Copenhagen wall-clock time (the server reads it in Europe/Copenhagen). */
export function DateTimeField(props: { form: string; name: string; label: string; state: FormState; defaultValue?: string }) {
  const id = `${props.form}-${props.name}`;
  const { error, value } = fieldState(props.state, props.name);
  return (
    <Field id={id} label={props.label} error={error}>
      <input id={id} name={props.name} type="datetime-local" defaultValue={value ?? props.defaultValue ?? ''} key={value} {...describedBy(id, error)} className={inputClass} />
    </Field>
  );
}

export function FileField(props: { form: string; name: string; label: string; state: FormState; accept?: string }) {
  const id = `${props.form}-${props.name}`;
  const { error } = fieldState(props.state, props.name);
  return (
    <Field id={id} label={props.label} error={error}>
      <input id={id} name={props.name} type="file" accept={props.accept ?? 'application/pdf,.pdf'} {...describedBy(id, error)} />
    </Field>
  );
}

export function FormStatus({ state }: { state: FormState }) {
  const t = useTranslations();
  if (state.status === 'success') return <p role="status" className="text-green-800">{t(state.message, state.params)}</p>;
  if (state.status === 'error' && state.formError) return <p role="alert" className="text-red-800">{t(state.formError, state.params)}</p>;
  return null;
}

/** `name` and `value` tell the action which of a form's buttons was pressed. */
export function SubmitButton({ label, pending, name, value }: { label: string; pending: boolean; name?: string; value?: string }) {
  return (
    <button type="submit" name={name} value={value} disabled={pending} className="self-start rounded bg-brand px-4 py-1.5 font-medium text-white hover:bg-slate-800 disabled:opacity-70">
      {label}
    </button>
  );
}
