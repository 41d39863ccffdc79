import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ImportDocumentForm } from '@/components/import-document-form';
import { ImportPreview } from '@/components/import-preview';
import { StepIndicator } from '@/components/step-indicator';
import { budgetImportPreview, type ImportPreviewData } from '@/lib/server/budget-import-draft';
import { recordId } from '@/lib/record-id';
import { isDomainError } from '@/lib/server/errors';
import { currentActor } from '@/lib/server/session';
import { ClientMessages } from '@/app/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('staff'))('import.title') };
}

// Staff only: the layout redirects others for convenience; the domain functions decide.
export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations('staff.import');
  const ts = await getTranslations('spreadsheet');
  const { draft } = await searchParams;
  let preview: ImportPreviewData | null = null;
  let missing = false;
  const draftId = recordId.safeParse(draft);
  if (draft !== undefined && !draftId.success) missing = true;
  if (draftId.success) {
    try {
      preview = await budgetImportPreview(await currentActor(), draftId.data);
    } catch (error) {
      if (!isDomainError(error, 'budgetImport.draftNotFound')) throw error;
      missing = true;
    }
  }
  const step = preview?.imported ? 2 : preview ? 1 : 0;
  return (
    <ClientMessages namespaces={['catalogue.colType', 'kinds', 'proposalVersions', 'spreadsheet', 'staff.import', 'types']}>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <StepIndicator steps={[t('stepChoose'), t('stepCheck'), t('stepDone')]} current={step} />
      <p className="mt-1 max-w-prose text-slate-700">{t('intro')}</p>
      <p className="mt-2 max-w-prose text-slate-700">{ts('intro')}</p>
      {/* Plain links: these are file downloads from route handlers, not pages. */}
      <ul className="mt-2 flex gap-4 text-sm">
        <li><a href="/staff/import/template?format=xlsx" download className="text-blue-800 underline underline-offset-2">{ts('templateXlsx')}</a></li>
        <li><a href="/staff/import/template?format=csv" download className="text-blue-800 underline underline-offset-2">{ts('templateCsv')}</a></li>
      </ul>
      {missing && <p role="alert" className="alert alert-error mt-4">{t('errors.draftNotFound')}</p>}
      <div className="mt-4">
        <ImportDocumentForm />
      </div>
      {preview && <ImportPreview data={preview} />}
    </ClientMessages>
  );
}
