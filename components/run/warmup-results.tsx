'use client';

import { useTranslations } from 'next-intl';
import type { NpsFigure, WarmupResults } from '@/lib/analytics/warmup';
import { WarmupByRole } from './warmup-by-role';

type Size = 'normal' | 'huge';

/** Type sizes per size: label, score, detail. */
const TYPE: Record<Size, [string, string, string]> = {
  normal: ['text-sm', 'text-4xl', 'text-sm'],
  huge: ['text-3xl', 'text-9xl', 'text-2xl'],
};

function Figure({
  label,
  figure,
  testId,
  size,
}: {
  label: string;
  /** Null: too few answered for the room's figure to show (each answer would be told). */
  figure: NpsFigure | null;
  testId: string;
  size: Size;
}) {
  const t = useTranslations('warmup');
  const [labelType, scoreType, detailType] = TYPE[size];
  return (
    <div className="rounded-lg border border-stone-300 p-4" data-testid={testId}>
      <p className={`${labelType} font-medium`}>{label}</p>
      {figure ? (
        <>
          <p className={`${scoreType} font-bold tabular-nums`}>
            {figure.score > 0 ? `+${figure.score}` : figure.score}
          </p>
          <p className={detailType}>{t('detail', { ...figure })}</p>
        </>
      ) : (
        <p className={detailType}>{t('hiddenFew')}</p>
      )}
    </div>
  );
}

/** The warm-up's two figures, for the room and by role; 'huge' for the projector (default 'normal'). */
export function WarmupResultsView({
  results,
  size = 'normal',
}: {
  results: WarmupResults | null;
  size?: Size;
}) {
  const t = useTranslations('warmup');
  const huge = size === 'huge';
  return (
    <section aria-labelledby="warmup-results-heading" className="flex flex-col gap-3">
      <h3
        id="warmup-results-heading"
        className={huge ? 'text-4xl font-bold' : 'text-lg font-semibold'}
      >
        {t('results')}
      </h3>
      {results ? (
        <>
          <div className={`grid sm:grid-cols-2 ${huge ? 'gap-8' : 'gap-3'}`}>
            <Figure label={t('enps')} figure={results.enps} testId="enps" size={size} />
            <Figure
              label={t('estimate')}
              figure={results.customerEstimate}
              testId="customer-estimate"
              size={size}
            />
          </div>
          <WarmupByRole results={results} huge={huge} />
        </>
      ) : (
        <p className={huge ? 'text-3xl' : ''}>{t('noAnswers')}</p>
      )}
    </section>
  );
}
