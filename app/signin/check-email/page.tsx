import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { env } from '@/lib/env';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('checkEmailTitle') };
}

export default async function CheckEmailPage() {
  const t = await getTranslations('auth');
  return (
    <div className="max-w-prose">
      <h1 className="text-2xl font-bold">{t('checkEmailTitle')}</h1>
      <p className="mt-2" role="status">{t('checkEmailBody', { minutes: env().MAGIC_LINK_MINUTES })}</p>
    </div>
  );
}
