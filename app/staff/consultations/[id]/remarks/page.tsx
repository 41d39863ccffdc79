import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { RemarkForm } from '@/components/remark-form';
import { listProposalRemarks } from '@/lib/server/proposal-remarks';
import { currentActor } from '@/lib/server/session';
import { ClientMessages } from '@/app/client-messages';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('exports.remarks'))('title') };
}

const link = 'text-blue-800 underline underline-offset-2';

export default async function RemarksPage({ params }: Props) {
  const { id } = await params;
  const [consultation, t] = await Promise.all([listProposalRemarks(await currentActor(), id), getTranslations('exports.remarks')]);
  if (!consultation) notFound();
  return (
    <ClientMessages namespaces={['exports.remarks']}>
      <p className="text-sm"><Link href={`/staff/consultations/${consultation.id}`} className={link}>{t('back')}</Link></p>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-1">{consultation.title}</p>
      <p className="mt-1 max-w-3xl text-sm text-slate-700">{t('help')}</p>
      {consultation.proposals.length === 0 && <p className="mt-4">{t('none')}</p>}
      <ol className="mt-4 flex flex-col gap-6">
        {consultation.proposals.map((proposal) => (
          <li key={proposal.id} aria-labelledby={`proposal-${proposal.id}`}>
            <h2 id={`proposal-${proposal.id}`} className="text-lg font-semibold">{proposal.code} {proposal.title}</h2>
            <RemarkForm consultationId={consultation.id} proposal={proposal} />
          </li>
        ))}
      </ol>
    </ClientMessages>
  );
}
