'use client';

import { useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';
import type { ControlState } from '@/lib/domain/workshop';
import { Button } from '../ui/button';
import { ErrorMessage } from '../ui/error-message';
import { useCommand } from './use-command';

/** What the form beside "I'm done" holds, so that pressing it never loses a picked answer. */
export interface DoneGuard {
  /** What is still to pick when only part of the answer is picked; null when none or all is. */
  missing: string | null;
  /** Nothing picked (or nothing saved where nothing can be picked any more). */
  empty: boolean;
  /** Saves complete answers the server does not have yet; false when it refused them. */
  save: () => Promise<boolean>;
}

/**
 * "I'm done" for the current step or phase; pressing again takes it back. With a guard, it
 * first saves what the person picked, and with a half-picked answer it says what is missing
 * and marks done only on a second, explicit press ("I'm done without answering").
 */
export function ReadyButton({
  control,
  youId,
  guard,
}: {
  control: ControlState;
  youId: string;
  guard?: DoneGuard;
}) {
  const t = useTranslations('ready');
  const { run, error } = useCommand();
  const [confirming, setConfirming] = useState<string | null>(null);
  const busy = useRef(false);
  const noteId = useId();
  const done = control.readiness.doneIds.includes(youId);
  const missing = guard?.missing ?? null;
  // Asked for this very gap: picking the rest (or something else) asks again.
  const askedAnyway = missing !== null && confirming === missing;

  async function press() {
    if (busy.current) return;
    if (done) {
      await run('ready:set', { ready: false });
      return;
    }
    if (missing !== null && !askedAnyway) {
      setConfirming(missing);
      return;
    }
    busy.current = true;
    try {
      // Done only once the answers are stored: a refusal shows beside the form instead.
      if (missing === null && guard && !(await guard.save())) return;
      if (await run('ready:set', { ready: true })) setConfirming(null);
    } finally {
      busy.current = false;
    }
  }

  const note = done
    ? guard && (guard.empty || missing !== null)
      ? t('doneWithoutAnswer')
      : ''
    : askedAnyway
      ? `${missing} ${t('orDoneAnyway')}`
      : '';

  return (
    <div className="flex flex-col gap-2">
      <Button
        aria-pressed={done}
        aria-describedby={noteId}
        variant={done ? 'secondary' : 'primary'}
        onClick={() => void press()}
        data-testid="ready-button"
        className="self-start"
      >
        {done ? t('undo') : askedAnyway ? t('doneAnyway') : t('done')}
      </Button>
      <p id={noteId} aria-live="polite" className="text-sm" data-testid="ready-note">
        {note}
      </p>
      <ErrorMessage code={error} />
    </div>
  );
}
