'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { EMOTION_NAMES, type Emotion } from '@/lib/domain/emotions';

/**
 * The feeling a participant now expects at the next step: the promise this step made them
 * (lib/analytics/promises.ts). Optional: one tap on the palette picks it, a tap on the
 * picked one clears it, so the choices are toggle buttons (a radio cannot be unpicked).
 */
export function ExpectedNext({
  value,
  disabled,
  onChange,
}: {
  value: Emotion | undefined;
  disabled: boolean;
  onChange: (next: Emotion | undefined) => void;
}) {
  const t = useTranslations();
  const help = useId();
  return (
    <fieldset disabled={disabled} aria-describedby={help} className="flex flex-col gap-2">
      <legend className="mb-1 font-medium">{t('rate.expectNext')}</legend>
      <p id={help} className="text-sm text-stone-700">
        {t('rate.expectNextHelp')}
      </p>
      <div className="flex flex-wrap gap-1.5">
        {EMOTION_NAMES.map((name) => {
          const on = value === name;
          return (
            <button
              key={name}
              type="button"
              aria-pressed={on}
              onClick={() => onChange(on ? undefined : name)}
              // a11y: picked is not told by colour alone: a check mark, as on the chips.
              className="relative min-h-11 rounded-md border border-stone-400 bg-white px-3 text-sm focus-visible:outline-3 focus-visible:outline-blue-700 aria-pressed:border-boot aria-pressed:bg-boot aria-pressed:pr-5 aria-pressed:text-white disabled:opacity-60"
            >
              {t(`emotions.${name}`)}
              {on && (
                <span aria-hidden="true" className="absolute top-0 right-1 text-xs font-bold">
                  ✓
                </span>
              )}
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}
