'use client';

import type { ReactNode } from 'react';
import { useSession } from '@/lib/stores/session-store';
import { LocaleSwitcher } from '../locale-switcher';
import { ConnectionBadge } from './connection-badge';
import { StorageNotice } from './storage-notice';

/** `tools`: what a role keeps at hand beside the connection status (the facilitator's link). */
export function WorkshopHeader({ title, tools }: { title: ReactNode; tools?: ReactNode }) {
  const status = useSession((s) => s.status);
  return (
    <header className="relative flex flex-wrap items-center justify-between gap-3 border-b border-stone-300 bg-white px-4 py-3">
      <h1 className="text-xl font-bold">{title}</h1>
      <div className="flex flex-wrap items-center gap-4">
        {tools}
        <ConnectionBadge status={status} />
        <LocaleSwitcher />
      </div>
      <StorageNotice />
    </header>
  );
}
