import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { AddDocumentForm, ButtonForm, ConsultationDetailsForm, PartiesForm, PhaseForm } from '@/components/consultation-forms';
import { ExportSection } from '@/components/export-section';
import { PublishForm } from '@/components/name-review-forms';
import { phaseAllows, transitionsFrom } from '@/lib/consultation-phases';
import { formatCopenhagen, instantToCopenhagenLocal } from '@/lib/deadline';
import { isLocale } from '@/lib/i18n/config';
import { analysisProgress } from '@/lib/server/analysis-progress';
import { getConsultationForStaff, publicationSummary } from '@/lib/server/consultations';
import { PARTY_PAGE_SIZE, PARTY_STATUSES, partyPage, type PartyStatus } from '@/lib/server/consultation-parties';
import { audienceOf } from '@/lib/server/response-views';
import { currentActor } from '@/lib/server/session';
import { ClientMessages } from '@/app/client-messages';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ status?: string | string[]; page?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('consultations'))('title') };
}

const link = 'text-blue-800 underline underline-offset-2';

export default async function ConsultationPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const actor = await currentActor();
  const [consultation, t, tRoot, localeName] = await Promise.all([getConsultationForStaff(actor, id), getTranslations('consultations'), getTranslations(), getLocale()]);
  if (!consultation) notFound();
  const progress = consultation.status === 'DRAFT' ? null : await analysisProgress(actor, id);
  const publishable = phaseAllows('publish', consultation.status);
  const summary = publishable ? await publicationSummary(actor, id) : null;
  const locale = isLocale(localeName) ? localeName : 'da';
  const when = (date: Date | null) => (date ? formatCopenhagen(date, locale) : '–');
  const { status } = consultation;
  const partyIds = new Set(consultation.parties.map((p) => p.organisationId));
  // Publishing has its own form below, with the summary staff confirm.
  const phaseButtons = transitionsFrom(status)
    .filter((phase) => phase !== 'publish')
    .map((phase) => ({ phase, label: phase === 'open' && status === 'CLOSED' ? t('reopen') : t(phase) }));
  // ?status=SUBMITTED shows the parties of one status, ?page=2 the second page of them (plain
  // links, so it works without JavaScript); each party's own forms are on its page.
  const parties = partyPage(consultation.parties, query.status, query.page);
  const shownStatus = parties.status;
  const countOf = (partyStatus: PartyStatus) => parties.counts[partyStatus];
  const filterLink = (partyStatus: PartyStatus | null, page = 1) => {
    const search = new URLSearchParams({ ...(partyStatus && { status: partyStatus }), ...(page > 1 && { page: String(page) }) }).toString();
    return `/staff/consultations/${consultation.id}${search ? `?${search}` : ''}#status-heading`;
  };
  const partyLink = (organisationId: string) => `/staff/consultations/${consultation.id}/parties/${organisationId}`;

  return (
    <ClientMessages namespaces={['consultations', 'exports', 'kinds', 'nameReview', 'responses.noFile']}>
      <p className="text-sm"><Link href="/staff/consultations" className={link}>{t('back')}</Link></p>
      <h1 className="text-2xl font-bold">{consultation.title}</h1>
      <p className="mt-1">
        {t('phaseIs', { phase: t(`phases.${status}`) })} · {consultation.budget.name} · {t('deadlineIs', { date: when(consultation.deadline) })}
        {consultation.publishedAt && ` · ${t('publishedAt', { date: when(consultation.publishedAt) })}`}
      </p>
      {status !== 'DRAFT' && (
        <p className="mt-1"><Link href={`/consultations/${consultation.id}`} className={link}>{t('publicPage')}</Link></p>
      )}
      <p className="mt-1"><Link href={`/staff/consultations/${consultation.id}/remarks`} className={link}>{tRoot('exports.remarks.link')}</Link></p>
      <p className="mt-1"><Link href={`/staff/consultations/${consultation.id}/analysis`} className={link}>{tRoot('analysis.link')}</Link></p>
      {progress && progress.total.answers > 0 && (
        <p className="mt-1" data-analysis-progress-summary>
          {tRoot('analysisProgress.summary', progress.total)}{' '}
          <Link href={`/staff/consultations/${consultation.id}/analysis`} className={link}>{tRoot('analysisProgress.summaryLink')}</Link>
        </p>
      )}
      <ExportSection consultationId={consultation.id} audience={audienceOf(actor)} byTheme />

      <section aria-labelledby="phase-heading" className="mt-6">
        <h2 id="phase-heading" className="text-xl font-semibold">{t('phaseHeading')}</h2>
        <p className="text-sm text-slate-700">{t(`phaseHelp.${status}`)}</p>
        {phaseButtons.length > 0 && (
          <div className="mt-2">
            <PhaseForm consultationId={consultation.id} phases={phaseButtons} />
          </div>
        )}
      </section>

      {phaseAllows('details', status) && (
        <section aria-labelledby="details-heading" className="mt-8">
          <h2 id="details-heading" className="text-xl font-semibold">{t('details')}</h2>
          <ConsultationDetailsForm consultation={{ id: consultation.id, title: consultation.title, description: consultation.description, deadline: instantToCopenhagenLocal(consultation.deadline) }} />
        </section>
      )}

      <section aria-labelledby="documents-heading" className="mt-8">
        <h2 id="documents-heading" className="text-xl font-semibold">{t('documents')}</h2>
        {consultation.documents.length === 0 ? (
          <p>{t('noDocuments')}</p>
        ) : (
          <ul className="mt-2 flex flex-col gap-2">
            {consultation.documents.map((document) => (
              <li key={document.id} className="flex flex-wrap items-center gap-4">
                <a href={`/api/consultation-documents/${document.id}`} className={link}>{document.title}</a>
                <span className="text-sm text-slate-700">{document.fileName}</span>
                <ButtonForm action="removeDocument" fields={{ consultationId: consultation.id, documentId: document.id }} label={t('removeDocument', { title: document.title })} />
              </li>
            ))}
          </ul>
        )}
        <h3 className="mt-4 font-semibold">{t('addDocument')}</h3>
        <AddDocumentForm consultationId={consultation.id} />
      </section>

      {phaseAllows('parties', status) && (
        <section aria-labelledby="choose-heading" className="mt-8">
          <h2 id="choose-heading" className="text-xl font-semibold">{t('partiesHeading')}</h2>
          <p className="text-sm text-slate-700">{t('partiesHelp')}</p>
          <PartiesForm
            consultationId={consultation.id}
            organisations={consultation.organisations.map((o) => ({ value: o.id, label: o.name, type: tRoot(`orgTypes.${o.type}`), checked: partyIds.has(o.id) }))}
          />
        </section>
      )}

      <section aria-labelledby="status-heading" className="mt-8">
        <h2 id="status-heading" className="text-xl font-semibold">{t('statusHeading')}</h2>
        {consultation.parties.length === 0 ? (
          <p>{t('noParties')}</p>
        ) : (
          <>
            <p className="mt-1 font-medium" data-submitted-count>{t('submittedOf', { submitted: countOf('SUBMITTED'), total: consultation.parties.length })}</p>
            <nav aria-label={t('statusFilter')} className="mt-2">
              <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                {([null, ...PARTY_STATUSES] as const).map((partyStatus) => (
                  <li key={partyStatus ?? 'all'}>
                    <Link href={filterLink(partyStatus)} aria-current={partyStatus === shownStatus ? 'page' : undefined} className={`${link} aria-[current=page]:font-bold aria-[current=page]:no-underline`}>
                      {partyStatus
                        ? t('filterStatus', { status: tRoot(`responses.statuses.${partyStatus}`), count: countOf(partyStatus) })
                        : t('filterAll', { count: consultation.parties.length })}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            {shownStatus && parties.matching === 0 && <p className="mt-2">{t('noPartiesWithStatus', { status: tRoot(`responses.statuses.${shownStatus}`) })}</p>}
          </>
        )}
        <ul className="mt-2 flex flex-col gap-4">
          {parties.shown.map((party) => (
            <li key={party.organisationId} className="rounded border border-slate-300 p-3" data-party={party.organisationName}>
              <h3 className="font-semibold">{party.organisationName}</h3>
              <p className="text-sm">
                {tRoot(`orgTypes.${party.organisationType}`)} · {t('membersCount', { count: party.members })} ·{' '}
                <strong>{tRoot(`responses.statuses.${party.status}`)}</strong>
                {party.channel && party.channel !== 'ONLINE' && ` (${t(`channels.${party.channel}`)})`}
              </p>
              <p className="text-sm">
                {t('deadlineIs', { date: when(party.deadline) })}
                {party.extended && ` (${tRoot('staff.extendedMark')})`} · {t('notifiedAt', { date: when(party.notifiedAt) })} · {t('remindedAt', { date: when(party.remindedAt) })}
              </p>
              <div className="mt-2 flex flex-wrap items-start gap-4">
                {party.status === 'SUBMITTED' && (
                  <Link href={`/staff/consultations/${consultation.id}/responses/${party.organisationId}`} className={link}>{t('readResponse', { organisation: party.organisationName })}</Link>
                )}
                {party.status !== 'SUBMITTED' && phaseAllows('registration', status) && (
                  <Link href={`/staff/consultations/${consultation.id}/register/${party.organisationId}`} className={link}>{t('registerFor', { organisation: party.organisationName })}</Link>
                )}
                {party.status !== 'SUBMITTED' && phaseAllows('reminder', status) && (
                  <ButtonForm action="remind" fields={{ consultationId: consultation.id, organisationId: party.organisationId }} label={t('remind', { organisation: party.organisationName })} />
                )}
              </div>
              {phaseAllows('partySettings', status) && (
                <p className="mt-2 text-sm">
                  <Link href={partyLink(party.organisationId)} className={link}>{t('partySettings', { organisation: party.organisationName, count: party.assignments.length })}</Link>
                </p>
              )}
            </li>
          ))}
        </ul>
        {parties.pages > 1 && (
          <nav aria-label={t('partyPages')} className="pagination mt-4" data-party-pages>
            <p className="text-sm">
              {t('partyPageOf', { page: parties.page, pages: parties.pages, from: (parties.page - 1) * PARTY_PAGE_SIZE + 1, to: (parties.page - 1) * PARTY_PAGE_SIZE + parties.shown.length, count: parties.matching })}
            </p>
            <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {parties.page > 1 && <li><Link href={filterLink(shownStatus, parties.page - 1)} className={link} rel="prev">{t('previousPage')}</Link></li>}
              {Array.from({ length: parties.pages }, (_, index) => index + 1).map((page) => (
                <li key={page}>
                  <Link href={filterLink(shownStatus, page)} aria-current={page === parties.page ? 'page' : undefined} className={`${link} aria-[current=page]:font-bold aria-[current=page]:no-underline`}>
                    {t('partyPage', { page })}
                  </Link>
                </li>
              ))}
              {parties.page < parties.pages && <li><Link href={filterLink(shownStatus, parties.page + 1)} className={link} rel="next">{t('nextPage')}</Link></li>}
            </ul>
          </nav>
        )}
      </section>

      {summary && (
        <section aria-labelledby="publication-heading" className="mt-10 max-w-3xl rounded border-2 border-slate-400 p-4">
          <h2 id="publication-heading" className="text-xl font-semibold">{t('publication.heading')}</h2>
          <p className="text-sm text-slate-700">{t('publication.help')}</p>
          <ul className="mt-2 list-disc pl-6">
            <li>{t('publication.published', { count: summary.published })}{summary.withoutNames > 0 && ` ${t('publication.withoutNames', { count: summary.withoutNames })}`}</li>
            <li>
              {t('publication.withheld', { count: summary.withheld.noConsent + summary.withheld.notSubmitted })}
              <ul className="list-disc pl-6">
                <li>{t('publication.noConsent', { count: summary.withheld.noConsent })}</li>
                <li>{t('publication.notSubmitted', { count: summary.withheld.notSubmitted })}</li>
              </ul>
            </li>
            {summary.confidentialAnswers > 0 && <li>{t('publication.confidentialAnswers', { count: summary.confidentialAnswers })}</li>}
          </ul>
          <p className="mt-2">
            {summary.namesPending > 0 ? <strong>{t('publication.namesPending', { count: summary.namesPending })}</strong> : t('publication.namesDone')}{' '}
            <Link href={`/staff/consultations/${consultation.id}/name-review`} className={link}>{t('publication.reviewLink')}</Link>
          </p>
          <PublishForm consultationId={consultation.id} published={summary.published} />
        </section>
      )}
    </ClientMessages>
  );
}
