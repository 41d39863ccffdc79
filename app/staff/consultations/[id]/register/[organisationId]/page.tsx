import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { RegisterResponseForm } from '@/components/consultation-forms';
import { instantToCopenhagenLocal } from '@/lib/deadline';
import { getConsultationForStaff } from '@/lib/server/consultations';
import { currentActor } from '@/lib/server/session';
import { Stance } from '@/lib/generated/prisma/enums';
import { ClientMessages } from '@/app/client-messages';

type Props = { params: Promise<{ id: string; organisationId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('consultations'))('registerTitle') };
}

export default async function RegisterResponsePage({ params }: Props) {
  const { id, organisationId } = await params;
  const [consultation, t, tRoot] = await Promise.all([getConsultationForStaff(await currentActor(), id), getTranslations('consultations'), getTranslations()]);
  const party = consultation?.parties.find((p) => p.organisationId === organisationId);
  if (!consultation || !party) notFound();
  return (
    <ClientMessages namespaces={['consultations', 'kinds', 'responses.noFile']}>
      <p className="text-sm"><Link href={`/staff/consultations/${id}`} className="text-blue-800 underline underline-offset-2">{t('backTo', { title: consultation.title })}</Link></p>
      <h1 className="text-2xl font-bold">{t('registerHeading', { organisation: party.organisationName })}</h1>
      <p className="mt-1 text-slate-700">{t('registerHelp')}</p>
      <div className="mt-4">
        <RegisterResponseForm
          consultationId={id}
          organisationId={organisationId}
          proposals={consultation.proposals}
          stances={Object.values(Stance).map((value) => ({ value, label: tRoot(`responses.stances.${value}`) }))}
          now={instantToCopenhagenLocal(new Date())}
        />
      </div>
    </ClientMessages>
  );
}
