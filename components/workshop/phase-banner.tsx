'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import type { ControlState } from '@/lib/domain/workshop';

/** The current phase; its heading takes focus on a change so screen readers hear it. */
export function PhaseBanner({ control }: { control: ControlState }) {
  const t = useTranslations();
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [control.phase]);
  const index = control.enabledPhases.indexOf(control.phase) + 1;
  return (
    <section aria-live="polite" className="rounded-xl bg-white p-6 shadow-sm">
      <p className="text-sm uppercase tracking-wide text-stone-600">
        {t('workshop.phaseOf', { index, total: control.enabledPhases.length })}
      </p>
      <h2
        ref={heading}
        tabIndex={-1}
        className="text-3xl font-bold"
        data-testid="phase-name"
        data-phase={control.phase}
      >
        {t(`phases.${control.phase}`)}
      </h2>
      <p className="mt-2 text-lg">{t(`phaseHelp.${control.phase}`)}</p>
    </section>
  );
}
