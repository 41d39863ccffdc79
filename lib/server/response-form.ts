import 'server-only';
import type { Actor } from '@/lib/server/actor';
import { flatLines, LINES_WITH_TYPES } from '@/lib/server/budget-lines';
import { groupLines, type CatalogueLine, type CommitteeLabel } from '@/lib/server/catalogue';
import { db } from '@/lib/server/db';
import { authorize } from '@/lib/server/policy';

export interface ProposalContext {
  summary: string;
  committee: CommitteeLabel;
  lines: CatalogueLine[];
}

/**
 * What the response form shows beside each answer so members need not leave it: the proposal's
 * summary, committee and amounts per kind and year, and the budget's years. Read like the form
 * itself (members of the organisation and staff); the same text is public in the catalogue.
 */
export async function responseFormContext(actor: Actor, key: { consultationId: string; organisationId: string }) {
  await authorize(actor, 'response.read', { organisationId: key.organisationId, object: { type: 'Organisation', id: key.organisationId } });
  const budget = await db.budget.findFirst({
    where: { consultations: { some: { id: key.consultationId } } },
    select: { years: true, proposals: { include: { committee: true, ...LINES_WITH_TYPES } } },
  });
  const proposals = new Map<string, ProposalContext>(
    (budget?.proposals ?? []).map((proposal) => [
      proposal.id,
      { summary: proposal.summary, committee: { code: proposal.committee.code, name: proposal.committee.name }, lines: groupLines(flatLines(proposal)) },
    ]),
  );
  return { years: budget?.years ?? [], proposals };
}
