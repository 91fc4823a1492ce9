'use client';

import { useTranslations } from 'next-intl';
import type { PathStep } from '@/lib/board/path-doc';
import { useJourneyAnalysis } from '@/lib/client/use-analysis';
import { EmotionCurve } from '../charts/emotion-curve';
import { useValenceFormat } from '../charts/format';
import { HeatMap } from '../charts/heat-map';
import { RevealStatus } from './reveal-status';

/** What the room sees after a reveal: the largest perception gap, the curves and the heat map. */
export function RevealView({
  steps,
  round,
  size = 'normal',
  heatMap = true,
}: {
  steps: PathStep[];
  round: number;
  size?: 'normal' | 'huge';
  /** Show the heat map of means under the curves. Default true. */
  heatMap?: boolean;
}) {
  const t = useTranslations();
  const valence = useValenceFormat();
  const analysis = useJourneyAnalysis(steps, round);
  const gap = analysis.rankings.perceptionGaps[0];
  const gapStep = gap ? steps[gap.index] : undefined;
  const huge = size === 'huge';
  return (
    <section className="flex min-w-0 flex-col gap-6">
      <RevealStatus steps={steps} huge={huge} />
      {gap && gapStep && gap.high && gap.low && (
        <div
          className="rounded-lg border-2 border-boot p-4"
          data-testid="biggest-gap"
          data-step-id={gapStep.id}
        >
          <p className={`${huge ? 'text-4xl' : 'text-xl'} font-bold`}>
            {t('reveal.biggestGap', { title: gapStep.title })}
          </p>
          <p className={huge ? 'text-3xl' : ''}>
            {t('reveal.gapDetail', {
              a: t(`roles.${gap.high.role}`),
              am: valence.level(gap.high.mean),
              b: t(`roles.${gap.low.role}`),
              bm: valence.level(gap.low.mean),
              gap: valence.size(gap.gap ?? 0),
            })}
          </p>
        </div>
      )}
      <EmotionCurve
        steps={steps}
        curve={analysis.curve}
        handoffs={analysis.handoffs.map((h) => h.fromIndex)}
        size={size}
      />
      {heatMap && <HeatMap steps={steps} curve={analysis.curve} size={size} />}
    </section>
  );
}
