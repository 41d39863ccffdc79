import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ImportDocumentForm } from '@/components/import-document-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('staff'))('import.title') };
}

// Staff only: the layout redirects others for convenience; previewBudgetDocument and importBudgetDocument decide.
export default async function ImportPage() {
  const t = await getTranslations('staff.import');
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-1 max-w-prose text-slate-700">{t('intro')}</p>
      <div className="mt-4">
        <ImportDocumentForm />
      </div>
    </>
  );
}
