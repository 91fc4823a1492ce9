'use client';

import { useTranslations } from 'next-intl';
import { QrCode } from '../ui/qr-code';
import type { PartProps } from './part-props';

/** The lobby: how to join, large enough to read and scan from the back of the room. */
export function LobbyPart({ state, joinUrl }: PartProps) {
  const t = useTranslations();
  const people = state.participants.filter((p) => p.role !== 'facilitator');
  return (
    <section className="flex h-full flex-wrap items-center gap-12">
      <div className="size-[24rem] shrink-0 [&_svg]:size-full">
        <QrCode url={joinUrl} />
      </div>
      <div className="flex min-w-0 flex-col gap-4">
        <p className="text-3xl wrap-anywhere">
          {t('screen.joinAt', { url: joinUrl.replace(/^https?:\/\//, '') })}
        </p>
        <p className="text-3xl">{t('screen.code')}</p>
        <p className="font-mono text-9xl font-bold tracking-widest" data-testid="join-code">
          {state.info.joinCode}
        </p>
        <p className="text-3xl" data-testid="present">
          {t('workshop.present', {
            online: people.filter((p) => p.online).length,
            total: people.length,
          })}
        </p>
      </div>
    </section>
  );
}
