import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ContactLines, LegalSection, legalLink } from '@/components/legal-page';
import { env } from '@/lib/env';
import { getMunicipality } from '@/lib/server/municipality';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('legal.privacy'))('link') };
}

const DATA = ['members', 'staff', 'responses', 'signIns', 'audit', 'sessions'] as const;
const RIGHTS = ['access', 'rectification', 'erasure', 'restriction', 'objection'] as const;

/** What the app holds about whom, why, for how long, and the rights; the contacts come from the settings. */
export default async function PrivacyPage() {
  const [t, municipality] = await Promise.all([getTranslations('legal.privacy'), getMunicipality()]);
  const { SESSION_IDLE_MINUTES, SESSION_MAX_HOURS, MAGIC_LINK_MINUTES, INVITATION_DAYS } = env();
  const hasDpo = Boolean(municipality.dpoName || municipality.dpoEmail || municipality.dpoPhone);
  return (
    <article className="max-w-prose">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2">{t('intro', { municipality: municipality.name })}</p>
      {municipality.privacyPolicyUrl && (
        <p className="mt-2"><a href={municipality.privacyPolicyUrl} className={legalLink}>{t('municipalityPolicy')}</a></p>
      )}

      <LegalSection id="controller" heading={t('controllerHeading')}>
        <p>{t('controller', { controller: municipality.controllerName ?? municipality.name })}</p>
        <ContactLines address={municipality.controllerAddress} email={hasDpo ? null : municipality.contactEmail} phone={hasDpo ? null : municipality.contactPhone} />
      </LegalSection>

      <LegalSection id="dpo" heading={t('dpoHeading')}>
        <p>{t(hasDpo ? 'dpo' : 'dpoMissing')}</p>
        {hasDpo && <ContactLines name={municipality.dpoName} email={municipality.dpoEmail} phone={municipality.dpoPhone} />}
      </LegalSection>

      <LegalSection id="data" heading={t('dataHeading')}>
        <ul className="list-disc pl-6">
          {DATA.map((key) => <li key={key}>{t(`data.${key}`)}</li>)}
        </ul>
      </LegalSection>

      <LegalSection id="purpose" heading={t('purposeHeading')}>
        <p>{t('purpose')}</p>
        <p>{t('security')}</p>
      </LegalSection>

      <LegalSection id="recipients" heading={t('recipientsHeading')}>
        <p>{t('recipients')}</p>
      </LegalSection>

      <LegalSection id="retention" heading={t('retentionHeading')}>
        <ul className="list-disc pl-6">
          <li>{t('retention.sessions', { idleMinutes: SESSION_IDLE_MINUTES, maxHours: SESSION_MAX_HOURS })}</li>
          <li>{t('retention.links', { minutes: MAGIC_LINK_MINUTES, days: INVITATION_DAYS })}</li>
          <li>{t('retention.account')}</li>
          <li>{t('retention.responses')}</li>
          <li>{t('retention.logs')}</li>
        </ul>
      </LegalSection>

      <LegalSection id="rights" heading={t('rightsHeading')}>
        <p>{t('rightsIntro')}:</p>
        <ul className="list-disc pl-6">
          {RIGHTS.map((key) => <li key={key}>{t(`rights.${key}`)}</li>)}
        </ul>
        <p>{t('howTo')}</p>
        <p><Link href="/account" className={legalLink}>{t('accountLink')}</Link></p>
        <p>{t('complaint')} <a href="https://www.datatilsynet.dk" className={legalLink}>{t('complaintLink')}</a></p>
      </LegalSection>
    </article>
  );
}
