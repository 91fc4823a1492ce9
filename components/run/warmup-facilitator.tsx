'use client';

import { useTranslations } from 'next-intl';
import { can } from '@/lib/domain/permissions';
import type { WorkshopState } from '@/lib/domain/workshop';
import { Button } from '../ui/button';
import { ErrorMessage } from '../ui/error-message';
import { useCommand } from './use-command';
import { WarmupResultsView } from './warmup-results';

/** The facilitator sees how many have answered, and closes the warm-up to show the results. */
export function WarmupFacilitator({ state }: { state: WorkshopState }) {
  const t = useTranslations('warmup');
  const { run, error } = useCommand();
  const total = state.participants.filter((p) => can(p.role, 'warmup.answer')).length;
  if (state.control.warmupClosed) return <WarmupResultsView results={state.warmup.results} />;
  return (
    <div className="flex flex-col gap-3">
      <p className="text-lg" data-testid="warmup-answered">
        {t('answered', { count: state.warmup.answered, total })}
      </p>
      <p className="text-sm text-stone-700">{t('facilitatorOnly')}</p>
      <Button onClick={() => run('warmup:close', {})} className="self-start">
        {t('close')}
      </Button>
      <ErrorMessage code={error} />
    </div>
  );
}
