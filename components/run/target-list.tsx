'use client';

import { useTranslations } from 'next-intl';
import type * as Y from 'yjs';
import { type PathStep, setStepField } from '@/lib/board/path-doc';
import { EMOTION_NAMES, EMOTIONS, type Emotion } from '@/lib/domain/emotions';
import { inputClass } from '../ui/field';

function valenceText(emotion: string): string {
  const v = EMOTIONS[emotion as Emotion];
  return v === undefined ? '' : v > 0 ? `+${v}` : String(v);
}

/**
 * The target feeling of every step: the template's suggestion to start with, set for
 * good by the facilitator (editable only when `doc` is given and `editable`).
 */
export function TargetList({
  steps,
  doc,
  editable,
}: {
  steps: PathStep[];
  doc: Y.Doc | null;
  editable: boolean;
}) {
  const t = useTranslations();
  return (
    <section aria-labelledby="target-heading" className="flex flex-col gap-3">
      <h3 id="target-heading" className="text-lg font-semibold">
        {t('target.heading')}
      </h3>
      <p className="text-sm text-stone-700">{t('target.help')}</p>
      <ol className="flex flex-col gap-2" data-testid="target-list">
        {steps.map((step, i) => (
          <li
            key={step.id}
            className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-stone-300 bg-white p-3"
            data-step-id={step.id}
          >
            <span>
              <span className="text-sm text-stone-600">{i + 1}. </span>
              <span className="font-medium">{step.title}</span>
            </span>
            {editable && doc ? (
              <select
                aria-label={t('target.for', { title: step.title })}
                className={inputClass}
                value={step.targetFeeling}
                onChange={(e) => setStepField(doc, step.id, 'targetFeeling', e.target.value)}
              >
                {EMOTION_NAMES.map((e) => (
                  <option key={e} value={e}>
                    {t(`emotions.${e}`)} ({valenceText(e)})
                  </option>
                ))}
              </select>
            ) : (
              <span data-testid="target-feeling">
                {t(`emotions.${step.targetFeeling}`)} ({valenceText(step.targetFeeling)})
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
