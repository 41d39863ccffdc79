import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { AssignmentForm } from '@/components/consultation-forms';
import { ExtensionForm } from '@/components/staff-forms';
import { phaseAllows } from '@/lib/consultation-phases';
import { formatCopenhagen, instantToCopenhagenLocal } from '@/lib/deadline';
import { isLocale } from '@/lib/i18n/config';
import { getConsultationForStaff } from '@/lib/server/consultations';
import { currentActor } from '@/lib/server/session';
import { ClientMessages } from '@/app/client-messages';

type Props = { params: Promise<{ id: string; organisationId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('consultations'))('partyTitle') };
}

const link = 'text-blue-800 underline underline-offset-2';

/** One consultation party's own settings: its deadline and the proposals it is asked to answer. */
export default async function ConsultationPartyPage({ params }: Props) {
  const { id, organisationId } = await params;
  const [consultation, t, tRoot, localeName] = await Promise.all([getConsultationForStaff(await currentActor(), id, { organisationId }), getTranslations('consultations'), getTranslations(), getLocale()]);
  const party = consultation?.parties.find((p) => p.organisationId === organisationId);
  if (!consultation || !party) notFound();
  const when = (date: Date | null) => (date ? formatCopenhagen(date, isLocale(localeName) ? localeName : 'da') : '–');
  const settings = phaseAllows('partySettings', consultation.status);
  return (
    <ClientMessages namespaces={['consultations', 'kinds', 'responses.noFile', 'staff']}>
      <p className="text-sm"><Link href={`/staff/consultations/${id}`} className={link}>{t('backTo', { title: consultation.title })}</Link></p>
      <h1 className="text-2xl font-bold">{party.organisationName}</h1>
      <p className="mt-1">
        {tRoot(`orgTypes.${party.organisationType}`)} · {t('membersCount', { count: party.members })} ·{' '}
        <strong>{tRoot(`responses.statuses.${party.status}`)}</strong>
        {party.channel && party.channel !== 'ONLINE' && ` (${t(`channels.${party.channel}`)})`}
      </p>
      <p className="mt-1">
        {t('deadlineIs', { date: when(party.deadline) })}
        {party.extended && ` (${tRoot('staff.extendedMark')})`} · {t('notifiedAt', { date: when(party.notifiedAt) })} · {t('remindedAt', { date: when(party.remindedAt) })}
      </p>
      {party.status === 'SUBMITTED' && (
        <p className="mt-1"><Link href={`/staff/consultations/${id}/responses/${organisationId}`} className={link}>{t('readResponse', { organisation: party.organisationName })}</Link></p>
      )}
      {party.status !== 'SUBMITTED' && phaseAllows('registration', consultation.status) && (
        <p className="mt-1"><Link href={`/staff/consultations/${id}/register/${organisationId}`} className={link}>{t('registerFor', { organisation: party.organisationName })}</Link></p>
      )}
      {settings && (
        <>
          <section aria-labelledby="party-deadline-heading" className="mt-6">
            <h2 id="party-deadline-heading" className="text-xl font-semibold">{t('partyDeadlineHeading')}</h2>
            <ExtensionForm consultationId={id} organisationId={organisationId} organisation={party.organisationName} current={instantToCopenhagenLocal(party.deadline)} />
          </section>
          <section aria-labelledby="party-assignment-heading" className="mt-6">
            <h2 id="party-assignment-heading" className="text-xl font-semibold">{t('partyAssignmentHeading')}</h2>
            <AssignmentForm
              consultationId={id}
              organisationId={organisationId}
              note={party.assignments[0]?.note ?? ''}
              proposals={consultation.proposals.map((p) => ({ value: p.id, label: p.code, checked: party.assignments.some((a) => a.proposalId === p.id) }))}
            />
          </section>
        </>
      )}
    </ClientMessages>
  );
}
