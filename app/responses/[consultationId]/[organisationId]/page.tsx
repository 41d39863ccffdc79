import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { CommitteeName } from '@/components/committee-name';
import { ProposalAmounts } from '@/components/proposal-amounts';
import { ExpandableSummary } from '@/components/response/expandable-summary';
import { LiveResponse } from '@/components/response/live-response';
import { AnswerCard, GeneralRemarksField } from '@/components/response/response-editor';
import { ResponseOrientation } from '@/components/response/response-orientation';
import { AttachmentForm, ConsentForm, MinorityStatementForm, OwnMinorityStatementForms, SubmissionForm } from '@/components/response/response-forms';
import { answerState } from '@/lib/answer-state';
import { formatCopenhagen } from '@/lib/deadline';
import { isLocale } from '@/lib/i18n/config';
import { answeredVersions } from '@/lib/server/proposal-versions';
import { responseFormContext } from '@/lib/server/response-form';
import { getResponseWorkspace } from '@/lib/server/responses/workspace';
import { currentActor } from '@/lib/server/session';
import { ClientMessages } from '@/app/client-messages';

type Props = { params: Promise<{ consultationId: string; organisationId: string }>; searchParams: Promise<{ unanswered?: string | string[]; saved?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('responses'))('title') };
}

export default async function ResponsePage({ params, searchParams }: Props) {
  const keys = await params;
  // Without JavaScript, "Vis kun ubesvarede" is this link; with it, the cards are hidden in the browser.
  const { unanswered, saved } = await searchParams;
  const onlyUnanswered = unanswered === '1';
  // Without JavaScript a section's save comes back here with ?saved=<its anchor>, to say "Gemt" there.
  const savedSection = typeof saved === 'string' ? saved : undefined;
  const actor = await currentActor();
  if (actor.kind !== 'user') redirect(`/signin?callbackUrl=/responses/${keys.consultationId}/${keys.organisationId}`);
  const [workspace, t, tProposal, locale] = await Promise.all([getResponseWorkspace(actor, keys), getTranslations('responses'), getTranslations('proposal'), getLocale()]);
  if (!workspace) notFound();
  const [versions, context] = await Promise.all([answeredVersions(actor, keys), responseFormContext(actor, keys)]);
  const lang = isLocale(locale) ? locale : 'da';
  const member = workspace.membershipRole !== null;
  const editable = member && workspace.open && workspace.status === 'DRAFT';
  const latest = workspace.submissions[0];
  const entries = workspace.proposals.map((p) => ({ code: p.code, title: p.title, state: answerState(p) }));
  const shown = onlyUnanswered ? workspace.proposals.filter((p) => answerState(p) === 'unanswered') : workspace.proposals;
  const sections = [
    { id: 'general', label: t('generalRemarks') },
    { id: 'consent', label: t('consentHeading') },
    { id: 'attachments', label: t('attachments') },
    { id: 'minority', label: t('minorityStatements') },
    { id: 'submit', label: t('submitHeading') },
  ];

  return (
    <ClientMessages namespaces={['responses', 'proposalVersions']}>
      <h1 className="text-2xl font-bold">{t('title')}: {workspace.organisation.name}</h1>
      <p className="mt-1">{workspace.consultation.title}</p>
      <p className="mt-1 font-semibold">{t('deadline', { date: formatCopenhagen(workspace.deadline, lang) })}</p>
      {!workspace.open && <p role="alert" className="mt-2 rounded bg-amber-100 p-2">{t('closed')}</p>}
      {workspace.status === 'SUBMITTED' && latest && (
        <p role="status" className="mt-2 rounded bg-green-100 p-2 text-green-900" data-receipt={latest.receiptNumber}>
          {t('submittedNotice', { version: latest.version, receipt: latest.receiptNumber })}
        </p>
      )}
      {workspace.status === 'DRAFT' && latest && (
        <p role="status" className="mt-2 rounded bg-amber-100 p-2">{t('reopened')}</p>
      )}

      {editable && (
        <noscript>
          <p className="alert alert-info mt-2">{t('noScriptNotice')}</p>
        </noscript>
      )}

      <LiveResponse keys={keys} deadline={workspace.deadline.toISOString()}>
      <ResponseOrientation entries={entries} serverFiltered={onlyUnanswered} sections={sections}>
        <section id="general" aria-labelledby="general-heading">
          <h2 id="general-heading" className="text-xl font-semibold">{t('generalRemarks')}</h2>
          <GeneralRemarksField keys={keys} text={workspace.generalRemarks.text} version={workspace.generalRemarks.version} lastEditedBy={workspace.lastEdit?.by ?? null} disabled={!editable} savedSection={savedSection} />
        </section>

        <section aria-labelledby="proposals-heading" className="mt-6">
          <h2 id="proposals-heading" className="text-xl font-semibold">{t('proposalsHeading')}</h2>
          <div className="mt-2 flex flex-col gap-4">
            {shown.map((proposal) => {
              const facts = context.proposals.get(proposal.id);
              return (
                <AnswerCard key={proposal.id} keys={keys} disabled={!editable} savedSection={savedSection} answer={{ ...proposal, lastEditedBy: proposal.lastEdit?.by ?? null, proposalVersion: versions.get(proposal.id)?.current ?? 1, answeredVersion: versions.get(proposal.id)?.answered ?? null }}>
                  {facts && (
                    <div className="mt-1" data-proposal-context>
                      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 text-sm">
                        <dt className="font-semibold">{tProposal('list')}</dt>
                        <dd>{proposal.list}</dd>
                        <dt className="font-semibold">{tProposal('committee')}</dt>
                        <dd><CommitteeName committee={facts.committee} /></dd>
                      </dl>
                      <h4 className="mt-2 text-sm font-semibold">{tProposal('summary')}</h4>
                      <ExpandableSummary id={`summary-${proposal.code}`} text={facts.summary} />
                      <ProposalAmounts lines={facts.lines} years={context.years} compact={{ code: proposal.code }} />
                    </div>
                  )}
                </AnswerCard>
              );
            })}
          </div>
        </section>

        <section id="consent" aria-labelledby="consent-heading" className="mt-6">
          <h2 id="consent-heading" className="text-xl font-semibold">{t('consentHeading')}</h2>
          <ConsentForm keys={keys} publicationConsent={workspace.publicationConsent} namesConsent={workspace.namesConsent} disabled={!editable} />
        </section>

        <section id="attachments" aria-labelledby="attachments-heading" className="mt-6">
          <h2 id="attachments-heading" className="text-xl font-semibold">{t('attachments')}</h2>
          <ul className="my-2">
            {workspace.attachments.map((attachment) => (
              <li key={attachment.id}>
                <a href={`/api/attachments/${attachment.id}`} className="text-blue-800 underline underline-offset-2">{attachment.fileName}</a>
              </li>
            ))}
          </ul>
          {editable && <AttachmentForm keys={keys} />}
        </section>

        <section id="minority" aria-labelledby="minority-heading" className="mt-6">
          <h2 id="minority-heading" className="text-xl font-semibold">{t('minorityStatements')}</h2>
          <p className="text-slate-700">{t('minorityIntro')}</p>
          <ul className="my-2 flex flex-col gap-2">
            {workspace.minorityStatements.map((statement) => (
              <li key={statement.id} className="rounded bg-slate-100 p-2">
                <p className="text-sm font-semibold">{statement.author}</p>
                <p className="whitespace-pre-wrap">{statement.text}</p>
                {editable && statement.mine && <OwnMinorityStatementForms key={statement.text} keys={keys} statement={statement} />}
              </li>
            ))}
          </ul>
          {editable && <MinorityStatementForm keys={keys} />}
        </section>

        <section id="submit" aria-labelledby="submit-heading" className="mt-6">
          <h2 id="submit-heading" className="text-xl font-semibold">{t('submitHeading')}</h2>
          <p className="text-slate-700">{t('submitIntro')}</p>
          {workspace.membershipRole !== 'SUBMITTER' && <p className="mt-2">{t('onlySubmitter')}</p>}
          {workspace.membershipRole === 'SUBMITTER' && workspace.open && (
            <div className="mt-2">
              <SubmissionForm key={workspace.status} keys={keys} submitted={workspace.status === 'SUBMITTED'} />
            </div>
          )}
          {workspace.submissions.length > 0 && (
            <>
              <h3 className="mt-4 font-semibold">{t('versions')}</h3>
              <ul className="text-sm">
                {workspace.submissions.map((s) => (
                  <li key={s.version}>{t('versionLine', { version: s.version, receipt: s.receiptNumber, date: formatCopenhagen(s.submittedAt, lang), name: s.by ?? '' })}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      </ResponseOrientation>
      </LiveResponse>
    </ClientMessages>
  );
}
