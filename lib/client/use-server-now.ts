'use client';

import { useEffect, useState } from 'react';
import { useSession } from '../stores/session-store';

const TICK_MS = 250;

/** Server time (this browser's clock corrected by the measured offset), ticking while `active`. */
export function useServerNow(active: boolean): number {
  const offsetMs = useSession((s) => s.offsetMs);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(id);
  }, [active]);
  return now + offsetMs;
}

/** 125000 → "2:05" */
export function formatDuration(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}
