import 'server-only';
import { phaseAllows } from '@/lib/consultation-phases';
import type { Actor } from '@/lib/server/actor';
import { DomainError, isDomainError } from '@/lib/server/errors';
import { audit } from '@/lib/server/audit';
import { db } from '@/lib/server/db';
import { storePdf } from '@/lib/server/file-storage';
import { authorize, deny } from '@/lib/server/policy';
import { lockDraftForSubmission, type ResponseKey } from '@/lib/server/responses/access';
import { deliverReceipt } from '@/lib/server/responses/receipt';
import { freezeSubmission } from '@/lib/server/responses/submission';
import type { Stance } from '@/lib/generated/prisma/enums';

export interface RegisteredResponseInput {
  channel: 'EMAIL' | 'LETTER';
  receivedAt: Date;
  generalRemarks: string;
  publicationConsent: boolean;
  answers: { proposalId: string; stance: Stance | null; comment: string }[];
  original: { name: string; bytes: Uint8Array };
}

/**
 * Staff register a response that arrived by e-mail or letter on the organisation's behalf: the
 * original is attached, the response is marked as registered by staff and submitted with a receipt
 * like any other. Deadlines are not checked here: staff judge whether the letter arrived in time.
 */
export async function registerResponse(actor: Actor, key: ResponseKey, input: RegisteredResponseInput): Promise<{ receiptNumber: string; version: number }> {
  await authorize(actor, 'response.register', { object: { type: 'Organisation', id: key.organisationId } });
  const frozen = await storePdf(input.original, (original) =>
    db.$transaction(async (tx) => {
      const party = await tx.consultationParty.findUnique({ where: { consultationId_organisationId: key }, include: { consultation: true, organisation: true } });
      if (!party) throw new DomainError('response.notConsulted');
      if (!phaseAllows('registration', party.consultation.status)) throw new DomainError('consultation.wrongPhase');
      // Staff read "the organisation has submitted already", not the party's "reopen it to change it".
      const response = await lockDraftForSubmission(key, tx).catch((error: unknown) => {
        throw isDomainError(error, 'response.submitted') ? new DomainError('consultation.submitted') : error;
      });
      const staff = actor.kind === 'user' ? await tx.user.findUnique({ where: { id: actor.userId }, select: { id: true, name: true, email: true } }) : null;

      const proposalIds = input.answers.map((a) => a.proposalId);
      const known = await tx.proposal.count({ where: { id: { in: proposalIds }, budgetId: party.consultation.budgetId } });
      if (known !== new Set(proposalIds).size) return deny(actor, 'response.register', { type: 'Consultation', id: key.consultationId });

      await tx.response.update({
        where: { id: response.id },
        data: { generalRemarks: input.generalRemarks, publicationConsent: input.publicationConsent, namesConsent: false, channel: input.channel, receivedAt: input.receivedAt, registeredById: staff?.id, updatedById: staff?.id },
      });
      for (const answer of input.answers) {
        const data = { stance: answer.stance, comment: answer.comment, confidential: false, updatedById: staff?.id };
        await tx.answer.upsert({
          where: { responseId_proposalId: { responseId: response.id, proposalId: answer.proposalId } },
          create: { responseId: response.id, proposalId: answer.proposalId, version: 1, ...data },
          update: { ...data, version: { increment: 1 } },
        });
      }
      await tx.attachment.create({ data: { responseId: response.id, ...original, uploadedById: staff?.id } });
      await audit(actor, { action: 'response.register', objectType: 'Response', objectId: response.id, after: { channel: input.channel, receivedAt: input.receivedAt.toISOString(), original: original.fileName, answers: input.answers.length } }, tx);
      const submission = await freezeSubmission(actor, response.id, staff, tx);
      return { submission, organisationName: party.organisation.name, consultationTitle: party.consultation.title };
    }),
  );
  return deliverReceipt(key.organisationId, frozen);
}
