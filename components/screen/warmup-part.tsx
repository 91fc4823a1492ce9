'use client';

import { useTranslations } from 'next-intl';
import { can } from '@/lib/domain/permissions';
import { WarmupResultsView } from '../run/warmup-results';
import type { PartProps } from './part-props';

/** The warm-up: the two questions and the answers as they arrive; then the results. */
export function WarmupPart({ state }: PartProps) {
  const t = useTranslations('warmup');
  if (state.control.warmupClosed) {
    return <WarmupResultsView results={state.warmup.results} size="huge" />;
  }
  const total = state.participants.filter((p) => can(p.role, 'warmup.answer')).length;
  return (
    <section className="flex flex-col gap-10">
      <ol className="flex list-decimal flex-col gap-6 pl-16 text-5xl leading-tight">
        <li>{t('q1')}</li>
        <li>{t('q2')}</li>
      </ol>
      <p className="text-3xl text-stone-700">
        {t('low')} · {t('high')}
      </p>
      <p className="text-6xl font-bold" aria-live="polite" data-testid="warmup-answered">
        {t('answered', { count: state.warmup.answered, total })}
      </p>
    </section>
  );
}
