import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ListTotals } from '@/components/list-totals';
import { MoveProposalsForm } from '@/components/move-proposals-form';
import { getCatalogue, getCurrentBudgetId } from '@/lib/server/catalogue';
import { ClientMessages } from '@/app/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('staff'))('moves.title') };
}

// Staff only, by the layout's redirect for convenience and by moveProposals() for real.
export default async function MoveProposalsPage() {
  const t = await getTranslations();
  const budgetId = await getCurrentBudgetId();
  const catalogue = budgetId ? await getCatalogue(budgetId) : null;
  if (!catalogue) return <p>{t('catalogue.empty')}</p>;
  return (
    <ClientMessages namespaces={['kinds', 'proposalVersions', 'staff.moves', 'types']}>
      <h1 className="text-2xl font-bold">{t('staff.moves.title')}</h1>
      <p className="mt-1 text-slate-700">{t('staff.moves.intro')}</p>
      <p className="mt-2 text-sm">
        <a href="/staff/proposals/export" download className="text-blue-800 underline underline-offset-2">{t('spreadsheet.export')}</a>
      </p>
      <div className="mt-4 grid gap-4 md:grid-cols-2">
        {catalogue.lists.map((list) => (
          <ListTotals key={list.id} list={list} years={catalogue.budget.years} />
        ))}
      </div>
      <div className="mt-6">
        <MoveProposalsForm
          years={catalogue.budget.years}
          lists={catalogue.lists.map((list) => ({ id: list.id, name: list.name, proposals: list.proposals.map(({ id, code, title, lines }) => ({ id, code, title, lines })) }))}
        />
      </div>
    </ClientMessages>
  );
}
