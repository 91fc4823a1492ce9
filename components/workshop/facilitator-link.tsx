'use client';

import { useTranslations } from 'next-intl';
import { facilitatorUrl } from '@/lib/domain/links';
import { CopyField } from '../ui/copy-field';

/**
 * The link a facilitator keeps, in the header where they look for an address. The page
 * takes the key out of the address bar (it must not show on a shared screen), so a
 * bookmark of the bar would open nothing; this link opens the view anywhere. Closed at
 * first, so a projected facilitator screen does not show the key.
 */
export function FacilitatorLink({
  workshopId,
  facilitatorKey,
}: {
  workshopId: string;
  facilitatorKey: string;
}) {
  const t = useTranslations('facilitatorLink');
  const url = facilitatorUrl(window.location.origin, workshopId, facilitatorKey);
  return (
    <details className="group relative" data-testid="facilitator-link">
      <summary className="cursor-pointer rounded-md border border-stone-400 px-3 py-1.5 text-sm font-medium hover:bg-stone-100">
        <span aria-hidden="true">🔑 </span>
        {t('heading')}
      </summary>
      <div className="fixed inset-x-4 top-20 z-20 flex flex-col gap-3 rounded-xl border border-stone-300 bg-white p-4 shadow-lg sm:absolute sm:inset-x-auto sm:top-full sm:right-0 sm:mt-2 sm:w-[30rem]">
        <CopyField id="facilitator-url" label={t('link')} value={url} />
        <p className="text-sm text-stone-700">{t('help')}</p>
      </div>
    </details>
  );
}
