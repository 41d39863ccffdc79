import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { defaultLocale, isLocale, LOCALE_COOKIE } from './config';

// Danish first; English on request. The choice is kept in a cookie, so URLs stay the same.
export default getRequestConfig(async () => {
  const requested = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(requested) ? requested : defaultLocale;
  return {
    locale,
    timeZone: 'Europe/Copenhagen',
    messages: (await import(`./messages/${locale}.json`)).default,
  };
});
