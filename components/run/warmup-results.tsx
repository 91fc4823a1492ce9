'use client';

import { useTranslations } from 'next-intl';
import type { NpsFigure, WarmupResults } from '@/lib/analytics/warmup';

function Figure({ label, figure, testId }: { label: string; figure: NpsFigure; testId: string }) {
  const t = useTranslations('warmup');
  return (
    <div className="rounded-lg border border-stone-300 p-4" data-testid={testId}>
      <p className="text-sm font-medium">{label}</p>
      <p className="text-4xl font-bold tabular-nums">
        {figure.score > 0 ? `+${figure.score}` : figure.score}
      </p>
      <p className="text-sm">{t('detail', { ...figure })}</p>
    </div>
  );
}

export function WarmupResultsView({ results }: { results: WarmupResults | null }) {
  const t = useTranslations('warmup');
  return (
    <section aria-labelledby="warmup-results-heading" className="flex flex-col gap-3">
      <h3 id="warmup-results-heading" className="text-lg font-semibold">
        {t('results')}
      </h3>
      {results ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <Figure label={t('enps')} figure={results.enps} testId="enps" />
          <Figure
            label={t('estimate')}
            figure={results.customerEstimate}
            testId="customer-estimate"
          />
        </div>
      ) : (
        <p>{t('noAnswers')}</p>
      )}
    </section>
  );
}
