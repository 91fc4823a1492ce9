'use client';

import { useTranslations } from 'next-intl';
import { QrCode } from '../ui/qr-code';
import { CopyField } from '../ui/copy-field';

/** A personal link (token in the fragment) to continue as oneself on another device. */
export function RejoinLink({ workshopId, token }: { workshopId: string; token: string }) {
  const t = useTranslations('rejoin');
  const url = `${window.location.origin}/rejoin/${workshopId}#t=${encodeURIComponent(token)}`;
  return (
    <details className="rounded-xl bg-white p-4 shadow-sm">
      <summary className="cursor-pointer font-medium">{t('heading')}</summary>
      <div className="mt-3 flex flex-col gap-3">
        <p className="text-sm">{t('help')}</p>
        <QrCode url={url} sizePx={160} />
        <CopyField id="rejoin-url" label={t('link')} value={url} />
      </div>
    </details>
  );
}
