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
    // The panel is placed by the header (below it, at its right edge), wherever the header
    // has wrapped this button to.
    <details data-testid="facilitator-link">
      <summary className="flex cursor-pointer items-center gap-2 rounded-md border border-stone-400 px-3 py-1.5 text-sm font-medium hover:bg-stone-100">
        <KeyIcon />
        {t('heading')}
      </summary>
      <div className="absolute top-full right-4 z-20 mt-1 flex w-[min(30rem,calc(100vw-2rem))] flex-col gap-3 rounded-xl border border-stone-300 bg-white p-4 shadow-lg">
        <CopyField id="facilitator-url" label={t('link')} value={url} />
        <p className="text-sm text-stone-700">{t('help')}</p>
      </div>
    </details>
  );
}

function KeyIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="size-4"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <circle cx="8" cy="15" r="4" />
      <path d="M11 12l9-9M16 7l3 3M14 9l2 2" strokeLinecap="round" />
    </svg>
  );
}
