import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('errors');
  return (
    <>
      <h1 className="text-2xl font-bold">{t('notFoundTitle')}</h1>
      <p className="mt-2">{t('notFoundBody')}</p>
      <p className="mt-4"><Link href="/" className="text-blue-800 underline underline-offset-2">{t('home')}</Link></p>
    </>
  );
}
