'use client';

import { useTranslations } from 'next-intl';
import { QrCode } from '../ui/qr-code';

/** After the lobby: a small QR code and the code, so that a latecomer can still join. */
export function JoinCorner({ joinUrl, code }: { joinUrl: string; code: string }) {
  const t = useTranslations('projector');
  return (
    <aside
      aria-label={t('latecomers', { code })}
      className="flex items-center gap-3 rounded-lg border border-stone-300 p-2"
      data-testid="join-corner"
    >
      {/* The QR scales with the page's type (1rem grows with the projector's width). */}
      <div className="size-28 shrink-0 [&_svg]:size-full">
        <QrCode url={joinUrl} />
      </div>
      <div className="flex flex-col">
        <p className="text-lg text-stone-700">{t('join')}</p>
        <p className="font-mono text-3xl font-bold tracking-widest">{code}</p>
      </div>
    </aside>
  );
}
