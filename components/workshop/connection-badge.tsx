'use client';

import { useTranslations } from 'next-intl';
import type { ConnectionStatus } from '@/lib/stores/session-store';

/** Shape and text carry the meaning; colour only repeats it. */
const LOOK: Record<ConnectionStatus, { icon: string; className: string }> = {
  connecting: { icon: '◌', className: 'border-amber-600 bg-amber-50 text-amber-900' },
  synced: { icon: '●', className: 'border-emerald-700 bg-emerald-50 text-emerald-900' },
  offline: { icon: '○', className: 'border-stone-500 bg-stone-100 text-stone-800' },
  error: { icon: '✕', className: 'border-red-700 bg-red-50 text-red-900' },
};

export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  const t = useTranslations('connection');
  const look = LOOK[status];
  return (
    <p
      role="status"
      data-status={status}
      className={`inline-flex items-center gap-2 rounded-full border px-3 py-1 text-sm ${look.className}`}
    >
      <span aria-hidden="true">{look.icon}</span>
      {t(status)}
    </p>
  );
}
