'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { nextPhase, type Phase, previousPhase } from '@/lib/domain/phases';
import type { ControlState } from '@/lib/domain/workshop';
import { useSession } from '@/lib/stores/session-store';
import { Button } from '../ui/button';
import { ErrorMessage } from '../ui/error-message';
import { singleClick } from '../ui/single-click';

export function PhaseControls({ control }: { control: ControlState }) {
  const t = useTranslations();
  const send = useSession((s) => s.send);
  const [error, setError] = useState<string | null>(null);
  // The phases either side of the one on screen, by name: a second click sent before the
  // first one's change arrives asks for the same phase again instead of skipping one.
  const prev = previousPhase(control.enabledPhases, control.phase);
  const next = nextPhase(control.enabledPhases, control.phase);

  async function run(request: Promise<{ ok: boolean; error?: { code: string } }>) {
    const result = await request;
    setError(result.ok ? null : (result.error?.code ?? 'INTERNAL'));
  }
  const enter = (phase: Phase | null) => {
    if (phase) void run(send('phase:set', { phase }));
  };

  return (
    <section
      aria-labelledby="phase-controls-heading"
      className="flex flex-col gap-3 rounded-xl bg-white p-6 shadow-sm"
    >
      <h2 id="phase-controls-heading" className="text-lg font-semibold">
        {t('workshop.phase')}
      </h2>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={!prev} onClick={singleClick(() => enter(prev))}>
          ← {t('facilitator.previous')}
        </Button>
        <Button disabled={!next} onClick={singleClick(() => enter(next))}>
          {t('facilitator.next')} →
        </Button>
      </div>
      <label className="flex items-center gap-2 text-sm">
        {t('facilitator.goTo')}
        <select
          className="rounded border border-stone-400 bg-white px-2 py-1"
          value={control.phase}
          onChange={(e) => run(send('phase:set', { phase: e.target.value as Phase }))}
        >
          {control.enabledPhases.map((p) => (
            <option key={p} value={p}>
              {t(`phases.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <ErrorMessage code={error} />
    </section>
  );
}
