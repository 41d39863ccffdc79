'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { useHydrated } from './response-orientation';

/**
 * A textarea that says its limit and what happens there. With JavaScript typing stops at the
 * limit and a paste that does not fit is refused with a message, never cut; without it nothing
 * is cut either: the server refuses a text that is too long and gives it back with the message.
 */
interface Props {
  id: string;
  name: string;
  label: string;
  value: string;
  maxLength: number;
  rows: number;
  disabled: boolean;
  onChange: (value: string) => void;
  /** The server's message for this field (already translated). */
  error?: string;
}

export function LimitedTextarea(props: Props) {
  const t = useTranslations('responses');
  const hydrated = useHydrated();
  const [refusedPaste, setRefusedPaste] = useState<{ pasted: number; room: number } | null>(null);
  const count = props.value.length;
  const max = props.maxLength;
  let counter = t('characterLimit', { max });
  if (count > max) counter = t('characterOver', { count, max, over: count - max });
  else if (hydrated) counter = count === max ? t('characterLimitReached', { max }) : t('characterCount', { count, max });

  function paste(event: React.ClipboardEvent<HTMLTextAreaElement>) {
    const { selectionStart, selectionEnd } = event.currentTarget;
    const pasted = event.clipboardData.getData('text/plain').replace(/\r\n/g, '\n').length;
    const room = max - count + (selectionEnd - selectionStart);
    if (pasted <= room) return setRefusedPaste(null);
    event.preventDefault();
    setRefusedPaste({ pasted, room: Math.max(room, 0) });
  }

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={props.id} className="text-sm font-medium">{props.label}</label>
      {props.error && <p id={`${props.id}-error`} className="form-error-message">{props.error}</p>}
      <textarea
        id={props.id}
        name={props.name}
        rows={props.rows}
        // Without JavaScript the browser would cut a long paste silently; the server says it instead.
        maxLength={hydrated ? max : undefined}
        value={props.value}
        disabled={props.disabled}
        aria-invalid={count > max || props.error ? true : undefined}
        aria-describedby={[props.error && `${props.id}-error`, `${props.id}-count`, refusedPaste && `${props.id}-paste`].filter(Boolean).join(' ')}
        onPaste={paste}
        onChange={(event) => {
          setRefusedPaste(null);
          props.onChange(event.target.value);
        }}
        className="rounded border border-slate-500 p-2 disabled:bg-slate-100"
      />
      <p id={`${props.id}-count`} className={`text-xs ${count > max ? 'font-medium text-red-800' : 'text-slate-700'}`} data-character-count>{counter}</p>
      {refusedPaste && (
        <p id={`${props.id}-paste`} role="alert" className="form-error-message" data-paste-refused>
          {t('pasteTooLong', refusedPaste)}
        </p>
      )}
    </div>
  );
}

/** The same for a field of an ordinary form (no autosave): its text is kept here only for the count. */
export function LimitedTextField(props: Omit<Props, 'value' | 'onChange' | 'disabled'> & { defaultValue: string }) {
  const { defaultValue, ...rest } = props;
  const [value, setValue] = useState(defaultValue);
  return <LimitedTextarea {...rest} value={value} disabled={false} onChange={setValue} />;
}
