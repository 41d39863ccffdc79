import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

// Shown with status 403 wherever the domain layer refuses a page (the 'forbidden' DomainError, lib/server/errors.ts).
export default async function Forbidden() {
  const t = await getTranslations('errors');
  return (
    <>
      <h1 className="text-2xl font-bold">{t('forbiddenTitle')}</h1>
      <p className="mt-2">{t('forbiddenBody')}</p>
      <p className="mt-4"><Link href="/" className="text-blue-800 underline underline-offset-2">{t('home')}</Link></p>
    </>
  );
}
