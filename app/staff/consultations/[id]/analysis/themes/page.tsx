import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { DeleteThemeForm, ThemeForm } from '@/components/analysis/theme-forms';
import { listThemes } from '@/lib/server/themes';
import { currentActor } from '@/lib/server/session';
import { ClientMessages } from '@/app/client-messages';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('themes'))('title') };
}

const link = 'text-blue-800 underline underline-offset-2';

/** The consultation's themes: create, edit, delete, and each theme's suggested tags. */
export default async function ThemesPage({ params }: Props) {
  const { id } = await params;
  const [consultation, t] = await Promise.all([listThemes(await currentActor(), id), getTranslations('themes')]);
  if (!consultation) notFound();
  return (
    <ClientMessages namespaces={['insight', 'themes']}>
      <p className="text-sm"><Link href={`/staff/consultations/${id}/analysis`} className={link}>{t('back')}</Link></p>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-1">{consultation.title}</p>
      <p className="mt-1 max-w-3xl text-sm text-slate-700">{t('help')}</p>
      {consultation.themes.length === 0 && <p className="mt-4">{t('none')}</p>}
      <ol className="mt-4 flex flex-col gap-6">
        {consultation.themes.map((theme, index) => (
          <li key={theme.id} className="border-l-4 border-slate-300 pl-3">
            <h2 className="text-xl font-semibold">{index < 9 && <span className="mr-2 font-mono">{index + 1}</span>}{theme.name}</h2>
            {theme.description && <p className="max-w-3xl">{theme.description}</p>}
            <p className="text-sm">{theme.keywords.length ? t('keywordList', { keywords: theme.keywords.join(', ') }) : t('noKeywords')}</p>
            {theme.keywords.length > 0 && (
              <p className="mt-1"><Link href={`/staff/consultations/${id}/analysis/themes/${theme.id}`} className={link}>{t('suggestionsLink', { name: theme.name })}</Link></p>
            )}
            <details className="mt-2">
              <summary className="cursor-pointer font-medium text-blue-800 underline">{t('edit')}</summary>
              <div className="mt-2 flex flex-col gap-4">
                <ThemeForm consultationId={id} theme={theme} />
                <DeleteThemeForm consultationId={id} themeId={theme.id} />
              </div>
            </details>
          </li>
        ))}
      </ol>
      <section aria-labelledby="new-theme-heading" className="mt-8">
        <h2 id="new-theme-heading" className="text-xl font-semibold">{t('newTheme')}</h2>
        <ThemeForm key={consultation.themes.length} consultationId={id} />
      </section>
    </ClientMessages>
  );
}
