'use client';

import { useEffect, useState } from 'react';
import type { AutosaveResult } from '@/app/responses/actions';
import type { MessageParams } from '@/lib/form-state';

export type AutosaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; editedBy: string | null }
  | { kind: 'offline' }
  | { kind: 'error'; message: string; params?: MessageParams }
  | { kind: 'conflict'; theirs: string; version: number; editedBy: string | null };

const DEBOUNCE_MS = 800;
const MAX_RETRY_MS = 30_000;

export type Save<T> = (value: T, expectedVersion: number) => Promise<AutosaveResult>;

/**
 * The saving loop, outside React: saves shortly after the last change; a failed request (the
 * connection dropped) keeps the value and retries with growing pauses; a conflict stops and is
 * reported. The version sent is always the one this browser last saw, so nothing is overwritten silently.
 */
export function createSaver<T>(initial: T, initialVersion: number, save: Save<T>, report: (status: AutosaveStatus) => void) {
  let version = initialVersion;
  let latest = initial;
  /** The value the server holds as far as this browser knows: what is not yet saved differs from it. */
  let saved = initial;
  let dirty = false;
  let inFlight = false;
  // Once the form is read-only nothing more is sent, and a late failure is not shown: the form says why it closed.
  let frozen = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retryDelay = 1000;

  const schedule = (delay = DEBOUNCE_MS) => {
    if (frozen) return;
    clearTimeout(timer);
    dirty = true;
    timer = setTimeout(() => void flush(), delay);
  };

  async function flush() {
    if (!dirty || frozen) return;
    dirty = false;
    const sent = latest;
    report({ kind: 'saving' });
    let result: AutosaveResult;
    inFlight = true;
    try {
      result = await save(sent, version);
    } catch {
      inFlight = false;
      dirty = true;
      if (frozen) return;
      report({ kind: 'offline' });
      schedule(retryDelay);
      retryDelay = Math.min(retryDelay * 2, MAX_RETRY_MS);
      return;
    }
    inFlight = false;
    retryDelay = 1000;
    if (result.ok) {
      version = result.version;
      saved = sent;
      report({ kind: 'saved', editedBy: result.editedBy });
      // Typing went on while this save was under way: save the newer value too.
      if (latest !== sent) schedule();
    } else if ('conflict' in result) {
      report({ kind: 'conflict', theirs: result.conflict.text, version: result.conflict.version, editedBy: result.conflict.editedBy });
    } else {
      dirty = true;
      if (!frozen) report({ kind: 'error', message: result.error, params: result.params });
    }
  }

  return {
    change(next: T) {
      latest = next;
      schedule();
    },
    /** After a conflict: build on their saved version, with `value` as what to keep. */
    resolve(theirVersion: number, value: T, saveAgain: boolean) {
      version = theirVersion;
      latest = value;
      if (saveAgain) schedule(0);
      else saved = value;
    },
    /**
     * Another member saved `theirVersion`: 'stale' when this browser has it already, 'clean'
     * when nothing here is unsaved (take theirs with resolve), 'busy' when a save is under way
     * (its answer tells), 'dirty' when unsaved text here would be overwritten.
     */
    remote(theirVersion: number): 'stale' | 'clean' | 'busy' | 'dirty' {
      if (theirVersion <= version) return 'stale';
      if (inFlight) return 'busy';
      return dirty || latest !== saved ? 'dirty' : 'clean';
    },
    /** What this browser holds that the server does not, with the value it was based on. */
    unsaved(): { mine: T; saved: T } | null {
      return latest !== saved || dirty || inFlight ? { mine: latest, saved } : null;
    },
    freeze() {
      frozen = true;
      clearTimeout(timer);
    },
    dispose() {
      clearTimeout(timer);
    },
  };
}

/**
 * `save` is taken once, at the first render: pass a function that does not change. A form sent
 * without JavaScript may start the field with its result (`initialStatus`: saved, conflict, refused).
 */
export function useAutosave<T>(initial: T, initialVersion: number, save: Save<T>, initialStatus: AutosaveStatus = { kind: 'idle' }) {
  const [value, setValue] = useState(initial);
  const [status, setStatus] = useState<AutosaveStatus>(initialStatus);
  const [saver] = useState(() => createSaver<T>(initial, initialVersion, save, setStatus));
  useEffect(() => () => saver.dispose(), [saver]);

  return {
    value,
    status,
    change(next: T) {
      setValue(next);
      if (status.kind !== 'conflict') setStatus({ kind: 'idle' });
      saver.change(next);
    },
    /** Conflict resolution: save mine over theirs, knowingly. */
    keepMine() {
      if (status.kind === 'conflict') saver.resolve(status.version, value, true);
    },
    /** Another member's save, from the live channel: shown if nothing here is unsaved, else the conflict dialogue. */
    applyRemote(theirs: T, theirVersion: number, editedBy: string | null, theirText: string) {
      const state = saver.remote(theirVersion);
      if (state === 'clean') {
        saver.resolve(theirVersion, theirs, false);
        setValue(theirs);
        setStatus({ kind: 'saved', editedBy });
      } else if (state === 'dirty') {
        setStatus({ kind: 'conflict', theirs: theirText, version: theirVersion, editedBy });
      }
    },
    unsaved: () => saver.unsaved(),
    /** The form turned read-only: stop saving, keep the value on screen. */
    freeze() {
      saver.freeze();
      setStatus({ kind: 'idle' });
    },
    /** Conflict resolution: take their saved value. */
    keepTheirs(theirs: T) {
      if (status.kind !== 'conflict') return;
      saver.resolve(status.version, theirs, false);
      setValue(theirs);
      setStatus({ kind: 'saved', editedBy: status.editedBy });
    },
  };
}
