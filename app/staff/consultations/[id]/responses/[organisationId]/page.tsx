import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ButtonForm, ModerationForm } from '@/components/consultation-forms';
import { formatCopenhagen } from '@/lib/deadline';
import { isLocale } from '@/lib/i18n/config';
import { answerTarget, minorityTarget, publishedView } from '@/lib/moderation';
import { getSubmittedResponse } from '@/lib/server/moderation';
import { currentActor } from '@/lib/server/session';
import { ClientMessages } from '@/app/client-messages';

type Props = { params: Promise<{ id: string; organisationId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('consultations'))('moderationTitle') };
}

const link = 'text-blue-800 underline underline-offset-2';

export default async function ModerateResponsePage({ params }: Props) {
  const { id, organisationId } = await params;
  const key = { consultationId: id, organisationId };
  const [response, t, tRoot, localeName] = await Promise.all([getSubmittedResponse(await currentActor(), key), getTranslations('consultations'), getTranslations(), getLocale()]);
  if (!response || response.consultation.id !== id) notFound();
  const locale = isLocale(localeName) ? localeName : 'da';
  const { snapshot } = response.submission;
  const marker = t('redactedMarker');
  const published = publishedView(snapshot, response.moderations, marker);
  const rulesFor = (target: string) => response.moderations.filter((m) => m.target === target);
  const items = [
    { target: 'generalRemarks', label: tRoot('responses.generalRemarks'), text: snapshot.generalRemarks, note: null as string | null },
    ...snapshot.answers.map((a) => ({
      target: answerTarget(a.proposalId),
      label: `${a.code} ${a.title}`,
      text: a.comment,
      note: `${a.stance ? tRoot(`responses.stances.${a.stance}`) : t('noStance')}${a.confidential ? ` · ${t('confidential')}` : ''}`,
    })),
    ...snapshot.minorityStatements.map((m, index) => ({ target: minorityTarget(index, m.id), label: t('minorityBy', { author: m.author ?? '–' }), text: m.text, note: null })),
  ];

  return (
    <ClientMessages namespaces={['consultations', 'kinds', 'responses.noFile']}>
      <p className="text-sm"><Link href={`/staff/consultations/${id}`} className={link}>{t('backTo', { title: response.consultation.title })}</Link></p>
      <h1 className="text-2xl font-bold">{t('moderationHeading', { organisation: response.organisation.name })}</h1>
      <p className="mt-1">
        {t('receiptLine', { receipt: response.submission.receiptNumber, version: response.submission.version, date: formatCopenhagen(response.submission.submittedAt, locale) })}
        {response.registeredBy && ` · ${t('registeredBy', { name: response.registeredBy, channel: t(`channels.${response.channel}`), date: response.receivedAt ? formatCopenhagen(response.receivedAt, locale) : '–' })}`}
      </p>
      <p className="text-sm">{snapshot.publicationConsent ? t('consentYes') : t('consentNo')} · {snapshot.namesConsent ? t('namesYes') : t('namesNo')}</p>
      {response.attachments.length > 0 && (
        <ul className="mt-2 text-sm">
          {response.attachments.map((a) => (
            <li key={a.id}><a href={`/api/attachments/${a.id}`} className={link}>{a.fileName}</a></li>
          ))}
        </ul>
      )}
      <p className="mt-2 text-sm text-slate-700">{t('moderationHelp')}</p>

      <ol className="mt-4 flex flex-col gap-6">
        {items.map((item) => (
          <li key={item.target} className="border-b border-slate-300 pb-4">
            <h2 className="font-semibold">{item.label}</h2>
            {item.note && <p className="text-sm">{item.note}</p>}
            <p className="mt-1 whitespace-pre-wrap">{item.text || t('empty')}</p>
            {rulesFor(item.target).length > 0 && (
              <ul className="mt-2 flex flex-col gap-2 text-sm" aria-label={t('moderationsOf', { item: item.label })}>
                {rulesFor(item.target).map((rule) => (
                  <li key={rule.id} className="flex flex-wrap items-center gap-3 rounded bg-amber-50 p-2">
                    <span>
                      <strong>{t(`kinds.${rule.kind}`)}</strong>
                      {rule.passage && <> «{rule.passage}»</>} · {t('reasonIs', { reason: rule.reason })} · {rule.by ?? '–'}, {formatCopenhagen(rule.at, locale)}
                    </span>
                    <ButtonForm action="removeModeration" fields={{ consultationId: id, moderationId: rule.id }} label={t('removeModeration')} />
                  </li>
                ))}
              </ul>
            )}
            {item.text && <ModerationForm consultationId={id} organisationId={organisationId} target={item.target} label={item.label} />}
          </li>
        ))}
      </ol>

      <section aria-labelledby="preview-heading" className="mt-8 rounded border border-slate-400 p-4">
        <h2 id="preview-heading" className="text-xl font-semibold">{t('publicPreview')}</h2>
        {!published ? (
          <p>{t('notPublished')}</p>
        ) : (
          <>
            {published.generalRemarks && <p className="mt-2 whitespace-pre-wrap">{published.generalRemarks}</p>}
            <ul className="mt-2 flex flex-col gap-2">
              {published.answers.map((a) => (
                <li key={a.proposalId}>
                  <strong>{a.code}</strong> {a.stance && tRoot(`responses.stances.${a.stance}`)}
                  {a.comment !== null ? (a.comment && <>: <span className="whitespace-pre-wrap">{a.comment}</span></>) : <em> ({t('hiddenMark')})</em>}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </ClientMessages>
  );
}
