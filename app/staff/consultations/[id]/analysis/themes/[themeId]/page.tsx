import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SuggestionsForm } from '@/components/analysis/theme-forms';
import { listThemes, themeSuggestions } from '@/lib/server/themes';
import { currentActor } from '@/lib/server/session';
import { ClientMessages } from '@/app/client-messages';

type Props = { params: Promise<{ id: string; themeId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('themes'))('title') };
}

const link = 'text-blue-800 underline underline-offset-2';

/** The answers and general remarks that match the theme's keywords, for staff to confirm or dismiss. */
export default async function ThemeSuggestionsPage({ params }: Props) {
  const { id, themeId } = await params;
  const actor = await currentActor();
  const [consultation, t] = await Promise.all([listThemes(actor, id), getTranslations('themes')]);
  const theme = consultation?.themes.find((th) => th.id === themeId);
  if (!theme) notFound();
  const suggestions = await themeSuggestions(actor, { consultationId: id, themeId });
  return (
    <ClientMessages namespaces={['insight', 'themes']}>
      <p className="text-sm"><Link href={`/staff/consultations/${id}/analysis/themes`} className={link}>{t('title')}</Link></p>
      <h1 className="text-2xl font-bold">{t('suggestionsTitle', { name: theme.name })}</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-700">{t('suggestionsHelp')}</p>
      <p className="mt-1 text-sm">{t('keywordList', { keywords: theme.keywords.join(', ') })}</p>
      <div className="mt-4">
        {theme.keywords.length === 0 ? (
          <p>{t('noKeywordsForSuggestions')}</p>
        ) : suggestions.length === 0 ? (
          <p>{t('noSuggestions')}</p>
        ) : (
          <SuggestionsForm
            consultationId={id}
            themeId={themeId}
            suggestions={suggestions.map((s) => ({ key: `${s.responseId}:${s.proposalId ?? ''}`, organisation: s.organisation, proposal: s.proposal, stance: s.stance, excerpt: s.excerpt }))}
          />
        )}
      </div>
    </ClientMessages>
  );
}
