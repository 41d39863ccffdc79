import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('errorTitle') };
}

// Auth.js names the failure in ?error=; the user gets a plain explanation, never the code's detail.
const MESSAGES = { AccessDenied: 'errorAccessDenied', Verification: 'errorVerification' } as const;

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const t = await getTranslations('auth');
  const key = error && error in MESSAGES ? MESSAGES[error as keyof typeof MESSAGES] : 'errorDefault';
  return (
    <div className="max-w-prose">
      <h1 className="text-2xl font-bold">{t('errorTitle')}</h1>
      <p className="mt-2">{t(key)}</p>
      <p className="mt-4"><Link href="/signin" className="text-blue-800 underline underline-offset-2">{t('tryAgain')}</Link></p>
    </div>
  );
}
