import { redirect } from 'next/navigation';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { requiredText, text } from '@/lib/form-schemas';
import { DomainError } from '@/lib/server/errors';
import { formAction } from '@/lib/server/form-action';

const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock('next/cache', () => ({ revalidatePath }));
vi.mock('@/lib/server/session', () => ({ currentActor: async () => ({ kind: 'anonymous' }) }));

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

const schema = z.object({
  title: requiredText(10),
  note: text(5),
  count: z.coerce.number().int().min(1).max(9),
  colour: z.enum(['red', 'blue']),
  email: z.email(),
  code: z.string().regex(/^[A-Z]+$/, { error: 'staff.committeeCodeFormat' }),
});
const valid = { title: 'Titel', note: 'kort', count: '3', colour: 'red', email: 'a@example.test', code: 'OU' };

const run = vi.fn();
const action = formAction(schema, run, { fields: { pdf: 'file' }, revalidate: () => ['/a', { path: '/b', type: 'layout' }], success: 'forms.saved' });

beforeEach(() => {
  run.mockReset();
  revalidatePath.mockReset();
});

describe('formAction', () => {
  it('gives every field its own message, with the limit a text broke, and keeps what was typed', async () => {
    const typed = { title: ' ', note: 'alt for lang', count: 'tre', colour: 'green', email: 'nej', code: 'ab' };
    const state = await action({ status: 'idle' }, form({ ...typed, $ACTION_ID_x: '' }));
    expect(state).toEqual({
      status: 'error',
      fieldErrors: { title: 'forms.required', note: 'forms.tooLong', count: 'forms.invalidNumber', colour: 'forms.invalidChoice', email: 'forms.invalidEmail', code: 'staff.committeeCodeFormat' },
      fieldParams: { note: { max: 5 } },
      values: typed,
    });
    expect(run).not.toHaveBeenCalled();
  });

  it('names a missing field as required and a number out of range with its bound', async () => {
    const state = await action({ status: 'idle' }, form({ ...valid, count: '12', title: '' }));
    expect(state).toMatchObject({ fieldErrors: { title: 'forms.required', count: 'forms.tooLarge' }, fieldParams: { count: { max: 9 } } });
    const withoutEmail = Object.fromEntries(Object.entries(valid).filter(([name]) => name !== 'email'));
    expect(await action({ status: 'idle' }, form(withoutEmail))).toMatchObject({ fieldErrors: { email: 'forms.required' } });
  });

  it('runs with the parsed input and the actor, revalidates and reports success', async () => {
    run.mockResolvedValue(undefined);
    expect(await action({ status: 'idle' }, form({ ...valid, title: '  Titel  ' }))).toEqual({ status: 'success', message: 'forms.saved' });
    expect(run).toHaveBeenCalledWith({ ...valid, title: 'Titel', count: 3 }, expect.objectContaining({ actor: { kind: 'anonymous' } }));
    expect(revalidatePath.mock.calls).toEqual([['/a'], ['/b', 'layout']]);
  });

  it("shows a refusal's message with its figures, above the form or at the field of its group", async () => {
    run.mockRejectedValue(new DomainError('nameReview.passagesPending', { params: { count: 2 } }));
    expect(await action({ status: 'idle' }, form(valid))).toEqual({ status: 'error', formError: 'nameReview.errors.passagesPending', params: { count: 2 }, fieldErrors: {}, values: valid });
    run.mockRejectedValue(new DomainError('pdf.pdfJavaScript'));
    expect(await action({ status: 'idle' }, form(valid))).toEqual({ status: 'error', fieldErrors: { file: 'responses.pdfJavaScript' }, values: valid });
    run.mockRejectedValue(new DomainError('forbidden', { detail: 'consultation.update' }));
    expect(await action({ status: 'idle' }, form(valid))).toMatchObject({ formError: 'forms.forbidden' });
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it('answers anything else with the plain retry message and nothing of the error', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    run.mockRejectedValue(new TypeError('secret detail from /srv/app'));
    const state = await action({ status: 'idle' }, form(valid));
    expect(state).toEqual({ status: 'error', formError: 'forms.unexpected', fieldErrors: {}, values: valid });
    expect(JSON.stringify(state)).not.toContain('secret');
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });

  it('lets a redirect through, from the run or after success', async () => {
    run.mockImplementation(async () => redirect('/elsewhere'));
    await expect(action({ status: 'idle' }, form(valid))).rejects.toMatchObject({ digest: expect.stringContaining('NEXT_REDIRECT') });
    run.mockResolvedValue({ id: 'x1' });
    const redirecting = formAction(schema, run, { success: (created: { id: string }) => redirect(`/made/${created.id}`) });
    await expect(redirecting({ status: 'idle' }, form(valid))).rejects.toMatchObject({ digest: expect.stringContaining('/made/x1') });
  });

  it('shows one message for a form whose fields are all hidden', async () => {
    const hidden = formAction(z.object({ jobId: z.uuid() }), run, { invalid: 'forms.notFound', success: 'staff.mail.retried' });
    expect(await hidden({ status: 'idle' }, form({ jobId: 'x' }))).toEqual({ status: 'error', formError: 'forms.notFound', fieldErrors: {}, values: { jobId: 'x' } });
  });
});
