'use client';

import { useTranslations } from 'next-intl';
import type { WorkshopState } from '@/lib/domain/workshop';
import { Button } from '../ui/button';
import { ErrorMessage } from '../ui/error-message';
import { useCommand } from './use-command';
import { WarmupResultsView } from './warmup-results';

/** The facilitator closes the warm-up to show the results (the progress panel counts the answers). */
export function WarmupFacilitator({ state }: { state: WorkshopState }) {
  const t = useTranslations('warmup');
  const { run, error } = useCommand();
  if (state.control.warmupClosed) return <WarmupResultsView results={state.warmup.results} />;
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-stone-700">{t('facilitatorOnly')}</p>
      <Button onClick={() => run('warmup:close', {})} className="self-start">
        {t('close')}
      </Button>
      <ErrorMessage code={error} />
    </div>
  );
}
