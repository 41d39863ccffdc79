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
function createSaver<T>(initial: T, initialVersion: number, save: Save<T>, report: (status: AutosaveStatus) => void) {
  let version = initialVersion;
  let latest = initial;
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retryDelay = 1000;

  const schedule = (delay = DEBOUNCE_MS) => {
    clearTimeout(timer);
    dirty = true;
    timer = setTimeout(() => void flush(), delay);
  };

  async function flush() {
    if (!dirty) return;
    dirty = false;
    const sent = latest;
    report({ kind: 'saving' });
    let result: AutosaveResult;
    try {
      result = await save(sent, version);
    } catch {
      report({ kind: 'offline' });
      schedule(retryDelay);
      retryDelay = Math.min(retryDelay * 2, MAX_RETRY_MS);
      return;
    }
    retryDelay = 1000;
    if (result.ok) {
      version = result.version;
      report({ kind: 'saved', editedBy: result.editedBy });
      // Typing went on while this save was under way: save the newer value too.
      if (latest !== sent) schedule();
    } else if ('conflict' in result) {
      report({ kind: 'conflict', theirs: result.conflict.text, version: result.conflict.version, editedBy: result.conflict.editedBy });
    } else {
      dirty = true;
      report({ kind: 'error', message: result.error, params: result.params });
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
    /** Conflict resolution: take their saved value. */
    keepTheirs(theirs: T) {
      if (status.kind !== 'conflict') return;
      saver.resolve(status.version, theirs, false);
      setValue(theirs);
      setStatus({ kind: 'saved', editedBy: status.editedBy });
    },
  };
}
