import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AutosaveResult } from '@/app/responses/actions';
import { createSaver, type AutosaveStatus } from './use-autosave';

afterEach(() => vi.useRealTimers());

/** A saver whose saves answer when the test says so. */
function saverWithPendingSaves(initial = 'gemt') {
  const answers: ((result: AutosaveResult) => void)[] = [];
  const save = vi.fn(() => new Promise<AutosaveResult>((resolve) => answers.push(resolve)));
  const statuses: AutosaveStatus[] = [];
  const saver = createSaver(initial, 1, save, (status) => statuses.push(status));
  return { saver, save, answers, statuses };
}

describe('the saver and another member’s saves', () => {
  it('takes another member’s newer version only when nothing here is unsaved', async () => {
    vi.useFakeTimers();
    const { saver, answers } = saverWithPendingSaves();
    expect(saver.remote(1)).toBe('stale');
    expect(saver.remote(2)).toBe('clean');
    saver.change('min tekst');
    expect(saver.remote(2)).toBe('dirty');
    await vi.advanceTimersByTimeAsync(1000);
    expect(saver.remote(2)).toBe('busy');
    answers[0]!({ ok: true, version: 2, editedBy: 'Karen' });
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.remote(2)).toBe('stale');
    expect(saver.remote(3)).toBe('clean');
  });

  it('knows what is not saved, and forgets it once saved or replaced by theirs', async () => {
    vi.useFakeTimers();
    const { saver, answers } = saverWithPendingSaves();
    expect(saver.unsaved()).toBeNull();
    saver.change('utkast');
    expect(saver.unsaved()).toEqual({ mine: 'utkast', saved: 'gemt' });
    await vi.advanceTimersByTimeAsync(1000);
    answers[0]!({ ok: true, version: 2, editedBy: null });
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.unsaved()).toBeNull();
    saver.resolve(3, 'deres', false);
    expect(saver.unsaved()).toBeNull();
  });

  it('sends nothing once frozen and keeps the unsaved text, reporting no late failure', async () => {
    vi.useFakeTimers();
    const { saver, save, answers, statuses } = saverWithPendingSaves();
    saver.change('første');
    await vi.advanceTimersByTimeAsync(1000);
    saver.change('første og anden');
    saver.freeze();
    answers[0]!({ ok: false, error: 'responses.errors.submitted' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(saver.unsaved()).toEqual({ mine: 'første og anden', saved: 'gemt' });
    expect(statuses.map((s) => s.kind)).toEqual(['saving']);
  });
});
