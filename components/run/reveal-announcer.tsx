'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import type { PathStep } from '@/lib/board/path-doc';
import { stepKey } from '@/lib/domain/ratings';
import type { ControlState } from '@/lib/domain/workshop';

/**
 * Tells screen readers when the facilitator reveals ratings: the charts change silently
 * otherwise. Only reveals that happen while the page is open are announced, not the
 * ones it found on arrival.
 */
export function RevealAnnouncer({ control, steps }: { control: ControlState; steps: PathStep[] }) {
  const t = useTranslations('reveal');
  const seen = useRef<ReadonlySet<string> | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    const before = seen.current;
    seen.current = new Set(control.revealed);
    if (before === null) return;
    const fresh = steps.filter((s) => {
      const key = stepKey(control.round, s.id);
      return control.revealed.includes(key) && !before.has(key);
    });
    if (fresh.length === 1 && fresh[0]) setMessage(t('announceStep', { title: fresh[0].title }));
    else if (fresh.length > 1) setMessage(t('announceMany', { count: fresh.length }));
  }, [control.revealed, control.round, steps, t]);
  return (
    <p aria-live="polite" className="sr-only" data-testid="reveal-announcement">
      {message}
    </p>
  );
}
