'use client';

import { useTranslations } from 'next-intl';
import { CopyField } from '../ui/copy-field';
import { QrCode } from '../ui/qr-code';

/** How people get in: the code, a QR code of the join link, and the links to share. */
export function JoinPanel({ workshopId, joinCode }: { workshopId: string; joinCode: string }) {
  const t = useTranslations('facilitator');
  const tScreen = useTranslations('screen');
  const tSummary = useTranslations('summary');
  const origin = window.location.origin;
  const joinUrl = `${origin}/join/${joinCode}`;
  return (
    <section aria-label={t('joinCode')} className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-4">
        <QrCode url={joinUrl} sizePx={150} />
        <div>
          <p className="text-sm">{t('joinCode')}</p>
          <p className="font-mono text-4xl font-bold tracking-widest" data-testid="join-code">
            {joinCode}
          </p>
        </div>
      </div>
      <CopyField id="join-url" label={t('joinUrl')} value={joinUrl} />
      <a
        href={`/w/${workshopId}/screen`}
        target="_blank"
        rel="noopener"
        className="self-start text-blue-800 underline"
      >
        {tScreen('open')}
      </a>
      <a
        href={`/w/${workshopId}/summary`}
        target="_blank"
        rel="noopener"
        className="self-start text-blue-800 underline"
      >
        {tSummary('open')}
      </a>
    </section>
  );
}
