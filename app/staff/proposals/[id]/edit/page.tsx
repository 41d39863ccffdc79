import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { EditProposalForm } from '@/components/edit-proposal-form';
import { getProposalForEdit } from '@/lib/server/proposal-versions';
import { currentActor } from '@/lib/server/session';
import { ClientMessages } from '@/app/client-messages';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('proposalVersions'))('edit') };
}

// Staff only: the layout redirects others for convenience; getProposalForEdit and editProposal decide.
export default async function EditProposalPage({ params }: Props) {
  const [proposal, t] = await Promise.all([getProposalForEdit(await currentActor(), (await params).id), getTranslations('proposalVersions')]);
  if (!proposal) notFound();
  return (
    <ClientMessages namespaces={['catalogue.colType', 'kinds', 'proposalVersions', 'staff.moves', 'types']}>
      <p className="no-print">
        <Link href="/staff/proposals" className="text-blue-800 underline underline-offset-2">← {t('back')}</Link>
      </p>
      <h1 className="mt-3 text-2xl font-bold">{t('editTitle', { code: proposal.code })}</h1>
      <p className="mt-1 max-w-prose text-slate-700">{t('editIntro')}</p>
      <p className="mt-1 font-semibold" data-version={proposal.version}>{t('editing', { version: proposal.version, list: proposal.list })}</p>
      <div className="mt-4">
        <EditProposalForm proposal={proposal} />
      </div>
    </ClientMessages>
  );
}
