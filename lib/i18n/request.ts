import { getRequestConfig } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import { asLocale, LOCALE_COOKIE, localeFromAcceptLanguage } from './config';
import en from './messages/en.json';
import fi from './messages/fi.json';

export const catalogues = { en, fi } as const;

/** next-intl without locale routing: the language comes from a cookie, else the browser. */
export default getRequestConfig(async () => {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = cookie
    ? asLocale(cookie)
    : localeFromAcceptLanguage((await headers()).get('accept-language'));
  return { locale, messages: catalogues[locale], timeZone: 'Europe/Helsinki' };
});
