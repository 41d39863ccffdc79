import { useTranslations } from 'next-intl';
import type { DuplicateGroup } from '@/lib/server/duplicate-answers';

/** Identical or near-identical answers, each group's text once with its count and organisations. */
export function DuplicateGroups({ groups }: { groups: DuplicateGroup[] }) {
  const t = useTranslations('analysisProgress.duplicates');
  if (groups.length === 0) return <p>{t('none')}</p>;
  return (
    <ul className="mt-2 flex flex-col gap-4">
      {groups.map((group) => (
        <li key={group.organisations.map((o) => o.id).join()} className="rounded border border-slate-300 p-3" data-duplicate-group>
          <p className="font-semibold" data-duplicate-count>{t('count', { count: group.count })}</p>
          <blockquote className="mt-1 whitespace-pre-wrap border-l-4 border-slate-300 pl-3">{group.text}</blockquote>
          <p className="mt-2 text-sm font-medium">{t('from')}</p>
          <ul className="list-disc pl-5 text-sm">
            {group.organisations.map((organisation) => (
              <li key={organisation.id}>{organisation.name}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
