'use client';

import { useTranslations } from 'next-intl';
import { StepCard } from '../run/step-card';
import type { PartProps } from './part-props';

/** The walk: the spotlighted step and its artefact (timer and progress sit around it). */
export function WalkPart({ state, steps }: PartProps) {
  const t = useTranslations('projector');
  const index = steps.findIndex((s) => s.id === state.control.stepId);
  const step = steps[index];
  if (!step) return <p className="text-4xl">{t('noStep')}</p>;
  return <StepCard step={step} index={index} total={steps.length} size="huge" />;
}
