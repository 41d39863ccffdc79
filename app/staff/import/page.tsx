import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ImportDocumentForm } from '@/components/import-document-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('staff'))('import.title') };
}

// Staff only: the layout redirects others for convenience; previewBudgetDocument and importBudgetDocument decide.
export default async function ImportPage() {
  const t = await getTranslations('staff.import');
  const ts = await getTranslations('spreadsheet');
  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-1 max-w-prose text-slate-700">{t('intro')}</p>
      <p className="mt-2 max-w-prose text-slate-700">{ts('intro')}</p>
      {/* Plain links: these are file downloads from route handlers, not pages. */}
      <ul className="mt-2 flex gap-4 text-sm">
        <li><a href="/staff/import/template?format=xlsx" download className="text-blue-800 underline underline-offset-2">{ts('templateXlsx')}</a></li>
        <li><a href="/staff/import/template?format=csv" download className="text-blue-800 underline underline-offset-2">{ts('templateCsv')}</a></li>
      </ul>
      <div className="mt-4">
        <ImportDocumentForm />
      </div>
    </>
  );
}
