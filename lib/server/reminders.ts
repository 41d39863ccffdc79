import 'server-only';
import { env } from '@/lib/env';
import { calendarDaysUntil, effectiveDeadline } from '@/lib/deadline';
import type { Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { db } from '@/lib/server/db';
import { mailParty, memberAddresses } from '@/lib/server/mail';
import { authorize } from '@/lib/server/policy';

/**
 * Reminds the members of every consulted organisation that has not submitted, once, when its
 * deadline is `REMINDER_DAYS` Copenhagen calendar days away or less. The app's workers run it daily
 * (`REMINDER_CRON`, lib/server/workers.ts); `npm run reminders` runs it at once. The mail is queued.
 */
export async function sendDeadlineReminders(actor: Actor, now = new Date()): Promise<{ reminded: string[] }> {
  await authorize(actor, 'consultation.reminders');
  const { REMINDER_DAYS } = env();
  const parties = await db.consultationParty.findMany({
    where: { remindedAt: null, consultation: { status: 'OPEN' } },
    include: {
      consultation: true,
      organisation: { include: { memberships: { include: { user: { select: { email: true, erasedAt: true } } } }, responses: { select: { consultationId: true, status: true } } } },
    },
  });
  const reminded: string[] = [];
  for (const party of parties) {
    const deadline = effectiveDeadline(party.consultation.deadline, party.deadlineExtension);
    const days = calendarDaysUntil(now, deadline);
    const submitted = party.organisation.responses.some((r) => r.consultationId === party.consultationId && r.status === 'SUBMITTED');
    if (submitted || deadline <= now || days > REMINDER_DAYS) continue;
    const recipients = memberAddresses(party.organisation.memberships);
    // Claimed before sending, so that two runs at once never remind twice.
    const claimed = await db.consultationParty.updateMany({ where: { consultationId: party.consultationId, organisationId: party.organisationId, remindedAt: null }, data: { remindedAt: now } });
    if (claimed.count !== 1 || recipients.length === 0) continue;
    await mailParty('reminder', { recipients, organisation: party.organisation.name, consultation: party.consultation.title, deadline, key: party });
    await audit(actor, { action: 'consultation.reminder', objectType: 'ConsultationParty', objectId: `${party.consultationId}:${party.organisationId}`, details: { days } });
    reminded.push(party.organisation.name);
  }
  return { reminded };
}
