'use client';

import { useLocale } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect } from 'react';
import type { Locale } from '../domain/roles';
import { LOCALE_CHOSEN_COOKIE, LOCALE_COOKIE } from './config';

const YEAR_S = 60 * 60 * 24 * 365;

function writeCookie(name: string, value: string): void {
  document.cookie = `${name}=${value}; path=/; max-age=${YEAR_S}; samesite=lax`;
}

function personChoseLocale(): boolean {
  return document.cookie.split('; ').some((c) => c.startsWith(`${LOCALE_CHOSEN_COOKIE}=`));
}

/** Switches this person's own view; their choice then outranks any workshop's language. */
export function useSwitchLocale(): (locale: Locale) => void {
  const router = useRouter();
  return useCallback(
    (locale: Locale) => {
      writeCookie(LOCALE_COOKIE, locale);
      writeCookie(LOCALE_CHOSEN_COOKIE, '1');
      router.refresh();
    },
    [router],
  );
}

/** Shows the workshop in its own language unless this person picked one themselves. */
export function useWorkshopLocale(workshopLocale: Locale | undefined): void {
  const current = useLocale();
  const router = useRouter();
  useEffect(() => {
    if (!workshopLocale || workshopLocale === current || personChoseLocale()) return;
    writeCookie(LOCALE_COOKIE, workshopLocale);
    router.refresh();
  }, [workshopLocale, current, router]);
}
