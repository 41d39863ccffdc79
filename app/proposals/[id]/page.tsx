import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { CommitteeName } from '@/components/committee-name';
import { ProposalAmounts } from '@/components/proposal-amounts';
import { formatAmount } from '@/lib/format';
import { formatCopenhagen } from '@/lib/deadline';
import { isLocale } from '@/lib/i18n/config';
import { getProposal, movedSinceOpened } from '@/lib/server/catalogue';
import { proposalMoveHistory } from '@/lib/server/proposal-moves';
import { proposalVersionHistory } from '@/lib/server/proposal-versions';
import type { VersionChanges } from '@/lib/budget/versions';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const proposal = await getProposal((await params).id);
  if (proposal) return { title: `${proposal.code} ${proposal.title}` };
  return { title: (await getTranslations('errors'))('notFoundTitle') };
}

export default async function ProposalPage({ params }: Props) {
  const proposal = await getProposal((await params).id);
  if (!proposal) notFound();
  const [t, moves, versions, announcedMove, locale] = await Promise.all([
    getTranslations(),
    proposalMoveHistory(proposal.id),
    proposalVersionHistory(proposal.id),
    movedSinceOpened(proposal.id),
    getLocale(),
  ]);
  const years = proposal.budget.years;
  const lang = isLocale(locale) ? locale : 'da';
  const describe = (changes: VersionChanges): string[] => {
    const amount = (value: number | null) => (value === null ? t('proposalVersions.noAmount') : formatAmount(value));
    const lines = [
      ...(changes.title ? [t('proposalVersions.changedTitle')] : []),
      ...(changes.summary ? [t('proposalVersions.changedSummary')] : []),
      ...changes.types.map((kind) => t('proposalVersions.changedType', { kind: t(`kinds.${kind}`) })),
      ...changes.amounts.map((c) => t('proposalVersions.changedAmount', { kind: t(`kinds.${c.kind}`), year: c.year, from: amount(c.from), to: amount(c.to) })),
    ];
    return lines.length ? lines : [t('proposalVersions.noChanges')];
  };

  return (
    <article>
      <p className="no-print">
        <Link href="/" className="text-blue-800 underline underline-offset-2">← {t('proposal.back')}</Link>
      </p>
      <h1 className="mt-3 text-2xl font-bold">
        <span className="font-mono">{proposal.code}</span> {proposal.title}
      </h1>
      <p className="mt-1 text-sm font-semibold text-slate-700" data-version={proposal.version}>{t('proposalVersions.version', { version: proposal.version })}</p>
      {announcedMove && (
        <section aria-labelledby="moved-heading" className="mt-3 rounded border-l-4 border-amber-600 bg-amber-50 p-3" data-moved-notice>
          <h2 id="moved-heading" className="font-semibold">{t('proposalVersions.movedHeading')}</h2>
          <p>{t('proposalVersions.movedNotice', { list: announcedMove.to, date: formatCopenhagen(announcedMove.movedAt, lang), reason: announcedMove.reason })}</p>
        </section>
      )}
      <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-semibold">{t('proposal.budget')}</dt>
        <dd>{proposal.budget.name}</dd>
        <dt className="font-semibold">{t('proposal.list')}</dt>
        <dd>{proposal.list.name}</dd>
        <dt className="font-semibold">{t('proposal.committee')}</dt>
        <dd><CommitteeName committee={proposal.committee} /></dd>
      </dl>

      <h2 className="mt-6 text-xl font-semibold">{t('proposal.summary')}</h2>
      <p className="mt-2 max-w-prose leading-relaxed">{proposal.summary}</p>

      <ProposalAmounts lines={proposal.lines} years={years} />

      <h2 className="mt-6 text-xl font-semibold">{t('staff.moves.history')}</h2>
      {moves.length === 0 ? (
        <p>{t('staff.moves.noHistory')}</p>
      ) : (
        <ul className="mt-2 flex flex-col gap-1" data-moves>
          {moves.map((move) => (
            <li key={move.id}>
              {t('staff.moves.historyLine', { date: formatCopenhagen(move.movedAt, lang), from: move.from, to: move.to, reason: move.reason })}
            </li>
          ))}
        </ul>
      )}

      <h2 id="versions" className="mt-6 text-xl font-semibold">{t('proposalVersions.history')}</h2>
      <ol className="mt-2 flex flex-col gap-2" data-versions>
        {versions.map((version) => (
          <li key={version.version}>
            <p>{t('proposalVersions.historyLine', { version: version.version, date: formatCopenhagen(version.editedAt, lang), reason: version.reason })}</p>
            <ul className="list-disc pl-6 text-sm text-slate-700">
              {(version.changes ? describe(version.changes) : [t('proposalVersions.firstVersion')]).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </article>
  );
}
