'use client';

import { useEffect } from 'react';
import { useTranslations } from 'next-intl';

// Users get a plain Danish message; the detail stays in the server log (digest links them).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  useEffect(() => {
    console.error(error.digest ?? error.message);
  }, [error]);
  return (
    <div role="alert">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2">{t('body')}</p>
      <button type="button" onClick={reset} className="button button-primary mt-4">{t('retry')}</button>
    </div>
  );
}
