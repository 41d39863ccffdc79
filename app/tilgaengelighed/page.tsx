import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ContactLines, LegalSection, legalLink } from '@/components/legal-page';
import { env } from '@/lib/env';
import { getMunicipality } from '@/lib/server/municipality';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('legal.accessibility'))('link') };
}

const NON_COMPLIANT = ['generatedPdf', 'uploadedPdf'] as const;

/**
 * The accessibility statement in the structure of the Danish template (was.digst.dk): scope,
 * compliance status, non-accessible content, preparation, feedback and enforcement. When the
 * municipality has published its own statement, this page links to it instead.
 */
export default async function AccessibilityPage() {
  const [t, municipality] = await Promise.all([getTranslations('legal.accessibility'), getMunicipality()]);
  if (municipality.accessibilityStatementUrl) {
    return (
      <article className="max-w-prose">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="mt-2">{t('ownStatement', { municipality: municipality.name })}</p>
        <p className="mt-2"><a href={municipality.accessibilityStatementUrl} className={legalLink}>{t('ownStatementLink')}</a></p>
      </article>
    );
  }
  const hasContact = Boolean(municipality.contactEmail || municipality.contactPhone);
  return (
    <article className="max-w-prose">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2">{t('intro', { municipality: municipality.name })}</p>
      <p className="mt-2">{t('scope', { url: env().APP_URL })}</p>

      <LegalSection id="status" heading={t('statusHeading')}>
        <p>{t('status')}</p>
      </LegalSection>

      <LegalSection id="non-compliant" heading={t('nonCompliantHeading')}>
        <p>{t('nonCompliantIntro')}</p>
        <ul className="list-disc pl-6">
          {NON_COMPLIANT.map((key) => <li key={key}>{t(`nonCompliant.${key}`)}</li>)}
        </ul>
      </LegalSection>

      <LegalSection id="preparation" heading={t('preparationHeading')}>
        <p>{t('preparation', { date: t('preparedDate') })}</p>
      </LegalSection>

      <LegalSection id="feedback" heading={t('feedbackHeading')}>
        <p>{t(hasContact ? 'feedback' : 'feedbackMissing', { municipality: municipality.name })}</p>
        {hasContact && <ContactLines email={municipality.contactEmail} phone={municipality.contactPhone} />}
      </LegalSection>

      <LegalSection id="enforcement" heading={t('enforcementHeading')}>
        <p>{t('enforcement')}</p>
        <p><a href="https://www.was.digst.dk" className={legalLink}>{t('enforcementLink')}</a></p>
      </LegalSection>
    </article>
  );
}
