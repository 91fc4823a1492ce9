import { DEFAULT_LOCALE, LOCALES, type Locale } from '../domain/roles';

/** Cookie holding the language a person sees. */
export const LOCALE_COOKIE = 'NEXT_LOCALE';
/** Set when the person picked a language themselves; then a workshop's language does not override it. */
export const LOCALE_CHOSEN_COOKIE = 'locale_chosen';

export function asLocale(value: string | undefined | null): Locale {
  return LOCALES.includes(value as Locale) ? (value as Locale) : DEFAULT_LOCALE;
}

/** The first supported language in an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null): Locale {
  for (const part of (header ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().slice(0, 2).toLowerCase();
    if (LOCALES.includes(tag as Locale)) return tag as Locale;
  }
  return DEFAULT_LOCALE;
}
