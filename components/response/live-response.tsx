'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { announceEditingAction } from '@/app/responses/live/actions';
import type { LiveEvent, SavedField } from '@/lib/live-events';

// The open form's live channel in the browser: others' saves appear, others' editing is
// marked, and a submission or the deadline turns the form read-only keeping unsaved text.

interface Keys {
  consultationId: string;
  organisationId: string;
}

/** What a field of the form gives the channel. */
export interface LiveFieldHandle {
  label: string;
  apply(saved: SavedField): void;
  /** The text typed here and not saved, if any. */
  unsavedText(): string | null;
  freeze(): void;
}

type Lock = { reason: 'submitted' | 'deadline'; name: string | null };
type Notice = { id: number; name: string | null; label: string };

interface LiveContext {
  register(field: string, handle: LiveFieldHandle): () => void;
  lock(reason: Lock['reason'], name?: string | null): void;
  focus(field: string | null): void;
  locked: Lock | null;
  unsaved: ReadonlyMap<string, string>;
  editing: ReadonlyMap<string, string | null>;
}

const Live = createContext<LiveContext | null>(null);

// A member's "editing" mark goes if neither a renewal nor a blur arrives meanwhile (a closed laptop).
const EDITING_TTL_MS = 75_000;
const EDITING_RENEW_MS = 30_000;
const MAX_TIMER_MS = 2 ** 31 - 1;
const NOTICES_SHOWN = 3;

function useLiveChannel(keys: Keys, deadline: string) {
  const router = useRouter();
  const fields = useRef(new Map<string, LiveFieldHandle>());
  const [locked, setLocked] = useState<Lock | null>(null);
  const [reopened, setReopened] = useState<string | null | undefined>(undefined);
  const [unsaved, setUnsaved] = useState<ReadonlyMap<string, string>>(new Map());
  const [editing, setEditing] = useState<ReadonlyMap<string, string | null>>(new Map());
  const [notices, setNotices] = useState<Notice[]>([]);
  const [connected, setConnected] = useState(false);
  const lockedRef = useRef(false);
  const expiries = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const lock = useCallback(
    (reason: Lock['reason'], name: string | null = null) => {
      if (lockedRef.current) return;
      lockedRef.current = true;
      const kept = new Map<string, string>();
      for (const [field, handle] of fields.current) {
        const text = handle.unsavedText();
        handle.freeze();
        if (text) kept.set(field, text);
      }
      setUnsaved(kept);
      setLocked({ reason, name });
      // The rest of the page (status, consent, attachments) follows from the server; the fields keep their text.
      router.refresh();
    },
    [router],
  );

  const setEditor = useCallback((field: string, name: string | null, on: boolean) => {
    const update = (present: boolean) =>
      setEditing((current) => {
        const next = new Map(current);
        if (present) next.set(field, name);
        else next.delete(field);
        return next;
      });
    clearTimeout(expiries.current.get(field));
    if (on) expiries.current.set(field, setTimeout(() => update(false), EDITING_TTL_MS));
    update(on);
  }, []);

  useEffect(() => {
    const source = new EventSource(`/api/responses/${keys.consultationId}/${keys.organisationId}/events`);
    const on = <E extends LiveEvent['event']>(event: E, handle: (data: Extract<LiveEvent, { event: E }>['data']) => void) =>
      source.addEventListener(event, (message) => handle(JSON.parse((message as MessageEvent<string>).data)));
    source.addEventListener('open', () => setConnected(true));
    source.addEventListener('error', () => setConnected(false));
    let noticeId = 0;
    on('saved', (saved) => {
      const field = fields.current.get(saved.field);
      field?.apply(saved);
      setNotices((current) => [{ id: ++noticeId, name: saved.editedBy, label: field?.label ?? saved.code ?? '' }, ...current].slice(0, NOTICES_SHOWN));
    });
    on('editing', ({ field, editing: on, name }) => setEditor(field, name, on));
    on('submitted', ({ name }) => lock('submitted', name));
    on('closed', () => lock('deadline'));
    on('reopened', ({ name }) => setReopened(name));
    return () => source.close();
  }, [keys.consultationId, keys.organisationId, lock, setEditor]);

  // The browser's own clock closes the form too, should the stream be down at the deadline.
  useEffect(() => {
    const left = new Date(deadline).getTime() - Date.now();
    if (left <= 0 || left > MAX_TIMER_MS) return;
    const timer = setTimeout(() => lock('deadline'), left);
    return () => clearTimeout(timer);
  }, [deadline, lock]);

  // Announce the focused field, renewed while it stays focused, and its end on blur.
  const [focused, setFocused] = useState<string | null>(null);
  useEffect(() => {
    if (!focused) return;
    const announce = (editing: boolean) => void announceEditingAction({ ...keys, field: focused, editing }).catch(() => undefined);
    announce(true);
    const renew = setInterval(() => announce(true), EDITING_RENEW_MS);
    return () => {
      clearInterval(renew);
      announce(false);
    };
  }, [focused, keys]);

  const register = useCallback((field: string, handle: LiveFieldHandle) => {
    fields.current.set(field, handle);
    return () => {
      if (fields.current.get(field) === handle) fields.current.delete(field);
    };
  }, []);

  const context = useMemo<LiveContext>(() => ({ register, lock, focus: setFocused, locked, unsaved, editing }), [register, lock, locked, unsaved, editing]);
  return { context, notices, reopened, connected };
}

/** Around the response form of a member: opens the live channel and shows its notices. */
export function LiveResponse({ keys, deadline, children }: { keys: Keys; deadline: string; children: React.ReactNode }) {
  const t = useTranslations('responses.live');
  const { context, notices, reopened, connected } = useLiveChannel(keys, deadline);
  const { locked, unsaved } = context;
  return (
    <Live.Provider value={context}>
      {locked && (
        <div role="alert" className="mt-2 rounded border-2 border-amber-700 bg-amber-50 p-3" data-live-locked={locked.reason}>
          <p className="font-semibold">{locked.reason === 'submitted' ? t('submittedBy', { name: locked.name ?? t('someone') }) : t('deadlinePassed')}</p>
          {unsaved.size > 0 && <p className="mt-1">{t('unsavedIntro')}</p>}
        </div>
      )}
      {reopened !== undefined && (
        <p role="status" className="mt-2 rounded bg-amber-100 p-2">
          {t('reopenedBy', { name: reopened ?? t('someone') })} <button type="button" onClick={() => window.location.reload()} className="button button-secondary button-small">{t('reload')}</button>
        </p>
      )}
      <div role="status" aria-live="polite" className="mt-2 text-sm text-slate-800" data-live-notices data-live-connected={connected || undefined}>
        {notices.map((notice) => (
          <p key={notice.id}>{t('changed', { name: notice.name ?? t('someone'), field: notice.label })}</p>
        ))}
      </div>
      {children}
    </Live.Provider>
  );
}

/** The refusals of a save that mean the whole form has closed meanwhile. */
const CLOSING_ERRORS: Record<string, Lock['reason']> = { 'responses.errors.submitted': 'submitted', 'responses.errors.deadlinePassed': 'deadline' };

interface AutosaveField<T> {
  value: T;
  status: { kind: string; message?: string };
  applyRemote(theirs: T, version: number, editedBy: string | null, theirText: string): void;
  unsaved(): { mine: T; saved: T } | null;
  freeze(): void;
}

/**
 * Connects one autosaved field to the live channel (a no-op outside LiveResponse). `textOf`
 * is the field's text (offered back when unsaved), `fromSaved` builds its value from another
 * member's save. Spread `focusProps` on the element around the field's inputs.
 */
export function useLiveField<T>(field: string, label: string, autosave: AutosaveField<T>, textOf: (value: T) => string, fromSaved: (saved: SavedField) => T) {
  const live = useContext(Live);
  const latest = useRef({ autosave, textOf, fromSaved });
  useEffect(() => {
    latest.current = { autosave, textOf, fromSaved };
  });
  useEffect(
    () =>
      live?.register(field, {
        label,
        apply: (saved) => latest.current.autosave.applyRemote(latest.current.fromSaved(saved), saved.version, saved.editedBy, saved.text),
        unsavedText: () => {
          const { autosave: current, textOf: text } = latest.current;
          const pending = current.unsaved();
          return pending && text(pending.mine).trim() && text(pending.mine) !== text(pending.saved) ? text(pending.mine) : null;
        },
        freeze: () => latest.current.autosave.freeze(),
      }),
    [live, field, label],
  );
  const closing = autosave.status.kind === 'error' ? CLOSING_ERRORS[autosave.status.message ?? ''] : undefined;
  useEffect(() => {
    if (closing) live?.lock(closing);
  }, [closing, live]);
  return {
    locked: Boolean(live?.locked),
    editingBy: live?.editing.has(field) ? (live.editing.get(field) ?? null) : undefined,
    unsaved: live?.unsaved.get(field) ?? null,
    focusProps: {
      onFocus: () => live?.focus(field),
      onBlur: (event: React.FocusEvent<HTMLElement>) => {
        if (!event.currentTarget.contains(event.relatedTarget)) live?.focus(null);
      },
    },
  };
}

export type LiveFieldState = ReturnType<typeof useLiveField>;
