import 'server-only';
import type { Actor } from '@/lib/server/actor';
import { DomainError } from '@/lib/server/errors';
import { audit } from '@/lib/server/audit';
import { db } from '@/lib/server/db';
import { authorize } from '@/lib/server/policy';

export async function listCommittees(actor: Actor) {
  await authorize(actor, 'committee.list');
  return db.committee.findMany({ orderBy: { code: 'asc' } });
}

/** Staff name a committee; an empty name shows the code again. */
export async function renameCommittee(actor: Actor, code: string, name: string | null): Promise<void> {
  await authorize(actor, 'committee.rename', { object: { type: 'Committee', id: code } });
  await db.$transaction(async (tx) => {
    const committee = await tx.committee.findUniqueOrThrow({ where: { code } });
    await tx.committee.update({ where: { code }, data: { name } });
    await audit(actor, { action: 'committee.rename', objectType: 'Committee', objectId: code, before: { name: committee.name }, after: { name } }, tx);
  });
}

/** Staff add a committee before any proposal names it, e.g. a new committee after an election. */
export async function createCommittee(actor: Actor, code: string, name: string | null): Promise<void> {
  await authorize(actor, 'committee.create', { object: { type: 'Committee', id: code } });
  await db.$transaction(async (tx) => {
    if (await tx.committee.findUnique({ where: { code } })) throw new DomainError('committee.duplicate');
    await tx.committee.create({ data: { code, name } });
    await audit(actor, { action: 'committee.create', objectType: 'Committee', objectId: code, after: { code, name } }, tx);
  });
}
