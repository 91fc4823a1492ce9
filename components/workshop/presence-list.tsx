'use client';

import { useTranslations } from 'next-intl';
import type { ParticipantView } from '@/lib/domain/workshop';

export function PresenceList({
  participants,
  youId,
}: {
  participants: ParticipantView[];
  youId: string | null;
}) {
  const t = useTranslations('workshop');
  const tr = useTranslations('roles');
  const online = participants.filter((p) => p.online).length;
  return (
    <section aria-labelledby="presence-heading">
      <h2 id="presence-heading" className="mb-2 text-lg font-semibold">
        {t('present', { online, total: participants.length })}
      </h2>
      <ul className="flex flex-col gap-1" data-testid="presence-list">
        {participants.map((p) => (
          <li
            key={p.id}
            className={`flex items-center gap-2 ${p.online ? '' : 'text-stone-500'}`}
            data-online={p.online}
          >
            <span aria-hidden="true">{p.online ? '●' : '○'}</span>
            <span className="font-medium">{p.name}</span>
            <span className="text-sm">· {tr(p.role)}</span>
            {p.id === youId && <span className="text-sm">({t('you')})</span>}
            {!p.online && <span className="text-sm">({t('offline')})</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
