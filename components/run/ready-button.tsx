'use client';

import { useTranslations } from 'next-intl';
import type { ControlState } from '@/lib/domain/workshop';
import { Button } from '../ui/button';
import { ErrorMessage } from '../ui/error-message';
import { useCommand } from './use-command';

/**
 * "I'm done" for the current phase; pressing again takes it back. Only where the phase has
 * no other signal of progress (`PHASE_PROGRESS` is 'ready'): an answer, a rating or the
 * dots spent count by themselves, so a person never has two things to finish.
 */
export function ReadyButton({ control, youId }: { control: ControlState; youId: string }) {
  const t = useTranslations('ready');
  const { run, error } = useCommand();
  const done = control.readiness.doneIds.includes(youId);
  return (
    <div className="flex flex-col gap-2">
      <Button
        aria-pressed={done}
        variant={done ? 'secondary' : 'primary'}
        onClick={() => void run('ready:set', { ready: !done })}
        data-testid="ready-button"
        className="self-start"
      >
        {done ? t('undo') : t('done')}
      </Button>
      <ErrorMessage code={error} />
    </div>
  );
}
