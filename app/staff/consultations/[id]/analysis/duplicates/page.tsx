import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { DuplicateGroups } from '@/components/analysis/duplicate-groups';
import { DUPLICATE_MIN_LENGTH, duplicateGroups, type DuplicateGroup } from '@/lib/server/duplicate-answers';
import { currentActor } from '@/lib/server/session';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('analysisProgress.duplicates'))('title') };
}

/** Campaign and duplicate answers of the consultation, per proposal. */
export default async function DuplicatesPage({ params }: Props) {
  const { id } = await params;
  const [groups, t] = await Promise.all([duplicateGroups(await currentActor(), id), getTranslations('analysisProgress.duplicates')]);
  if (!groups) notFound();
  const byProposal = new Map<string, DuplicateGroup[]>();
  for (const group of groups) byProposal.set(group.proposalId, [...(byProposal.get(group.proposalId) ?? []), group]);
  return (
    <>
      <p className="text-sm"><Link href={`/staff/consultations/${id}/analysis`} className="text-blue-800 underline underline-offset-2">{t('back')}</Link></p>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-700">{t('help', { length: DUPLICATE_MIN_LENGTH })}</p>
      {groups.length === 0 && <p className="mt-4">{t('noneAtAll')}</p>}
      {[...byProposal.values()].map((proposalGroups) => {
        const { proposalId, code, title } = proposalGroups[0]!;
        return (
          <section key={proposalId} aria-labelledby={`duplicates-${proposalId}`} className="mt-6">
            <h2 id={`duplicates-${proposalId}`} className="text-xl font-semibold"><span className="font-mono">{code}</span> {title}</h2>
            <DuplicateGroups groups={proposalGroups} />
          </section>
        );
      })}
    </>
  );
}
