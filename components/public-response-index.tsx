import { getLocale, getTranslations } from 'next-intl/server';
import { StanceMark } from '@/components/insight/stance';
import { ScrollRegion } from '@/components/scroll-region';
import { formatCopenhagen } from '@/lib/deadline';
import { isLocale } from '@/lib/i18n/config';
import { STANCES, type StanceCounts } from '@/lib/insight/aggregate';
import { TYPE_ORDER } from '@/lib/insight/status';
import type { OrganisationType } from '@/lib/generated/prisma/enums';

export interface IndexedResponse {
  organisationId: string;
  organisation: { name: string; type: OrganisationType };
  submittedAt: Date;
  counts: StanceCounts;
}

const COLUMNS = [...STANCES, 'NONE'] as const;

/**
 * The published responses of a consultation, a table per organisation type: who, when and how
 * many of each stance, each linked to the response's own page. It keeps the consultation's page
 * small however many responded.
 */
export async function PublicResponseIndex({ consultationId, responses }: { consultationId: string; responses: IndexedResponse[] }) {
  const [t, tRoot, localeName] = await Promise.all([getTranslations('publicConsultations'), getTranslations(), getLocale()]);
  const locale = isLocale(localeName) ? localeName : 'da';
  const groups = TYPE_ORDER.map((type) => ({ type, responses: responses.filter((r) => r.organisation.type === type) })).filter((g) => g.responses.length > 0);
  return groups.map((group) => (
    <section key={group.type} aria-labelledby={`responses-${group.type}`} className="mt-4">
      <h3 id={`responses-${group.type}`} className="text-lg font-semibold">
        {tRoot(`orgTypes.${group.type}`)} ({group.responses.length})
      </h3>
      <ScrollRegion label={t('responsesOfType', { type: tRoot(`orgTypes.${group.type}`) })}>
        {/* Styles are set once on the table and the links are plain: the rows are many, and each is sent twice (HTML and RSC). */}
        <table className="table table--compact text-sm [&_a]:text-blue-800 [&_a]:underline [&_a]:underline-offset-2 [&_tbody_th]:text-left [&_tbody_th]:font-normal [&_td~td]:text-right [&_td~td]:tabular-nums">
          <thead>
            <tr>
              <th scope="col" className="text-left">{t('organisation')}</th>
              <th scope="col" className="text-left">{t('submitted')}</th>
              {COLUMNS.map((stance) => (
                <th key={stance} scope="col" className="text-right"><StanceMark stance={stance} /></th>
              ))}
            </tr>
          </thead>
          <tbody>
            {group.responses.map((r) => (
              <tr key={r.organisationId}>
                <th scope="row">
                  <a href={`/consultations/${consultationId}/responses/${r.organisationId}`}>{r.organisation.name}</a>
                </th>
                <td>{formatCopenhagen(r.submittedAt, locale)}</td>
                {COLUMNS.map((stance) => <td key={stance}>{r.counts[stance]}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  ));
}
