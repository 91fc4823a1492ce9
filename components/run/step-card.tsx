'use client';

import { useTranslations } from 'next-intl';
import type { PathStep } from '@/lib/board/path-doc';
import { ChannelLabel } from '../path/channel-label';

/** One step as a participant meets it: what happens, where, who owns it, and the artefact. */
export function StepCard({
  step,
  index,
  total,
  size = 'normal',
}: {
  step: PathStep;
  index: number;
  total: number;
  size?: 'normal' | 'huge';
}) {
  const t = useTranslations();
  const huge = size === 'huge';
  return (
    <article
      className="flex flex-col gap-3"
      aria-labelledby={`step-card-${step.id}`}
      data-testid="step-card"
      data-step-id={step.id}
    >
      <p className={`${huge ? 'text-2xl' : 'text-sm'} text-stone-700`}>
        {t('walk.step', { n: index + 1, total })} · {t(`stages.${step.stage}`)} ·{' '}
        <ChannelLabel channel={step.channel} /> · {step.department}
        {step.critical && (
          <span className="ml-2 font-medium text-boot-dark">
            <span aria-hidden="true">★ </span>
            {t('path.critical')}
          </span>
        )}
      </p>
      <h2 id={`step-card-${step.id}`} className={`${huge ? 'text-6xl' : 'text-3xl'} font-bold`}>
        {step.title}
      </h2>
      {step.description && <p className={huge ? 'text-3xl' : 'text-lg'}>{step.description}</p>}
      {step.artefact && (
        <figure className="rounded-md border border-stone-400 bg-stone-50 p-4 shadow-inner">
          <figcaption className="mb-2 text-xs font-semibold uppercase tracking-wide text-stone-600">
            {t('walk.artefact')}
          </figcaption>
          <p className={`whitespace-pre-wrap font-mono ${huge ? 'text-3xl' : ''}`}>
            {step.artefact}
          </p>
        </figure>
      )}
    </article>
  );
}
