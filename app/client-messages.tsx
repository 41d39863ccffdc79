import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { pageMessages } from '@/lib/i18n/client-messages';
import { FORM_MESSAGE_KEYS } from '@/lib/server/errors';

/**
 * Gives the client components below only the message namespaces they read (and, unless `forms` is
 * false, every message a form may show), instead of all messages: see lib/i18n/client-messages.ts.
 */
export async function ClientMessages({ namespaces, forms = true, children }: { namespaces: readonly string[]; forms?: boolean; children: React.ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pageMessages(messages, namespaces, forms ? FORM_MESSAGE_KEYS : [])}>{children}</NextIntlClientProvider>;
}
