import 'server-only';
import type { InsightProposal } from '@/lib/insight/aggregate';
import type { Actor } from '@/lib/server/actor';
import { getCatalogue } from '@/lib/server/catalogue';
import { visibleResponses } from '@/lib/server/response-views';

/**
 * A consultation's proposals with the responses the actor may read (see response-views.ts):
 * politicians and staff everything submitted, the public what was published. Null when the
 * actor may not see the consultation.
 */
export async function getConsultationInsight(actor: Actor, consultationId: string, marker: string) {
  const visible = await visibleResponses(actor, consultationId, marker);
  if (!visible) return null;
  const catalogue = await getCatalogue(visible.consultation.budgetId);
  if (!catalogue) return null;
  const proposals: InsightProposal[] = catalogue.lists.flatMap((list) =>
    list.proposals.map((p) => ({ id: p.id, code: p.code, title: p.title, committee: p.committee, list: { id: list.id, name: list.name }, lines: p.lines })),
  );
  return { ...visible, catalogue, proposals };
}
