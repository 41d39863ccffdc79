import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ScrollRegion } from '@/components/scroll-region';
import { auditFilterParams, auditFilterSchema, auditPageSchema } from '@/lib/audit-filter';
import { isLocale } from '@/lib/i18n/config';
import type { AuditEventView } from '@/lib/server/audit-log/describe';
import { AUDIT_ACTIONS } from '@/lib/server/audit-log/filters';
import { auditOrganisations, listAuditEvents } from '@/lib/server/audit-log/query';
import { currentActor } from '@/lib/server/session';
import { actionMessageKey } from '@/lib/audit-actions';
import { AuditOutcome } from '@/lib/generated/prisma/enums';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('audit'))('title') };
}

const field = 'form-input';
const link = 'text-blue-800 underline underline-offset-2';

function Change({ event, labels }: { event: AuditEventView; labels: { field: string; before: string; after: string } }) {
  return (
    <>
      {event.changes.length > 0 && (
        <table className="table text-xs">
          <thead>
            <tr className="text-left">
              <th scope="col" className="pr-2 font-semibold">{labels.field}</th>
              <th scope="col" className="pr-2 font-semibold">{labels.before}</th>
              <th scope="col" className="font-semibold">{labels.after}</th>
            </tr>
          </thead>
          <tbody>
            {event.changes.map((change) => (
              <tr key={change.field} className="align-top">
                <th scope="row" className="pr-2 text-left font-normal text-slate-700">{change.field}</th>
                <td className="whitespace-pre-wrap pr-2">{change.before}</td>
                <td className="whitespace-pre-wrap">
                  <span aria-hidden="true">→ </span>
                  {change.after}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {event.details.length > 0 && (
        <dl className="mt-1 text-xs">
          {event.details.map((detail) => (
            <div key={detail.field}>
              <dt className="inline text-slate-700">{detail.field}: </dt>
              <dd className="inline whitespace-pre-wrap">{detail.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const filter = auditFilterSchema.parse(params);
  const requestedPage = auditPageSchema.parse(params.page);
  const locale = await getLocale();
  const actor = await currentActor();
  const [{ events, total, page, pages }, organisations, t] = await Promise.all([
    listAuditEvents(actor, filter, { page: requestedPage, locale: isLocale(locale) ? locale : 'da' }),
    auditOrganisations(actor),
    getTranslations('audit'),
  ]);
  const actions = AUDIT_ACTIONS.map((code) => ({ code, name: t(`actions.${actionMessageKey(code)}` as 'actions.audit-read') })).sort((a, b) => a.name.localeCompare(b.name, locale));
  const query = auditFilterParams(filter);
  const hrefOf = (pageNumber: number) => {
    const next = new URLSearchParams(query);
    if (pageNumber > 1) next.set('page', String(pageNumber));
    return `/staff/audit${next.size ? `?${next}` : ''}`;
  };
  const exportHref = (format: 'xlsx' | 'csv') => `/staff/audit/export?${new URLSearchParams([...query, ['format', format]])}`;

  return (
    <>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-1 text-slate-700">{t('intro')}</p>
      <form method="get" role="search" aria-label={t('filters')} className="mt-4 flex flex-wrap items-end gap-3 rounded bg-slate-100 p-3">
        <div className="flex min-w-0 max-w-full flex-col text-sm">
          <label htmlFor="audit-person" className="font-medium">{t('person')}</label>
          <input id="audit-person" name="person" defaultValue={filter.person} aria-describedby="audit-person-help" className={field} />
          <span id="audit-person-help" className="max-w-56 text-xs text-slate-700">{t('personHelp')}</span>
        </div>
        <div className="flex min-w-0 max-w-full flex-col text-sm">
          <label htmlFor="audit-organisation" className="font-medium">{t('organisation')}</label>
          <select id="audit-organisation" name="organisationId" defaultValue={filter.organisationId ?? ''} aria-describedby="audit-organisation-help" className={field}>
            <option value="">{t('anyOrganisation')}</option>
            {organisations.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>{organisation.name}</option>
            ))}
          </select>
          <span id="audit-organisation-help" className="max-w-56 text-xs text-slate-700">{t('organisationHelp')}</span>
        </div>
        <label className="flex min-w-0 max-w-full flex-col text-sm font-medium">
          {t('action')}
          <select name="action" defaultValue={filter.action ?? ''} className={field}>
            <option value="">{t('anyAction')}</option>
            {actions.map((action) => (
              <option key={action.code} value={action.code}>{action.name}</option>
            ))}
          </select>
        </label>
        <label className="flex min-w-0 max-w-full flex-col text-sm font-medium">
          {t('outcome')}
          <select name="outcome" defaultValue={filter.outcome ?? ''} className={field}>
            <option value="">{t('anyOutcome')}</option>
            {Object.values(AuditOutcome).map((outcome) => (
              <option key={outcome} value={outcome}>{t(`outcomes.${outcome}`)}</option>
            ))}
          </select>
        </label>
        <label className="flex min-w-0 max-w-full flex-col text-sm font-medium">{t('from')}<input type="date" name="from" defaultValue={filter.from} className={field} /></label>
        <label className="flex min-w-0 max-w-full flex-col text-sm font-medium">{t('to')}<input type="date" name="to" defaultValue={filter.to} className={field} /></label>
        <button type="submit" className="button button-primary">{t('apply')}</button>
        <Link href="/staff/audit" className={`${link} py-1.5`}>{t('reset')}</Link>
      </form>

      <div className="mt-4 flex flex-wrap items-baseline justify-between gap-3">
        <p>{t('count', { total, page, pages })}</p>
        <p className="text-sm">
          {t('download')}:{' '}
          <a href={exportHref('xlsx')} className={link} download>{t('downloadXlsx')}</a>{' · '}
          <a href={exportHref('csv')} className={link} download>{t('downloadCsv')}</a>
        </p>
      </div>

      {events.length === 0 ? (
        <p className="mt-4">{t('empty')}</p>
      ) : (
        <div className="mt-2">
          <ScrollRegion label={t('title')}>
            <table className="table w-full text-sm">
              <caption className="sr-only">{t('title')}</caption>
              <thead>
                <tr className="border-b-2 border-slate-700 text-left">
                  {(['colTime', 'colActor', 'colAction', 'colOutcome', 'colObject', 'colFrom', 'colChange'] as const).map((key) => (
                    <th key={key} scope="col" className="px-2 py-1">{t(key)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {events.map((event) => (
                  <tr key={event.id} className="border-b border-slate-200 align-top" data-action={event.action}>
                    <td className="whitespace-nowrap px-2 py-1">{event.time}</td>
                    <td className="px-2 py-1">
                      <span className="font-medium">{event.actor.name}</span>
                      {event.actor.email && <span className="block text-xs text-slate-700">{event.actor.email}</span>}
                      {(event.actor.role || event.actor.organisations.length > 0) && (
                        <span className="block text-xs text-slate-700">{[event.actor.role, ...event.actor.organisations].filter(Boolean).join(' · ')}</span>
                      )}
                    </td>
                    <td className="px-2 py-1">{event.actionName}</td>
                    <td className="px-2 py-1">{event.outcomeName}</td>
                    <td className="px-2 py-1">
                      {event.object && (
                        <>
                          <span className="block text-xs text-slate-700">{event.object.typeName}</span>
                          {event.object.label}
                        </>
                      )}
                    </td>
                    <td className="px-2 py-1">{event.ip}</td>
                    <td className="px-2 py-1"><Change event={event} labels={{ field: t('field'), before: t('before'), after: t('after') }} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      )}

      {pages > 1 && (
        <nav aria-label={t('pages')} className="pagination mt-4">
          {page > 1 && <Link href={hrefOf(page - 1)} className={link} rel="prev">{t('previous')}</Link>}
          {page < pages && <Link href={hrefOf(page + 1)} className={link} rel="next">{t('next')}</Link>}
        </nav>
      )}
    </>
  );
}
