import { getRequestConfig } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import { CATALOGUES } from './catalogues';
import { asLocale, LOCALE_COOKIE, localeFromAcceptLanguage } from './config';

/** next-intl without locale routing: the language comes from a cookie, else the browser. */
export default getRequestConfig(async () => {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = cookie
    ? asLocale(cookie)
    : localeFromAcceptLanguage((await headers()).get('accept-language'));
  return { locale, messages: CATALOGUES[locale], timeZone: 'Europe/Helsinki' };
});
