// The response form's sections as plain forms (no JavaScript): the same saves and version checks
// as autosave, back to the section on success, both texts on a conflict, nothing cut or lost.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/server/actor';
import { db } from '@/lib/server/db';
import type { SectionState } from '@/app/responses/sections/actions';

const session = vi.hoisted(() => ({ actor: { kind: 'anonymous' } as Actor }));
vi.mock('@/lib/server/session', () => ({ currentActor: async () => session.actor, currentUser: async () => null }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
class Redirect extends Error {}
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new Redirect(url);
  },
}));

afterAll(() => db.$disconnect());

const actions = () => import('@/app/responses/sections/actions');
const idle: SectionState = { status: 'idle' };

/** A consultation of its own with one organisation, two members and one proposal. */
async function world() {
  const suffix = randomUUID().slice(0, 8);
  const budget = await db.budget.create({ data: { name: `Afsnit ${suffix}`, years: [2026] } });
  const list = await db.budgetList.create({ data: { budgetId: budget.id, name: 'Indarbejdes', position: 0, incorporated: true } });
  await db.committee.createMany({ data: [{ code: 'ØU' }], skipDuplicates: true });
  const proposal = await db.proposal.create({ data: { budgetId: budget.id, listId: list.id, committeeCode: 'ØU', code: 'ØU01', title: 'Forslag', summary: 'Resumé', position: 0 } });
  const consultation = await db.consultation.create({ data: { budgetId: budget.id, title: `Høring ${suffix}`, deadline: new Date(Date.now() + 86_400_000), status: 'OPEN' } });
  const organisation = await db.organisation.create({ data: { name: `Råd ${suffix}`, type: 'OTHER' } });
  await db.consultationParty.create({ data: { consultationId: consultation.id, organisationId: organisation.id } });
  const member = async (name: string): Promise<Actor> => {
    const user = await db.user.create({ data: { email: `sektion-${randomUUID()}@example.test`, name, role: 'PARTY_MEMBER' } });
    await db.membership.create({ data: { userId: user.id, organisationId: organisation.id, role: 'EDITOR' } });
    return { kind: 'user', userId: user.id, role: 'PARTY_MEMBER' };
  };
  const key = { consultationId: consultation.id, organisationId: organisation.id };
  return { key, proposalId: proposal.id, karen: await member('Karen Kristensen'), ole: await member('Ole Olsen'), page: `/responses/${key.consultationId}/${key.organisationId}` };
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/** Where the action redirected to, or its state when it did not. */
async function run(call: () => Promise<SectionState>): Promise<string | SectionState> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof Redirect) return error.message;
    throw error;
  }
}

describe('the response form without JavaScript', () => {
  it('saves the general remarks and goes back to them with "Gemt"; line breaks are stored as autosave stores them', async () => {
    const { key, karen, page } = await world();
    session.actor = karen;
    const { saveGeneralRemarksFormAction } = await actions();
    const result = await run(() => saveGeneralRemarksFormAction(idle, form({ ...key, section: 'general', expectedVersion: '0', text: 'Første linje\r\nAnden linje' })));
    expect(result).toBe(`${page}?saved=general#general`);
    const stored = await db.response.findUniqueOrThrow({ where: { consultationId_organisationId: key } });
    expect(stored).toMatchObject({ generalRemarks: 'Første linje\nAnden linje', generalRemarksVersion: 1 });
  });

  it('shows a conflict with both texts and keeps what was typed; keeping one’s own then saves it knowingly, taking theirs saves nothing', async () => {
    const { key, proposalId, karen, ole, page } = await world();
    const { saveAnswerFormAction } = await actions();
    const answer = (fields: Record<string, string>) => form({ ...key, proposalId, section: 'proposal-ØU01', stance: 'OPPOSE', ...fields });
    session.actor = karen;
    expect(await run(() => saveAnswerFormAction(idle, answer({ expectedVersion: '0', comment: 'Karens tekst' })))).toBe(`${page}?saved=proposal-%C3%98U01#proposal-%C3%98U01`);

    // Ole loaded the page before Karen saved.
    session.actor = ole;
    const conflict = await run(() => saveAnswerFormAction(idle, answer({ expectedVersion: '0', comment: 'Oles tekst', confidential: 'on' })));
    expect(conflict).toMatchObject({ status: 'error', values: { comment: 'Oles tekst', confidential: 'on' }, conflict: { text: 'Karens tekst', version: 1, editedBy: 'Karen Kristensen' } });

    expect(await run(() => saveAnswerFormAction(idle, answer({ expectedVersion: '1', comment: 'Oles tekst', intent: 'theirs' })))).toBe(`${page}#proposal-%C3%98U01`);
    expect(await db.answer.findFirstOrThrow({ where: { proposalId } })).toMatchObject({ comment: 'Karens tekst', version: 1 });

    expect(await run(() => saveAnswerFormAction(idle, answer({ expectedVersion: '1', comment: 'Oles tekst', intent: 'mine' })))).toBe(`${page}?saved=proposal-%C3%98U01#proposal-%C3%98U01`);
    expect(await db.answer.findFirstOrThrow({ where: { proposalId } })).toMatchObject({ comment: 'Oles tekst', stance: 'OPPOSE', confidential: false, version: 2 });
  });

  it('refuses a comment over the limit with the limit named, gives the whole text back and saves nothing', async () => {
    const { key, proposalId, karen } = await world();
    session.actor = karen;
    const { saveAnswerFormAction } = await actions();
    const long = 'x'.repeat(5001);
    const result = await run(() => saveAnswerFormAction(idle, form({ ...key, proposalId, section: 'proposal-ØU01', expectedVersion: '0', comment: long })));
    expect(result).toMatchObject({ status: 'error', fieldErrors: { comment: 'forms.tooLong' }, fieldParams: { comment: { max: 5000 } }, values: { comment: long } });
    expect(await db.answer.count({ where: { proposalId } })).toBe(0);
  });

  it('accepts only an anchor-like section to go back to', async () => {
    const { key, karen } = await world();
    session.actor = karen;
    const { saveGeneralRemarksFormAction } = await actions();
    const result = await run(() => saveGeneralRemarksFormAction(idle, form({ ...key, section: 'x?y=1#z', expectedVersion: '0', text: 'Tekst' })));
    expect(result).toMatchObject({ status: 'error', fieldErrors: { section: 'forms.invalid' } });
    expect(await db.response.count({ where: key })).toBe(0);
  });
});
