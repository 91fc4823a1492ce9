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
            {/* A long name wraps; the role and the marks beside it stay whole. */}
            <span className="min-w-0 font-medium">{p.name}</span>
            <span className="shrink-0 text-sm whitespace-nowrap">· {tr(p.role)}</span>
            {p.id === youId && (
              <span className="shrink-0 text-sm whitespace-nowrap">({t('you')})</span>
            )}
            {!p.online && (
              <span className="shrink-0 text-sm whitespace-nowrap">({t('offline')})</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
