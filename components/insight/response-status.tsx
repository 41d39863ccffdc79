import { getTranslations } from 'next-intl/server';
import type { ResponseStatus, StatusParty } from '@/lib/insight/status';

/** "57 af 60 høringsparter har svaret" and, per organisation type, the parties that have not. */
export async function ResponseStatusSection({ status }: { status: ResponseStatus }) {
  const [t, tRoot] = await Promise.all([getTranslations('insight.status'), getTranslations()]);
  const name = (party: StatusParty) => (party.statutory ? `${party.name} (${t('statutory')})` : party.name);
  return (
    <section aria-labelledby="response-status-heading" className="mt-4" data-response-status>
      <h2 id="response-status-heading" className="text-lg font-semibold">{t('title')}</h2>
      {status.parties === 0 ? (
        <p className="mt-1">{t('noParties')}</p>
      ) : (
        <>
          <p className="mt-1 font-medium" data-responded-count>{t('count', { responded: status.responded, parties: status.parties })}</p>
          <p className="mt-1" data-statutory-missing>
            {status.statutoryMissing.length > 0 ? t('statutoryMissing', { names: status.statutoryMissing.map((p) => p.name).join(', ') }) : t('allStatutory')}
          </p>
          <div className="mt-2 overflow-x-auto">
            <table className="border-collapse text-left text-sm">
              <caption className="text-left text-slate-700">{t('caption')}</caption>
              <thead>
                <tr className="border-b border-slate-400">
                  <th scope="col" className="py-1 pr-3">{t('type')}</th>
                  <th scope="col" className="py-1 pr-3 text-right">{t('responded')}</th>
                  <th scope="col" className="py-1">{t('missing')}</th>
                </tr>
              </thead>
              <tbody>
                {status.groups.map((group) => (
                  <tr key={group.type} className="border-b border-slate-200 align-top" data-status-type={group.type}>
                    <th scope="row" className="py-1 pr-3 font-normal">{tRoot(`orgTypes.${group.type}`)}</th>
                    <td className="py-1 pr-3 text-right tabular-nums">{t('ofType', { responded: group.responded.length, parties: group.responded.length + group.missing.length })}</td>
                    <td className="py-1">
                      {group.missing.length === 0 ? (
                        t('none')
                      ) : (
                        <ul>
                          {group.missing.map((party) => (
                            <li key={party.organisationId} data-missing-party={party.name}>{name(party)}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
