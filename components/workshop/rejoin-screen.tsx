'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { saveToken } from '@/lib/client/credentials';
import { useBrowserValue } from '@/lib/client/use-browser-value';

/** Opens a personal rejoin link: keeps the token from the fragment, then enters the workshop. */
export function RejoinScreen({ workshopId }: { workshopId: string }) {
  const t = useTranslations('rejoin');
  const router = useRouter();
  const token = useBrowserValue<string | null | undefined>(
    () => new URLSearchParams(window.location.hash.slice(1)).get('t'),
    undefined,
  );
  useEffect(() => {
    if (!token) return;
    saveToken(workshopId, token);
    router.replace(`/w/${workshopId}`);
  }, [token, workshopId, router]);
  if (token === null) return <p role="alert">{t('invalid')}</p>;
  return <p aria-live="polite">{t('saving')}</p>;
}
